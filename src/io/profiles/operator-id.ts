/**
 * Operator ids from Asterisk channel and queue-member names (docs/profiles.md, "Operator id"):
 * the technology prefix and anything after the endpoint name are dropped, so `PJSIP/1001-0000002a`,
 * `SIP/1001`, `Local/1001@from-queue-0000001b;1` and `Agent/1001` all give `1001`.
 */

/** `Local/1001@ctx-0000001b;1` → `1001@ctx-0000001b` (a Local channel's base name, without the half). */
function withoutTech(name: string): string {
  const slash = name.indexOf('/');
  return slash < 0 ? name : name.slice(slash + 1);
}

/**
 * The operator of a channel (CDR `channel` / `dstchannel`): endpoint after the technology, cut at
 * `@` (Local channels), at `;` or `/` (Local halves and options), then the `-<hex>` sequence suffix
 * Asterisk appends to channel names is removed. Empty for an empty channel.
 */
export function operatorFromChannel(channel: string): string {
  if (channel === '') return '';
  const endpoint = withoutTech(channel).split(/[@;/]/)[0] ?? '';
  return endpoint.replace(/-[0-9a-f]{6,}$/i, '');
}

/**
 * The operator of a queue_log agent field (a member interface or a member name): the endpoint
 * after the technology, cut at `@`, `;` or `/`; a name without `/` (log_membername_as_agent)
 * is kept as it is. `NONE` and empty give ''.
 */
export function operatorFromMember(agent: string): string {
  if (agent === '' || agent === 'NONE') return '';
  if (!agent.includes('/')) return agent;
  return withoutTech(agent).split(/[@;/]/)[0] ?? '';
}

/** A Local channel's name without its `;1` / `;2` half, or undefined for other channels. */
export function localChannelBase(channel: string, half: '1' | '2'): string | undefined {
  return channel.startsWith('Local/') && channel.endsWith(`;${half}`) ? channel.slice(0, -2) : undefined;
}

/**
 * Why the operator id `id` taken from `name` (a channel, or a queue_log agent) is not one: a
 * path segment, as `PJSIP/../../1001` gives "..", or nothing at all (`PJSIP/`); undefined when
 * it is fine or there is no name. `field` names the field in the message.
 */
export function operatorIdProblem(field: 'agent' | 'channel' | 'dstchannel', name: string, id: string): string | undefined {
  if (id === '.' || id === '..') return `${field} "${name}" is a path, not a ${field === 'agent' ? 'queue member' : 'channel'} (endpoint "${id}")`;
  if (id === '' && name !== '' && name !== 'NONE') return `${field} "${name}" names no endpoint`;
  return undefined;
}
