// EventBridge rules and targets on the default event bus: PutRule, DescribeRule, ListRules, DeleteRule, EnableRule,
// DisableRule, PutTargets, ListTargetsByRule, RemoveTargets, TestEventPattern.
// https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutRule.html
// Differs: only the default bus; schedule expressions are stored but never run.
import type { Caller } from '../aws/caller.js';
import { InvalidEventPatternException, ResourceNotFoundException, ValidationException } from './errors.js';
import { matches, parsePattern } from './pattern.js';
import type { EventsState, Rule } from './state.js';

const mine = (s: EventsState, c: Caller) => s.rules.filter((r) => r.accountId === c.accountId && r.region === c.region);

function findRule(s: EventsState, c: Caller, name: unknown): Rule {
  const r = mine(s, c).find((x) => x.Name === name);
  if (!r) throw new ResourceNotFoundException(`Rule ${String(name)} does not exist on EventBus default.`);
  return r;
}

function show(r: Rule): Record<string, unknown> {
  return {
    Name: r.Name,
    Arn: r.Arn,
    ...(r.EventPattern ? { EventPattern: r.EventPattern } : {}),
    ...(r.ScheduleExpression ? { ScheduleExpression: r.ScheduleExpression } : {}),
    State: r.State,
    ...(r.Description ? { Description: r.Description } : {}),
    EventBusName: 'default',
  };
}

export function putRule(s: EventsState, req: Record<string, unknown>, c: Caller): Record<string, unknown> {
  const name = String(req.Name ?? '');
  if (!/^[.\-_A-Za-z0-9]{1,64}$/.test(name))
    throw new ValidationException(
      `1 validation error detected: Value '${name}' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+`,
    );
  if (req.EventBusName !== undefined && req.EventBusName !== 'default')
    throw new ResourceNotFoundException(`Event bus ${String(req.EventBusName)} does not exist.`);
  const pattern = req.EventPattern === undefined ? undefined : String(req.EventPattern);
  if (pattern === undefined && req.ScheduleExpression === undefined)
    throw new ValidationException('Parameter(s) EventPattern or ScheduleExpression must be specified.');
  if (pattern !== undefined) {
    const p = parsePattern(pattern);
    if (typeof p === 'string') throw new InvalidEventPatternException(p);
  }
  const state = req.State === 'DISABLED' ? 'DISABLED' : 'ENABLED';
  const arn = `arn:aws:events:${c.region}:${c.accountId}:rule/${name}`;
  const existing = mine(s, c).find((r) => r.Name === name);
  const rule: Rule = {
    accountId: c.accountId,
    region: c.region,
    Name: name,
    Arn: arn,
    ...(pattern ? { EventPattern: pattern } : {}),
    ...(req.ScheduleExpression ? { ScheduleExpression: String(req.ScheduleExpression) } : {}),
    State: state,
    ...(req.Description ? { Description: String(req.Description) } : {}),
    targets: existing?.targets ?? [],
  };
  if (existing) s.rules[s.rules.indexOf(existing)] = rule;
  else s.rules.push(rule);
  return { RuleArn: arn };
}

export const describeRule = (s: EventsState, req: Record<string, unknown>, c: Caller) => ({ ...show(findRule(s, c, req.Name)), CreatedBy: c.accountId });

export function listRules(s: EventsState, req: Record<string, unknown>, c: Caller): Record<string, unknown> {
  const prefix = String(req.NamePrefix ?? '');
  return {
    Rules: mine(s, c)
      .filter((r) => r.Name.startsWith(prefix))
      .sort((a, b) => (a.Name < b.Name ? -1 : 1))
      .map(show),
  };
}

export function setRuleState(s: EventsState, req: Record<string, unknown>, c: Caller, state: Rule['State']): Record<string, unknown> {
  findRule(s, c, req.Name).State = state;
  return {};
}

export function deleteRule(s: EventsState, req: Record<string, unknown>, c: Caller): Record<string, unknown> {
  const r = mine(s, c).find((x) => x.Name === req.Name);
  if (!r) return {};
  if (r.targets.length) throw new ValidationException("Rule can't be deleted since it has targets.");
  s.rules.splice(s.rules.indexOf(r), 1);
  return {};
}

export function putTargets(s: EventsState, req: Record<string, unknown>, c: Caller): Record<string, unknown> {
  const r = findRule(s, c, req.Rule);
  const targets = (req.Targets as Record<string, unknown>[] | undefined) ?? [];
  if (targets.length < 1 || targets.length > 10)
    throw new ValidationException("1 validation error detected: Value at 'targets' failed to satisfy constraint: Member must have length between 1 and 10");
  const failed: Record<string, unknown>[] = [];
  for (const t of targets) {
    const id = String(t.Id ?? '');
    const arn = String(t.Arn ?? '');
    if (!/^arn:aws:(sns|logs):/.test(arn)) {
      failed.push({ TargetId: id, ErrorCode: 'ValidationException', ErrorMessage: `Target type not simulated: ${arn}` });
      continue;
    }
    const entry = { Id: id, Arn: arn, ...(t.Input !== undefined ? { Input: String(t.Input) } : {}) };
    const i = r.targets.findIndex((x) => x.Id === id);
    if (i >= 0) r.targets[i] = entry;
    else r.targets.push(entry);
  }
  return { FailedEntryCount: failed.length, FailedEntries: failed };
}

export const listTargetsByRule = (s: EventsState, req: Record<string, unknown>, c: Caller) => ({ Targets: findRule(s, c, req.Rule).targets });

export function removeTargets(s: EventsState, req: Record<string, unknown>, c: Caller): Record<string, unknown> {
  const r = findRule(s, c, req.Rule);
  const ids = ((req.Ids as string[] | undefined) ?? []).map(String);
  r.targets = r.targets.filter((t) => !ids.includes(t.Id));
  return { FailedEntryCount: 0, FailedEntries: [] };
}

export function testEventPattern(req: Record<string, unknown>): Record<string, unknown> {
  const p = parsePattern(String(req.EventPattern ?? ''));
  if (typeof p === 'string') throw new InvalidEventPatternException(p);
  let ev: unknown;
  try {
    ev = JSON.parse(String(req.Event ?? ''));
  } catch {
    throw new ValidationException('Parameter Event is not valid.');
  }
  return { Result: matches(p, ev) };
}
