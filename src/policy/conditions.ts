// IAM condition operators (String*, Arn*, Bool, Numeric*, Date*, IpAddress, Null, ...IfExists,
// ForAnyValue:/ForAllValues:) with AWS's missing-key and empty-set rules. Policy variables (${aws:username}) are not expanded.
import type { ConditionContext } from '../kms/types.js';
import type { ConditionClause } from './types.js';
import { arnMatches, wildcardMatch } from './wildcard.js';
import { ipInCidr } from './ip.js';

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

function date(s: string): number {
  return /^\d+(\.\d+)?$/.test(s) ? Number(s) * 1000 : Date.parse(s);
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

/** Evaluates one condition clause against the request context. */
export function evaluateClause(c: ConditionClause, ctx: NormalContext): ClauseResult {
  const values = ctx.get(c.keyLower);
  const present = values !== undefined && values.length > 0;
  const head = `${c.key} ${c.operator} ${JSON.stringify(c.values.length === 1 ? c.values[0] : c.values)}`;
  const done = (ok: boolean, why = show(present ? values : undefined)) => ({ ok, detail: `condition ${head} ${ok ? 'matched' : 'failed'}: ${why}` });

  if (c.base === 'Null') {
    const wantAbsent = c.values.some((v) => v.toLowerCase() === 'true');
    return done(wantAbsent ? !present : present, present ? 'key is present' : 'key is absent');
  }
  const negatedOf = NEGATED[c.base];
  const test = POSITIVE[negatedOf ?? c.base];
  const one = (v: string): boolean => {
    const hit = c.values.some((p) => test(v, p));
    return negatedOf ? !hit : hit;
  };
  if (c.setOp === 'ForAllValues') {
    // Every request value must satisfy the operator; an absent or empty set satisfies it (AWS's documented trap).
    return done(!present || values.every(one), present ? undefined : 'request has no values, so ForAllValues is true');
  }
  if (c.setOp === 'ForAnyValue') {
    return done(present && values.some(one), present ? undefined : 'request has no values, so ForAnyValue is false');
  }
  if (!present) {
    if (c.ifExists) return done(true, 'key is absent, so ...IfExists is true');
    // A missing key fails positive operators and satisfies negated ones.
    return done(Boolean(negatedOf), negatedOf ? 'request has no value, so the negated operator is true' : undefined);
  }
  // Without a set operator a multi-valued key matches when any of its values does (negated: none may match).
  return done(negatedOf ? values.every(one) : values.some(one));
}
