// serve answers only requests whose Host names loopback or its --host (DNS rebinding), recognises loopback
// spellings, gives every error a message, and cuts off clients that send their headers too slowly.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { request } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKmsServer, HEADERS_TIMEOUT_MS, REQUEST_TIMEOUT_MS } from '../../src/server/server.js';
import { SandboxBackend } from '../../src/server/sandbox-backend.js';
import { hostAllowed, isLoopback } from '../../src/server/host.js';
import { SeededRandom } from '../../src/aws/ports.js';

const AUTH = 'AWS4-HMAC-SHA256 Credential=default/20261101/us-east-1/kms/aws4_request, SignedHeaders=host, Signature=00';
let port = 0;
let close: () => Promise<void>;
let server: ReturnType<typeof createKmsServer>;

beforeAll(async () => {
  const random = new SeededRandom('serve-hardening');
  const backend = new SandboxBackend({ env: { KMS_STUDY_HOME: mkdtempSync(join(tmpdir(), 'kms-serve-h-')) }, now: () => Date.UTC(2026, 10, 1), randomBytes: (n) => random.bytes(n) }, undefined, 10);
  server = createKmsServer({ backend, host: 'kms.internal', headersTimeoutMs: 300 });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  port = (server.address() as AddressInfo).port;
  close = () => new Promise<void>((ok) => { server.closeAllConnections(); server.close(() => { backend.flush(); ok(); }); });
});
afterAll(async () => close());

function post(host: string, target: string, body = '{}'): Promise<{ status: number; json: Record<string, unknown> }> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/', headers: { Host: host, 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': target, Authorization: AUTH } }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, json: JSON.parse(text) }));
    });
    req.on('error', fail);
    req.end(body);
  });
}

describe('serve: Host header', () => {
  it('refuses a Host that is neither loopback nor --host with 403 and an AWS-style body', async () => {
    const r = await post('evil.example:4599', 'TrentService.ListKeys');
    expect(r.status).toBe(403);
    expect(r.json.__type).toBe('AccessDeniedException');
    expect(String(r.json.message)).toMatch(/Host header "evil\.example:4599" does not name this endpoint/);
  });
  it('answers loopback spellings and the --host given', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, '127.1', `[::1]:${port}`, '[::ffff:127.0.0.1]', '127.8.9.10', `kms.internal:${port}`])
      expect({ host, status: (await post(host, 'TrentService.ListKeys')).status }).toEqual({ host, status: 200 });
  });
});

describe('loopback recognition', () => {
  it('knows the loopback spellings', () => {
    for (const h of ['127.0.0.1', '127.1', '127.0.1', '127.255.255.254', '::1', '[::1]', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1', '::ffff:7f00:1', 'localhost', 'LOCALHOST', 'app.localhost'])
      expect({ h, loop: isLoopback(h) }).toEqual({ h, loop: true });
    for (const h of ['0.0.0.0', '::', '10.0.0.1', '128.0.0.1', '127.0.0.1.evil.example', '::ffff:10.0.0.1', '::2', 'example.com', '127.300'])
      expect({ h, loop: isLoopback(h) }).toEqual({ h, loop: false });
  });
  it('matches the bound host with or without a port, and never an absent Host', () => {
    expect(hostAllowed('192.168.1.5:4599', '192.168.1.5')).toBe(true);
    expect(hostAllowed('[fd00::1]:4599', 'fd00::1')).toBe(true);
    expect(hostAllowed('192.168.1.6', '192.168.1.5')).toBe(false);
    expect(hostAllowed(undefined, '127.0.0.1')).toBe(false);
  });
});

describe('serve: messages and timeouts', () => {
  it('gives UnknownOperationException a message', async () => {
    const r = await post('127.0.0.1', 'TrentService.MakeCoffee');
    expect(r.json.__type).toBe('UnknownOperationException');
    expect(String(r.json.message)).toMatch(/^Unknown operation "TrentService\.MakeCoffee"/);
  });
  it('uses timeouts suited to a local tool', () => {
    expect([HEADERS_TIMEOUT_MS, REQUEST_TIMEOUT_MS]).toEqual([5000, 30_000]);
    const plain = createKmsServer({ backend: { handle: () => ({}), operations: () => [] } });
    expect([plain.headersTimeout, plain.requestTimeout]).toEqual([5000, 30_000]);
  });
  it('closes a socket that sends its headers too slowly', async () => {
    const started = Date.now();
    const closed = await new Promise<string>((ok) => {
      const s = connect(port, '127.0.0.1', () => s.write('POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n'));
      let got = '';
      s.on('data', (c) => (got += c));
      s.on('close', () => ok(got));
      s.on('error', () => undefined);
    });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(closed).toMatch(/^HTTP\/1\.1 408|^$/);
  });
});
