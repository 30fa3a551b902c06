// GetKeyLastUsage's record kept beside the sandbox state: a cryptographic call changes only its key's last
// usage, so a read-only command writes this small map (key ARN → last usage) instead of the whole state; the
// next full save folds it into the state and removes it. Differs: the time kept here is to the second (the
// CloudTrail eventTime it comes from) until the key's state is next saved whole.
import { readFileSync, rmSync } from 'node:fs';
import type { AuditEvent } from '../aws/cloudtrail.js';
import { TRACKED_OPERATIONS } from '../kms/operations/last-usage.js';
import { writeFileAtomic } from './atomic.js';

export interface KeyUsage {
  operation: string;
  at: number;
  eventId: string;
  requestId: string;
}

export type UsageMap = Record<string, KeyUsage>;

export function usagePathFor(statePath: string): string {
  return statePath.replace(/\.json$/, '') + '-key-usage.json';
}

export function readUsage(path: string): UsageMap {
  try {
    const v = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as UsageMap) : {};
  } catch {
    return {}; // missing or torn: the usage since the last full save is lost, nothing else
  }
}

/** The last usage per key ARN that these events record (successful tracked KMS calls). */
export function usageOf(events: readonly AuditEvent[]): UsageMap {
  const out: UsageMap = {};
  for (const e of events) {
    if (e.eventSource !== 'kms.amazonaws.com' || e.errorCode || !TRACKED_OPERATIONS.has(e.eventName)) continue;
    for (const r of e.resources ?? []) out[r.ARN] = { operation: e.eventName, at: Date.parse(e.eventTime), eventId: e.eventID, requestId: e.requestID };
  }
  return out;
}

/** Applies the usage map to the keys of a parsed state document (a later usage wins). */
export function applyUsage(engine: unknown, usage: UsageMap): void {
  const keys = (engine as { keys?: { arn?: string; lastUsage?: KeyUsage }[] }).keys;
  if (!Array.isArray(keys) || !Object.keys(usage).length) return;
  for (const k of keys) {
    const u = k && typeof k.arn === 'string' ? usage[k.arn] : undefined;
    if (u && typeof u.at === 'number' && (!k.lastUsage || u.at >= k.lastUsage.at)) k.lastUsage = u;
  }
}

/** Merges new usage into the map on disk (the caller holds the sandbox lock). */
export function recordUsage(path: string, usage: UsageMap): void {
  if (!Object.keys(usage).length) return;
  writeFileAtomic(path, JSON.stringify({ ...readUsage(path), ...usage }));
}

export function clearUsage(path: string): void {
  rmSync(path, { force: true });
}
