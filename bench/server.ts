// `kms-study serve` under load: Encrypt with a 4 KB plaintext from 8 keep-alive clients against a sandbox that
// has already grown (1,000 keys and 100,000 stored events), with req/s, p50/p99 latency, throughput per tenth of
// the run (flat within 10%), RSS after 10% and 100% of the requests (within 20%), raw noble AES-GCM beside it,
// and moto_server's rate when it is installed. Loopback only; `--quick` runs 20,000 requests instead of 100,000.
// serve runs as users run it, `kms-study serve` in a process of its own (the built launcher), as moto_server does:
// the clients in this process, the server beside them, so neither takes the other's core. Its memory is the
// server process's resident set as the OS reports it (/proc/<pid>/status, or ps elsewhere).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { gcm } from '@noble/ciphers/aes.js';
import { grownSandbox, QUICK, verdict } from './engine.js';
import { packageRoot } from './startup.js';

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

/** The resident set size of process `pid` in bytes, as the OS reports it. */
function rssOf(pid: number): number {
  const status = `/proc/${pid}/status`;
  if (existsSync(status)) return Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(status, 'utf8'))![1]) * 1024;
  return Number(spawnSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).stdout.trim()) * 1024;
}

/** A free loopback port. */
function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.on('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => ok(port));
    });
  });
}

/** `kms-study serve` on the sandbox in `home`, once it answers. */
async function startServe(home: string): Promise<{ child: ChildProcess; port: number; output: () => string }> {
  const port = await freePort();
  const bin = join(packageRoot(), 'bin', 'kms-study.js');
  const child = spawn(process.execPath, [bin, 'serve', '--port', String(port), '--quiet'], {
    env: { PATH: process.env.PATH ?? '', KMS_STUDY_HOME: home, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c) => (output += c));
  child.stderr!.on('data', (c) => (output += c));
  const agent = new Agent({ keepAlive: false });
  const until = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`kms-study serve exited ${child.exitCode}: ${output}`);
    try {
      if ((await post(port, agent, 'ListAliases', '{}')).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`kms-study serve did not answer within 30 s: ${output}`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
  return { child, port, output: () => output };
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

/** Raw @noble/ciphers AES-256-GCM encryptions of 4 KB per second (one thread), for comparison. */
function nobleRate(ms: number): number {
  const key = new Uint8Array(randomBytes(32));
  const pt = new Uint8Array(randomBytes(4096));
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    for (let i = 0; i < 20; i++) gcm(key, new Uint8Array(randomBytes(12))).encrypt(pt);
    n += 20;
  }
  return (n * 1000) / (performance.now() - start);
}

/** Encrypt requests per second from `clients` keep-alive clients for `seconds`. */
async function rateOf(port: number, agent: Agent, clients: number, text: string, seconds: number, who: string): Promise<number> {
  let n = 0;
  const start = performance.now();
  const worker = async () => {
    while (performance.now() - start < seconds * 1000) {
      const r = await post(port, agent, 'Encrypt', text);
      if (r.status !== 200) throw new Error(`${who} Encrypt failed: ${r.status} ${r.text.slice(0, 200)}`);
      n++;
    }
  };
  await Promise.all(Array.from({ length: clients }, worker));
  return (n * 1000) / (performance.now() - start);
}

/** moto_server started on a free port with a key to encrypt under, or why it cannot be. */
async function startMoto(clients: number): Promise<{ port: number; agent: Agent; keyId: string; stop(): void } | { why: string }> {
  if (spawnSync('moto_server', ['--help'], { timeout: 15_000 }).error) return { why: 'skipped (moto_server not installed)' };
  const port = await freePort();
  const child = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const stop = () => {
    agent.destroy();
    child.kill('SIGTERM');
  };
  let keyId = '';
  const until = Date.now() + 20_000;
  while (!keyId) {
    try {
      keyId = (JSON.parse((await post(port, agent, 'CreateKey', '{}')).text) as { KeyMetadata: { KeyId: string } }).KeyMetadata.KeyId;
    } catch {
      if (Date.now() > until) {
        stop();
        return { why: 'skipped (moto_server did not start)' };
      }
      await new Promise((ok) => setTimeout(ok, 200));
    }
  }
  return { port, agent, keyId, stop };
}

/**
 * serve's and moto_server's Encrypt rates measured in alternating rounds of `seconds` each (the order flips every
 * round), so a machine that speeds up or slows down during the run affects both alike; the ratio is of medians.
 */
async function versusMoto(
  serve: { port: number; agent: Agent; body: string },
  clients: number,
  bodyFor: (keyId: string) => string,
  rounds: number,
  seconds: number,
): Promise<{ serve: number[]; moto: number[] } | { why: string }> {
  const moto = await startMoto(clients);
  if ('why' in moto) return moto;
  try {
    const motoBody = bodyFor(moto.keyId);
    for (let i = 0; i < 20; i++) await post(moto.port, moto.agent, 'Encrypt', motoBody);
    const rates = { serve: [] as number[], moto: [] as number[] };
    for (let r = 0; r < rounds; r++) {
      const order = r % 2 ? (['moto', 'serve'] as const) : (['serve', 'moto'] as const);
      for (const who of order) {
        if (who === 'serve') rates.serve.push(await rateOf(serve.port, serve.agent, clients, serve.body, seconds, 'serve'));
        else rates.moto.push(await rateOf(moto.port, moto.agent, clients, motoBody, seconds, 'moto_server'));
      }
    }
    return rates;
  } catch (e) {
    return { why: `skipped (${(e as Error).message})` };
  } finally {
    moto.stop();
  }
}

export async function benchServer(opts: { requests?: number; clients?: number; keys?: number; events?: number } = {}): Promise<string> {
  const total = opts.requests ?? (QUICK ? 20_000 : 100_000);
  const clients = opts.clients ?? 8;
  const home = mkdtempSync(join(tmpdir(), 'kms-bench-serve-'));
  const { keyId } = grownSandbox(home, opts.keys ?? 1000, opts.events ?? (QUICK ? 20_000 : 100_000));
  const serve = await startServe(home);
  const { port } = serve;
  const lines: string[] = [
    `Server: Encrypt over HTTP (AWS JSON 1.1), 4 KB plaintext, ${clients} keep-alive clients, ${total.toLocaleString('en-US')} requests, sandbox grown to ${(opts.keys ?? 1000).toLocaleString('en-US')} keys and ${(opts.events ?? (QUICK ? 20_000 : 100_000)).toLocaleString('en-US')} events (kms-study serve in its own process, the clients in the bench's)`,
    '',
  ];
  try {
    const plaintext = randomBytes(4096).toString('base64');
    const bodyFor = (id: string) => JSON.stringify({ KeyId: id, Plaintext: plaintext });
    const body = bodyFor(keyId);
    const agent = new Agent({ keepAlive: true, maxSockets: clients });
    // Warm-up (JIT, sockets, caches) with all clients, before the measured run.
    const warm = Math.max(1000, total / 20);
    let warmed = 0;
    await Promise.all(Array.from({ length: clients }, async () => {
      while (warmed++ < warm) await post(port, agent, 'Encrypt', body);
    }));
    const latencies = new Float64Array(total);
    const windows = 10;
    const windowEnds: number[] = [];
    let sent = 0;
    let done = 0;
    let at10 = 0;
    const start = performance.now();
    const worker = async () => {
      while (sent < total) {
        sent++;
        const t = performance.now();
        const r = await post(port, agent, 'Encrypt', body);
        if (r.status !== 200) throw new Error(`Encrypt failed: ${r.status} ${r.text}`);
        latencies[done++] = performance.now() - t;
        if (done % (total / windows) === 0) windowEnds.push(performance.now());
        if (done === total / 10) at10 = rssOf(serve.child.pid!);
      }
    };
    await Promise.all(Array.from({ length: clients }, worker));
    const secs = (performance.now() - start) / 1000;
    const atEnd = rssOf(serve.child.pid!);
    agent.destroy();
    const sorted = Array.from(latencies).sort((a, b) => a - b);
    const rate = total / secs;
    const perWindow = windowEnds.map((t, i) => (total / windows) / ((t - (i === 0 ? start : windowEnds[i - 1])) / 1000));
    // Flatness: the first tenth warms up (JIT, caches); the rest must stay within 10% of their best.
    const steady = perWindow.slice(1);
    const mean = steady.reduce((a, b) => a + b, 0) / steady.length;
    const deviation = Math.max(...steady.map((r) => Math.abs(r - mean) / mean));
    const spread = Math.min(...steady) / Math.max(...steady);
    const p99 = pct(sorted, 99);
    const rssRatio = atEnd / at10;
    const noble = nobleRate(1000);
    const vs = await versusMoto({ port, agent: new Agent({ keepAlive: true, maxSockets: clients }), body }, clients, bodyFor, QUICK ? 3 : 5, QUICK ? 2 : 4);
    const middle = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
    const moto = 'why' in vs ? { why: vs.why } : { rate: middle(vs.moto), serve: middle(vs.serve), rounds: vs };
    lines.push(`  serve:                    ${Math.round(rate).toLocaleString('en-US').padStart(6)} req/s  p50 ${pct(sorted, 50).toFixed(2)} ms  p99 ${p99.toFixed(2)} ms  (${secs.toFixed(1)} s)`);
    lines.push(`  raw noble AES-256-GCM:    ${Math.round(noble).toLocaleString('en-US').padStart(6)} encryptions/s of 4 KB (one thread, no HTTP) — serve's ceiling if AES is the bottleneck`);
    lines.push(
      moto.rate !== undefined
        ? `  moto_server:              ${Math.round(moto.rate).toLocaleString('en-US').padStart(6)} req/s, serve ${Math.round(moto.serve!).toLocaleString('en-US')} req/s (medians of ${moto.rounds!.moto.length} alternating rounds, same load: serve ${moto.rounds!.serve.map(Math.round).join(' ')}; moto ${moto.rounds!.moto.map(Math.round).join(' ')})`
        : `  moto_server:              ${moto.why}`,
    );
    lines.push(`  req/s per tenth of the run: ${perWindow.map((r) => Math.round(r)).join(' ')}`);
    lines.push('');
    lines.push(`  p99 latency ${p99.toFixed(1)} ms                       target <= 20 ms: ${verdict(p99 <= 20)}`);
    lines.push(
      `  throughput flat: every tenth within ${(deviation * 100).toFixed(1)}% of the mean (slowest/fastest ${spread.toFixed(2)})   target within 10% (after the warm-up tenth): ${verdict(deviation <= 0.1)}`,
    );
    lines.push(
      `  serve's RSS: ${mb(at10)} after ${(total / 10).toLocaleString('en-US')} requests, ${mb(atEnd)} after ${total.toLocaleString('en-US')}: ${rssRatio.toFixed(2)}x   target within 20%: ${verdict(rssRatio <= 1.2 && rssRatio >= 0.8)}${QUICK ? ' (quick run: 2,000 vs 20,000 requests)' : ''}`,
    );
    if (moto.rate !== undefined) {
      const ratio = moto.serve! / moto.rate;
      lines.push(`  serve / moto_server ${ratio.toFixed(1)}x (alternating rounds)      target >= 10x: ${verdict(ratio >= 10)}`);
    }
    else lines.push(`  serve / moto_server                           target >= 10x: ${moto.why}`);
    const half = perWindow.length >> 1;
    const trend = perWindow.slice(half).reduce((a, b) => a + b, 0) / perWindow.slice(1, half).reduce((a, b) => a + b, 0) * ((half - 1) / (perWindow.length - half));
    lines.push(`  (trend: mean req/s of the second half / of the first half after warm-up: ${trend.toFixed(2)}; below 1 would be a slow-down)`);
    const problems = serve.output().split('\n').filter((l) => /fail|error|cannot/i.test(l));
    if (problems.length) lines.push(`  serve reported during the run: ${problems[0]}`);
  } finally {
    serve.child.kill('SIGTERM');
    await new Promise((ok) => (serve.child.exitCode !== null ? ok(undefined) : serve.child.once('exit', ok)));
    rmSync(home, { recursive: true, force: true });
  }
  return lines.join('\n');
}
