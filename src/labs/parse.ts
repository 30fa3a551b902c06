// Parses and validates a lab file (labs/<id>.yaml) into a Lab, or ContentErrors at file:line:column.
import { isMap, isSeq, type Node, type YAMLMap } from 'yaml';
import type { ContentError } from '../errors.js';
import { parsePolicy } from '../policy/parse.js';
import { PolicyParseError, type PolicyKind } from '../policy/types.js';
import { EXAM_TIPS, LAB_IDS, TOPICS } from '../content/taxonomy.js';
import { readCheck, readStrandedWhen } from './parse-checks.js';
import { Reader } from './reader.js';
import { advanceProblem, CLOCK_LIMITS_TEXT, parseClockDate, parseDuration } from '../text/duration.js';
import type { Lab, LabQuestion, Pitfall, Setup, SetupKey, SetupPrincipal, Step, StrandedWhen, Variant } from './types.js';

const TOP = ['id', 'title', 'tips', 'topics', 'level', 'summary', 'setup', 'variants', 'steps', 'questions', 'pitfalls'];
const ACCOUNT = /^\d{12}$/;

export function parseLab(text: string, file: string): { lab?: Lab; errors: ContentError[] } {
  const r = new Reader(text, file);
  if (!r.root && !r.errors.length) r.at(undefined, `the lab file is empty: it needs id, title, setup and steps (see docs/lab-format.md)`);
  if (!r.root) return { errors: r.errors };
  const m = r.map(r.root, 'the lab', TOP);
  if (!m) return { errors: r.errors };
  const id = r.str(m, 'id', 'the lab') ?? '';
  if (id && !(LAB_IDS as readonly string[]).includes(id)) r.at(r.child(m, 'id'), `unknown lab id "${id}"; expected one of: ${LAB_IDS.join(', ')}`);
  const base = file.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/, '');
  if (id && base !== id) r.at(r.child(m, 'id'), `lab id "${id}" does not match the file name "${base}.yaml"`);
  const setupNode = r.child(m, 'setup');
  const setup = readSetup(r, setupNode, 'setup', true);
  const steps = r.seq(m, 'steps', 'the lab', true).map((n, i) => readStep(r, n, `step ${i + 1}`));
  const stepIds = steps.map((s) => s?.id);
  stepIds.forEach((sid, i) => sid && stepIds.indexOf(sid) !== i && r.at(r.seq(m, 'steps', '')[i], `step ${i + 1}: duplicate step id "${sid}"`));
  const questions = r.seq(m, 'questions', 'the lab').map((n, i) => readQuestion(r, n, `question ${i + 1}`));
  const variants = r.seq(m, 'variants', 'the lab').map((n, i) => readVariant(r, n, `variant ${i + 1}`, stepIds as string[]));
  const variantIds = variants.map((v) => v?.id).filter((v): v is string => !!v);
  const pitfalls = r.seq(m, 'pitfalls', 'the lab').map((n, i) => readPitfall(r, n, `pitfall ${i + 1}`, stepIds as string[], variantIds));
  const qids = questions.map((q) => q?.id);
  for (const s of steps)
    for (const c of s?.checks ?? [])
      if (c.type === 'answered' && !qids.includes(c.question)) r.at(setupNode, `step ${s?.id}: check answered names question "${c.question}", which the lab does not define`);
  // Cross-references: a check's key must be a key ref, its profile a profile (of the setup or a variant).
  const keyRefs = new Set([...(setup?.keys ?? []), ...variants.flatMap((v) => v?.setup.keys ?? [])].map((k) => k.ref));
  const profileNames = new Set([...Object.keys(setup?.profiles ?? {}), ...variants.flatMap((v) => Object.keys(v?.setup.profiles ?? {}))]);
  const stepNodes = isSeq(m.get('steps', true)) ? ((m.get('steps', true) as unknown as { items: Node[] }).items) : [];
  stepNodes.forEach((sn, i) => {
    const checkNodes = isMap(sn) && isSeq(sn.get('checks', true)) ? (sn.get('checks', true) as unknown as { items: Node[] }).items : [];
    checkNodes.forEach((cn, j) => {
      const c = steps[i]?.checks[j] as unknown as Record<string, unknown> | undefined;
      if (!c || !isMap(cn) || !setup) return;
      if (typeof c.key === 'string' && /^[a-z][a-z0-9_]*$/.test(c.key) && c.key !== 'created' && !keyRefs.has(c.key))
        r.at(cn.get('key', true) as Node, `step ${i + 1} check ${j + 1}: key "${c.key}" is not a key ref of the setup; expected one of: ${[...keyRefs, 'created'].join(', ')}, an alias name or a key ARN`);
      if (typeof c.profile === 'string' && !profileNames.has(c.profile))
        r.at(cn.get('profile', true) as Node, `step ${i + 1} check ${j + 1}: profile "${c.profile}" is not a profile of the setup; expected one of: ${[...profileNames].join(', ')}`);
    });
  });
  const lab: Lab = {
    file,
    id,
    title: r.str(m, 'title', 'the lab') ?? '',
    tips: r.strings(m, 'tips', 'the lab', { required: true, allowed: Object.keys(EXAM_TIPS) }),
    topics: r.strings(m, 'topics', 'the lab', { allowed: Object.keys(TOPICS) }),
    level: r.oneOf(m, 'level', 'the lab', ['guided', 'advanced', 'expert'] as const) ?? 'guided',
    summary: r.str(m, 'summary', 'the lab') ?? '',
    setup: setup ?? emptySetup(),
    variants: variants.filter((v): v is Variant => !!v),
    steps: steps.filter((s): s is Step => !!s),
    questions: questions.filter((q): q is LabQuestion => !!q),
    pitfalls: pitfalls.filter((p): p is Pitfall => !!p),
  };
  return r.errors.length ? { errors: r.errors } : { lab, errors: [] };
}

function emptySetup(): Setup {
  return { start: Date.UTC(2026, 0, 15, 9), profiles: {}, profile: 'admin', principals: [], keys: [], ciphertexts: [], grants: [], history: [] };
}

function readSetup(r: Reader, node: Node | undefined, where: string, full: boolean): Setup | undefined {
  const known = ['start', 'profiles', 'profile', 'principals', 'keys', 'ciphertexts', 'grants', 'history', 'advance', 'throttling'];
  const m = r.map(node, where, known);
  if (!m) return undefined;
  const s = emptySetup();
  const start = r.str(m, 'start', where, false);
  if (start !== undefined) {
    const t = parseClockDate(start);
    if (!t.ok) r.at(r.child(m, 'start'), `${where}: "start" must be an ISO date-time within the years 1970 to 9999, got "${start}"`);
    else s.start = t.value;
  }
  const profNode = r.child(m, 'profiles');
  if (profNode) {
    for (const p of r.map(profNode, `${where} profiles`)?.items ?? []) {
      const name = String((p.key as { value?: unknown }).value);
      const pm = r.map(p.value as Node, `profile ${name}`, ['principal', 'region']);
      if (!pm) continue;
      s.profiles[name] = { principal: r.str(pm, 'principal', `profile ${name}`) ?? '', region: r.str(pm, 'region', `profile ${name}`, false) ?? 'us-east-1' };
      const principal = s.profiles[name].principal;
      if (principal && !PRINCIPAL_ARN.test(principal))
        r.at(r.child(pm, 'principal'), `profile ${name}: "principal" must be an IAM ARN such as arn:aws:iam::111122223333:role/app (root, user/NAME, role/NAME or an sts assumed-role ARN), got "${principal}"`);
    }
  } else if (full) r.at(m, `${where}: missing "profiles" (name -> {principal, region})`);
  s.profile = r.str(m, 'profile', where, full) ?? s.profile;
  if (full && s.profile && !s.profiles[s.profile]) r.at(r.child(m, 'profile') ?? m, `${where}: "profile" names "${s.profile}", which is not among the profiles`);
  s.principals = r.seq(m, 'principals', where).map((n, i) => readPrincipal(r, n, `${where} principal ${i + 1}`)).filter((p): p is SetupPrincipal => !!p);
  s.keys = r.seq(m, 'keys', where).map((n, i) => readKey(r, n, `${where} key ${i + 1}`)).filter((k): k is SetupKey => !!k);
  const refs = s.keys.map((k) => k.ref);
  for (const n of r.seq(m, 'ciphertexts', where)) {
    const cm = r.map(n, `${where} ciphertext`, ['file', 'key', 'plaintext', 'context']);
    if (!cm) continue;
    const c = { file: r.str(cm, 'file', 'ciphertext') ?? '', key: r.str(cm, 'key', 'ciphertext') ?? '', plaintext: r.str(cm, 'plaintext', 'ciphertext') ?? '', context: r.dict(cm, 'context', 'ciphertext') };
    if (full && c.key && !refs.includes(c.key)) r.at(r.child(cm, 'key'), `ciphertext ${c.file}: key "${c.key}" is not a key ref of the setup`);
    s.ciphertexts.push(c);
  }
  for (const n of r.seq(m, 'grants', where)) {
    const gm = r.map(n, `${where} grant`, ['key', 'grantee', 'operations', 'retiring', 'name']);
    if (!gm) continue;
    const g = { key: r.str(gm, 'key', 'grant') ?? '', grantee: r.str(gm, 'grantee', 'grant') ?? '', operations: r.strings(gm, 'operations', 'grant', { required: true }), retiring: r.str(gm, 'retiring', 'grant', false), name: r.str(gm, 'name', 'grant', false) };
    for (const f of ['grantee', 'retiring'] as const) {
      const v = g[f];
      if (v && !PRINCIPAL_ARN.test(v) && !SERVICE_PRINCIPAL.test(v)) r.at(r.child(gm, f), `grant: "${f}" must be an IAM principal ARN or a service principal, got "${v}"`);
    }
    if (full && g.key && !refs.includes(g.key)) r.at(r.child(gm, 'key'), `grant: key "${g.key}" is not a key ref of the setup`);
    s.grants.push(g);
  }
  for (const n of r.seq(m, 'history', where)) {
    const hm = r.map(n, `${where} history entry`, ['profile', 'line']);
    if (hm) s.history.push({ profile: r.str(hm, 'profile', 'history') ?? '', line: r.str(hm, 'line', 'history') ?? '' });
  }
  s.advance = r.str(m, 'advance', where, false);
  if (s.advance !== undefined) {
    const d = parseDuration(s.advance);
    const problem = !d.ok ? d.problem : advanceProblem(s.start, d.value);
    if (problem) r.at(r.child(m, 'advance'), `${where}: "advance": ${problem} (${CLOCK_LIMITS_TEXT})`);
  }
  const tn = r.child(m, 'throttling');
  if (tn) {
    const tm = r.map(tn, `${where} throttling`, ['symmetricPerSecond', 'rsaPerSecond', 'eccPerSecond', 'burstSeconds', 'perOperation']);
    if (tm) {
      const t: NonNullable<Setup['throttling']> = {};
      for (const f of ['symmetricPerSecond', 'rsaPerSecond', 'eccPerSecond', 'burstSeconds'] as const) {
        const v = r.num(tm, f, `${where} throttling`);
        if (v === undefined) continue;
        if (v > 0) t[f] = v;
        else r.at(r.child(tm, f), `${where} throttling: "${f}" must be a positive number of requests per second`);
      }
      const po = r.child(tm, 'perOperation');
      if (po) {
        const ops: Record<string, number> = {};
        for (const p of r.map(po, `${where} throttling perOperation`)?.items ?? []) {
          const v = (p.value as { value?: unknown } | null)?.value;
          if (typeof v === 'number' && v > 0) ops[String((p.key as { value?: unknown }).value)] = v;
          else r.at(p.value as Node, `${where} throttling perOperation: expected a positive number of requests per second, for example {CreateKey: 5}`);
        }
        t.perOperation = ops;
      }
      s.throttling = t;
    }
  }
  return s;
}

/** Parses a setup policy with the simulator's own parser; reports a mistake at the policy. True when it parses. */
function policyParses(r: Reader, node: Node, doc: string, kind: PolicyKind, where: string): boolean {
  try {
    parsePolicy(doc, kind);
    return true;
  } catch (e) {
    if (!(e instanceof PolicyParseError)) throw e;
    r.at(node, `${where}: ${e.message}`);
    return false;
  }
}

/** arn:aws:iam::<account>:root | user/<name> | role/<name>, or an STS assumed-role session: what a lab profile or grant can name. */
const PRINCIPAL_ARN = /^(arn:aws:iam::\d{12}:(root|user\/[\w+=,.@/-]{1,64}|role\/[\w+=,.@/-]{1,64})|arn:aws:sts::\d{12}:assumed-role\/[\w+=,.@-]{1,64}\/[\w+=,.@-]{1,64})$/;
const SERVICE_PRINCIPAL = /^[a-z0-9-]+(\.[a-z0-9-]+)*\.amazonaws\.com$/;

function readPrincipal(r: Reader, node: Node, where: string): SetupPrincipal | undefined {
  const m = r.map(node, where, ['user', 'role', 'account', 'policies']);
  if (!m) return undefined;
  const user = r.str(m, 'user', where, false);
  const role = r.str(m, 'role', where, false);
  if (!user === !role) {
    r.at(m, `${where}: give exactly one of "user" or "role"`);
    return undefined;
  }
  const account = r.str(m, 'account', where, false) ?? '111122223333';
  if (!ACCOUNT.test(account)) r.at(r.child(m, 'account'), `${where}: "account" must be 12 digits`);
  const policies: Record<string, string> = {};
  const pn = r.child(m, 'policies');
  if (pn) for (const p of r.map(pn, `${where} policies`)?.items ?? []) {
    const holder = { get: (_k: string, _keep?: boolean) => p.value } as unknown as YAMLMap;
    const name = String((p.key as { value?: unknown }).value);
    const doc = r.json(holder, 'x', `${where} policy ${name}`);
    if (doc && policyParses(r, p.value as Node, doc, 'identity', `${where} policy ${name}`)) policies[name] = doc;
  }
  return { kind: user ? 'user' : 'role', name: (user ?? role) as string, account, policies };
}

function keyPolicy(r: Reader, m: YAMLMap, where: string): string | undefined {
  const doc = r.json(m, 'policy', where);
  return doc && policyParses(r, r.child(m, 'policy') as Node, doc, 'key', `${where} policy`) ? doc : undefined;
}

function readKey(r: Reader, node: Node, where: string): SetupKey | undefined {
  const m = r.map(node, where, ['ref', 'account', 'region', 'description', 'policy', 'aliases', 'tags', 'state', 'rotation', 'spec', 'usage']);
  if (!m) return undefined;
  const ref = r.str(m, 'ref', where);
  if (ref && !/^[a-z][a-z0-9_]*$/.test(ref)) r.at(r.child(m, 'ref'), `${where}: "ref" must be lower-case letters, digits and _ (it becomes $${ref.toUpperCase()})`);
  return {
    ref: ref ?? '',
    account: r.str(m, 'account', where, false) ?? '111122223333',
    region: r.str(m, 'region', where, false) ?? 'us-east-1',
    description: r.str(m, 'description', where, false),
    policy: keyPolicy(r, m, where),
    aliases: r.strings(m, 'aliases', where),
    tags: r.dict(m, 'tags', where),
    state: r.oneOf(m, 'state', where, ['Enabled', 'Disabled', 'PendingDeletion'] as const, false),
    rotation: r.num(m, 'rotation', where),
    spec: r.str(m, 'spec', where, false),
    usage: r.str(m, 'usage', where, false),
  };
}

function readStep(r: Reader, node: Node, where: string): Step | undefined {
  const m = r.map(node, where, ['id', 'title', 'goal', 'checks', 'hints', 'solution', 'explain', 'stranded']);
  if (!m) return undefined;
  const checks = r.seq(m, 'checks', where, true).map((n, i) => readCheck(r, n, `${where} check ${i + 1}`));
  const solution = r.strings(m, 'solution', where, { required: true });
  const stranded = r.seq(m, 'stranded', where).map((n, i) => readStrandedWhen(r, n, `${where} stranded ${i + 1}`));
  return {
    ...(r.child(m, 'stranded') ? { stranded: stranded.filter((d): d is StrandedWhen => !!d) } : {}),
    id: r.str(m, 'id', where) ?? '',
    title: r.str(m, 'title', where) ?? '',
    goal: r.str(m, 'goal', where) ?? '',
    checks: checks.filter((c): c is NonNullable<typeof c> => !!c),
    hints: r.strings(m, 'hints', where, { required: true }),
    solution,
    explain: r.str(m, 'explain', where) ?? '',
  };
}

function readQuestion(r: Reader, node: Node, where: string): LabQuestion | undefined {
  const m = r.map(node, where, ['id', 'text', 'options', 'answer', 'why']);
  if (!m) return undefined;
  const options = r.dict(m, 'options', where);
  const answer = r.str(m, 'answer', where) ?? '';
  if (Object.keys(options).length < 2) r.at(r.child(m, 'options') ?? m, `${where}: "options" needs at least two choices`);
  else if (answer && !(answer in options)) r.at(r.child(m, 'answer'), `${where}: answer "${answer}" is not one of the options ${Object.keys(options).join(', ')}`);
  return { id: r.str(m, 'id', where) ?? '', text: r.str(m, 'text', where) ?? '', options, answer, why: r.str(m, 'why', where) ?? '' };
}

function readVariant(r: Reader, node: Node, where: string, stepIds: string[]): Variant | undefined {
  const m = r.map(node, where, ['id', 'title', 'setup', 'steps', 'answer']);
  if (!m) return undefined;
  const setupNode = r.child(m, 'setup');
  const setup = (setupNode ? readSetup(r, setupNode, `${where} setup`, false) : undefined) ?? emptySetup();
  const steps: Variant['steps'] = {};
  const sn = r.child(m, 'steps');
  if (sn) for (const p of r.map(sn, `${where} steps`)?.items ?? []) {
    const sid = String((p.key as { value?: unknown }).value);
    if (!stepIds.includes(sid)) r.at(p.key as Node, `${where}: step "${sid}" is not a step of the lab`);
    const sm = r.map(p.value as Node, `${where} step ${sid}`, ['hints', 'solution', 'explain', 'checks']);
    if (!sm) continue;
    const o: Variant['steps'][string] = {};
    if (r.child(sm, 'hints')) o.hints = r.strings(sm, 'hints', where);
    if (r.child(sm, 'solution')) o.solution = r.strings(sm, 'solution', where);
    if (r.child(sm, 'explain')) o.explain = r.str(sm, 'explain', where);
    if (r.child(sm, 'checks')) o.checks = r.seq(sm, 'checks', where).map((n, i) => readCheck(r, n, `${where} ${sid} check ${i + 1}`)).filter((c): c is NonNullable<typeof c> => !!c);
    steps[sid] = o;
  }
  return {
    id: r.str(m, 'id', where) ?? '',
    title: r.str(m, 'title', where) ?? '',
    setup: { keys: setup.keys.length ? setup.keys : undefined, principals: setup.principals.length ? setup.principals : undefined, profiles: Object.keys(setup.profiles).length ? setup.profiles : undefined, grants: setup.grants.length ? setup.grants : undefined },
    steps,
    answer: r.dict(m, 'answer', where),
  };
}

function readPitfall(r: Reader, node: Node, where: string, stepIds: string[], variantIds: string[]): Pitfall | undefined {
  const m = r.map(node, where, ['step', 'variant', 'lines', 'fails']);
  if (!m) return undefined;
  const step = r.str(m, 'step', where) ?? '';
  if (step && !stepIds.includes(step)) r.at(r.child(m, 'step'), `${where}: step "${step}" is not a step of the lab`);
  const variant = r.str(m, 'variant', where, false);
  if (variant !== undefined && !variantIds.includes(variant))
    r.at(r.child(m, 'variant'), `${where}: variant "${variant}" is not a variant of the lab${variantIds.length ? `; expected one of: ${variantIds.join(', ')}` : ''}`);
  const out: Pitfall = { step, lines: r.strings(m, 'lines', where, { required: true }), fails: r.str(m, 'fails', where) ?? '' };
  if (variant !== undefined) out.variant = variant;
  return out;
}

