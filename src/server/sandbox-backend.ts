// Serves the persistent sandbox: the SigV4 access key id names the sandbox profile whose principal makes
// the call (AWS_ACCESS_KEY_ID=default, dev, auditor, analytics...), the credential scope gives the Region.
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
    const profile = Object.keys(this.sandbox.profiles).find((p) => p.toLowerCase() === id.accessKeyId.toLowerCase());
    if (!profile) throw new WireError('UnrecognizedClientException', 'The security token included in the request is invalid.');
    const caller = { ...this.sandbox.callerFor(profile, id.region), sourceIp: id.sourceIp, userAgent: id.userAgent, accessKeyId: id.accessKeyId };
    try {
      return this.sandbox.world.call('kms', operation, request, caller);
    } finally {
      this.markDirty();
    }
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
