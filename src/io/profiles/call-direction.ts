/**
 * Direction of a PBX call record (docs/profiles.md, "Direction"): inbound unless it is clearly
 * outbound, i.e. the dialplan context names an outbound route, or an internal extension dialled an
 * outside number.
 */

export type CallDirection = 'inbound' | 'outbound';

const OUTBOUND_CONTEXT = /outbound|outgoing|dialout/i;
const EXTENSION = /^\d{2,6}$/;
const OUTSIDE_NUMBER = /^\+?\d{7,}$/;

/** `outbound` for a context such as `outbound-allroutes` or `macro-dialout-trunk`, or extension → outside number. */
export function directionOf(call: { context: string; caller: string; destination: string }): CallDirection {
  if (OUTBOUND_CONTEXT.test(call.context)) return 'outbound';
  if (EXTENSION.test(call.caller) && OUTSIDE_NUMBER.test(call.destination)) return 'outbound';
  return 'inbound';
}
