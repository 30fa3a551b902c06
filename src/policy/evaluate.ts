// Evaluates each statement of one policy against one request: principal, action, resource, conditions,
// stopping at the first element that fails and saying which one and why (the decision trace reads these lines).
import type { EvalRequest, PolicyDocument, PrincipalMatch, PrincipalSpec, RequestPrincipal, Statement, StatementResult } from './types.js';
import { arnMatches } from './wildcard.js';
import { compiledStatement, prepareRequest, type PreparedRequest } from './matchers.js';
import { expandAll } from './variables.js';
import { clauseHolds, evaluateClause, normaliseContext, type NormalContext } from './conditions.js';

function accountOf(entry: string): string | undefined {
  if (/^\d{12}$/.test(entry)) return entry;
  const m = /^arn:aws[a-z-]*:iam::(\d{12}):root$/.exec(entry);
  return m ? m[1] : undefined;
}

interface SpecIndex {
  accounts: Set<string>;
  arns: Set<string>;
  label: string;
}

const indexes = new WeakMap<PrincipalSpec, SpecIndex>();

function indexOf(spec: PrincipalSpec): SpecIndex {
  let ix = indexes.get(spec);
  if (!ix) {
    ix = { accounts: new Set(), arns: new Set(), label: spec.any ? '"*"' : [...spec.aws, ...spec.service, ...spec.federated].join(', ') };
    for (const entry of spec.aws) {
      const account = accountOf(entry);
      if (account !== undefined) ix.accounts.add(account);
      else ix.arns.add(entry);
    }
    indexes.set(spec, ix);
  }
  return ix;
}

/** 'direct' when the spec names the caller (or "*"), 'account' when it names the caller's account only. */
export function matchPrincipal(spec: PrincipalSpec, p: RequestPrincipal): PrincipalMatch {
  if (spec.any) return 'direct';
  if (p.type === 'AWSService') return spec.service.includes(p.arn) ? 'direct' : 'none';
  const ix = indexOf(spec);
  if (ix.arns.has(p.arn) || (p.roleArn !== undefined && ix.arns.has(p.roleArn))) return 'direct';
  // The account principal means the account: the root user directly, everyone else through IAM.
  if (ix.accounts.has(p.accountId)) return p.type === 'Root' ? 'direct' : 'account';
  return 'none';
}

function describeSpec(spec: PrincipalSpec): string {
  return indexOf(spec).label;
}

const NO_DETAILS: string[] = [];

function anyResource(patterns: string[], resource: string): boolean {
  for (const p of patterns) if (arnMatches(p, resource)) return true;
  return false;
}

/** A result whose `details` are produced when first read, by re-running the statement in explain mode. */
class LazyResult implements StatementResult {
  readonly index: number;
  readonly sid?: string;
  readonly effect: 'Allow' | 'Deny';
  #st: Statement;
  #req: EvalRequest;
  #ctx: NormalContext;
  #kind: PolicyDocument['kind'];
  #details: string[] | undefined;
  constructor(
    st: Statement,
    readonly matched: boolean,
    readonly principal: PrincipalMatch,
    readonly failedOn: StatementResult['failedOn'],
    req: EvalRequest,
    ctx: NormalContext,
    kind: PolicyDocument['kind'],
  ) {
    this.index = st.index;
    if (st.sid !== undefined) this.sid = st.sid;
    this.effect = st.effect;
    this.#st = st;
    this.#req = req;
    this.#ctx = ctx;
    this.#kind = kind;
  }
  get details(): string[] {
    if (!this.#details) {
      this.#details = evaluateStatement(this.#st, this.#req, prepareRequest(this.#req.action, this.#req.resource), this.#ctx, this.#kind, true).details;
    }
    return this.#details;
  }
  toJSON(): Omit<StatementResult, never> {
    return { index: this.index, sid: this.sid, effect: this.effect, matched: this.matched, principal: this.principal, failedOn: this.failedOn, details: this.details };
  }
}

/** Evaluates one statement; with `explain` it also writes what was checked, in order, into `details` (decideStatement is the same verdict without them). */
function evaluateStatement(st: Statement, req: EvalRequest, prepared: PreparedRequest, ctx: NormalContext, kind: PolicyDocument['kind'], explain: boolean): StatementResult {
  const compiled = compiledStatement(st);
  const details: string[] = explain ? [] : NO_DETAILS;
  function result(matched: boolean, principal: PrincipalMatch, failedOn?: StatementResult['failedOn']): StatementResult {
    return explain ? { index: st.index, sid: st.sid, effect: st.effect, matched, principal, failedOn, details } : new LazyResult(st, matched, principal, failedOn, req, ctx, kind);
  }
  let principal: PrincipalMatch = 'not-applicable';
  if (kind !== 'identity') {
    const p = req.principal;
    if (!p) {
      if (explain) details.push('no caller principal to match');
      return result(false, 'none', 'principal');
    }
    if (st.principal) {
      const spec = st.principal;
      principal = matchPrincipal(spec, p);
      if (principal === 'none') {
        if (explain) details.push(`principal ${p.arn} is not in Principal [${describeSpec(spec)}]`);
        return result(false, principal, 'principal');
      }
      const how = principal;
      if (explain) details.push(how === 'account' ? `principal matched through its account (${p.accountId}) in [${describeSpec(spec)}]` : `principal matched [${describeSpec(spec)}]`);
    } else if (st.notPrincipal) {
      const spec = st.notPrincipal;
      if (matchPrincipal(spec, p) !== 'none') {
        if (explain) details.push(`principal ${p.arn} is excluded by NotPrincipal [${describeSpec(spec)}]`);
        return result(false, 'none', 'principal');
      }
      principal = 'direct';
      if (explain) details.push(`principal is not in NotPrincipal [${describeSpec(spec)}]`);
    }
  }
  const actionHit = st.action ? compiled.actionHit(prepared) : !compiled.actionHit(prepared);
  if (!actionHit) {
    if (explain) details.push(st.action ? `action ${req.action} is not in Action [${st.action.join(', ')}]` : `action ${req.action} is excluded by NotAction`);
    return result(false, principal, 'action');
  }
  if (explain) details.push(`action ${req.action} matched`);
  if (st.resource || st.notResource) {
    // Patterns with policy variables are expanded for each request; the others were compiled with the statement.
    const hit = compiled.resourceHit ? compiled.resourceHit(prepared) : anyResource(expandAll(st.resource ?? st.notResource!, ctx), req.resource);
    const resHit = st.resource ? hit : !hit;
    if (!resHit) {
      if (explain) details.push(st.resource ? `resource ${req.resource} is not in Resource [${st.resource.join(', ')}]` : `resource ${req.resource} is excluded by NotResource`);
      return result(false, principal, 'resource');
    }
    if (explain) details.push(`resource ${req.resource} matched`);
  }
  for (const clause of st.conditions) {
    if (explain) {
      const r = evaluateClause(clause, ctx);
      details.push(r.detail);
      if (!r.ok) return result(false, principal, 'condition');
    } else if (!clauseHolds(clause, ctx)) {
      return result(false, principal, 'condition');
    }
  }
  return result(true, principal);
}

/** The verdict of one statement without explanation (the hot path: no closures, no detail strings). */
function decideStatement(st: Statement, req: EvalRequest, prepared: PreparedRequest, ctx: NormalContext, kind: PolicyDocument['kind']): StatementResult {
  const compiled = compiledStatement(st);
  let principal: PrincipalMatch = 'not-applicable';
  if (kind !== 'identity') {
    const p = req.principal;
    if (!p) return new LazyResult(st, false, 'none', 'principal', req, ctx, kind);
    if (st.principal) {
      principal = matchPrincipal(st.principal, p);
      if (principal === 'none') return new LazyResult(st, false, principal, 'principal', req, ctx, kind);
    } else if (st.notPrincipal) {
      if (matchPrincipal(st.notPrincipal, p) !== 'none') return new LazyResult(st, false, 'none', 'principal', req, ctx, kind);
      principal = 'direct';
    }
  }
  if (compiled.actionHit(prepared) !== Boolean(st.action)) return new LazyResult(st, false, principal, 'action', req, ctx, kind);
  if (st.resource || st.notResource) {
    const hit = compiled.resourceHit ? compiled.resourceHit(prepared) : anyResource(expandAll(st.resource ?? st.notResource!, ctx), req.resource);
    if (hit !== Boolean(st.resource)) return new LazyResult(st, false, principal, 'resource', req, ctx, kind);
  }
  for (const clause of st.conditions) if (!clauseHolds(clause, ctx)) return new LazyResult(st, false, principal, 'condition', req, ctx, kind);
  return new LazyResult(st, true, principal, undefined, req, ctx, kind);
}

/**
 * Per-statement results of one policy for one request (in document order). `details` is computed when first
 * read, so the decision stays fast and the trace still says what matched or failed on what.
 */
export function evaluatePolicy(doc: PolicyDocument, request: EvalRequest, normalised?: NormalContext): StatementResult[] {
  const ctx = normalised ?? normaliseContext(request.context);
  const prepared = prepareRequest(request.action, request.resource);
  const out: StatementResult[] = new Array(doc.statements.length);
  for (let i = 0; i < out.length; i++) out[i] = decideStatement(doc.statements[i], request, prepared, ctx, doc.kind);
  return out;
}

/** The same results computed in explain mode up front (the slow path the trace uses; tests compare the two). */
export function explainPolicy(doc: PolicyDocument, request: EvalRequest): StatementResult[] {
  const ctx = normaliseContext(request.context);
  const prepared = prepareRequest(request.action, request.resource);
  return doc.statements.map((st) => evaluateStatement(st, request, prepared, ctx, doc.kind, true));
}
