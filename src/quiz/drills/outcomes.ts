// The possible outcomes of a KMS authorization decision as quiz options, which one a Decision is, and
// each option's explanation built from the Decision's reason, allowedBy and trace (no hand-written key).
import type { Decision, TraceEntry } from '../../aws/access.js';

export const OUTCOMES = {
  'allow-direct': 'Allowed: the key policy allows the principal directly',
  'allow-delegated': 'Allowed: the key policy delegates to the account and the IAM policy allows',
  'allow-grant': 'Allowed: the grant allows it',
  'deny-no-resource': 'Denied: no resource-based policy allows',
  'deny-no-identity': 'Denied: no identity-based policy allows',
  'deny-explicit-resource': 'Denied: explicit deny in a resource-based policy',
  'deny-explicit-identity': 'Denied: explicit deny in an identity-based policy',
} as const;
export type OutcomeId = keyof typeof OUTCOMES;
export const OUTCOME_IDS = Object.keys(OUTCOMES) as OutcomeId[];

/** The outcome a decision is. Throws for an identity-only allow, which needs a request without a key. */
export function outcomeOf(d: Decision): OutcomeId {
  if (d.allowed) {
    if (d.allowedBy === 'key-policy') return 'allow-direct';
    if (d.allowedBy === 'key-policy+iam') return 'allow-delegated';
    if (d.allowedBy === 'grant') return 'allow-grant';
    throw new Error(`a drill decision cannot be allowed by ${String(d.allowedBy)}`);
  }
  switch (d.reason) {
    case 'NoResourcePolicyAllows':
      return 'deny-no-resource';
    case 'NoIdentityPolicyAllows':
      return 'deny-no-identity';
    case 'ExplicitDenyInResourcePolicy':
      return 'deny-explicit-resource';
    case 'ExplicitDenyInIdentityPolicy':
      return 'deny-explicit-identity';
    default:
      throw new Error(`unexpected deny reason ${d.reason}`);
  }
}

/** The trace detail without "resource <key ARN> matched" (every drill statement has Resource "*"). */
function detailOf(t: TraceEntry): string {
  return t.detail.split('; ').filter((c) => !/^resource \S+ matched$/.test(c)).join('; ');
}

function line(t: TraceEntry): string {
  const where = t.source === 'grant' ? `grant ${t.id}` : `${t.source === 'key-policy' ? 'key policy' : 'IAM policy'} ${t.sid ?? ''}`.trimEnd();
  return `${where} (${t.effect ?? 'Allow'}) ${t.matched ? 'applies' : 'does not apply'}: ${detailOf(t)}`;
}

function evidence(trace: TraceEntry[], pick: (t: TraceEntry) => boolean, none: string): string {
  const lines = trace.filter(pick).map(line);
  return lines.length ? lines.join('; ') : none;
}

const keyAllow = (t: TraceEntry) => t.source === 'key-policy' && t.effect === 'Allow';
const keyDeny = (t: TraceEntry) => t.source === 'key-policy' && t.effect === 'Deny';
const idAllow = (t: TraceEntry) => t.source === 'identity-policy' && t.effect === 'Allow';
const idDeny = (t: TraceEntry) => t.source === 'identity-policy' && t.effect === 'Deny';
const NO_IDENTITY = 'the caller has no identity-based policy that mentions this action';

/** What the trace says about one outcome's claim. */
function evidenceFor(o: OutcomeId, trace: TraceEntry[]): string {
  switch (o) {
    case 'allow-direct':
    case 'deny-no-resource':
      return evidence(trace, keyAllow, 'the key policy has no Allow statement');
    case 'allow-delegated':
      return `${evidence(trace, keyAllow, 'the key policy has no Allow statement')}; ${evidence(trace, idAllow, NO_IDENTITY)}`;
    case 'deny-no-identity':
      return evidence(trace, idAllow, NO_IDENTITY);
    case 'allow-grant':
      return evidence(trace, (t) => t.source === 'grant', 'no grant was checked (there is none, or an explicit deny or the key policy decided first)');
    case 'deny-explicit-resource':
      return evidence(trace, keyDeny, 'the key policy has no Deny statement');
    case 'deny-explicit-identity':
      return evidence(trace, idDeny, 'the caller has no identity-based Deny statement');
  }
}

const ALLOWED_BY: Record<string, string> = {
  'key-policy': 'the key policy allows the principal',
  'key-policy+iam': 'the key policy allows the account and an IAM policy allows the principal',
  grant: 'a grant allows it',
  identity: 'an IAM policy allows it',
};
const DENIED_BECAUSE: Record<string, string> = {
  NoResourcePolicyAllows: 'no resource-based (key) policy allows it',
  NoIdentityPolicyAllows: 'no identity-based (IAM) policy allows it',
  ExplicitDenyInResourcePolicy: 'an explicit deny in the key policy',
  ExplicitDenyInIdentityPolicy: 'an explicit deny in an IAM policy',
};
const allowedLabel = (d: Decision) => ALLOWED_BY[d.allowedBy ?? ''] ?? String(d.allowedBy);
const deniedLabel = (d: Decision) => DENIED_BECAUSE[d.reason] ?? d.reason;

/** "Allowed (<how>)" or "Denied (<why>)" in the learner's words. */
export function decisionLabel(d: Decision): string {
  return d.allowed ? `Allowed (${allowedLabel(d)})` : `Denied (${deniedLabel(d)})`;
}

/** The evaluator's verdict line ("ALLOWED by grant: ..." / "DENIED (reason): message"). */
export function verdictOf(d: Decision): string {
  const rule = [...d.trace].reverse().find((t) => t.source === 'rule');
  return d.allowed ? `Allowed (${allowedLabel(d)}): ${rule?.detail ?? ''}`.trimEnd() : `Denied (${deniedLabel(d)}): ${d.message ?? ''}`.trimEnd();
}

/** The `why` of one option: correct or not, the decision, and the trace lines that bear on the option's claim. */
export function whyFor(o: OutcomeId, d: Decision): string {
  const right = outcomeOf(d);
  const head = o === right ? `Correct: KMS decides ${verdictOf(d)}.` : `Not this: KMS decides ${decisionLabel(d)}.`;
  const crossAccount = d.trace.find((t) => t.source === 'rule' && t.id === 'cross-account');
  return `${head} Evidence: ${evidenceFor(o, d.trace)}.${crossAccount && o !== right ? ` Also: ${crossAccount.detail}.` : ''}`;
}
