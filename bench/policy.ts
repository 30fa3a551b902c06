// Policy evaluation throughput: full KMS authorization decisions per second for a 10-statement key policy with
// conditions plus a 10-statement IAM policy (documents compiled once, cached by text), the allowed decision and a
// denied one interleaved in rounds (median of the rounds). Target: >= 100,000 decisions/s.
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

/** The caller's IAM policy: ten statements, wildcards in actions and resources, conditions in some. */
function iamPolicy(): string {
  const key = (id: string) => `arn:aws:kms:us-east-1:${A}:key/${id}`;
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Sid: 'ReadS3', Effect: 'Allow', Action: ['s3:Get*', 's3:List*'], Resource: ['arn:aws:s3:::app-*', 'arn:aws:s3:::app-*/*'] },
      { Sid: 'Logs', Effect: 'Allow', Action: 'logs:*', Resource: `arn:aws:logs:us-east-1:${A}:log-group:/app/*` },
      { Sid: 'DescribeKeys', Effect: 'Allow', Action: ['kms:Describe*', 'kms:List*', 'kms:Get*'], Resource: '*' },
      { Sid: 'EncryptAppKeys', Effect: 'Allow', Action: ['kms:Encrypt', 'kms:GenerateDataKey*'], Resource: key('*'), Condition: { StringEquals: { 'aws:RequestedRegion': 'us-east-1' } } },
      { Sid: 'DecryptAppKeys', Effect: 'Allow', Action: 'kms:Decrypt', Resource: [key('1234abcd-*'), key('5678efgh-*')], Condition: { StringLike: { 'kms:EncryptionContext:Department': ['IT', 'Ops*'] } } },
      { Sid: 'Network', Effect: 'Allow', Action: 'kms:Re*', Resource: key('*'), Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } },
      { Sid: 'Grants', Effect: 'Allow', Action: 'kms:CreateGrant', Resource: key('*'), Condition: { Bool: { 'kms:GrantIsForAWSResource': 'true' } } },
      { Sid: 'Tags', Effect: 'Allow', Action: ['kms:TagResource', 'kms:UntagResource'], Resource: key('????????-????-*') },
      { Sid: 'NoDelete', Effect: 'Deny', Action: ['kms:ScheduleKeyDeletion', 'kms:DisableKey'], Resource: '*' },
      { Sid: 'NoOtherRegions', Effect: 'Deny', NotAction: ['iam:*', 'sts:*'], Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': ['us-east-1', 'eu-west-1'] } } },
    ],
  });
}

/** Calls per second of each function: `rounds` rounds of about 100 ms each, the functions taking turns; medians. */
function rates(fns: (() => unknown)[], rounds = 7): number[] {
  for (const fn of fns) for (let i = 0; i < 2000; i++) fn();
  const per: number[][] = fns.map(() => []);
  for (let r = 0; r < rounds; r++)
    for (let k = 0; k < fns.length; k++) {
      const i = (k + r) % fns.length;
      let n = 0;
      const start = performance.now();
      let now = start;
      while (now - start < 100) {
        for (let j = 0; j < 200; j++) fns[i]();
        n += 200;
        now = performance.now();
      }
      per[i].push((n * 1000) / (now - start));
    }
  return per.map((xs) => Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]));
}

/** Runs the benchmark and returns a one-line report; throws if the decision is not the expected allow. */
export async function benchPolicy(): Promise<string> {
  const iam = defaultIamState();
  const admin = iam.users.find((u) => u.arn === `arn:aws:iam::${A}:user/admin`)!;
  iam.users.push({ ...admin, name: 'app', arn: `arn:aws:iam::${A}:user/app`, userId: 'AIDABENCHAPPUSER0001', inlinePolicies: { app: iamPolicy() }, attachedPolicies: [] });
  const ac = createAccessControl({ identities: identityDirectory(iam) });
  const principal = principalFromArn(iam, `arn:aws:iam::${A}:user/app`);
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
    context: { 'kms:EncryptionContext:Department': 'IT', 'kms:EncryptionContextKeys': ['Department'], 'kms:ResourceAliases': ['alias/app-data'], 'aws:RequestedRegion': 'us-east-1' },
    now: Date.UTC(2026, 0, 1),
  };
  const first = ac.authorize(req);
  if (!first.allowed) throw new Error(`benchmark decision should be allowed: ${first.message}`);
  // Denied: the IAM policy allows only keys 1234abcd-* and 5678efgh-* to decrypt, so every statement is tried.
  const denyReq: AuthzRequest = { ...req, resourceArn: KEY.replace('1234abcd', 'feedbeef'), encryptionContext: { Department: 'Sales' }, context: { ...req.context, 'kms:EncryptionContext:Department': 'Sales' } };
  if (ac.authorize(denyReq).allowed) throw new Error('benchmark decision should be denied');
  const doc = parsePolicyCached(req.keyPolicy!, 'key');
  const evalReq = { action: req.action, resource: KEY, principal: { arn: principal.arn, accountId: A, type: principal.type }, context: { ...req.context, 'aws:PrincipalOrgID': 'o-a1b2c3d4e5', 'aws:SourceIp': '10.1.2.3', 'aws:CurrentTime': '2026-01-01T00:00:00Z', 'kms:CallerAccount': A } };
  const [allowed, denied, keyOnly] = rates([() => ac.authorize(req), () => ac.authorize(denyReq), () => evaluatePolicy(doc, evalReq)]);
  const n = (x: number) => x.toLocaleString('en-US');
  const verdict = (x: number) => (x >= TARGET ? 'met' : 'MISSED');
  return [
    'policy: authorization decisions/s, 10-statement key policy with conditions + 10-statement IAM policy, trace kept (medians of interleaved rounds)',
    `  allowed decision  ${n(allowed).padStart(9)}/s  (target >= ${n(TARGET)}/s: ${verdict(allowed)})`,
    `  denied decision   ${n(denied).padStart(9)}/s  (target >= ${n(TARGET)}/s: ${verdict(denied)})`,
    `  key policy alone  ${n(keyOnly).padStart(9)} evaluations/s`,
  ].join('\n');
}
