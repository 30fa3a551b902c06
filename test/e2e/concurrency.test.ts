// End to end: many built-binary processes on one data directory at once. No change is lost (the sandbox and
// progress locks), create-alias of one name has exactly one winner, a CLI write while `serve` runs survives and
// serve sees it, and a second serve on the same sandbox is refused.
import { storedRows } from '../../src/kms/state.js';
import { afterAll, describe, expect, it } from '@jest/globals';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLE } from '../helpers/shipped.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = BUNDLE;
const BANK = 'test/fixtures/banks/small';
const AUTH = 'AWS4-HMAC-SHA256 Credential=default/20261101/us-east-1/kms/aws4_request, SignedHeaders=host, Signature=00';

interface Out {
  code: number | null;
  stdout: string;
  stderr: string;
}

const env = (home: string) => ({ PATH: process.env.PATH ?? '', KMS_STUDY_HOME: home, NO_COLOR: '1' });
const home = () => mkdtempSync(join(tmpdir(), 'kms-conc-'));

function run(h: string, args: string[], input = ''): Promise<Out> {
  return new Promise((done, fail) => {
    const p = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: env(h) });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.on('error', fail);
    p.on('close', (code) => done({ code, stdout, stderr }));
    p.stdin.end(input);
  });
}

function runSync(h: string, args: string[]): Out {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env: env(h), encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const parallel = (n: number, f: (i: number) => Promise<Out>) => Promise.all(Array.from({ length: n }, (_, i) => f(i)));
const keyCount = (h: string) => JSON.parse(runSync(h, ['aws', 'kms', 'list-keys']).stdout).Keys.length as number;

const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
});

describe('parallel processes on one data directory', () => {
  it('is built', () => expect(existsSync(BIN)).toBe(true));

  it('20 parallel create-key keep all 20 keys', async () => {
    const h = home();
    const outs = await parallel(20, () => run(h, ['aws', 'kms', 'create-key', '--query', 'KeyMetadata.KeyId', '--output', 'text']));
    expect(outs.map((o) => o.code)).toEqual(Array(20).fill(0));
    expect(new Set(outs.map((o) => o.stdout.trim())).size).toBe(20);
    expect(keyCount(h)).toBe(20);
    // Every call is in the event history too.
    const status = JSON.parse(runSync(h, ['sandbox', 'status', '--json']).stdout);
    expect(status.eventHistory.events).toBe(21); // 20 CreateKey + the ListKeys above
    // Each process appended its key to the one key log; the state refers to all 20 records in it.
    const state = JSON.parse(readFileSync(join(h, 'sandbox', 'state.json'), 'utf8')) as { engine: { keys: unknown } };
    const rows = storedRows(state.engine.keys);
    expect(status.keyLog.file).toBe(join(h, 'sandbox', 'state-keys-1.jsonl'));
    expect(status.keyLog.bytes).toBeGreaterThanOrEqual(Math.max(...rows.map((r) => r[2] + r[3])));
    expect(rows).toHaveLength(20);
  }, 300_000);

  it('20 parallel tag-resource keep all 20 tags', async () => {
    const h = home();
    const keyId = runSync(h, ['aws', 'kms', 'create-key', '--query', 'KeyMetadata.KeyId', '--output', 'text']).stdout.trim();
    const outs = await parallel(20, (i) => run(h, ['aws', 'kms', 'tag-resource', '--key-id', keyId, '--tags', `TagKey=t${i},TagValue=v${i}`]));
    expect(outs.map((o) => o.code)).toEqual(Array(20).fill(0));
    const tags = JSON.parse(runSync(h, ['aws', 'kms', 'list-resource-tags', '--key-id', keyId]).stdout).Tags as { TagKey: string }[];
    expect(tags.map((t) => t.TagKey).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `t${i}`).sort());
  }, 300_000);

  it('20 parallel create-alias of one name: exactly one wins, the others get AlreadyExistsException', async () => {
    const h = home();
    const keyId = runSync(h, ['aws', 'kms', 'create-key', '--query', 'KeyMetadata.KeyId', '--output', 'text']).stdout.trim();
    const outs = await parallel(20, () => run(h, ['aws', 'kms', 'create-alias', '--alias-name', 'alias/race', '--target-key-id', keyId]));
    expect(outs.filter((o) => o.code === 0)).toHaveLength(1);
    const losers = outs.filter((o) => o.code !== 0);
    expect(losers).toHaveLength(19);
    for (const l of losers) {
      expect(l.code).toBe(254);
      expect(l.stderr).toMatch(/AlreadyExistsException/);
    }
  }, 300_000);

  it('10 parallel piped quizzes keep all their answers', async () => {
    const h = home();
    // cram mode with --seed 1 fixes the order whatever the others recorded (see quiz.test.ts): five answers each, the fourth question takes two letters.
    const outs = await parallel(10, () => run(h, ['quiz', '--bank', BANK, '--seed', '1', '--count', '5', '--mode', 'cram'], 'C\nB\nD\nB,E?\nB\n'));
    for (const o of outs) expect([o.code, o.stderr]).toEqual([0, '']);
    const stats = JSON.parse(runSync(h, ['stats', '--json']).stdout);
    expect(stats.totals).toMatchObject({ answered: 50, correct: 40, sessions: 10 });
  }, 300_000);
});

describe('kill -9', () => {
  it('at any moment never leaves an unreadable sandbox; temp files of killed writers are cleaned up', async () => {
    const h = home();
    expect(runSync(h, ['aws', 'kms', 'create-key']).code).toBe(0);
    // Twelve writers killed after 0..110 ms: some before, some during, some after their write.
    const killed = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        new Promise<number | null>((done) => {
          const p = spawn(process.execPath, [BIN, 'aws', 'kms', 'create-key', '--description', 'k'.repeat(4000)], { cwd: ROOT, env: env(h) });
          setTimeout(() => p.kill('SIGKILL'), i * 10);
          p.on('close', (code) => done(code));
        }),
      ),
    );
    expect(killed.length).toBe(12);
    const list = runSync(h, ['aws', 'kms', 'list-keys']);
    expect(list.code).toBe(0);
    expect(list.stderr).not.toMatch(/could not be read/);
    const keys = JSON.parse(list.stdout).Keys as { KeyId: string }[];
    expect(keys.length).toBeGreaterThanOrEqual(1);
    // Every key the state lists has a readable record in the key log (a killed append is never referred to).
    const described = keys.map((k) => runSync(h, ['aws', 'kms', 'describe-key', '--key-id', k.KeyId, '--query', 'KeyMetadata.KeyId', '--output', 'text']));
    expect(described.map((d) => [d.code, d.stdout.trim()])).toEqual(keys.map((k) => [0, k.KeyId]));
    expect(readdirSync(join(h, 'sandbox')).filter((n) => n.endsWith('.tmp') || n.includes('.corrupt-'))).toEqual([]);
  }, 300_000);
});

describe('serve beside the CLI', () => {
  async function startServe(h: string): Promise<{ child: ChildProcess; url: string; stderr: () => string }> {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--quiet'], { cwd: ROOT, env: env(h) });
    children.push(child);
    let out = '';
    let err = '';
    child.stderr!.on('data', (d) => (err += d));
    const url = await new Promise<string>((ok, fail) => {
      child.stdout!.on('data', (d) => {
        out += d;
        const m = /listening on (http:\/\/[^ ]+)/.exec(out);
        if (m) ok(m[1]);
      });
      child.on('close', (code) => fail(new Error(`serve exited ${code}: ${err}`)));
    });
    return { child, url, stderr: () => err };
  }

  async function kms(url: string, op: string, body: unknown): Promise<Record<string, unknown>> {
    const r = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `TrentService.${op}`, Authorization: AUTH }, body: JSON.stringify(body) });
    return (await r.json()) as Record<string, unknown>;
  }

  it('a CLI write while serve runs survives, serve sees it; serve writes are seen by the CLI; a second serve is refused', async () => {
    const h = home();
    const serve = await startServe(h);
    const viaCli = runSync(h, ['aws', 'kms', 'create-key', '--description', 'from the cli', '--query', 'KeyMetadata.KeyId', '--output', 'text']);
    expect(viaCli.code).toBe(0);
    const cliKey = viaCli.stdout.trim();
    // serve's next request sees the CLI's key.
    const listed = (await kms(serve.url, 'ListKeys', {})).Keys as { KeyId: string }[];
    expect(listed.map((k) => k.KeyId)).toContain(cliKey);
    // serve's own change is on disk before it answers: the CLI sees it, and the CLI's key is still there.
    const made = (await kms(serve.url, 'CreateKey', { Description: 'from serve' })).KeyMetadata as { KeyId: string };
    const keys = JSON.parse(runSync(h, ['aws', 'kms', 'list-keys']).stdout).Keys.map((k: { KeyId: string }) => k.KeyId);
    expect(keys.sort()).toEqual([cliKey, made.KeyId].sort());
    // Encrypt through serve, then another CLI write: nothing of either is lost.
    expect((await kms(serve.url, 'Encrypt', { KeyId: cliKey, Plaintext: Buffer.from('hi').toString('base64') })).CiphertextBlob).toBeTruthy();
    expect(runSync(h, ['aws', 'kms', 'create-alias', '--alias-name', 'alias/cli', '--target-key-id', made.KeyId]).code).toBe(0);
    const aliases = (await kms(serve.url, 'ListAliases', {})).Aliases as { AliasName: string }[];
    expect(aliases.map((a) => a.AliasName)).toContain('alias/cli');

    const second = runSync(h, ['serve', '--port', '0']);
    expect(second.code).toBe(74);
    expect(second.stderr).toMatch(/^kms-study: serve: the sandbox .*state\.json is already served by process \d+ at http:/m);

    serve.child.kill('SIGTERM');
    await new Promise((ok) => serve.child.on('close', ok));
    expect(serve.stderr()).toMatch(/state saved/);
    // The serve lock went with it: serving again works.
    const again = await startServe(h);
    again.child.kill('SIGTERM');
    await new Promise((ok) => again.child.on('close', ok));
    // Encrypt's event reached the history.
    const events = JSON.parse(runSync(h, ['aws', 'cloudtrail', 'lookup-events', '--lookup-attributes', 'AttributeKey=EventName,AttributeValue=Encrypt']).stdout).Events;
    expect(events).toHaveLength(1);
  }, 300_000);
});
