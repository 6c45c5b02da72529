/** Schema 9: the time a call spent in the IVR (voice menu) before the queue, when the export has it. */
export const sql = `
ALTER TABLE calls ADD COLUMN ivr_seconds INTEGER CHECK (ivr_seconds >= 0);
`;
