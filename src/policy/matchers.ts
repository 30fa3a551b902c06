// Action and Resource patterns compiled once per statement of a parsed (and text-cached) policy document: IAM's
// wildcard semantics exactly as wildcard.ts states them, without splitting ARNs or looking up patterns per call.
import type { Statement } from './types.js';
import { compiledWildcard, splitArn } from './wildcard.js';

/** One request's action and resource, prepared once and matched against every statement. */
export interface PreparedRequest {
  action: string;
  actionLower: string;
  resource: string;
  /** The resource's six ARN parts, or undefined when it is not an ARN. */
  resourceParts: string[] | undefined;
}

const prepared = new Map<string, PreparedRequest>();

/** The prepared action and resource (read-only; the same pair is prepared once while it is in the cache). */
export function prepareRequest(action: string, resource: string): PreparedRequest {
  const key = `${action}\0${resource}`;
  let r = prepared.get(key);
  if (!r) {
    r = { action, actionLower: action.toLowerCase(), resource, resourceParts: splitArn(resource) };
    if (prepared.size >= 1000) prepared.clear();
    prepared.set(key, r);
  }
  return r;
}

type ActionMatcher = (r: PreparedRequest) => boolean;
type ValueMatcher = (value: string) => boolean;

const always = () => true;

/** actionMatches(pattern, action): case-insensitive; the same lower-casing and regular expression. */
export function compileAction(pattern: string): ActionMatcher {
  if (pattern === '*') return always;
  if (!pattern.includes('*') && !pattern.includes('?')) {
    const lower = pattern.toLowerCase();
    return (r) => r.actionLower === lower;
  }
  const re = compiledWildcard(pattern, true);
  return (r) => re.test(r.action);
}

/** wildcardMatch(pattern, value) for ARN parts and non-ARN patterns: case-sensitive. */
function compileValue(pattern: string): ValueMatcher {
  if (pattern === '*') return always;
  if (!pattern.includes('*') && !pattern.includes('?')) return (v) => v === pattern;
  const re = compiledWildcard(pattern, false);
  return (v) => re.test(v);
}

/** arnMatches(pattern, resource): part by part when both are ARNs, else the whole string. */
export function compileArn(pattern: string): ActionMatcher {
  if (pattern === '*') return always;
  const whole = compileValue(pattern);
  const parts = splitArn(pattern);
  if (!parts) return (r) => whole(r.resource);
  const segs = parts.map(compileValue);
  return (r) => {
    const a = r.resourceParts;
    if (!a) return whole(r.resource);
    for (let i = 0; i < 6; i++) if (!segs[i](a[i])) return false;
    return true;
  };
}

export interface CompiledStatement {
  /** Action or NotAction: whether any pattern matches. */
  actionHit: ActionMatcher;
  /** Resource or NotResource without policy variables: whether any pattern matches; undefined with variables or none. */
  resourceHit?: ActionMatcher;
}

function any(matchers: ActionMatcher[]): ActionMatcher {
  if (matchers.length === 1) return matchers[0];
  return (r) => {
    for (const m of matchers) if (m(r)) return true;
    return false;
  };
}

const compiled = new WeakMap<Statement, CompiledStatement>();

/** The statement's matchers, compiled on first use and kept as long as the (cached) statement lives. */
export function compiledStatement(st: Statement): CompiledStatement {
  let c = compiled.get(st);
  if (!c) {
    const patterns = st.resource ?? st.notResource;
    c = {
      actionHit: any((st.action ?? st.notAction ?? []).map(compileAction)),
      resourceHit: patterns && !st.variables ? any(patterns.map(compileArn)) : undefined,
    };
    compiled.set(st, c);
  }
  return c;
}
