// Never stranded: whether the lab can still be finished from the current state. KMS deletes a key (its
// material, metadata and aliases) for good when the waiting period ends; a step that needs such a key (or
// a prepared ciphertext under it) can never complete. Found from the checks, plus declared conditions.
import { evaluate, findKey, type CheckContext } from './checks.js';
import type { Check, Setup, SetupKey, Step } from './types.js';

export interface Stranded {
  /** The index of the first step that can no longer complete. */
  step: number;
  /** Setup key refs that step needs and that no longer exist. */
  missing: string[];
  /** Why (a step's declared message, or the general explanation of deleted or locked-out keys). */
  message: string;
  /** The keys in `missing` still exist, but no principal of the lab can manage them any more. */
  lockedOut?: boolean;
  /** What brings the lab back: undo this step, or start over (the key was gone before this step began). */
  remedy: 'reset-step' | 'restart';
}

/** Our general explanation when a needed key was deleted. */
export const DELETED_KEY_LESSON =
  'When the waiting period of a scheduled deletion ends, KMS destroys the key material and removes the key and its aliases. No call brings it back, and data encrypted under it can no longer be decrypted.';

/** The setup key a check cannot pass without (undefined when the check also passes with the key gone). */
export function requiredKeys(c: Check): string[] {
  switch (c.type) {
    case 'key_state':
    case 'key_exists':
    case 'rotation':
    case 'deletion_scheduled':
    case 'tag':
    case 'policy_not_broader_than':
      return [c.key];
    case 'alias':
      return [c.target, c.alias];
    case 'grant':
      return c.present === false || c.count === 0 ? [] : [c.key];
    case 'policy_contains':
    case 'policy_statement':
      return c.present === false ? [] : [c.key];
    case 'simulate':
      return c.expect === 'allowed' ? [c.key] : [];
    default:
      return [];
  }
}

/**
 * The first step, from `from` on, that can no longer complete: one of its checks needs a setup key that is
 * gone, or one of its declared `stranded` conditions holds. Undefined while the lab can still be finished.
 */
export function findStranded(steps: Step[], from: number, setup: Pick<Setup, 'keys' | 'ciphertexts'>, ctx: CheckContext, manageableAtStart: string[] = []): Omit<Stranded, 'remedy'> | undefined {
  const refs = new Set(setup.keys.map((k) => k.ref));
  const locked = manageableAtStart.filter((r) => refs.has(r) && !!findKey(ctx, r) && !manageable(ctx, r));
  // A prepared ciphertext can only be decrypted under its key: a successful command on that file, not yet run, needs it.
  const fileKey = new Map(setup.ciphertexts.map((c) => [c.file, c.key]));
  const needs = (c: Check) =>
    c.type === 'command_ran' && c.outcome === 'success' && c.contains !== undefined && fileKey.has(c.contains) ? (evaluate(c, ctx).ok ? [] : [fileKey.get(c.contains)!]) : requiredKeys(c);
  const gone = new Map<string, boolean>();
  const isGone = (ref: string) => {
    if (!gone.has(ref)) gone.set(ref, !findKey(ctx, ref));
    return gone.get(ref)!;
  };
  for (let i = from; i < steps.length; i++) {
    const s = steps[i];
    const declared = (s.stranded ?? []).find((d) => d.when.every((c) => evaluate(c, ctx).ok) && !d.unless.some((c) => evaluate(c, ctx).ok));
    const missing = [...new Set(s.checks.flatMap(needs).filter((r) => refs.has(r) && isGone(r)))];
    if (declared) return { step: i, missing, message: declared.message };
    if (missing.length) return { step: i, missing, message: DELETED_KEY_LESSON };
    const lockedOut = locked.filter((r) => s.checks.some((c) => mentions(c, r) && !evaluate(c, ctx).ok));
    if (lockedOut.length) return { step: i, missing: lockedOut, message: LOCKOUT_LESSON, lockedOut: true };
  }
  return undefined;
}

/** Our explanation when a key policy locked every principal of the lab out of the key. */
export const LOCKOUT_LESSON =
  'Its key policy no longer lets any principal of this lab change it (kms:PutKeyPolicy), so nobody here can fix the key, its policy or its state again. KMS refuses such a policy with its policy lockout safety check, unless the call bypasses it with --bypass-policy-lockout-safety-check.';

/** Whether some profile of the lab may change the key's policy: the key can still be managed. */
export function manageable(ctx: CheckContext, ref: string): boolean {
  const k = findKey(ctx, ref);
  if (!k) return false;
  return Object.values(ctx.profiles).some((p) => {
    try {
      const principal = ctx.world.principal(p.principal);
      return ctx.world.kms.simulate('kms:PutKeyPolicy', String(k.KeyMetadata.Arn), { principal, accountId: principal.accountId, region: p.region }).allowed;
    } catch {
      return false;
    }
  });
}

/** Check types that can only pass through managing the key (its state, policy, tags, aliases, grants, rotation). */
const MANAGING = new Set(['key_state', 'deletion_scheduled', 'key_deleted', 'rotation', 'tag', 'alias', 'policy_statement', 'policy_contains', 'policy_not_broader_than', 'grant']);

/** A check about the key `ref` that needs a principal of the lab to manage it. */
function mentions(c: Check, ref: string): boolean {
  const fields = c as unknown as Record<string, unknown>;
  return MANAGING.has(c.type) && ['key', 'target', 'alias'].some((f) => fields[f] === ref);
}

/** A key ref as the learner knows it: its variable and first alias, e.g. "$REPORTS (alias/reports)". */
export function keyLabel(ref: string, keys: SetupKey[]): string {
  const alias = keys.find((k) => k.ref === ref)?.aliases[0];
  return `$${ref.toUpperCase()}${alias ? ` (${alias})` : ''}`;
}

/** The notice printed when a lab becomes impossible to finish (full) or stays so (short). */
export function renderStranded(s: Stranded, steps: Step[], keys: SetupKey[], current: number, full: boolean): string {
  const title = steps[s.step]?.title ?? '';
  const which = s.step === current ? 'this step' : `step ${s.step + 1} ("${title}")`;
  const gone = s.lockedOut ? `no principal of this lab can manage ${s.missing.length > 1 ? 'them' : 'it'}` : `which no longer exist${s.missing.length > 1 ? '' : 's'}`;
  const needs = s.missing.length ? `: ${which} needs ${s.missing.map((r) => keyLabel(r, keys)).join(' and ')}, ${s.lockedOut ? 'and ' : ''}${gone}` : '';
  const how =
    s.remedy === 'reset-step'
      ? 'Type reset-step to put the simulator back where this step started, then try again.'
      : 'This happened before the current step began, so reset-step cannot bring it back: type restart to start the lab over.';
  if (!full) return `  ✗ This lab can no longer be finished from here${needs}. ${how}\n`;
  return `\n✗ This lab can no longer be finished from here${needs}.\n  ${s.message}\n  ${how}\n`;
}

/** What `solution` shows once stranded: the way back first, then (after reset-step) the step's own solution. */
export function wayBack(s: Stranded, stepSolution: string[]): string {
  if (s.remedy === 'restart') return 'Reference solution from here:\n  restart\n  (then each step again; solution shows its commands)\n';
  return `Reference solution from here:\n  reset-step\n${stepSolution.map((l) => `  ${l}\n`).join('')}`;
}
