// The EC2/EBS service's shared machinery: state, ids, ARNs, the seeded instances, lookups with EC2's NotFound errors,
// ec2:* authorization through the access-control port, and the KMS bridge. Differs: instances are seeded, not launched.
import type { Caller } from '../aws/caller.js';
import { SeededRandom, hexFrom } from '../aws/ports.js';
import type { ServiceContext } from '../aws/service.js';
import {
  DRY_RUN_MESSAGE,
  DryRunOperation,
  InvalidInstanceIdNotFound,
  InvalidSnapshotNotFound,
  InvalidVolumeNotFound,
  UnauthorizedOperation,
} from './errors.js';
import { KmsBridge } from './kms-bridge.js';
import { emptyState, stateOf, type EbsDefaults, type Ec2State, type InstanceRecord, type SnapshotRecord, type VolumeRecord } from './state.js';

/** The instances every account and Region starts with (EC2 has no RunInstances here): name, type, running or not. */
export const SEEDED_INSTANCES = [
  { name: 'web-1', type: 't3.micro', running: true },
  { name: 'batch-1', type: 't3.small', running: false },
] as const;

/** A seeded instance's id: the same in every run for the same account, Region and name. */
export function seededInstanceId(accountId: string, region: string, name: string): string {
  return `i-0${hexFrom(new SeededRandom(`ec2-instance:${accountId}:${region}:${name}`), 8)}`;
}

export class Ec2 {
  state: Ec2State = emptyState();
  readonly kms: KmsBridge;

  constructor(readonly ctx: ServiceContext) {
    this.kms = new KmsBridge(ctx);
  }

  now(): number {
    return this.ctx.now();
  }

  newId(prefix: 'vol' | 'snap'): string {
    return `${prefix}-0${hexFrom(this.ctx.random, 8)}`;
  }

  /** Seeds the account's instances in the Region on its first EC2 call there. */
  ensureSeeded(accountId: string, region: string): void {
    if (!accountId || this.state.instances.some((i) => i.accountId === accountId && i.region === region)) return;
    for (const s of SEEDED_INSTANCES) {
      this.state.instances.push({
        InstanceId: seededInstanceId(accountId, region, s.name),
        accountId,
        region,
        AvailabilityZone: `${region}a`,
        InstanceType: s.type,
        name: s.name,
        State: stateOf(s.running ? 'running' : 'stopped'),
        ...(s.running ? {} : { StateReason: { Code: 'Client.UserInitiatedShutdown', Message: 'Client.UserInitiatedShutdown: User initiated shutdown' } }),
        StateTransitionReason: s.running ? '' : 'User initiated',
        LaunchTime: this.now(),
        memory: [],
      });
    }
  }

  /** Every check passed and the request had --dry-run. */
  dryRun(): never {
    throw new DryRunOperation(DRY_RUN_MESSAGE);
  }

  /** Records the EventBridge notification EBS sends for an asynchronous result (kept in the state for lab checks). */
  notify(c: Caller, resourceId: string, event: string, result: string, cause: string): void {
    const type = resourceId.startsWith('snap-') ? 'snapshot' : 'volume';
    const resource = `arn:aws:ec2:${c.region}:${c.accountId}:${type}/${resourceId}`;
    this.state.notifications.push({ time: this.now(), account: c.accountId, region: c.region, resource, event, result, cause });
  }

  defaults(accountId: string, region: string): EbsDefaults {
    return (this.state.defaults[`${accountId}:${region}`] ??= { enabled: false });
  }

  // ---- ARNs (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonec2.html) ----------
  volumeArn(c: Caller, id: string): string {
    return `arn:aws:ec2:${c.region}:${c.accountId}:volume/${id}`;
  }
  /** Snapshot ARNs carry no account. */
  snapshotArn(c: Caller, id: string): string {
    return `arn:aws:ec2:${c.region}::snapshot/${id}`;
  }
  instanceArn(c: Caller, id: string): string {
    return `arn:aws:ec2:${c.region}:${c.accountId}:instance/${id}`;
  }

  /**
   * ec2:<Action> decided by the same policy engine from the caller's identity policies (EC2 has no resource policies).
   * The message is EC2's "You are not authorized to perform this operation." followed by the decision; AWS appends an
   * encoded authorization message (decodable with sts decode-authorization-message), which we leave out.
   */
  authorize(caller: Caller, action: string, resourceArn = '*'): void {
    const d = this.ctx.access.authorize({ action: `ec2:${action}`, caller, resourceArn, grants: [], context: {}, now: this.now() });
    if (!d.allowed) throw new UnauthorizedOperation(`You are not authorized to perform this operation. ${d.message ?? ''}`.trim());
  }

  // ---- lookups (messages: https://github.com/aws/aws-cli/issues/2604 and EC2's error code list) ---------------
  volume(c: Caller, id: string): VolumeRecord {
    const v = this.state.volumes.find((x) => x.VolumeId === id && x.accountId === c.accountId && x.region === c.region);
    if (!v) throw new InvalidVolumeNotFound(`The volume '${id}' does not exist.`);
    return v;
  }

  instance(c: Caller, id: string): InstanceRecord {
    const i = this.state.instances.find((x) => x.InstanceId === id && x.accountId === c.accountId && x.region === c.region);
    if (!i) throw new InvalidInstanceIdNotFound(`The instance ID '${id}' does not exist`);
    return i;
  }

  /** A snapshot the caller owns, or (with `shared`) one shared with its account or public, in `region`. */
  snapshot(c: Caller, id: string, opts: { shared?: boolean; region?: string } = {}): SnapshotRecord {
    const region = opts.region ?? c.region;
    const s = this.state.snapshots.find((x) => x.SnapshotId === id && x.region === region);
    const visible = s && (s.accountId === c.accountId || (opts.shared && (s.sharedWith.includes(c.accountId) || s.sharedWith.includes('all'))));
    if (!s || !visible) throw new InvalidSnapshotNotFound(`The snapshot '${id}' does not exist.`);
    return s;
  }
}
