// Bold and dim of terminal tables (src/io/render/styles.ts) write what chalk wrote before them.
import { Chalk } from 'chalk';
import { describe, expect, test } from 'vitest';
import { styles } from '../../src/io/render/styles.js';

const TEXTS = ['call_id', '通话编号', 'n/a', '(no rows)', '', ' ', 'two\nlines', 'crlf\r\nend', '\n', 'a\r\r\nb\nc', 'inner \u001B[22m close', 'inner \u001B[1mbold\u001B[22m and \u001B[2mdim\u001B[22m'];

describe('styles', () => {
  test.each([0, 1] as const)('chalk level %i', (level) => {
    const chalk = new Chalk({ level });
    const ours = styles(level === 1);
    for (const text of TEXTS) {
      expect(ours.bold(text)).toBe(chalk.bold(text));
      expect(ours.dim(text)).toBe(chalk.dim(text));
    }
  });
});
