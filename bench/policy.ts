// Policy evaluation throughput: full KMS authorization decisions per second for a 10-statement key policy
// with conditions plus an identity policy (parsed once, cached by text). Target: >= 100,000 decisions/s.
import { performance } from 'node:perf_hooks';
import { createAccessControl, evaluatePolicy, parsePolicyCached } from '../src/policy/index.js';
import { defaultIamState, principalFromArn } from '../src/iam/index.js';
import { identityDirectory } from '../src/iam/directory.js';
import type { AuthzRequest } from '../src/aws/access.js';

const A = '111122223333';
const KEY = `arn:aws:kms:us-east-1:${A}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const TARGET = 100_000;

function keyPolicy(): string {
  const st = (sid: string, extra: Record<string, unknown>) => ({ Sid: sid, Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:root` }, Resource: '*', ...extra });
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      st('Enable IAM User Permissions', { Action: 'kms:*' }),
      st('Admins', { Action: ['kms:Create*', 'kms:Describe*', 'kms:Enable*', 'kms:List*', 'kms:Put*', 'kms:Update*', 'kms:Revoke*', 'kms:Disable*', 'kms:Get*', 'kms:Delete*'] }),
      st('ViaS3', { Action: ['kms:Encrypt', 'kms:Decrypt'], Condition: { StringEquals: { 'kms:ViaService': 's3.us-east-1.amazonaws.com', 'kms:CallerAccount': A } } }),
      st('Context', { Action: 'kms:Decrypt', Condition: { StringEquals: { 'kms:EncryptionContext:Department': 'IT' } } }),
      st('ContextKeys', { Action: 'kms:Encrypt', Condition: { 'ForAllValues:StringEquals': { 'kms:EncryptionContextKeys': ['Department', 'Project'] } } }),
      st('Org', { Action: 'kms:Decrypt', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } }),
      st('Network', { Action: 'kms:Decrypt', Condition: { IpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '2001:db8::/32'] } } }),
      st('Window', { Action: 'kms:Decrypt', Condition: { DateLessThan: { 'aws:CurrentTime': '2027-01-01T00:00:00Z' } } }),
      st('Aliases', { Action: 'kms:Decrypt', Condition: { 'ForAnyValue:StringLike': { 'kms:ResourceAliases': 'alias/app-*' } } }),
      { Sid: 'DenyOutsideOrg', Effect: 'Deny', Principal: '*', Action: 'kms:*', Resource: '*', Condition: { StringNotEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } },
    ],
  });
}

/** Calls per second of `fn`, measured for about half a second after a warm-up. */
function rate(fn: () => unknown): number {
  for (let i = 0; i < 2000; i++) fn();
  let n = 0;
  const start = performance.now();
  let now = start;
  while (now - start < 500) {
    for (let i = 0; i < 200; i++) fn();
    n += 200;
    now = performance.now();
  }
  return Math.round((n * 1000) / (now - start));
}

/** Runs the benchmark and returns a one-line report; throws if the decision is not the expected allow. */
export async function benchPolicy(): Promise<string> {
  const iam = defaultIamState();
  const ac = createAccessControl({ identities: identityDirectory(iam) });
  const principal = principalFromArn(iam, `arn:aws:iam::${A}:user/admin`);
  const req: AuthzRequest = {
    action: 'kms:Decrypt',
    caller: { principal, accountId: A, region: 'us-east-1', sourceIp: '10.1.2.3' },
    resourceArn: KEY,
    keyAccountId: A,
    keyRegion: 'us-east-1',
    keyPolicy: keyPolicy(),
    keyManager: 'CUSTOMER',
    grants: [],
    encryptionContext: { Department: 'IT' },
    context: { 'kms:EncryptionContext:Department': 'IT', 'kms:EncryptionContextKeys': ['Department'], 'kms:ResourceAliases': ['alias/app-data'] },
    now: Date.UTC(2026, 0, 1),
  };
  const first = ac.authorize(req);
  if (!first.allowed) throw new Error(`benchmark decision should be allowed: ${first.message}`);
  const perSecond = rate(() => ac.authorize(req));
  const doc = parsePolicyCached(req.keyPolicy!, 'key');
  const evalReq = { action: req.action, resource: KEY, principal: { arn: principal.arn, accountId: A, type: principal.type }, context: { ...req.context, 'aws:PrincipalOrgID': 'o-a1b2c3d4e5', 'aws:SourceIp': '10.1.2.3', 'aws:CurrentTime': '2026-01-01T00:00:00Z', 'kms:CallerAccount': A } };
  const evalPerSecond = rate(() => evaluatePolicy(doc, evalReq));
  const verdict = perSecond >= TARGET ? 'meets' : 'BELOW';
  const n = (x: number) => x.toLocaleString('en-US');
  return `policy: ${n(perSecond)} authorization decisions/s (10-statement key policy with conditions + AdministratorAccess identity policy, trace kept) ${verdict} target ${n(TARGET)}/s; key policy alone: ${n(evalPerSecond)} evaluations/s`;
}
