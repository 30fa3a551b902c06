// Serves the persistent sandbox: the SigV4 access key id names the sandbox profile whose principal makes
// the call (AWS_ACCESS_KEY_ID=default, dev, auditor, analytics...), the credential scope gives the Region.
// An access key id that names no profile (`test`, `AKIA...`, as other local endpoints accept) acts as `default`;
// real KMS would answer UnrecognizedClientException, we deliberately accept it and say so once per key id.
// State is shared with `kms-study aws`: changes made there between requests are picked up; the server's own
// changes are written within `flushMs` and on shutdown.
import { statSync } from 'node:fs';
import { openSandbox, type Sandbox, type SandboxDeps } from '../storage/sandbox.js';
import type { KmsBackend, RequestIdentity } from './server.js';
import { WireError } from './wire.js';

export class SandboxBackend implements KmsBackend {
  private sandbox: Sandbox;
  private loadedMtime = 0;
  private dirty = false;
  private timer: NodeJS.Timeout | undefined;
  /** Access key ids already announced as acting as the default profile. */
  private readonly announced = new Set<string>();
  /** Where the one-time "acts as the default profile" notice goes (the server log). */
  notice: ((line: string) => void) | undefined;

  constructor(
    private readonly deps: SandboxDeps,
    private readonly path: string | undefined,
    private readonly flushMs = 200,
  ) {
    this.sandbox = openSandbox(deps, { path });
    this.sandbox.save();
    this.loadedMtime = this.mtime();
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
    const profile = this.profileFor(id.accessKeyId);
    if (!profile) throw new WireError('UnrecognizedClientException', 'The security token included in the request is invalid.');
    const caller = { ...this.sandbox.callerFor(profile, id.region), sourceIp: id.sourceIp, userAgent: id.userAgent, accessKeyId: id.accessKeyId };
    try {
      return this.sandbox.world.call('kms', operation, request, caller);
    } finally {
      this.markDirty();
    }
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

  /** Write pending changes now (shutdown, tests). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.dirty) return;
    this.sandbox.save();
    this.dirty = false;
    this.loadedMtime = this.mtime();
  }

  private markDirty(): void {
    this.dirty = true;
    if (!this.timer) this.timer = setTimeout(() => this.flush(), this.flushMs);
  }

  private mtime(): number {
    try {
      return statSync(this.sandbox.path).mtimeMs;
    } catch {
      return 0;
    }
  }

  private reloadIfChanged(): void {
    const m = this.mtime();
    if (m === this.loadedMtime || this.dirty) return;
    this.sandbox = openSandbox(this.deps, { path: this.path });
    this.loadedMtime = m;
  }
}
