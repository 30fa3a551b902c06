// iam simulate-principal-policy answered by the KMS authorization decision (engine.simulate): the world composes
// IAM's question with KMS's decision, so the
// result reflects key policies, IAM policies and grants together. Differs from IAM's simulator, which
// evaluates identity policies (plus an optional resource policy you pass): here a KMS key ARN as
// resource brings in that key's real policy and grants. Each result adds `Explanation` (not in AWS).
import { explainDecision } from '../policy/index.js';
import type { World } from './world.js';
import { InvalidInputException } from '../iam/errors.js';
import type { Caller } from '../aws/caller.js';
import type { ConditionContext, Decision, TraceEntry } from '../aws/access.js';

interface ContextEntry {
  ContextKeyName: string;
  ContextKeyValues?: string[];
  ContextKeyType?: string;
}

function sourceType(t: TraceEntry, principalType: string): string {
  if (t.source === 'key-policy' || t.source === 'grant') return 'resource';
  if (t.id.startsWith('arn:aws:iam::aws:policy/')) return 'aws-managed';
  if (/^arn:aws:iam::\d{12}:policy\//.test(t.id)) return 'user-managed';
  return principalType === 'AssumedRole' ? 'role' : 'user';
}

function contextOf(entries: ContextEntry[] | undefined): ConditionContext {
  const ctx: ConditionContext = {};
  for (const e of entries ?? []) {
    const values = e.ContextKeyValues ?? [];
    const list = e.ContextKeyType?.endsWith('List');
    if (e.ContextKeyType?.startsWith('boolean')) ctx[e.ContextKeyName] = list ? values : values[0] === 'true';
    else if (e.ContextKeyType?.startsWith('numeric')) ctx[e.ContextKeyName] = list ? values : Number(values[0]);
    else ctx[e.ContextKeyName] = list || values.length > 1 ? values : values[0];
  }
  return ctx;
}

function evalDecision(d: Decision): 'allowed' | 'explicitDeny' | 'implicitDeny' {
  if (d.allowed) return 'allowed';
  return d.reason.startsWith('ExplicitDeny') ? 'explicitDeny' : 'implicitDeny';
}

export function simulatePrincipalPolicy(world: World, request: Record<string, unknown>, caller: Caller): Record<string, unknown> {
  const source = String(request.PolicySourceArn ?? '');
  const actions = (request.ActionNames as string[] | undefined) ?? [];
  if (!source || actions.length === 0) throw new InvalidInputException('PolicySourceArn and ActionNames are required.');
  const principal = world.principal(source);
  const resources = (request.ResourceArns as string[] | undefined) ?? ['*'];
  const context = contextOf(request.ContextEntries as ContextEntry[] | undefined);
  const results: Record<string, unknown>[] = [];
  for (const action of actions) {
    for (const resource of resources) {
      const keyArn = /^arn:aws:kms:([a-z0-9-]+):\d{12}:(key|alias)\//.exec(resource);
      const simCaller: Caller = { ...caller, principal, accountId: principal.accountId || caller.accountId, region: keyArn?.[1] ?? caller.region };
      const d = world.kms.simulate(action, keyArn ? resource : undefined, simCaller, { context });
      results.push({
        EvalActionName: action,
        EvalResourceName: resource,
        EvalDecision: evalDecision(d),
        MatchedStatements: d.trace
          .filter((t) => t.matched && t.source !== 'rule')
          .map((t) => ({ SourcePolicyId: t.sid ? `${t.id} [${t.sid}]` : t.id, SourcePolicyType: sourceType(t, principal.type) })),
        MissingContextValues: [],
        Explanation: explainDecision(d),
      });
    }
  }
  return { EvaluationResults: results, IsTruncated: false };
}
