// Builds a lab's starting world from its setup (and the drawn variant): identities, keys with policies,
// aliases, tags, states and rotation, grants, prepared ciphertexts, a prepared history, the clock.
import { executeIam } from '../iam/index.js';
import { ManualClock, SeededRandom } from '../aws/ports.js';
import type { Caller } from '../aws/caller.js';
import { freshWorld, type World } from '../sim/world.js';
import { advanceProblem, parseDuration } from '../text/duration.js';
import type { Lab, Setup, Variant } from './types.js';

export interface LabWorld {
  world: World;
  /** $NAME -> value: $<REF> is a key id, $<REF>_ARN its ARN. */
  vars: Record<string, string>;
  /** Virtual files (base64) for fileb:// and file:// (prepared ciphertexts, files the learner saved). */
  files: Record<string, string>;
}

/** The setup with the variant's replacements applied (keys and principals replaced by ref/name). */
export function effectiveSetup(lab: Lab, variant?: Variant): Setup {
  const s = lab.setup;
  if (!variant) return s;
  const v = variant.setup;
  const byRef = new Map(s.keys.map((k) => [k.ref, k]));
  for (const k of v.keys ?? []) byRef.set(k.ref, { ...byRef.get(k.ref), ...k });
  const byName = new Map(s.principals.map((p) => [`${p.kind}:${p.name}`, p]));
  for (const p of v.principals ?? []) byName.set(`${p.kind}:${p.name}`, p);
  return { ...s, keys: [...byRef.values()], principals: [...byName.values()], profiles: { ...s.profiles, ...v.profiles }, grants: v.grants ?? s.grants };
}

export function rootCaller(world: World, account: string, region: string): Caller {
  const principal = world.principal(`arn:aws:iam::${account}:root`);
  return { principal, accountId: account, region };
}


export function buildWorld(lab: Lab, seed: string, variant?: Variant): LabWorld {
  const setup = effectiveSetup(lab, variant);
  const world = freshWorld(new ManualClock(setup.start), new SeededRandom(`lab:${lab.id}:${seed}`));
  const engine = world.kms;
  const iam = world.iam.state;
  const now = () => engine.now();
  const random = new SeededRandom(`lab-iam:${lab.id}:${seed}`);
  for (const p of setup.principals) {
    const caller = rootCaller(world, p.account, 'us-east-1');
    const ctx = { now: now(), random, caller };
    if (!iam.accounts.some((a) => a.id === p.account)) iam.accounts.push({ id: p.account });
    if (p.kind === 'user') {
      if (!iam.users.some((u) => u.name === p.name && u.accountId === p.account)) executeIam(iam, 'CreateUser', { UserName: p.name }, ctx);
      for (const [name, doc] of Object.entries(p.policies)) executeIam(iam, 'PutUserPolicy', { UserName: p.name, PolicyName: name, PolicyDocument: doc }, ctx);
    } else {
      const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${p.account}:root` }, Action: 'sts:AssumeRole' }] });
      executeIam(iam, 'CreateRole', { RoleName: p.name, AssumeRolePolicyDocument: trust }, ctx);
      for (const [name, doc] of Object.entries(p.policies)) executeIam(iam, 'PutRolePolicy', { RoleName: p.name, PolicyName: name, PolicyDocument: doc }, ctx);
    }
  }
  const vars: Record<string, string> = {};
  const files: Record<string, string> = {};
  const arnOf: Record<string, string> = {};
  for (const k of setup.keys) {
    const root = rootCaller(world, k.account, k.region);
    const req: Record<string, unknown> = { Description: k.description ?? '' };
    if (k.spec) req.KeySpec = k.spec;
    if (k.usage) req.KeyUsage = k.usage;
    if (Object.keys(k.tags).length) req.Tags = Object.entries(k.tags).map(([TagKey, TagValue]) => ({ TagKey, TagValue }));
    const md = engine.execute('CreateKey', req, root).KeyMetadata as { KeyId: string; Arn: string };
    vars[k.ref.toUpperCase()] = md.KeyId;
    vars[`${k.ref.toUpperCase()}_ARN`] = md.Arn;
    arnOf[k.ref] = md.Arn;
    for (const a of k.aliases) engine.execute('CreateAlias', { AliasName: a, TargetKeyId: md.KeyId }, root);
    if (k.rotation) engine.execute('EnableKeyRotation', { KeyId: md.KeyId, RotationPeriodInDays: k.rotation }, root);
  }
  for (const c of setup.ciphertexts) {
    const k = setup.keys.find((x) => x.ref === c.key);
    if (!k) continue;
    const out = engine.execute('Encrypt', { KeyId: arnOf[c.key], Plaintext: new TextEncoder().encode(c.plaintext), EncryptionContext: c.context }, rootCaller(world, k.account, k.region));
    files[c.file] = Buffer.from(out.CiphertextBlob as Uint8Array).toString('base64');
  }
  for (const g of setup.grants) {
    const k = setup.keys.find((x) => x.ref === g.key);
    if (!k) continue;
    const req: Record<string, unknown> = { KeyId: arnOf[g.key], GranteePrincipal: g.grantee, Operations: g.operations };
    if (g.retiring) req.RetiringPrincipal = g.retiring;
    if (g.name) req.Name = g.name;
    engine.execute('CreateGrant', req, rootCaller(world, k.account, k.region));
  }
  if (setup.throttling) engine.settings = { ...engine.settings, throttling: { enabled: true, ...setup.throttling } };
  // The loader has checked the duration (parse.ts); a bad one here moves nothing rather than breaking the world.
  if (setup.advance) {
    const d = parseDuration(setup.advance);
    if (d.ok && !advanceProblem(engine.now(), d.value)) world.advance(d.value);
  }
  for (const k of setup.keys) {
    const root = rootCaller(world, k.account, k.region);
    if (k.state === 'Disabled') engine.execute('DisableKey', { KeyId: arnOf[k.ref] }, root);
    if (k.state === 'PendingDeletion') engine.execute('ScheduleKeyDeletion', { KeyId: arnOf[k.ref], PendingWindowInDays: 30 }, root);
  }
  // Key policies last: a policy that does not allow the account root would otherwise block the setup's own
  // aliases, rotation, ciphertexts, grants and state changes (PutKeyPolicy works in every key state).
  for (const k of setup.keys)
    if (k.policy) engine.execute('PutKeyPolicy', { KeyId: arnOf[k.ref], PolicyName: 'default', Policy: k.policy, BypassPolicyLockoutSafetyCheck: true }, rootCaller(world, k.account, k.region));
  return { world, vars, files };
}

/** Replace $NAME and ${NAME} with the lab's variables; unknown names stay as typed. */
export function expandVars(line: string, vars: Record<string, string>): string {
  return line.replace(/\$\{([A-Z][A-Z0-9_]*)\}|\$([A-Z][A-Z0-9_]*)/g, (all, a?: string, b?: string) => vars[(a ?? b) as string] ?? all);
}
