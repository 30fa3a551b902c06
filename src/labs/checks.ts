// Evaluates a lab's declarative checks against the simulator's state, the audit log and the learner's
// command log. Each failing check returns its own message, in the learner's terms.
import type { KeyView } from '../kms/engine.js';
import type { World } from '../sim/world.js';
import { hasStatement } from './statement-check.js';
import type { LoadResult } from './load.js';
import type { Check } from './types.js';
import { expandEquals, stateQuery } from './state-query.js';
import { expandVars } from './setup.js';

export interface LoggedCommand {
  line: string;
  /** The line with the lab's $VARIABLES expanded. */
  expanded?: string;
  service: string;
  operation: string;
  profile: string;
  /** 'success' or the AWS error code. */
  outcome: string;
  at: number;
  /** The API request the line parsed to (PascalCase members, blobs as base64), for `request` matches. */
  request?: Record<string, unknown>;
}

export interface CheckContext {
  world: World;
  vars: Record<string, string>;
  log: LoggedCommand[];
  answers: Record<string, string>;
  profiles: Record<string, { principal: string; region: string }>;
  /** Key ARNs that existed at setup (so `created` finds the learner's key). */
  setupKeys: string[];
  /** The account and Region of the lab's start profile. */
  home: { account: string; region: string };
  /** The result of the last `load` meta-command, if any. */
  lastLoad?: LoadResult;
}

export interface CheckResult {
  ok: boolean;
  message: string;
}

/** A key by setup ref, alias name, key id/ARN, or `created` (the newest key the learner made). */
export function findKey(ctx: CheckContext, sel: string): KeyView | undefined {
  const { home } = ctx;
  const engine = ctx.world.kms;
  if (sel === 'created') {
    // Replicas made by ReplicateKey are not "created" keys: the learner created their primary.
    const isReplica = (k: KeyView) => (k.KeyMetadata.MultiRegionConfiguration as { MultiRegionKeyType?: string } | undefined)?.MultiRegionKeyType === 'REPLICA';
    const mine = engine.listKeyViews().filter((k) => !ctx.setupKeys.includes(String(k.KeyMetadata.Arn)) && k.KeyMetadata.KeyManager === 'CUSTOMER' && !isReplica(k));
    return mine.sort((a, b) => (a.KeyMetadata.CreationDate as Date).getTime() - (b.KeyMetadata.CreationDate as Date).getTime()).pop();
  }
  const ref = ctx.vars[`${sel.toUpperCase()}_ARN`];
  const id = ref ?? sel;
  const arn = /^arn:aws:kms:([^:]+):(\d{12}):/.exec(id);
  return engine.inspectKey(id, arn?.[2] ?? home.account, arn?.[1] ?? home.region);
}

const md = (k: KeyView, f: string) => k.KeyMetadata[f];

export function evaluate(check: Check, ctx: CheckContext): CheckResult {
  const res = (ok: boolean): CheckResult => ({ ok, message: check.fail });
  switch (check.type) {
    case 'command_ran':
      return res(
        ctx.log.some(
          (c) =>
            c.operation === check.operation &&
            (check.service ?? 'kms') === c.service &&
            (check.outcome === undefined || c.outcome === check.outcome) &&
            (check.profile === undefined || c.profile === check.profile) &&
            (check.contains === undefined || `${c.line}\n${c.expanded ?? ''}`.toLowerCase().includes(expandVars(check.contains, ctx.vars).toLowerCase())) &&
            (check.request === undefined || (c.request !== undefined && requestMatches(check.request, c.request))),
        ),
      );
    case 'key_state': {
      const k = findKey(ctx, check.key);
      return res(!!k && md(k, 'KeyState') === check.state);
    }
    case 'key_deleted':
      return res(!findKey(ctx, check.key) && (check.key !== 'created' || ctx.log.some((c) => c.operation === 'CreateKey' && c.outcome === 'success')));
    case 'key_exists': {
      const k = findKey(ctx, check.key);
      return res(!!k && (!check.spec || md(k, 'KeySpec') === check.spec) && (!check.usage || md(k, 'KeyUsage') === check.usage) && (!check.description || md(k, 'Description') === check.description));
    }
    case 'rotation': {
      const k = findKey(ctx, check.key);
      if (!k) return res(false);
      const ok =
        (check.enabled === undefined || k.Rotation.KeyRotationEnabled === check.enabled) &&
        (check.period === undefined || k.Rotation.RotationPeriodInDays === check.period) &&
        (check.rotations_at_least === undefined || k.KeyMaterialIds.length - 1 >= check.rotations_at_least);
      return res(ok);
    }
    case 'alias': {
      const target = findKey(ctx, check.target);
      const viaAlias = findKey(ctx, check.alias);
      return res(!!target && !!viaAlias && md(target, 'Arn') === md(viaAlias, 'Arn'));
    }
    case 'deletion_scheduled': {
      const k = findKey(ctx, check.key);
      if (!k || md(k, 'KeyState') !== 'PendingDeletion') return res(false);
      if (check.window_days === undefined) return res(true);
      const ev = [...ctx.world.trail.events].reverse().find((e) => e.eventName === 'ScheduleKeyDeletion' && !e.errorCode && JSON.stringify(e.resources ?? []).includes(String(md(k, 'Arn'))));
      const days = (ev?.requestParameters as { pendingWindowInDays?: number } | undefined)?.pendingWindowInDays;
      return res(days === check.window_days);
    }
    case 'tag': {
      const k = findKey(ctx, check.key);
      return res(!!k && k.Tags.some((t) => t.TagKey === check.tag && (check.value === undefined || t.TagValue === check.value)));
    }
    case 'grant': {
      const k = findKey(ctx, check.key);
      const grantee = ctx.profiles[check.grantee]?.principal ?? ctx.vars[check.grantee] ?? check.grantee;
      const sameMap = (a: Record<string, string> | undefined, b: Record<string, string>) =>
        !!a && Object.keys(a).length === Object.keys(b).length && Object.entries(b).every(([x, v]) => a[x] === v);
      const matching = (k?.Grants ?? []).filter(
        (g) =>
          g.GranteePrincipal === grantee &&
          (check.operations ?? []).every((o) => g.Operations.includes(o)) &&
          (check.constraint === undefined || g.Constraints?.[check.constraint] !== undefined) &&
          // constraint_context: the constraint's pairs are exactly these (in the named constraint, or in either).
          (check.constraint_context === undefined ||
            (check.constraint ? [check.constraint] : (['EncryptionContextEquals', 'EncryptionContextSubset'] as const)).some((c) => sameMap(g.Constraints?.[c], check.constraint_context!))),
      );
      if (check.count !== undefined) return res(matching.length === check.count);
      return res(check.present === false ? !matching.length : matching.length > 0);
    }
    case 'policy_statement': {
      const k = findKey(ctx, check.key);
      const principal = check.principal === undefined ? undefined : (ctx.profiles[check.principal]?.principal ?? check.principal);
      const has = !!k && hasStatement(k.Policy, { effect: check.effect ?? 'Allow', principal, action: check.action, sid: check.sid, condition_key: check.condition_key });
      return res(check.present === false ? !has : has);
    }
    case 'policy_contains': {
      const k = findKey(ctx, check.key);
      const has = !!k && k.Policy.includes(check.text);
      return res(check.present === false ? !has : has);
    }
    case 'simulate': {
      const p = ctx.profiles[check.profile];
      if (!p) return res(false);
      const principal = ctx.world.principal(p.principal);
      const k = findKey(ctx, check.key);
      if (!k) return res(check.expect === 'denied');
      const d = ctx.world.kms.simulate(check.action, String(md(k, 'Arn')), { principal, accountId: principal.accountId, region: p.region }, { context: check.context, encryptionContext: check.encryption_context });
      const state = md(k, 'KeyState');
      const usable = !/^kms:(Encrypt|Decrypt|ReEncrypt|GenerateDataKey)/.test(check.action) || state === 'Enabled';
      return res((d.allowed && usable) === (check.expect === 'allowed'));
    }
    case 'audit_has':
      return res(
        ctx.world.trail.events.some(
          (e) =>
            e.eventName === check.eventName &&
            (check.errorCode === undefined || e.errorCode === check.errorCode) &&
            (check.eventType === undefined || e.eventType === check.eventType) &&
            (check.user === undefined || String((e.userIdentity as { arn?: string } | undefined)?.arn ?? '').includes(check.user)),
        ),
      );
    case 'answered':
      return res(ctx.answers[check.question] !== undefined && ctx.answers[`${check.question}:correct`] === 'yes');
    case 'load_result': {
      const l = ctx.lastLoad;
      return res(
        !!l &&
          (check.op === undefined || l.op === check.op) &&
          (check.max_throttled === undefined || l.throttled <= check.max_throttled) &&
          (check.min_requests === undefined || l.requests >= check.min_requests) &&
          (check.min_from_cache === undefined || l.fromCache >= check.min_from_cache),
      );
    }
    case 'service_state': {
      const found = stateQuery(ctx.world.serviceState(check.service), expandVars(check.query, ctx.vars));
      if (check.present !== undefined) return res(check.present === (found !== null && found !== undefined && !(Array.isArray(found) && found.length === 0)));
      if (check.contains !== undefined) return res(JSON.stringify(found ?? null).includes(expandVars(check.contains, ctx.vars)));
      if (check.equals !== undefined) return res(requestMatches(expandEquals(check.equals, ctx.vars), found) && requestMatches(found, expandEquals(check.equals, ctx.vars)));
      return res(found !== null && found !== undefined && found !== false && !(Array.isArray(found) && found.length === 0));
    }
    case 'policy_not_broader_than': {
      const k = findKey(ctx, check.key);
      if (!k) return res(false);
      return res(!broaderThan(k.Policy, check.forbid));
    }
  }
}

/** True when an Allow statement grants a forbidden thing: `kms:*` (or `*`) as an action, or Principal "*" with no condition. */
export function broaderThan(policy: string, forbid: string[]): boolean {
  let doc: { Statement?: unknown };
  try {
    doc = JSON.parse(policy) as { Statement?: unknown };
  } catch {
    return false;
  }
  const statements = (Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement]) as Record<string, unknown>[];
  const list = (v: unknown) => (Array.isArray(v) ? v : v === undefined ? [] : [v]).map(String);
  for (const s of statements) {
    if (!s || s.Effect !== 'Allow') continue;
    const principals = typeof s.Principal === 'string' ? [s.Principal] : list((s.Principal as { AWS?: unknown } | undefined)?.AWS);
    const isRootOnly = principals.length > 0 && principals.every((p) => /:root$|^\d{12}$/.test(p));
    for (const f of forbid) {
      if (f === 'kms:*' && !isRootOnly && list(s.Action).some((a) => a === '*' || a.toLowerCase() === 'kms:*')) return true;
      if (f === 'Principal:*' && principals.includes('*') && !s.Condition) return true;
    }
  }
  return false;
}

/**
 * True when every member the check names is in the request with the same value. Maps match as subsets
 * (the request may carry more members or pairs than the check names); lists must be equal; scalars compare
 * as text, so 7 and "7" are the same.
 */
export function requestMatches(want: unknown, got: unknown): boolean {
  if (Array.isArray(want)) return Array.isArray(got) && want.length === got.length && want.every((w, i) => requestMatches(w, got[i]));
  if (want !== null && typeof want === 'object') {
    if (got === null || typeof got !== 'object' || Array.isArray(got)) return false;
    return Object.entries(want as Record<string, unknown>).every(([k, w]) => Object.prototype.hasOwnProperty.call(got, k) && requestMatches(w, (got as Record<string, unknown>)[k]));
  }
  return got !== undefined && got !== null && String(want) === String(got);
}

/** A parsed request as JSON data for the command log: blobs as base64, timestamps as ISO text. */
export function loggableRequest(v: unknown): unknown {
  if (v instanceof Uint8Array) return Buffer.from(v).toString('base64');
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map(loggableRequest);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, loggableRequest(x)]));
  return v;
}
