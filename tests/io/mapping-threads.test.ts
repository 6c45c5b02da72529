// A mapping file is read and checked once per import, by the command; the import thread and the
// parsing worker get the checked Mapping as it is (a structured clone: plain data, no function),
// and compile its date formats where they read rows (src/io/mapping/converter.ts).
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createMappedConverter } from '../../src/io/mapping/converter.js';
import { loadMapping } from '../../src/io/mapping/mapping.js';
import { ROOT } from '../helpers/cli.js';

const HEADER = ['vru+line', 'call_id', 'customer_id', 'priority', 'type', 'date', 'vru_entry', 'vru_exit', 'vru_time', 'q_start', 'q_exit', 'q_time', 'outcome', 'ser_start', 'ser_exit', 'ser_time', 'server'];
const RECORDS = [
  ['AA0101', '34536', '0', '0', 'PS', '990201', '7:02:47', '7:02:56', '9', '0:00:00', '0:00:00', '0', 'AGENT', '7:02:55', '7:05:41', '166', 'DORIT'],
  ['AA0101', '34537', '0', '0', 'PS', '990231', '7:02:47', '7:02:56', '9', '0:00:00', '0:00:00', '0', 'HANG', '0:00:00', '0:00:00', '0', 'NO_SERVER'],
  ['AA0101', '34538', '0', '0', 'PS', '990201', '7:02:47', '7:02:56', '9', '0:00:00', '0:00:00', '0', 'PHANTOM', '0:00:00', '0:00:00', '0', 'NO_SERVER'],
];

describe('a checked mapping crosses threads as it is', () => {
  const mapping = loadMapping(join(ROOT, 'docs', 'examples', 'technion-anonymous-bank.mapping.json'), 'calls');

  test('it is plain data: a structured clone (what postMessage and workerData make) keeps every field source', () => {
    const copy = structuredClone(mapping);
    expect(copy).toEqual(mapping);
    expect(copy.fields.get('started_at')).toMatchObject({ type: 'date-time', date: 'date', time: 'vru_entry' });
  });

  test('the clone converts records as the original does: a row, a bad date, a skip', () => {
    const original = createMappedConverter(mapping, HEADER, 'technion.tsv');
    const cloned = createMappedConverter(structuredClone(mapping), HEADER, 'technion.tsv');
    const out = RECORDS.map((r, i) => cloned.convert(r, i + 2));
    expect(out).toEqual(RECORDS.map((r, i) => original.convert(r, i + 2)));
    expect(out).toEqual([
      { fields: ['AA0101-34536', '1999-02-01 07:02:47', 'DORIT', 'inbound', 'answered', '0', '166', 'PS', '9'] },
      { issue: { line: 3, column: 'date + vru_entry → started_at', value: '990231', reason: '"990231" is not a real date (format YYMMDD)' } },
      { skip: true },
    ]);
  });
});
