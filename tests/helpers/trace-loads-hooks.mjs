// Module hooks of trace-loads.mjs: appends the URL of every module loaded to $TRACE_LOADS_FILE.
import { appendFileSync } from 'node:fs';

export async function load(url, context, nextLoad) {
  const result = await nextLoad(url, context);
  if (process.env.TRACE_LOADS_FILE) appendFileSync(process.env.TRACE_LOADS_FILE, url + '\n');
  return result;
}
