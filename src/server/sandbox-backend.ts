// Serves the persistent sandbox: the SigV4 access key id names the sandbox profile whose principal makes
// the call (AWS_ACCESS_KEY_ID=default, dev, auditor, analytics...), the credential scope gives the Region.
// An access key id that names no profile (`test`, `AKIA...`, as other local endpoints accept) acts as `default`;
// real KMS would answer UnrecognizedClientException, we deliberately accept it and say so once per key id.
// State is shared with `kms-study aws` under the sandbox lock: a request first picks up a state file another
// process changed; a request that may change state (CreateKey, TagResource...) runs holding the lock and
// writes the state before it answers; read-only and cryptographic calls (the hot path) never write the state,
// their CloudTrail events are appended to the event log in batches every `flushMs`.
import { openSandbox, fileStamp, lockPathFor, type Sandbox, type SandboxDeps } from '../storage/sandbox.js';
import { acquireLock, tryLock } from '../storage/lock.js';
import type { KmsBackend, RequestIdentity } from './server.js';
import { WireError } from './wire.js';

/** KMS operations that change no state (CloudTrail marks them readOnly): they run without the lock. */
const READ_ONLY = /^(Describe|Get|List)[A-Za-z]*$|^(Encrypt|Decrypt|ReEncrypt|GenerateDataKey[A-Za-z]*|GenerateRandom|Sign|Verify|GenerateMac|VerifyMac|DeriveSharedSecret)$/;

/** Events kept in memory at most while the log cannot be written (a full disk): older ones are dropped. */
const MAX_PENDING = 20_000;

export class SandboxBackend implements KmsBackend {
  private sandbox: Sandbox;
  private stamp: string;
  private timer: NodeJS.Timeout | undefined;
  private lastProblem = '';
  /** Access key ids already announced as acting as the default profile. */
  private readonly announced = new Set<string>();
  /** Where the one-time "acts as the default profile" notice goes (the server log). */
  notice: ((line: string) => void) | undefined;
  /** Where a failed save is reported (serve's stderr); serving goes on from memory. */
  problem: ((line: string) => void) | undefined;

  constructor(
    private readonly deps: SandboxDeps,
    private readonly path: string | undefined,
    private readonly flushMs = 200,
  ) {
    // Opened under the lock once: creates the file, moves an unusable one aside, moves old events to the log.
    const first = openSandbox(deps, { path });
    try {
      first.save();
    } finally {
      first.close();
    }
    this.sandbox = first;
    this.stamp = first.stamp;
  }

  get warnings(): string[] {
    return this.sandbox.warnings;
  }
  get statePath(): string {
    return this.sandbox.path;
  }
  get profiles(): Sandbox['profiles'] {
    return this.sandbox.profiles;
  }

  operations(): string[] {
    return this.sandbox.engine.operations();
  }

  handle(operation: string, request: Record<string, unknown>, id: RequestIdentity): Record<string, unknown> {
    this.reloadIfChanged();
    if (READ_ONLY.test(operation)) {
      try {
        return this.call(operation, request, id);
      } finally {
        this.scheduleFlush();
      }
    }
    const lock = acquireLock(lockPathFor(this.sandbox.path), { what: `the sandbox ${this.sandbox.path}` });
    try {
      this.reloadIfChanged();
      try {
        return this.call(operation, request, id);
      } finally {
        this.save(false);
      }
    } finally {
      lock.release();
    }
  }

  private call(operation: string, request: Record<string, unknown>, id: RequestIdentity): Record<string, unknown> {
    const profile = this.profileFor(id.accessKeyId);
    if (!profile) throw new WireError('UnrecognizedClientException', 'The security token included in the request is invalid.');
    const caller = { ...this.sandbox.callerFor(profile, id.region), sourceIp: id.sourceIp, userAgent: id.userAgent, accessKeyId: id.accessKeyId };
    return this.sandbox.world.call('kms', operation, request, caller);
  }

  /** The profile a key id names; an unknown key id acts as `default` (announced once per key id). */
  private profileFor(accessKeyId: string): string | undefined {
    const names = Object.keys(this.sandbox.profiles);
    const named = names.find((p) => p.toLowerCase() === accessKeyId.toLowerCase());
    if (named || !names.includes('default')) return named;
    if (!this.announced.has(accessKeyId)) {
      this.announced.add(accessKeyId);
      this.notice?.(`kms-study serve: access key id ${JSON.stringify(accessKeyId)} names no sandbox profile: it acts as the default profile (${names.join(', ')} pick their own)`);
    }
    return 'default';
  }

  /** Writes pending events (and the state, unless eventsOnly); a failure is reported and serving goes on. */
  private save(eventsOnly: boolean): void {
    try {
      this.sandbox.save({ eventsOnly });
      this.stamp = this.sandbox.stamp;
      this.lastProblem = '';
    } catch (e) {
      const line = `kms-study serve: could not save: ${(e as Error).message}; still serving from memory, will retry`;
      if (line !== this.lastProblem) this.problem?.(line);
      this.lastProblem = line;
      const pending = this.sandbox.history.events;
      if (pending.length > MAX_PENDING) pending.splice(0, pending.length - MAX_PENDING);
    }
  }

  private scheduleFlush(): void {
    if (!this.timer) this.timer = setTimeout(() => this.flushEvents(), this.flushMs);
  }

  /** Appends the pending events if the lock is free now; otherwise tries again later (never waits). */
  private flushEvents(): void {
    this.timer = undefined;
    if (!this.sandbox.history.events.length) return;
    const lock = tryLock(lockPathFor(this.sandbox.path));
    if (!lock) return this.scheduleFlush();
    try {
      // Another process may have written since the last request: pick that up first, or the save below would take
      // the new file's identity for the one this process read, and serve would never reload it.
      this.reloadIfChanged();
      this.save(true);
    } finally {
      lock.release();
    }
    if (this.lastProblem) this.scheduleFlush();
  }

  /** Write pending events and changes now (shutdown, tests); throws when they could not be written. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const lock = acquireLock(lockPathFor(this.sandbox.path), { what: `the sandbox ${this.sandbox.path}` });
    try {
      this.reloadIfChanged();
      this.save(false);
    } finally {
      lock.release();
    }
    if (this.lastProblem) throw new Error(this.lastProblem.replace(/^kms-study serve: could not save: /, '').replace(/; still serving.*$/, ''));
  }

  /** Stops the flush timer (the server closed). */
  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Picks up a state file another process wrote since this one read or wrote it (one stat per request). */
  private reloadIfChanged(): void {
    const stamp = fileStamp(this.sandbox.path);
    if (stamp === this.stamp) return;
    const pending = this.sandbox.history.events;
    const next = openSandbox(this.deps, { path: this.path, lock: false });
    for (const w of next.warnings) this.problem?.(w);
    next.history.events.push(...pending);
    this.sandbox = next;
    this.stamp = next.stamp;
  }
}
