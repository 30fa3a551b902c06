// Reads one declarative check from a lab file, each with its own failure message in the learner's terms.
import { isMap, type Node } from 'yaml';
import type { Check, CheckType } from './types.js';
import type { Reader } from './reader.js';
import { queryProblem } from './state-query.js';

export const CHECK_FIELDS: Record<CheckType, { required: string[]; optional: string[] }> = {
  command_ran: { required: ['operation'], optional: ['service', 'outcome', 'profile', 'contains', 'request'] },
  key_state: { required: ['key', 'state'], optional: [] },
  key_deleted: { required: ['key'], optional: [] },
  key_exists: { required: ['key'], optional: ['spec', 'usage', 'description'] },
  rotation: { required: ['key'], optional: ['enabled', 'period', 'rotations_at_least'] },
  alias: { required: ['alias', 'target'], optional: [] },
  deletion_scheduled: { required: ['key'], optional: ['window_days'] },
  tag: { required: ['key', 'tag'], optional: ['value'] },
  grant: { required: ['key', 'grantee'], optional: ['operations', 'constraint', 'constraint_context', 'count', 'present'] },
  policy_contains: { required: ['key', 'text'], optional: ['present'] },
  policy_statement: { required: ['key'], optional: ['effect', 'principal', 'action', 'sid', 'condition_key', 'present'] },
  simulate: { required: ['profile', 'action', 'key', 'expect'], optional: ['context', 'encryption_context'] },
  audit_has: { required: ['eventName'], optional: ['errorCode', 'eventType', 'user'] },
  answered: { required: ['question'], optional: [] },
  policy_not_broader_than: { required: ['key', 'forbid'], optional: [] },
  load_result: { required: [], optional: ['op', 'max_throttled', 'min_requests', 'min_from_cache'] },
  service_state: { required: ['service', 'query'], optional: ['equals', 'contains', 'present'] },
};

const KEY_STATES = ['Enabled', 'Disabled', 'PendingDeletion', 'PendingImport', 'PendingReplicaDeletion', 'Unavailable', 'Creating', 'Updating'];

export function readCheck(r: Reader, node: Node, where: string): Check | undefined {
  const m = r.map(node, where);
  if (!m) return undefined;
  const type = r.oneOf(m, 'type', where, Object.keys(CHECK_FIELDS) as CheckType[]);
  if (!type) return undefined;
  const spec = CHECK_FIELDS[type];
  r.map(node, `${where} (${type})`, ['type', 'fail', ...spec.required, ...spec.optional]);
  const fail = r.str(m, 'fail', `${where} (${type})`);
  const out: Record<string, unknown> = { type, fail };
  for (const f of [...spec.required, ...spec.optional]) {
    const required = spec.required.includes(f);
    const child = r.child(m, f);
    if (child === undefined) {
      if (required) r.at(m, `${where} (${type}): missing "${f}"`);
      continue;
    }
    if (['enabled', 'present'].includes(f)) out[f] = r.bool(m, f, where);
    else if (['period', 'rotations_at_least', 'window_days', 'count', 'max_throttled', 'min_requests', 'min_from_cache'].includes(f)) out[f] = r.num(m, f, where);
    else if (['operations', 'forbid'].includes(f)) out[f] = r.strings(m, f, where, { required: true });
    else if (['context', 'encryption_context', 'constraint_context'].includes(f)) out[f] = r.dict(m, f, where);
    else if (f === 'expect') out[f] = r.oneOf(m, f, where, ['allowed', 'denied']);
    else if (f === 'effect') out[f] = r.oneOf(m, f, where, ['Allow', 'Deny']);
    else if (f === 'state') out[f] = r.oneOf(m, f, where, KEY_STATES);
    else if (f === 'request') {
      if (isMap(child)) out[f] = child.toJSON() as Record<string, unknown>;
      else r.at(child, `${where} (${type}): expected "request" to be a mapping of API request members, for example {PendingWindowInDays: 7}`);
    } else if (f === 'equals') out[f] = child.toJSON() as unknown;
    else if (f === 'query') {
      const q = r.str(m, f, where);
      const problem = q === undefined ? undefined : queryProblem(q);
      if (problem) r.at(child, `${where} (${type}): "query" is not a JMESPath expression: ${problem}`);
      out[f] = q;
    } else if (f === 'constraint') out[f] = r.oneOf(m, f, where, ['EncryptionContextEquals', 'EncryptionContextSubset']);
    else out[f] = r.str(m, f, where);
  }
  return fail ? (out as unknown as Check) : undefined;
}
