// The end-to-end tests run the built binary: `npm test` builds first (tsc), and this checks
// that the build is there so a stale or missing dist/ fails loudly instead of mysteriously.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const main = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
  if (!existsSync(main)) throw new Error('dist/ is missing: run `npm run build` (npm test does it) before vitest');
}
