/**
 * The live `hotline watch` (docs/watch.md): on a terminal, the alternate screen with the cursor
 * hidden, one write per frame (home, the lines each cleared to their end, the rest of the screen
 * cleared: no flicker), redrawn when the terminal is resized, q or Ctrl-C to quit (exit 0, the
 * screen and cursor given back); elsewhere one line per refresh. A refresh that fails (the file
 * changed while read, the database busy) shows its error and the next one tries again.
 */
import { AppError } from '../../errors.js';
import { onInterrupt } from '../interrupt.js';
import type { Runtime } from '../runtime.js';
import type { Refresh } from './watch.js';

export interface LiveOptions {
  every: number;
  /** Set to 1 on quitting: an import under way rolls back. */
  interrupt: SharedArrayBuffer;
  refresh: () => Promise<Refresh>;
  frame: (r: Refresh, size: { width: number; height: number }) => string[];
  line: (r: Refresh) => string;
}

const ENTER = '\u001b[?1049h\u001b[?25l';
const LEAVE = '\u001b[?25h\u001b[?1049l';

/** One frame as one write: from the top left, each line cleared to its end, the screen below cleared. */
export function frameText(lines: readonly string[]): string {
  return '\u001b[H' + lines.map((l) => l + '\u001b[K').join('\r\n') + '\u001b[J';
}

export async function runLive(rt: Runtime, o: LiveOptions): Promise<void> {
  const out = rt.stdout;
  const tty = Boolean(out.isTTY) && rt.env.TERM !== 'dumb';
  const keys = tty && Boolean(rt.stdin.isTTY) && typeof rt.stdin.setRawMode === 'function';
  let stopped = false;
  let wake: (() => void) | undefined;
  let last: Refresh | undefined;
  const quit = (): void => {
    stopped = true;
    Atomics.store(new Int32Array(o.interrupt), 0, 1);
    wake?.();
  };
  const signals = onInterrupt(quit);
  const draw = (): void => {
    if (last) out.write(frameText(o.frame(last, { width: out.columns > 0 ? out.columns : 80, height: out.rows > 0 ? out.rows : 24 })));
  };
  const onKey = (data: Buffer | string): void => {
    const s = String(data);
    if (s.includes('q') || s.includes('Q') || s.includes('\u0003')) quit();
  };
  if (tty) {
    out.write(ENTER);
    out.on('resize', draw);
  }
  if (keys) {
    rt.stdin.setRawMode(true);
    rt.stdin.on('data', onKey);
    rt.stdin.resume();
  }
  try {
    while (!stopped) {
      try {
        last = await o.refresh();
      } catch (e) {
        if (!(e instanceof AppError) || !last) throw e;
        last = { ...last, status: `error: ${e.message}` };
      }
      if (stopped) break;
      if (tty) draw();
      else out.write(o.line(last) + '\n');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, o.every * 1000);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
    }
  } finally {
    signals.dispose();
    if (keys) {
      rt.stdin.off('data', onKey);
      rt.stdin.setRawMode(false);
      rt.stdin.pause();
    }
    if (tty) {
      out.off('resize', draw);
      out.write(LEAVE);
    }
  }
}
