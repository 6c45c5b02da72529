// Preload for the start-up tests (node --import): records every module the process loads in the
// file named by $TRACE_LOADS_FILE, one path or URL a line. ES modules are seen by a load hook
// (trace-loads-hooks.mjs, which runs in the loader's own thread); CommonJS modules loaded with
// require() are read from the require cache when the process exits.
import { appendFileSync } from 'node:fs';
import { Module, register } from 'node:module';

const file = process.env.TRACE_LOADS_FILE;
if (file) {
  register('./trace-loads-hooks.mjs', import.meta.url);
  process.on('exit', () => {
    const cjs = Object.keys(Module._cache);
    if (cjs.length > 0) appendFileSync(file, cjs.join('\n') + '\n');
  });
}
