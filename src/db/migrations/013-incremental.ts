/**
 * Schema 13: incremental imports of growing logs (issue 23, docs/growing-logs.md). Each
 * ledger entry keeps what a later import needs to read only what was appended: the file's device
 * and inode, the bytes it read (`range_start` to `range_end`; 0 to the end for a whole read), the
 * physical lines before `range_end` (NULL when the read did not end at a line end: nothing can
 * continue from there), SHA-256 hashes of the file's first block and of the last block read, the
 * entry it continues, and a profile's state at `range_end` (kept on the newest entry of a chain
 * only). Entries of earlier versions have NULL there and are never continued.
 */
export const sql = `
ALTER TABLE imports ADD COLUMN device INTEGER;
ALTER TABLE imports ADD COLUMN inode INTEGER;
ALTER TABLE imports ADD COLUMN range_start INTEGER;
ALTER TABLE imports ADD COLUMN range_end INTEGER;
ALTER TABLE imports ADD COLUMN end_line INTEGER;
ALTER TABLE imports ADD COLUMN head_sha256 TEXT;
ALTER TABLE imports ADD COLUMN tail_sha256 TEXT;
ALTER TABLE imports ADD COLUMN continues INTEGER;
ALTER TABLE imports ADD COLUMN resume_state TEXT;
CREATE INDEX imports_by_inode ON imports (kind, inode);
`;
