// The aws:* global condition keys for one call, derived from the caller and the identity state, merged
// under the kms:* keys the engine computed. With kms:ViaService set, aws:SourceIp is left out (the service calls).
import type { AuthzRequest, ConditionContext } from '../kms/types.js';
import type { IamState } from '../iam/types.js';

const PRINCIPAL_TYPE: Record<string, string> = { Root: 'Account', IAMUser: 'User', AssumedRole: 'AssumedRole', AWSAccount: 'Account' };

/** Default aws:SourceIp when the caller sets none (a documentation address, RFC 5737). */
export const DEFAULT_SOURCE_IP = '203.0.113.10';

export function requestContext(req: AuthzRequest, iam: IamState): ConditionContext {
  const { caller } = req;
  const p = caller.principal;
  const ctx: ConditionContext = {};
  if (p.type !== 'AWSService') {
    ctx['aws:PrincipalArn'] = p.type === 'AssumedRole' && p.roleArn ? p.roleArn : p.arn;
    ctx['aws:PrincipalAccount'] = p.accountId;
    ctx['aws:PrincipalType'] = PRINCIPAL_TYPE[p.type];
    const org = iam.accounts.find((a) => a.id === p.accountId)?.orgId;
    if (org) ctx['aws:PrincipalOrgID'] = org;
    if (p.type === 'IAMUser') {
      ctx['aws:username'] = p.name;
      ctx['aws:userid'] = p.principalId ?? iam.users.find((u) => u.arn === p.arn)?.userId;
    } else if (p.type === 'AssumedRole') {
      const roleId = iam.roles.find((r) => r.arn === p.roleArn)?.roleId;
      ctx['aws:userid'] = p.principalId ?? (roleId ? `${roleId}:${p.name}` : undefined);
    } else {
      ctx['aws:userid'] = p.accountId;
    }
  } else {
    ctx['aws:PrincipalServiceName'] = p.arn;
  }
  if (caller.viaService) {
    ctx['aws:ViaAWSService'] = true;
    if (caller.sourceIp) ctx['aws:SourceIp'] = caller.sourceIp;
  } else {
    ctx['aws:ViaAWSService'] = false;
    ctx['aws:SourceIp'] = caller.sourceIp ?? DEFAULT_SOURCE_IP;
  }
  ctx['aws:CurrentTime'] = new Date(req.now).toISOString().replace(/\.\d{3}Z$/, 'Z');
  ctx['aws:EpochTime'] = Math.floor(req.now / 1000);
  if (req.resourceArn !== '*') {
    if (p.type !== 'AWSService') ctx['kms:CallerAccount'] = caller.accountId;
    if (caller.viaService) ctx['kms:ViaService'] = caller.viaService;
  }
  // The engine's kms:* keys win over the defaults above.
  return { ...ctx, ...req.context };
}
