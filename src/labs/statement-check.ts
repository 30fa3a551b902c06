// The `policy_statement` check: does the key policy hold a statement with this effect, principal, action,
// Sid or condition key? A static reading of the document (the `simulate` check gives the full decision).
import { actionMatches } from '../policy/wildcard.js';

export interface StatementWant {
  effect: 'Allow' | 'Deny';
  /** A principal ARN, an account id (its root), or "*". */
  principal?: string;
  /** An action such as kms:Decrypt; statement wildcards (kms:*, kms:De*) count. */
  action?: string;
  sid?: string;
  /** A condition key the statement must test, e.g. kms:EncryptionContext:app or kms:ViaService. */
  condition_key?: string;
}

const list = (v: unknown): string[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]).map(String);
const rootOf = (p: string) => (/^\d{12}$/.test(p) ? `arn:aws:iam::${p}:root` : p);

function principals(s: Record<string, unknown>): string[] {
  if (s.Principal === '*') return ['*'];
  const p = s.Principal as Record<string, unknown> | undefined;
  if (!p || typeof p !== 'object') return [];
  return Object.values(p).flatMap(list).map(rootOf);
}

function conditionKeys(s: Record<string, unknown>): string[] {
  const c = s.Condition as Record<string, Record<string, unknown>> | undefined;
  if (!c || typeof c !== 'object') return [];
  return Object.values(c).flatMap((block) => (block && typeof block === 'object' ? Object.keys(block) : [])).map((k) => k.toLowerCase());
}

/** True when some statement of the policy matches everything the check names. A policy that is not JSON matches nothing. */
export function hasStatement(policy: string, want: StatementWant): boolean {
  let doc: { Statement?: unknown };
  try {
    doc = JSON.parse(policy) as { Statement?: unknown };
  } catch {
    return false;
  }
  const statements = (Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement]).filter((s): s is Record<string, unknown> => !!s && typeof s === 'object');
  return statements.some(
    (s) =>
      s.Effect === want.effect &&
      (want.sid === undefined || s.Sid === want.sid) &&
      (want.principal === undefined || principals(s).includes(rootOf(want.principal))) &&
      (want.action === undefined || list(s.Action).some((a) => actionMatches(a, want.action as string))) &&
      (want.condition_key === undefined || conditionKeys(s).includes(want.condition_key.toLowerCase())),
  );
}
