// The simulator facade and runAws: CLI pagination over the engine's List operations, IAM and STS calls
// recorded as CloudTrail events, LookupEvents limited to the caller's account, and
// simulate-principal-policy answered by the KMS authorization decision.
import { describe, expect, it } from '@jest/globals';
import { ADMIN, aSimulator } from './helpers.js';
import { callerFor, DEFAULT_PROFILES } from '../../src/awscli/profiles.js';

async function json(p: Promise<{ stdout: string; stderr: string; exitCode: number }>) {
  const r = await p;
  if (r.exitCode !== 0) throw new Error(`exit ${r.exitCode}: ${r.stderr}`);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

describe('pagination', () => {
  it('collects every page by default and drops the paging fields', async () => {
    const { aws } = aSimulator();
    for (let i = 0; i < 3; i++) await aws('kms create-key');
    const all = await json(aws('kms list-keys --page-size 1'));
    expect(Object.keys(all)).toEqual(['Keys']);
    expect(all.Keys).toHaveLength(3);
  });

  it('stops at --max-items with a NextToken that --starting-token resumes', async () => {
    const { aws } = aSimulator();
    for (let i = 0; i < 3; i++) await aws('kms create-key');
    const all = (await json(aws('kms list-keys'))).Keys as { KeyId: string }[];
    const first = await json(aws('kms list-keys --max-items 2'));
    expect(first.Keys).toEqual(all.slice(0, 2));
    expect(typeof first.NextToken).toBe('string');
    const rest = await json(aws(`kms list-keys --starting-token ${first.NextToken as string}`));
    expect(rest.Keys).toEqual(all.slice(2));
    expect(rest.NextToken).toBeUndefined();
    const paged = await json(aws('kms list-keys --max-items 1 --page-size 2'));
    const next = await json(aws(`kms list-keys --max-items 1 --page-size 2 --starting-token ${paged.NextToken as string}`));
    expect([...(paged.Keys as unknown[]), ...(next.Keys as unknown[])]).toEqual(all.slice(0, 2));
  });

  it('returns one raw page with --no-paginate or when the paging member is given', async () => {
    const { aws } = aSimulator();
    for (let i = 0; i < 2; i++) await aws('kms create-key');
    const raw = await json(aws('kms list-keys --limit 1'));
    expect(raw).toMatchObject({ Truncated: true });
    expect(raw.Keys).toHaveLength(1);
    expect(typeof raw.NextMarker).toBe('string');
    expect(await json(aws('kms list-keys --no-paginate'))).toMatchObject({ Truncated: false });
  });

  it('prints the resume token last on a NEXTTOKEN line in text output', async () => {
    const { aws } = aSimulator();
    for (let i = 0; i < 2; i++) await aws('kms create-key');
    const r = await aws('kms list-keys --max-items 1 --output text');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^KEYS\tarn:aws:kms:/);
    expect(lines[1]).toMatch(/^NEXTTOKEN\t[A-Za-z0-9+/=]+$/);
  });

  it('refuses a starting token that is not one', async () => {
    const { aws } = aSimulator();
    const r = await aws('kms list-keys --starting-token nonsense');
    expect(r.exitCode).toBe(252);
    expect(r.stderr).toMatch(/Bad starting token/);
  });
});

describe('IAM, STS and CloudTrail', () => {
  it('records IAM and STS calls as events of their own service, and shows only the caller account', async () => {
    const { aws, sim } = aSimulator();
    await aws('iam create-user --user-name carol');
    expect((await aws('iam create-user --user-name carol')).stderr).toMatch(/EntityAlreadyExists/);
    await aws('sts get-caller-identity');
    const analyst = callerFor(sim, DEFAULT_PROFILES, 'analytics');
    await aws('kms create-key', analyst);
    const iamEvents = sim.trail.events.filter((e) => e.eventSource === 'iam.amazonaws.com');
    expect(iamEvents.map((e) => [e.eventName, e.errorCode ?? 'ok', e.awsRegion])).toEqual([
      ['CreateUser', 'ok', 'us-east-1'],
      ['CreateUser', 'EntityAlreadyExists', 'us-east-1'],
    ]);
    const looked = await json(aws('cloudtrail lookup-events --query Events[].[EventSource,EventName]'));
    expect(looked).toEqual([
      ['sts.amazonaws.com', 'GetCallerIdentity'],
      ['iam.amazonaws.com', 'CreateUser'],
      ['iam.amazonaws.com', 'CreateUser'],
    ]);
  });

  it('answers get-caller-identity for the profile in use', async () => {
    const { aws, sim } = aSimulator();
    const dev = callerFor(sim, DEFAULT_PROFILES, 'dev', 'eu-west-1');
    expect(await json(aws('sts get-caller-identity', dev))).toEqual({
      UserId: 'AIDAEXAMPLEDEV000002',
      Account: '111122223333',
      Arn: 'arn:aws:iam::111122223333:user/dev',
    });
    expect(dev.region).toBe('eu-west-1');
  });
});

describe('simulate-principal-policy', () => {
  it('uses the key policy, IAM policies and explicit denies of the real decision', async () => {
    const { aws } = aSimulator();
    const key = (await json(aws('kms create-key'))).KeyMetadata as { Arn: string; KeyId: string };
    const sim = (who: string) =>
      json(aws(`iam simulate-principal-policy --policy-source-arn arn:aws:iam::111122223333:user/${who} --action-names kms:Decrypt --resource-arns ${key.Arn}`));
    const admin = ((await sim('admin')).EvaluationResults as Record<string, unknown>[])[0];
    expect(admin).toMatchObject({ EvalActionName: 'kms:Decrypt', EvalResourceName: key.Arn, EvalDecision: 'allowed' });
    expect(admin.MatchedStatements).toEqual(expect.arrayContaining([expect.objectContaining({ SourcePolicyType: 'resource' })]));
    expect(((await sim('dev')).EvaluationResults as Record<string, unknown>[])[0].EvalDecision).toBe('implicitDeny');

    const deny = {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'Root', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' },
        { Sid: 'NoDecrypt', Effect: 'Deny', Principal: { AWS: 'arn:aws:iam::111122223333:user/admin' }, Action: 'kms:Decrypt', Resource: '*' },
      ],
    };
    const put = await aws(`kms put-key-policy --key-id ${key.KeyId} --policy '${JSON.stringify(deny)}'`);
    expect(put.exitCode).toBe(0);
    const denied = ((await sim('admin')).EvaluationResults as Record<string, unknown>[])[0];
    expect(denied.EvalDecision).toBe('explicitDeny');
    expect((denied.Explanation as string[])[0]).toMatch(/^DENIED/);
  });

  it('refuses an unknown principal as a service error', async () => {
    const { aws } = aSimulator();
    const r = await aws('iam simulate-principal-policy --policy-source-arn arn:aws:iam::111122223333:user/ghost --action-names kms:Decrypt');
    expect(r.exitCode).toBe(254);
    expect(r.stderr).toMatch(/An error occurred \(NoSuchEntity\) when calling the SimulatePrincipalPolicy operation/);
  });
});

describe('caller', () => {
  it('takes the region from --region', async () => {
    const { aws } = aSimulator();
    const md = (await json(aws('kms create-key --region eu-west-1'))).KeyMetadata as { Arn: string };
    expect(md.Arn).toMatch(/^arn:aws:kms:eu-west-1:111122223333:key\//);
    expect(await json(aws('kms list-keys'))).toEqual({ Keys: [] });
    expect(ADMIN.region).toBe('us-east-1');
  });
});

describe('coverage of the model', () => {
  it('answers every IAM, STS and CloudTrail operation of the CLI model', async () => {
    const { SERVICES } = await import('../../src/awscli/index.js');
    const { IAM_OPERATIONS } = await import('../../src/iam/index.js');
    const iam = SERVICES.iam.operations.map((o) => o.name).filter((n) => n !== 'SimulatePrincipalPolicy');
    expect(iam.filter((n) => !IAM_OPERATIONS.includes(n))).toEqual([]);
    const { sim } = aSimulator();
    const admin = callerFor(sim, DEFAULT_PROFILES, 'default');
    expect(sim.call('sts', 'GetCallerIdentity', {}, admin)).toMatchObject({ Account: '111122223333' });
    expect(sim.call('cloudtrail', 'LookupEvents', {}, admin)).toMatchObject({ Events: expect.any(Array) });
    expect(sim.call('cloudtrail', 'DescribeTrails', {}, admin)).toEqual({ trailList: [] });
    expect(() => sim.call('cloudtrail', 'PutEventSelectors', {}, admin)).toThrow(/not supported by the simulator/);
  });
});

describe('runAwsLine', () => {
  it('runs a typed line that starts with aws, and refuses anything else as a usage error', async () => {
    const { runAwsLine } = await import('../../src/awscli/run.js');
    const { sim, io } = aSimulator();
    const ok = await runAwsLine(sim, "aws sts get-caller-identity --query 'Arn' --output text", ADMIN, io);
    expect(ok).toEqual({ stdout: 'arn:aws:iam::111122223333:user/admin\n', stderr: '', exitCode: 0 });
    expect((await runAwsLine(sim, 'kms list-keys', ADMIN, io)).exitCode).toBe(252);
    expect((await runAwsLine(sim, "aws kms encrypt --plaintext 'open", ADMIN, io)).stderr).toMatch(/unterminated single quote/);
  });
});
