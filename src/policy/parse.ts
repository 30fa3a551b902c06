// Parses IAM policy JSON (key policies, identity policies, trust policies) into a normalised document and
// says exactly what is wrong otherwise. Real IAM/KMS often answer only "Syntax errors in policy."; we say more.
import { PolicyParseError, type ConditionClause, type PolicyDocument, type PolicyKind, type PrincipalSpec, type Statement } from './types.js';
import { knownOperator } from './conditions.js';
import { hasVariables } from './variables.js';

const STATEMENT_KEYS = new Set(['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition']);
const VERSIONS = new Set(['2012-10-17', '2008-10-17']);
const ACTION_RE = /^[A-Za-z0-9-]+:[A-Za-z0-9*?]+$/;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function isObject(v: unknown): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function stringList(v: Json | undefined, where: string, what: string): string[] {
  const list = Array.isArray(v) ? v : [v];
  if (list.length === 0) throw new PolicyParseError(where, `${what} must not be an empty list`);
  return list.map((x) => {
    if (typeof x !== 'string' || x === '') throw new PolicyParseError(where, `${what} must be a string or a list of strings`);
    return x;
  });
}

function parsePrincipal(v: Json | undefined, where: string, element: string): PrincipalSpec {
  const spec: PrincipalSpec = { any: false, aws: [], service: [], federated: [] };
  if (v === '*') return { ...spec, any: true };
  if (!isObject(v) || Object.keys(v).length === 0) {
    throw new PolicyParseError(where, `${element} must be "*" or an object such as {"AWS": "arn:aws:iam::111122223333:root"}`);
  }
  for (const [type, value] of Object.entries(v)) {
    const list = stringList(value, where, `${element} ${type}`);
    if (type === 'AWS') {
      for (const p of list) {
        if (p === '*') spec.any = true;
        else if (p.includes('*') || p.includes('?')) throw new PolicyParseError(where, `${element} AWS value "${p}" is invalid: wildcards are not allowed in principals (only "*" on its own)`);
        else if (!/^\d{12}$/.test(p) && !/^arn:aws[a-z-]*:(iam|sts)::\d{12}:.+/.test(p)) {
          throw new PolicyParseError(where, `${element} AWS value "${p}" is not an account id or an IAM ARN`);
        }
        spec.aws.push(p);
      }
    } else if (type === 'Service') {
      spec.service.push(...list);
    } else if (type === 'Federated') {
      spec.federated.push(...list);
    } else if (type === 'CanonicalUser') {
      throw new PolicyParseError(where, `${element} type CanonicalUser is not supported by KMS`);
    } else {
      throw new PolicyParseError(where, `${element} has unknown type "${type}" (expected AWS, Service or Federated)`);
    }
  }
  return spec;
}

function parseActions(v: Json | undefined, where: string, element: string): string[] {
  const list = stringList(v, where, element);
  for (const a of list) {
    if (a !== '*' && !ACTION_RE.test(a)) throw new PolicyParseError(where, `${element} "${a}" must be "*" or look like "kms:Decrypt"`);
  }
  return list;
}

function parseResources(v: Json | undefined, where: string, element: string): string[] {
  const list = stringList(v, where, element);
  for (const r of list) {
    if (r !== '*' && !r.startsWith('arn:')) throw new PolicyParseError(where, `${element} "${r}" must be "*" or an ARN`);
  }
  return list;
}

function parseCondition(v: Json | undefined, where: string): ConditionClause[] {
  if (!isObject(v)) throw new PolicyParseError(where, 'Condition must be an object of operators, e.g. {"StringEquals": {"kms:ViaService": "s3.us-east-1.amazonaws.com"}}');
  const out: ConditionClause[] = [];
  for (const [operator, block] of Object.entries(v)) {
    const m = /^(?:(ForAnyValue|ForAllValues):)?(.+?)(IfExists)?$/.exec(operator);
    const base = m ? m[2] : operator;
    if (!m || !knownOperator(base) || (m[3] && base === 'Null')) throw new PolicyParseError(where, `Condition operator "${operator}" is not a known operator`);
    if (!isObject(block) || Object.keys(block).length === 0) throw new PolicyParseError(where, `Condition operator ${operator} must map condition keys to values`);
    for (const [key, raw] of Object.entries(block)) {
      if (!/^[A-Za-z0-9-]+:.+/.test(key)) throw new PolicyParseError(where, `Condition key "${key}" must look like "kms:ViaService" or "aws:SourceIp"`);
      const list = Array.isArray(raw) ? raw : [raw];
      if (list.length === 0) throw new PolicyParseError(where, `Condition ${operator} ${key} has no values`);
      const values = list.map((x) => {
        if (typeof x === 'string') return x;
        if (typeof x === 'boolean' || typeof x === 'number') return String(x);
        throw new PolicyParseError(where, `Condition ${operator} ${key} values must be strings, numbers or booleans`);
      });
      out.push({ operator, base, setOp: m[1] as ConditionClause['setOp'], ifExists: Boolean(m[3]), key, keyLower: key.toLowerCase(), values });
    }
  }
  return out;
}

function parseStatement(raw: Json, index: number, kind: PolicyKind): Statement {
  const where = `Statement ${index}`;
  if (!isObject(raw)) throw new PolicyParseError(where, 'must be an object');
  for (const k of Object.keys(raw)) {
    if (!STATEMENT_KEYS.has(k)) throw new PolicyParseError(where, `unknown element "${k}"`);
  }
  const st: Statement = { index, effect: 'Allow', conditions: [] };
  if (raw.Sid !== undefined) {
    if (typeof raw.Sid !== 'string') throw new PolicyParseError(where, 'Sid must be a string');
    st.sid = raw.Sid;
  }
  if (raw.Effect !== 'Allow' && raw.Effect !== 'Deny') throw new PolicyParseError(where, 'Effect must be Allow or Deny');
  st.effect = raw.Effect;
  const hasP = raw.Principal !== undefined;
  const hasNP = raw.NotPrincipal !== undefined;
  if (hasP && hasNP) throw new PolicyParseError(where, 'use Principal or NotPrincipal, not both');
  if (kind === 'identity' && (hasP || hasNP)) throw new PolicyParseError(where, 'Principal is not allowed in an identity-based policy');
  if (kind !== 'identity' && !hasP && !hasNP) throw new PolicyParseError(where, `Principal is required in a ${kind === 'key' ? 'key' : 'trust'} policy`);
  if (hasP) st.principal = parsePrincipal(raw.Principal, where, 'Principal');
  if (hasNP) st.notPrincipal = parsePrincipal(raw.NotPrincipal, where, 'NotPrincipal');
  if ((raw.Action === undefined) === (raw.NotAction === undefined)) throw new PolicyParseError(where, 'exactly one of Action or NotAction is required');
  if (raw.Action !== undefined) st.action = parseActions(raw.Action, where, 'Action');
  else st.notAction = parseActions(raw.NotAction, where, 'NotAction');
  const hasR = raw.Resource !== undefined;
  const hasNR = raw.NotResource !== undefined;
  if (hasR && hasNR) throw new PolicyParseError(where, 'use Resource or NotResource, not both');
  if (kind !== 'trust' && !hasR && !hasNR) throw new PolicyParseError(where, 'Resource is required (use "*" in a key policy)');
  if (hasR) st.resource = parseResources(raw.Resource, where, 'Resource');
  if (hasNR) st.notResource = parseResources(raw.NotResource, where, 'NotResource');
  if (raw.Condition !== undefined) st.conditions = parseCondition(raw.Condition, where);
  return st;
}

/** Policy variables only work in 2012-10-17 documents; older ones match "${...}" literally. */
function markVariables(statements: Statement[]): void {
  for (const st of statements) {
    if ([...(st.resource ?? []), ...(st.notResource ?? [])].some(hasVariables)) st.variables = true;
    for (const c of st.conditions) if (c.values.some(hasVariables)) c.variables = true;
  }
}

/** Parses a policy document; throws PolicyParseError naming the place and the mistake. */
export function parsePolicy(text: string, kind: PolicyKind = 'key'): PolicyDocument {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new PolicyParseError('Policy', `is not valid JSON (${(e as Error).message})`);
  }
  if (!isObject(raw)) throw new PolicyParseError('Policy', 'must be a JSON object');
  for (const k of Object.keys(raw)) {
    if (!['Version', 'Id', 'Statement'].includes(k)) throw new PolicyParseError('Policy', `unknown top-level element "${k}"`);
  }
  if (raw.Version !== undefined && (typeof raw.Version !== 'string' || !VERSIONS.has(raw.Version))) {
    throw new PolicyParseError('Policy', 'Version must be "2012-10-17" (or the older "2008-10-17")');
  }
  if (raw.Id !== undefined && typeof raw.Id !== 'string') throw new PolicyParseError('Policy', 'Id must be a string');
  if (raw.Statement === undefined) throw new PolicyParseError('Policy', 'Statement is required');
  const list = Array.isArray(raw.Statement) ? raw.Statement : [raw.Statement];
  if (list.length === 0) throw new PolicyParseError('Policy', 'Statement must contain at least one statement');
  const statements = list.map((s, i) => parseStatement(s, i + 1, kind));
  if (raw.Version === '2012-10-17') markVariables(statements);
  const sids = new Set<string>();
  for (const s of statements) {
    if (s.sid === undefined || s.sid === '') continue;
    if (sids.has(s.sid)) throw new PolicyParseError(`Statement ${s.index}`, `Sid "${s.sid}" is used twice; statement ids must be unique`);
    sids.add(s.sid);
  }
  return { version: raw.Version as string | undefined, id: raw.Id as string | undefined, kind, statements };
}

const CACHE_LIMIT = 1000;
const caches: Record<PolicyKind, Map<string, PolicyDocument>> = { key: new Map(), identity: new Map(), trust: new Map() };

/** parsePolicy with a cache per kind keyed by the text (documents are treated as immutable values). */
export function parsePolicyCached(text: string, kind: PolicyKind = 'key'): PolicyDocument {
  const cache = caches[kind];
  const hit = cache.get(text);
  if (hit) return hit;
  const doc = parsePolicy(text, kind);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, doc);
  return doc;
}
