// The cells of a call that a CDR profile derived (src/io/profiles/profile-values.ts callCells),
// shared by asterisk-cdr and freeswitch-cdr: CALL_HEADERS order, unknown durations empty.
import { describe, expect, test } from 'vitest';
import { CALL_HEADERS, callCells } from '../../../src/io/profiles/profile-values.js';

describe('callCells', () => {
  test('an answered inbound call: every column in CALL_HEADERS order', () => {
    const cells = callCells({ call_id: '1706420300.12', started_at: '2024-01-28 13:38:20', operator_id: '1001', direction: 'inbound', outcome: 'answered', wait: 12, talk: 0, phone: '13800138000' }, '13800138000');
    expect(Object.fromEntries(CALL_HEADERS.map((h, i) => [h, cells[i]]))).toEqual({
      call_id: '1706420300.12', started_at: '2024-01-28 13:38:20', operator_id: '1001', direction: 'inbound', outcome: 'answered',
      wait_seconds: '12', talk_seconds: '0', customer_phone: '13800138000',
    });
  });

  test('an outbound call not answered: no wait, no talk; the number given (not the one written) is the customer\'s', () => {
    expect(callCells({ call_id: 'u-1', started_at: '2024-01-28 13:38:20', operator_id: '9007', direction: 'outbound', outcome: 'abandoned', wait: null, talk: null, phone: 'test' }, ''))
      .toEqual(['u-1', '2024-01-28 13:38:20', '9007', 'outbound', 'abandoned', '', '', '']);
  });
});
