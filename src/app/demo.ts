/** The demo: the sample month imported into its own database, then a short tour on stdout. */
export async function runDemo(..._args: unknown[]): Promise<void> {
  throw new Error('demo not yet implemented');
}
