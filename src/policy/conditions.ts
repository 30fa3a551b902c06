// IAM condition operators (String*, Arn*, Bool, Numeric*, Date*, IpAddress, Null, ...IfExists,
// ForAnyValue:/ForAllValues:) with AWS's missing-key and empty-set rules; policy variables in values are expanded.
import type { ConditionContext } from '../aws/access.js';
import type { ConditionClause } from './types.js';
import { arnMatches, wildcardMatch } from './wildcard.js';
import { ipInCidr } from './ip.js';
import { expandAll } from './variables.js';

/** Request values by lower-cased key; a key with no values is absent. */
export type NormalContext = Map<string, string[]>;

export function normaliseContext(ctx: ConditionContext): NormalContext {
  const out: NormalContext = new Map();
  for (const [k, v] of Object.entries(ctx)) {
    if (v === undefined) continue;
    const list = Array.isArray(v) ? v.map(String) : [String(v)];
    out.set(k.toLowerCase(), list);
  }
  return out;
}

type Test = (requestValue: string, policyValue: string) => boolean;

function num(s: string): number {
  return s.trim() === '' ? NaN : Number(s);
}

const dates = new Map<string, number>();

function date(s: string): number {
  let t = dates.get(s);
  if (t === undefined) {
    t = /^\d+(\.\d+)?$/.test(s) ? Number(s) * 1000 : Date.parse(s);
    if (dates.size > 2000) dates.clear();
    dates.set(s, t);
  }
  return t;
}

function cmp(a: number, b: number, pred: (x: number, y: number) => boolean): boolean {
  return !Number.isNaN(a) && !Number.isNaN(b) && pred(a, b);
}

/** Positive operators; the Not forms negate these. */
const POSITIVE: Record<string, Test> = {
  StringEquals: (r, p) => r === p,
  StringEqualsIgnoreCase: (r, p) => r.toLowerCase() === p.toLowerCase(),
  StringLike: (r, p) => wildcardMatch(p, r),
  ArnEquals: (r, p) => arnMatches(p, r),
  ArnLike: (r, p) => arnMatches(p, r),
  Bool: (r, p) => r.toLowerCase() === p.toLowerCase(),
  BinaryEquals: (r, p) => r === p,
  NumericEquals: (r, p) => cmp(num(r), num(p), (x, y) => x === y),
  NumericLessThan: (r, p) => cmp(num(r), num(p), (x, y) => x < y),
  NumericLessThanEquals: (r, p) => cmp(num(r), num(p), (x, y) => x <= y),
  NumericGreaterThan: (r, p) => cmp(num(r), num(p), (x, y) => x > y),
  NumericGreaterThanEquals: (r, p) => cmp(num(r), num(p), (x, y) => x >= y),
  DateEquals: (r, p) => cmp(date(r), date(p), (x, y) => x === y),
  DateLessThan: (r, p) => cmp(date(r), date(p), (x, y) => x < y),
  DateLessThanEquals: (r, p) => cmp(date(r), date(p), (x, y) => x <= y),
  DateGreaterThan: (r, p) => cmp(date(r), date(p), (x, y) => x > y),
  DateGreaterThanEquals: (r, p) => cmp(date(r), date(p), (x, y) => x >= y),
  IpAddress: (r, p) => ipInCidr(r, p),
};

const NEGATED: Record<string, string> = {
  StringNotEquals: 'StringEquals',
  StringNotEqualsIgnoreCase: 'StringEqualsIgnoreCase',
  StringNotLike: 'StringLike',
  ArnNotEquals: 'ArnEquals',
  ArnNotLike: 'ArnLike',
  NumericNotEquals: 'NumericEquals',
  DateNotEquals: 'DateEquals',
  NotIpAddress: 'IpAddress',
};

export function knownOperator(base: string): boolean {
  return base in POSITIVE || base in NEGATED || base === 'Null';
}

export interface ClauseResult {
  ok: boolean;
  /** "kms:ViaService StringEquals [s3.us-east-1.amazonaws.com]: request has no value" */
  detail: string;
}

function show(values: string[] | undefined): string {
  if (!values) return 'request has no value';
  if (values.length === 1) return `request value "${values[0]}"`;
  return `request values [${values.map((v) => `"${v}"`).join(', ')}]`;
}

const heads = new WeakMap<ConditionClause, string>();

function headOf(c: ConditionClause): string {
  let h = heads.get(c);
  if (h === undefined) {
    h = `${c.key} ${c.operator} ${JSON.stringify(c.values.length === 1 ? c.values[0] : c.values)}`;
    heads.set(c, h);
  }
  return h;
}

/** Why a clause came out as it did (beyond the request's values). */
type Why = 'values' | 'null-present' | 'null-absent' | 'all-empty' | 'any-empty' | 'ifexists-absent' | 'absent' | 'negated-absent';

const WHY: Record<Exclude<Why, 'values' | 'absent'>, string> = {
  'null-present': 'key is present',
  'null-absent': 'key is absent',
  'all-empty': 'request has no values, so ForAllValues is true',
  'any-empty': 'request has no values, so ForAnyValue is false',
  'ifexists-absent': 'key is absent, so ...IfExists is true',
  'negated-absent': 'request has no value, so the negated operator is true',
};

/** Why the last `decide` call came out as it did (set alongside its verdict, so the hot path allocates nothing). */
let lastWhy: Why = 'values';

function satisfies(policyValues: string[], test: Test, negated: boolean, v: string): boolean {
  let hit = false;
  for (const p of policyValues) {
    if (test(v, p)) {
      hit = true;
      break;
    }
  }
  return negated ? !hit : hit;
}

/** The verdict of one clause for the request's values; the reason is left in `lastWhy`. */
function decide(c: ConditionClause, values: string[] | undefined, ctx: NormalContext): boolean {
  const present = values !== undefined && values.length > 0;
  if (c.base === 'Null') {
    const wantAbsent = c.values.some((v) => v.toLowerCase() === 'true');
    lastWhy = present ? 'null-present' : 'null-absent';
    return wantAbsent ? !present : present;
  }
  lastWhy = 'values';
  const pv = c.variables ? expandAll(c.values, ctx) : c.values;
  const negatedOf = NEGATED[c.base];
  const negated = negatedOf !== undefined;
  const test = POSITIVE[negatedOf ?? c.base];
  if (c.setOp === 'ForAllValues') {
    // Every request value must satisfy the operator; an absent or empty set satisfies it (AWS's documented trap).
    if (!present) {
      lastWhy = 'all-empty';
      return true;
    }
    for (const v of values) if (!satisfies(pv, test, negated, v)) return false;
    return true;
  }
  if (c.setOp === 'ForAnyValue') {
    if (!present) {
      lastWhy = 'any-empty';
      return false;
    }
    for (const v of values) if (satisfies(pv, test, negated, v)) return true;
    return false;
  }
  if (!present) {
    if (c.ifExists) {
      lastWhy = 'ifexists-absent';
      return true;
    }
    // A missing key fails positive operators and satisfies negated ones.
    lastWhy = negated ? 'negated-absent' : 'absent';
    return negated;
  }
  // Without a set operator a multi-valued key matches when any of its values does (negated: none may match).
  if (negated) {
    for (const v of values) if (!satisfies(pv, test, true, v)) return false;
    return true;
  }
  for (const v of values) if (satisfies(pv, test, false, v)) return true;
  return false;
}

/** Whether one condition clause holds for the request context. */
export function clauseHolds(c: ConditionClause, ctx: NormalContext): boolean {
  return decide(c, ctx.get(c.keyLower), ctx);
}

/** Evaluates one condition clause and explains the outcome in words. */
export function evaluateClause(c: ConditionClause, ctx: NormalContext): ClauseResult {
  const values = ctx.get(c.keyLower);
  const ok = decide(c, values, ctx);
  const why = lastWhy;
  const text = why === 'values' || why === 'absent' ? show(values && values.length > 0 ? values : undefined) : WHY[why];
  return { ok, detail: `condition ${headOf(c)} ${ok ? 'matched' : 'failed'}: ${text}` };
}
