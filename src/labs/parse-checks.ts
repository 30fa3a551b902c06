// Reads one declarative check from a lab file, each with its own failure message in the learner's terms.
import { isMap, isSeq, type Node } from 'yaml';
import type { Check, CheckType, StrandedWhen } from './types.js';
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

/** A check; `withFail: false` reads a condition (a `stranded` step's `when`), which has no `fail` message. */
export function readCheck(r: Reader, node: Node, where: string, withFail = true): Check | undefined {
  const m = r.map(node, where);
  if (!m) return undefined;
  const type = r.oneOf(m, 'type', where, Object.keys(CHECK_FIELDS) as CheckType[]);
  if (!type) return undefined;
  const spec = CHECK_FIELDS[type];
  r.map(node, `${where} (${type})`, [...(withFail ? ['type', 'fail'] : ['type']), ...spec.required, ...spec.optional]);
  const fail = withFail ? r.str(m, 'fail', `${where} (${type})`) : '';
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
  return fail || !withFail ? (out as unknown as Check) : undefined;
}

/** `{when: <check(s) without fail>, unless: <check(s)>, message: <why the step can no longer complete>}`. */
export function readStrandedWhen(r: Reader, node: Node, where: string): StrandedWhen | undefined {
  const m = r.map(node, where, ['when', 'unless', 'message']);
  if (!m) return undefined;
  const conditions = (field: string) => {
    const n = r.child(m, field);
    if (!n) return [];
    const items = isSeq(n) ? n.items.map((x, i) => [x as Node, `${where} ${field} ${i + 1}`] as const) : [[n, `${where} ${field}`] as const];
    return items.map(([x, w]) => readCheck(r, x, w, false)).filter((c): c is Check => !!c);
  };
  if (!r.child(m, 'when')) r.at(m, `${where}: missing "when" (a check, or a list of checks, that together make the step impossible)`);
  const when = conditions('when');
  const unless = conditions('unless');
  const message = r.str(m, 'message', where);
  return when.length && message ? { when, unless, message } : undefined;
}
