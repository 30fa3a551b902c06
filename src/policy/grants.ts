// Whether a grant allows this call: grantee, listed operation, encryption-context constraints and
// eventual consistency (effective after effectiveAt, or at once when its token is passed in GrantTokens).
import type { AuthzRequest, GrantRecord, TraceEntry } from '../aws/access.js';

/** Operations that take an encryption context, so grant constraints apply to them. */
const EC_OPERATIONS = new Set([
  'Encrypt',
  'Decrypt',
  'ReEncryptFrom',
  'ReEncryptTo',
  'GenerateDataKey',
  'GenerateDataKeyWithoutPlaintext',
  'GenerateDataKeyPair',
  'GenerateDataKeyPairWithoutPlaintext',
]);

function sameContext(a: Record<string, string>, b: Record<string, string>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && b[k] === a[k]);
}

function granteeMatches(g: GrantRecord, req: AuthzRequest, identityAllows: boolean): string | undefined {
  const p = req.caller.principal;
  if (g.GranteeServicePrincipal !== undefined) {
    return p.type === 'AWSService' && p.arn === g.GranteeServicePrincipal ? undefined : `grantee service principal ${g.GranteeServicePrincipal} is not ${p.arn}`;
  }
  if (g.GranteePrincipal === p.arn) return undefined;
  if (p.roleArn && g.GranteePrincipal === p.roleArn) return undefined;
  const account = /^arn:aws:iam::(\d{12}):root$/.exec(g.GranteePrincipal)?.[1];
  if (account && account === p.accountId) {
    // A grant to an account is used by its principals through their IAM policies.
    if (p.type === 'Root' || identityAllows) return undefined;
    return `grantee is account ${account}, but no identity-based policy of ${p.arn} allows ${req.action}`;
  }
  return `grantee ${g.GranteePrincipal} is not ${p.arn}`;
}

/** Checks one grant; returns its trace entry (matched = the grant allows this call). */
export function checkGrant(g: GrantRecord, req: AuthzRequest, identityAllows: boolean): TraceEntry {
  const entry = (matched: boolean, detail: string): TraceEntry => ({ source: 'grant', id: g.GrantId, effect: 'Allow', matched, detail });
  const op = req.action.replace(/^kms:/i, '');
  const who = granteeMatches(g, req, identityAllows);
  if (who) return entry(false, who);
  if (!g.Operations.includes(op)) return entry(false, `operation ${op} is not in the grant's operations [${g.Operations.join(', ')}]`);
  const ec = req.encryptionContext ?? {};
  const c = g.Constraints;
  if (c && EC_OPERATIONS.has(op)) {
    if (c.EncryptionContextEquals && !sameContext(c.EncryptionContextEquals, ec)) {
      return entry(false, `EncryptionContextEquals ${JSON.stringify(c.EncryptionContextEquals)} does not equal the request's ${JSON.stringify(ec)}`);
    }
    if (c.EncryptionContextSubset) {
      const missing = Object.entries(c.EncryptionContextSubset).find(([k, v]) => ec[k] !== v);
      if (missing) return entry(false, `EncryptionContextSubset needs ${missing[0]}=${missing[1]} in the request's encryption context ${JSON.stringify(ec)}`);
    }
  }
  // SourceArn constraint: evaluated only when an AWS service makes the request (as aws:SourceArn).
  if (c?.SourceArn !== undefined && req.caller.principal.type === 'AWSService' && req.caller.sourceArn !== c.SourceArn) {
    return entry(false, `SourceArn constraint ${c.SourceArn} does not match the request's aws:SourceArn ${req.caller.sourceArn ?? '(none)'}`);
  }
  const withToken = [g.token, ...(g.retryTokens ?? [])].some((t) => req.grantTokens?.includes(t));
  if (g.effectiveAt > req.now && !withToken) {
    const secs = Math.ceil((g.effectiveAt - req.now) / 1000);
    return entry(false, `the grant is not effective yet (eventual consistency, ${secs}s left); pass its grant token to use it now`);
  }
  return entry(true, `grant allows ${op}${withToken && g.effectiveAt > req.now ? ' (made effective by its grant token)' : ''}`);
}
