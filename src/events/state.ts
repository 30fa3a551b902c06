// The state of the simulated EventBridge (default event bus only): rules with their patterns and targets, the
// events delivered (for labs and learners to inspect), saved in the world document (`services.events`).
import type { BusEvent } from './kms-events.js';

export interface Target {
  Id: string;
  Arn: string;
  Input?: string;
}

export interface Rule {
  accountId: string;
  region: string;
  Name: string;
  Arn: string;
  EventPattern?: string;
  ScheduleExpression?: string;
  State: 'ENABLED' | 'DISABLED';
  Description?: string;
  targets: Target[];
}

export interface Delivery {
  rule: string;
  target: string;
  eventId: string;
  detailType: string;
  ok: boolean;
  error?: string;
  time: string;
}

export interface EventsState {
  rules: Rule[];
  /** The events matched by at least one rule, newest last (at most 200 kept). */
  matched: BusEvent[];
  deliveries: Delivery[];
  /** The id of the last CloudTrail event looked at (undefined: from the start of the history). */
  trailCursor: string | undefined;
}

export function emptyEventsState(): EventsState {
  return { rules: [], matched: [], deliveries: [], trailCursor: undefined };
}

export function readEventsState(doc: unknown): EventsState {
  const d = doc as Partial<EventsState> | null;
  if (!d || typeof d !== 'object' || !Array.isArray(d.rules)) throw new Error('services.events: not an EventBridge state document');
  return { rules: d.rules, matched: d.matched ?? [], deliveries: d.deliveries ?? [], trailCursor: typeof d.trailCursor === 'string' ? d.trailCursor : undefined };
}
