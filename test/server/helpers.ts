// Starts the endpoint in-process on a free loopback port over a temp sandbox.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createKmsServer } from '../../src/server/server.js';
import { SandboxBackend } from '../../src/server/sandbox-backend.js';
import { SeededRandom } from '../../src/aws/ports.js';

export interface Running {
  url: string;
  home: string;
  backend: SandboxBackend;
  logs: string[];
  clock: { t: number };
  close(): Promise<void>;
}

export async function startServer(opts: { maxBodyBytes?: number; home?: string } = {}): Promise<Running> {
  const home = opts.home ?? mkdtempSync(join(tmpdir(), 'kms-serve-'));
  const random = new SeededRandom('server-test');
  const clock = { t: Date.UTC(2026, 10, 1, 12) };
  const backend = new SandboxBackend({ env: { KMS_STUDY_HOME: home }, now: () => clock.t, randomBytes: (n) => random.bytes(n) }, undefined, 10);
  const logs: string[] = [];
  backend.notice = (l) => logs.push(l);
  const server = createKmsServer({ backend, maxBodyBytes: opts.maxBodyBytes, log: (l) => logs.push(l) });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    home,
    backend,
    logs,
    clock,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => {
          backend.flush();
          ok();
        });
      }),
  };
}
