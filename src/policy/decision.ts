// The KMS authorization decision: explicit deny anywhere wins; else the key policy (directly, or by
// delegating to the account so IAM policies count), or a grant, must allow. SCPs, boundaries and VPC endpoint policies are not simulated.
import type { AccessControl, AuthzRequest, Decision, DecisionReason, IdentityDirectory, TraceEntry } from '../aws/access.js';
import { parsePolicyCached } from './parse.js';
import { evaluatePolicy } from './evaluate.js';
import { normalisedRequestContext } from './context.js';
import { checkGrant } from './grants.js';
import { awsManagedKeyPolicy, defaultKeyPolicy } from './templates.js';
import { keyPolicyProblem } from './validate.js';
import type { EvalRequest, RequestPrincipal, StatementResult } from './types.js';

export interface AccessControlOptions {
  /** The identities the decision reads (the world passes IAM's directory over its state). */
  identities: IdentityDirectory;
  /** Append ": <policy ARN>" to identity-based explicit denies (AWS's newer message format). */
  accessDeniedWithPolicyArn?: boolean;
}

/** Operations a principal of another account may be allowed on a key (all others are ignored cross-account). */
export const CROSS_ACCOUNT_ACTIONS = new Set(
  [
    'Decrypt', 'Encrypt', 'GenerateDataKey', 'GenerateDataKeyPair', 'GenerateDataKeyPairWithoutPlaintext',
    'GenerateDataKeyWithoutPlaintext', 'GenerateMac', 'ReEncryptFrom', 'ReEncryptTo', 'Sign', 'Verify', 'VerifyMac',
    'DeriveSharedSecret', 'CreateGrant', 'DescribeKey', 'GetKeyRotationStatus', 'GetPublicKey', 'ListGrants',
    'RetireGrant', 'RevokeGrant',
  ].map((a) => `kms:${a.toLowerCase()}`),
);

/** Trace material gathered while deciding; turned into TraceEntry lines only when the trace is read. */
type Part = TraceEntry | { source: 'key-policy' | 'resource-policy' | 'identity-policy'; id: string; results: StatementResult[] };

function buildTrace(parts: Part[]): TraceEntry[] {
  const out: TraceEntry[] = [];
  for (const part of parts) {
    if (!('results' in part)) {
      out.push(part);
      continue;
    }
    for (const r of part.results) {
      out.push({ source: part.source, id: part.id, sid: r.sid ?? `Statement ${r.index}`, effect: r.effect, matched: r.matched, detail: r.details.join('; ') });
    }
  }
  return out;
}

/** A Decision whose `trace` is built on first read (the decision runs far more often than it is explained). */
class LazyDecision implements Decision {
  #parts: Part[];
  #trace: TraceEntry[] | undefined;
  readonly allowedBy?: Decision['allowedBy'];
  readonly message?: string;
  constructor(
    readonly allowed: boolean,
    readonly reason: DecisionReason,
    extra: { allowedBy?: Decision['allowedBy']; message?: string },
    parts: Part[],
  ) {
    if (extra.allowedBy) this.allowedBy = extra.allowedBy;
    if (extra.message !== undefined) this.message = extra.message;
    this.#parts = parts;
  }
  get trace(): TraceEntry[] {
    return (this.#trace ??= buildTrace(this.#parts));
  }
  toJSON(): Decision {
    return { allowed: this.allowed, reason: this.reason, allowedBy: this.allowedBy, message: this.message, trace: this.trace };
  }
}

export function authorize(req: AuthzRequest, identities: IdentityDirectory, opts: Omit<AccessControlOptions, 'identities'> = {}): Decision {
  const trace: Part[] = [];
  const p = req.caller.principal;
  const principal: RequestPrincipal = { arn: p.arn, accountId: p.accountId, type: p.type, roleArn: p.roleArn };
  const ctx = normalisedRequestContext(req, identities);
  const evalReq: EvalRequest = { action: req.action, resource: req.resourceArn, principal, context: req.context };
  const deny = (reason: DecisionReason, suffix = ''): Decision => {
    const base = `User: ${p.arn} is not authorized to perform: ${req.action} on resource: ${req.resourceArn}`;
    const tail: Record<string, string> = {
      ExplicitDenyInResourcePolicy: ' with an explicit deny in a resource-based policy',
      ExplicitDenyInIdentityPolicy: ' with an explicit deny in an identity-based policy',
      NoResourcePolicyAllows: ` because no resource-based policy allows the ${req.action} action`,
      NoIdentityPolicyAllows: ` because no identity-based policy allows the ${req.action} action`,
    };
    trace.push({ source: 'rule', id: reason, matched: false, detail: `denied: ${tail[reason].trim()}` });
    return new LazyDecision(false, reason, { message: base + tail[reason] + suffix }, trace);
  };
  const allow = (by: NonNullable<Decision['allowedBy']>, why: string): Decision => {
    trace.push({ source: 'rule', id: 'Allowed', matched: true, detail: why });
    return new LazyDecision(true, 'Allowed', { allowedBy: by }, trace);
  };

  // Identity-based policies (always those of the caller's own account).
  let identityAllow = p.type === 'Root'; // the root user needs no IAM policy (only SCPs, not simulated, limit it)
  let identityDenyBy: string | undefined;
  for (const pol of identities.policiesOf(p)) {
    const results = evaluatePolicy(parsePolicyCached(pol.document, 'identity'), evalReq, ctx);
    trace.push({ source: 'identity-policy', id: pol.id, results });
    for (const r of results) {
      if (!r.matched) continue;
      if (r.effect === 'Deny') identityDenyBy ??= pol.id;
      else identityAllow = true;
    }
  }

  if (req.resourcePolicy) {
    // An S3 bucket (or any resource with an ordinary resource-based policy): union in the owner's account, both across.
    const rp = req.resourcePolicy;
    const results = rp.document ? evaluatePolicy(parsePolicyCached(rp.document, 'key'), evalReq, ctx) : [];
    if (rp.document) trace.push({ source: 'resource-policy', id: 'bucket-policy', results });
    if (results.some((r) => r.matched && r.effect === 'Deny')) return deny('ExplicitDenyInResourcePolicy');
    if (identityDenyBy) return deny('ExplicitDenyInIdentityPolicy', policyArnSuffix(identityDenyBy, opts));
    const allows = results.filter((r) => r.matched && r.effect === 'Allow');
    const direct = allows.some((r) => r.principal === 'direct');
    const viaAccount = allows.some((r) => r.principal === 'account');
    const cross = p.type !== 'AWSService' && p.accountId !== rp.accountId;
    if (p.type === 'AWSService') return direct ? allow('key-policy', 'the resource policy names the service principal') : deny('NoResourcePolicyAllows');
    if (!cross && (direct || identityAllow)) return allow(direct ? 'key-policy' : 'identity', direct ? 'the resource policy allows the principal' : 'an identity-based policy allows (same account)');
    if (cross && (direct || viaAccount) && identityAllow) return allow('key-policy+iam', 'cross-account: the resource policy allows the caller and its own IAM policy allows too');
    return deny(cross && !(direct || viaAccount) ? 'NoResourcePolicyAllows' : 'NoIdentityPolicyAllows');
  }

  const keyResource = req.resourceArn !== '*' && req.keyPolicy !== undefined;
  if (!keyResource) {
    // CreateKey, ListKeys, ListAliases, GenerateRandom...: only identity-based policies count.
    if (identityDenyBy) return deny('ExplicitDenyInIdentityPolicy', policyArnSuffix(identityDenyBy, opts));
    if (identityAllow) return allow('identity', 'an identity-based policy allows this action (no key resource)');
    return deny('NoIdentityPolicyAllows');
  }

  const keyResults = evaluatePolicy(parsePolicyCached(req.keyPolicy!, 'key'), evalReq, ctx);
  trace.push({ source: 'key-policy', id: 'default', results: keyResults }); // KMS names the one key policy "default"
  if (keyResults.some((r) => r.matched && r.effect === 'Deny')) return deny('ExplicitDenyInResourcePolicy');
  if (identityDenyBy) return deny('ExplicitDenyInIdentityPolicy', policyArnSuffix(identityDenyBy, opts));

  const crossAccount = p.type !== 'AWSService' && req.keyAccountId !== undefined && p.accountId !== req.keyAccountId;
  const crossAllowed = !crossAccount || CROSS_ACCOUNT_ACTIONS.has(req.action.toLowerCase());
  if (!crossAllowed) {
    trace.push({ source: 'rule', id: 'cross-account', matched: false, detail: `${req.action} cannot be allowed to a principal of another account; key policy statements for it are ignored` });
  }
  const allows = crossAllowed ? keyResults.filter((r) => r.matched && r.effect === 'Allow') : [];
  const keyDirect = allows.some((r) => r.principal === 'direct');
  const keyAccount = allows.some((r) => r.principal === 'account');

  if (!crossAccount && keyDirect) return allow('key-policy', 'the key policy allows the principal directly');
  if ((keyDirect || keyAccount) && identityAllow) {
    return allow('key-policy+iam', crossAccount ? 'cross-account: the key policy allows the caller and its own IAM policy allows too' : 'the key policy delegates to the account and an identity-based policy allows');
  }
  for (const g of crossAllowed ? req.grants : []) {
    const t = checkGrant(g, req, identityAllow);
    trace.push(t);
    if (t.matched) return allow('grant', `grant ${g.GrantId} allows this operation`);
  }
  if (keyDirect || keyAccount) return deny('NoIdentityPolicyAllows');
  return deny('NoResourcePolicyAllows');
}

/** With the switch on, identity-based explicit denies name the managed policy (inline policies have no ARN). */
function policyArnSuffix(id: string, opts: Omit<AccessControlOptions, 'identities'>): string {
  return opts.accessDeniedWithPolicyArn && id.startsWith('arn:') && !id.includes(' ') ? `: ${id}` : '';
}

/** The AccessControl port bound to one set of identities (the world builds one per world). */
export function createAccessControl(opts: AccessControlOptions): AccessControl {
  const { identities } = opts;
  return {
    authorize: (req) => authorize(req, identities, opts),
    keyPolicyProblem: (document, keyAccountId) => keyPolicyProblem(document, keyAccountId, identities),
    defaultKeyPolicy,
    awsManagedKeyPolicy,
  };
}
