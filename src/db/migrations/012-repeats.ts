/**
 * Schema 12: repeat calls (docs/metrics.md, "Repeat calls and first-contact resolution"). The
 * calls of a phone number, and of a tracking number, in time order: a chain is followed back to
 * its first call, and listed (`calls list --repeats-of`), by looking up the customer's calls
 * rather than reading every call of the days in between. Partial: anonymous calls and calls
 * without a tracking number are not in them. A month's `stats repeats` reads its days by the day
 * index (calls_by_day) and chains them in memory (docs/performance.md).
 */
export const sql = `
CREATE INDEX calls_by_phone ON calls (customer_phone, started_at) WHERE customer_phone IS NOT NULL;
CREATE INDEX calls_by_tracking ON calls (tracking_no, started_at) WHERE tracking_no IS NOT NULL;
`;
