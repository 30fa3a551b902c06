// The drill's stem: the key policy, the caller's IAM policy and the grant as compact JSON, then the request.
// Grant tokens are shown by name only ("the grant's token"), not as the opaque string KMS returns.
import { DEFAULT_SOURCE_IP } from '../../aws/cloudtrail.js';
import { takesEncryptionContext, grantRecordOf, identityPolicyOf, keyPolicyOf, callerPrincipal, KEY_ACCOUNT, KEY_ARN, OTHER_ACCOUNT, ORG_ID, PARTNER_ACCOUNT, type DrillScenario } from './scenario.js';


function grantLine(s: DrillScenario): string {
  const g = grantRecordOf(s);
  if (!g || !s.grant) return 'Grant on the key: none';
  const shown: Record<string, unknown> = { GranteePrincipal: g.GranteePrincipal, Operations: g.Operations };
  if (g.Constraints) shown.Constraints = g.Constraints;
  const age = s.grant.propagated ? 'created an hour ago' : 'created one second ago (not yet effective everywhere)';
  return `Grant on the key: ${JSON.stringify(shown)}, ${age}`;
}

function requestLine(s: DrillScenario): string {
  const p = callerPrincipal(s.caller);
  const parts = [`${p.arn} calls ${s.action.replace('kms:', '')} on ${KEY_ARN}`];
  const ec = s.request.encryptionContext;
  if (takesEncryptionContext(s.action)) parts.push(ec ? `encryption context ${JSON.stringify(ec)}` : 'no encryption context');
  parts.push(s.request.viaService ? `through ${s.request.viaService} (kms:ViaService)` : 'directly (no AWS service in between)');
  parts.push(`aws:SourceIp ${s.request.viaService ? (s.request.sourceIp ?? '(none: the service makes the call)') : (s.request.sourceIp ?? `${DEFAULT_SOURCE_IP} (the default)`)}`);
  if (s.grant) parts.push(s.grant.tokenPassed ? "GrantTokens: [the grant's token]" : 'no GrantTokens');
  return `Request: ${parts.join('; ')}`;
}

export function stemOf(s: DrillScenario): string {
  const identity = identityPolicyOf(s);
  return [
    `Accounts ${KEY_ACCOUNT} (owns the key) and ${OTHER_ACCOUNT} are in organization ${ORG_ID}; ${PARTNER_ACCOUNT} is not. What does KMS decide, and why?`,
    `Key policy: ${JSON.stringify(keyPolicyOf(s))}`,
    `Caller's IAM policy: ${identity ? JSON.stringify(identity) : 'none'}`,
    grantLine(s),
    requestLine(s),
  ].join('\n');
}
