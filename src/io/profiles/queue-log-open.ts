/**
 * The calls a queue_log import left open (begun, not ended), read from the converter's state that
 * the ledger keeps for the next import (src/io/profiles/asterisk-queue-log.ts snapshot(),
 * docs/growing-logs.md): what `hotline watch` shows as waiting and talking now.
 */
import { operatorFromMember } from './operator-id.js';

/** An open call as the state holds it (the fields read here; the converter's QueueCall has more). */
interface StateCall {
  callId: string;
  enteredAt: number | null;
  connect: { agent: string; at: number } | null;
}

export interface OpenQueueCall {
  callId: string;
  enteredAt: number | null;
  /** The operator who answered (CONNECT), or null while it waits. */
  operatorId: string | null;
  connectedAt: number | null;
}

/** The open calls of a queue_log converter's state (JSON text from the ledger); [] for none. */
export function openQueueCalls(stateJson: string | null): OpenQueueCall[] {
  if (!stateJson) return [];
  const state = JSON.parse(stateJson) as { open?: [string, StateCall][] };
  return (state.open ?? []).map(([, c]) => ({
    callId: c.callId,
    enteredAt: c.enteredAt,
    operatorId: c.connect ? operatorFromMember(c.connect.agent) || null : null,
    connectedAt: c.connect?.at ?? null,
  }));
}
