// Evaluates each statement of one policy against one request: principal, action, resource, conditions,
// stopping at the first element that fails and saying which one and why (the decision trace reads these lines).
import type { EvalRequest, PolicyDocument, PrincipalMatch, PrincipalSpec, RequestPrincipal, Statement, StatementResult } from './types.js';
import { actionMatches, arnMatches } from './wildcard.js';
import { evaluateClause, normaliseContext, type NormalContext } from './conditions.js';

function accountOf(entry: string): string | undefined {
  if (/^\d{12}$/.test(entry)) return entry;
  const m = /^arn:aws[a-z-]*:iam::(\d{12}):root$/.exec(entry);
  return m ? m[1] : undefined;
}

/** 'direct' when the spec names the caller (or "*"), 'account' when it names the caller's account only. */
export function matchPrincipal(spec: PrincipalSpec, p: RequestPrincipal): PrincipalMatch {
  if (spec.any) return 'direct';
  let best: PrincipalMatch = 'none';
  if (p.type === 'AWSService') return spec.service.includes(p.arn) ? 'direct' : 'none';
  for (const entry of spec.aws) {
    const account = accountOf(entry);
    if (account !== undefined) {
      if (account === p.accountId) {
        // The account principal means the account: the root user directly, everyone else through IAM.
        if (p.type === 'Root') return 'direct';
        best = 'account';
      }
    } else if (entry === p.arn || (p.roleArn !== undefined && entry === p.roleArn)) {
      return 'direct';
    }
  }
  return best;
}

function describeSpec(spec: PrincipalSpec): string {
  if (spec.any) return '"*"';
  return [...spec.aws, ...spec.service, ...spec.federated].join(', ');
}

function evaluateStatement(st: Statement, req: EvalRequest, ctx: NormalContext, kind: PolicyDocument['kind']): StatementResult {
  const details: string[] = [];
  const result = (matched: boolean, principal: PrincipalMatch, failedOn?: StatementResult['failedOn']): StatementResult => ({
    index: st.index,
    sid: st.sid,
    effect: st.effect,
    matched,
    principal,
    failedOn,
    details,
  });
  let principal: PrincipalMatch = 'not-applicable';
  if (kind !== 'identity') {
    const p = req.principal;
    if (!p) {
      details.push('no caller principal to match');
      return result(false, 'none', 'principal');
    }
    if (st.principal) {
      principal = matchPrincipal(st.principal, p);
      const named = describeSpec(st.principal);
      if (principal === 'none') {
        details.push(`principal ${p.arn} is not in Principal [${named}]`);
        return result(false, principal, 'principal');
      }
      details.push(principal === 'account' ? `principal matched through its account (${p.accountId}) in [${named}]` : `principal matched [${named}]`);
    } else if (st.notPrincipal) {
      const m = matchPrincipal(st.notPrincipal, p);
      if (m !== 'none') {
        details.push(`principal ${p.arn} is excluded by NotPrincipal [${describeSpec(st.notPrincipal)}]`);
        return result(false, 'none', 'principal');
      }
      principal = 'direct';
      details.push(`principal is not in NotPrincipal [${describeSpec(st.notPrincipal)}]`);
    }
  }
  const actionHit = st.action ? st.action.some((a) => actionMatches(a, req.action)) : !st.notAction!.some((a) => actionMatches(a, req.action));
  if (!actionHit) {
    details.push(st.action ? `action ${req.action} is not in Action [${st.action.join(', ')}]` : `action ${req.action} is excluded by NotAction`);
    return result(false, principal, 'action');
  }
  details.push(`action ${req.action} matched`);
  if (st.resource || st.notResource) {
    const resHit = st.resource ? st.resource.some((r) => arnMatches(r, req.resource)) : !st.notResource!.some((r) => arnMatches(r, req.resource));
    if (!resHit) {
      details.push(st.resource ? `resource ${req.resource} is not in Resource [${st.resource.join(', ')}]` : `resource ${req.resource} is excluded by NotResource`);
      return result(false, principal, 'resource');
    }
    details.push(`resource ${req.resource} matched`);
  }
  for (const clause of st.conditions) {
    const r = evaluateClause(clause, ctx);
    details.push(r.detail);
    if (!r.ok) return result(false, principal, 'condition');
  }
  return result(true, principal);
}

/** Per-statement results of one policy for one request (in document order). */
export function evaluatePolicy(doc: PolicyDocument, request: EvalRequest, normalised?: NormalContext): StatementResult[] {
  const ctx = normalised ?? normaliseContext(request.context);
  return doc.statements.map((st) => evaluateStatement(st, request, ctx, doc.kind));
}
