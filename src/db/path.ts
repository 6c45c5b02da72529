/** The database path from --db, $HOTLINE_DB or the default ./hotline.db. */
export function resolveDbPath(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  return flag ?? (env.HOTLINE_DB || './hotline.db');
}
