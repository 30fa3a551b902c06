// The aws:* global condition keys for one call, derived from the caller and the identity state, merged
// under the kms:* keys the engine computed. With kms:ViaService set, aws:SourceIp is left out (the service calls).
import type { AuthzRequest, ConditionContext, IdentityDirectory } from '../aws/access.js';
import type { NormalContext } from './conditions.js';
import { DEFAULT_SOURCE_IP } from '../aws/cloudtrail.js';

const PRINCIPAL_TYPE: Record<string, string> = { Root: 'Account', IAMUser: 'User', AssumedRole: 'AssumedRole', AWSAccount: 'Account' };

/** Default aws:SourceIp when the caller sets none: the address the engine's audit log records for such calls. */
export { DEFAULT_SOURCE_IP };

/** Display names of the keys this module sets, by their lower-case form. */
const NAMES = [
  'aws:PrincipalArn', 'aws:PrincipalAccount', 'aws:PrincipalType', 'aws:PrincipalOrgID', 'aws:username', 'aws:userid',
  'aws:PrincipalServiceName', 'aws:PrincipalIsAWSService', 'aws:ViaAWSService', 'aws:SourceIp', 'aws:CurrentTime', 'aws:EpochTime', 'kms:CallerAccount', 'kms:ViaService',
  'aws:SourceArn', 'aws:SourceAccount',
];
const DISPLAY = new Map(NAMES.map((n) => [n.toLowerCase(), n]));

let lastNow = NaN;
let lastIso = '';
function isoSeconds(ms: number): string {
  if (ms !== lastNow) {
    lastNow = ms;
    lastIso = new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
  return lastIso;
}

/** The request's condition values by lower-case key: the global keys, then the engine's kms:* keys over them. */
export function normalisedRequestContext(req: AuthzRequest, identities: IdentityDirectory): NormalContext {
  const { caller } = req;
  const p = caller.principal;
  const m: NormalContext = new Map();
  const set = (k: string, v: string | undefined) => {
    if (v !== undefined) m.set(k, [v]);
  };
  set('aws:principalisawsservice', p.type === 'AWSService' ? 'true' : 'false');
  if (p.type !== 'AWSService') {
    set('aws:principalarn', p.type === 'AssumedRole' && p.roleArn ? p.roleArn : p.arn);
    set('aws:principalaccount', p.accountId);
    set('aws:principaltype', PRINCIPAL_TYPE[p.type]);
    set('aws:principalorgid', identities.orgIdOf(p.accountId));
    if (p.type === 'IAMUser') {
      set('aws:username', p.name);
      set('aws:userid', p.principalId ?? identities.uniqueIdOf(p.arn));
    } else if (p.type === 'AssumedRole') {
      const roleId = p.principalId || !p.roleArn ? undefined : identities.uniqueIdOf(p.roleArn);
      set('aws:userid', p.principalId ?? (roleId ? `${roleId}:${p.name}` : undefined));
    } else {
      set('aws:userid', p.accountId);
    }
  } else {
    set('aws:principalservicename', p.arn);
    // A service principal acting for a resource: aws:SourceArn is that resource, aws:SourceAccount its owner.
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-sourcearn
    if (caller.sourceArn) {
      set('aws:sourcearn', caller.sourceArn);
      set('aws:sourceaccount', caller.accountId);
    }
  }
  if (caller.viaService) {
    set('aws:viaawsservice', 'true');
    set('aws:sourceip', caller.sourceIp);
  } else {
    set('aws:viaawsservice', 'false');
    set('aws:sourceip', caller.sourceIp ?? DEFAULT_SOURCE_IP);
  }
  set('aws:currenttime', isoSeconds(req.now));
  set('aws:epochtime', String(Math.floor(req.now / 1000)));
  if (req.resourceArn !== '*') {
    if (p.type !== 'AWSService') set('kms:calleraccount', caller.accountId);
    set('kms:viaservice', caller.viaService);
  }
  // The engine's kms:* keys win over the defaults above.
  for (const k in req.context) {
    const v = req.context[k];
    if (v === undefined) continue;
    m.set(k.toLowerCase(), Array.isArray(v) ? v.map(String) : [String(v)]);
  }
  return m;
}

/** The same values keyed by their display names (for traces, labs and tests). */
export function requestContext(req: AuthzRequest, identities: IdentityDirectory): ConditionContext {
  const out: ConditionContext = {};
  const engineKeys = new Map(Object.keys(req.context).map((k) => [k.toLowerCase(), k]));
  for (const [k, v] of normalisedRequestContext(req, identities)) {
    const name = engineKeys.get(k) ?? DISPLAY.get(k) ?? k;
    const original = req.context[name];
    if (original !== undefined && engineKeys.has(k)) out[name] = original;
    else if (k === 'aws:viaawsservice' || k === 'aws:principalisawsservice') out[name] = v[0] === 'true';
    else if (k === 'aws:epochtime') out[name] = Number(v[0]);
    else out[name] = v[0];
  }
  return out;
}
