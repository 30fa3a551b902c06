// What `kms-study sandbox status` and `clock advance` report: simulated time, the current profile, keys
// by state, and the deletions and rotations still to come; durations such as 8d, 36h, 90m, 30s.
import type { KmsEngine } from '../kms/engine.js';
import type { World } from './world.js';

/** What status needs of a profile (the CLI's profiles, src/awscli/profiles.ts, have this shape). */
export interface ProfileSummary {
  principalArn: string;
  region: string;
}
import { parseDuration as parseBoundedDuration } from '../text/duration.js';

export interface SandboxStatus {
  simulatedTime: string;
  profile: string;
  principal: string;
  region: string;
  keysByState: Record<string, number>;
  pendingEvents: { at: string; event: 'DeleteKey' | 'RotateKey'; keyArn: string }[];
  auditEvents: number;
}

/** '8d' -> ms; undefined when the text is not <positive number><d|h|m|s> of at most 100 years. */
export function parseDuration(text: string): number | undefined {
  const r = parseBoundedDuration(text);
  return r.ok ? r.value : undefined;
}

export function sandboxStatus(world: World, profile: string, profiles: Record<string, ProfileSummary>): SandboxStatus {
  const engine = world.kms;
  const keysByState: Record<string, number> = {};
  const pending: SandboxStatus['pendingEvents'] = [];
  for (const k of engine.listKeyViews()) {
    const md = k.KeyMetadata;
    const state = String(md.KeyState);
    keysByState[state] = (keysByState[state] ?? 0) + 1;
    if (md.DeletionDate instanceof Date) pending.push({ at: md.DeletionDate.toISOString(), event: 'DeleteKey', keyArn: String(md.Arn) });
    if (k.Rotation.NextRotationDate instanceof Date) pending.push({ at: k.Rotation.NextRotationDate.toISOString(), event: 'RotateKey', keyArn: String(md.Arn) });
  }
  pending.sort((a, b) => a.at.localeCompare(b.at) || a.keyArn.localeCompare(b.keyArn));
  const p = profiles[profile];
  return {
    simulatedTime: new Date(engine.now()).toISOString(),
    profile,
    principal: p?.principalArn ?? '(unknown profile)',
    region: p?.region ?? '',
    keysByState,
    pendingEvents: pending,
    auditEvents: world.trail.events.length,
  };
}

export function renderStatus(s: SandboxStatus, path: string): string {
  const states = Object.entries(s.keysByState);
  const lines = [
    `Simulated time: ${s.simulatedTime}`,
    `Profile:        ${s.profile} (${s.principal}, ${s.region})`,
    `Keys:           ${states.length ? states.map(([k, n]) => `${n} ${k}`).join(', ') : 'none'}`,
    `Audit events:   ${s.auditEvents}`,
    `Pending events: ${s.pendingEvents.length ? '' : 'none'}`,
    ...s.pendingEvents.map((e) => `  ${e.at}  ${e.event.padEnd(9)} ${e.keyArn}`),
    `State file:     ${path}`,
  ];
  return `${lines.join('\n')}\n`;
}

/** What happened between two snapshots of the keys: deletions and new key material. */
export function describeChanges(before: KmsEngine['listKeyViews'] extends () => infer R ? R : never, engine: KmsEngine): string[] {
  const after = new Map(engine.listKeyViews().map((k) => [String(k.KeyMetadata.Arn), k]));
  const out: string[] = [];
  for (const k of before) {
    const arn = String(k.KeyMetadata.Arn);
    const now = after.get(arn);
    if (!now) out.push(`DeleteKey  ${arn}`);
    else if (now.KeyMaterialIds.length > k.KeyMaterialIds.length) out.push(`RotateKey  ${arn} (${now.KeyMaterialIds.length - k.KeyMaterialIds.length} new key material)`);
  }
  return out;
}
