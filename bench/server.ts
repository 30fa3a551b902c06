// Encrypt requests per second over HTTP against `kms-study serve`'s server, with 1 and 8 concurrent
// clients (keep-alive), and p50/p99 latency. Loopback only; bounded in count and time.
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createKmsServer } from '../src/server/server.js';
import { SandboxBackend } from '../src/server/sandbox-backend.js';

const AUTH = 'AWS4-HMAC-SHA256 Credential=default/20261101/us-east-1/kms/aws4_request, SignedHeaders=host, Signature=00';

function post(port: number, agent: Agent, target: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((ok, fail) => {
    const req = request(
      { host: '127.0.0.1', port, method: 'POST', path: '/', agent, headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `TrentService.${target}`, Authorization: AUTH } },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => ok({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', fail);
    req.end(body);
  });
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

export async function benchServer(opts: { requests?: number; maxSeconds?: number } = {}): Promise<string> {
  const total = opts.requests ?? 2000;
  const maxMs = (opts.maxSeconds ?? 10) * 1000;
  const home = mkdtempSync(join(tmpdir(), 'kms-bench-serve-'));
  const backend = new SandboxBackend({ env: { KMS_STUDY_HOME: home }, now: () => Date.now(), randomBytes: (n) => new Uint8Array(randomBytes(n)) }, undefined);
  const server = createKmsServer({ backend });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  const lines: string[] = ['Server: Encrypt over HTTP (AWS JSON 1.1, keep-alive, 100-byte plaintext)'];
  try {
    const agent0 = new Agent({ keepAlive: true });
    const created = JSON.parse((await post(port, agent0, 'CreateKey', '{}')).text) as { KeyMetadata: { KeyId: string } };
    const body = JSON.stringify({ KeyId: created.KeyMetadata.KeyId, Plaintext: randomBytes(100).toString('base64') });
    for (const clients of [1, 8]) {
      const agent = new Agent({ keepAlive: true, maxSockets: clients });
      const latencies: number[] = [];
      let sent = 0;
      const start = performance.now();
      const worker = async () => {
        while (sent < total && performance.now() - start < maxMs) {
          sent++;
          const t = performance.now();
          const r = await post(port, agent, 'Encrypt', body);
          if (r.status !== 200) throw new Error(`Encrypt failed: ${r.status} ${r.text}`);
          latencies.push(performance.now() - t);
        }
      };
      await Promise.all(Array.from({ length: clients }, worker));
      const secs = (performance.now() - start) / 1000;
      latencies.sort((a, b) => a - b);
      lines.push(
        `  ${String(clients).padStart(2)} client${clients > 1 ? 's' : ' '}: ${Math.round(latencies.length / secs).toLocaleString('en-US').padStart(7)} req/s  p50 ${pct(latencies, 50).toFixed(2)} ms  p99 ${pct(latencies, 99).toFixed(2)} ms  (${latencies.length} requests)`,
      );
      agent.destroy();
    }
    agent0.destroy();
  } finally {
    server.closeAllConnections();
    await new Promise<void>((ok) => server.close(() => ok()));
    backend.flush();
    rmSync(home, { recursive: true, force: true });
  }
  return lines.join('\n');
}
