/** Ctrl-C and SIGTERM during a long command: remembered, so the work rolls back and exits 130. */
export interface InterruptWatch {
  interrupted: () => boolean;
  dispose: () => void;
}

/** Watches SIGINT/SIGTERM until disposed; a second signal exits at once. `notify` runs on the first. */
export function onInterrupt(notify?: () => void): InterruptWatch {
  let hit = false;
  const handler = (): void => {
    if (hit) process.kill(process.pid, 'SIGKILL');
    hit = true;
    notify?.();
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    interrupted: () => hit,
    dispose: () => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}
