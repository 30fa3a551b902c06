// Seeded fuzz over the three ways input enters: `kms-study aws ...` and `sandbox clock ...` command lines built
// from the operation model and junk, HTTP bodies sent to serve, and mutated bank, lab and note files. Bounded in
// count and time; every outcome must be a clean result (no exit 70, no internal error, no stack trace).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { SERVICES } from '../../src/awscli/index.js';
import { SeededRandom } from '../../src/aws/ports.js';
import { Rng, randomOperationArgv } from '../helpers/rng.js';
import { buildWorld } from '../../src/labs/setup.js';
import { createKmsServer } from '../../src/server/server.js';
import { SandboxBackend } from '../../src/server/sandbox-backend.js';
import { loadBanks } from '../../src/storage/banks.js';
import { loadLabs } from '../../src/storage/lab-session.js';
import { loadNotes } from '../../src/storage/notes.js';
import { PACKAGE_ROOT, runCli, tempHome } from '../helpers/cli.js';

/** Each part stops early when its time is up, so the suite stays well under 20 s on a busy machine. */
const BUDGET_MS = 4000;
const STACK = /^\s+at .+\(.*:\d+:\d+\)$|unexpected error|report it as a bug/m;


const JUNK = [
  '', '-', '--', '=', '{', '[]', '{"a":', 'null', '1e308', '-1', '99999999999999999999', 'NaN', '\u0000', '\u001b[2J', '\u202e', '💥',
  'file://', 'fileb://', 'fileb:///dev/zero', 'file:///dev/null', 'file:///etc', 'fileb://nope', 'a=b,c', 'Key=,Value=', "'", '"', '\\',
  'alias/', 'alias/aws/kms', 'arn:aws:kms:us-east-1:111122223333:key/', '2026-13-45', '100000000d', '99999999999d', '0s', 'x'.repeat(10_000),
];

function randomArgv(rng: Rng): string[] {
  const words = randomOperationArgv(rng, { blobs: ['aGVsbG8=', 'hello', 'fileb:///dev/zero', ...JUNK], other: JUNK });
  if (rng.int(4) === 0) words.splice(rng.int(words.length + 1), 0, rng.pick(JUNK));
  if (rng.int(5) === 0) words.push(rng.pick(['--output', '--query', '--profile', '--region']), rng.pick(['text', 'table', 'Keys[', 'nobody', 'mars-1', ...JUNK]));
  return words;
}

describe('fuzz', () => {
  it('command lines: aws and sandbox clock never exit 70 nor print a stack trace, and the sandbox stays usable', async () => {
    const rng = new Rng('fuzz-cli');
    const home = tempHome();
    const cwd = mkdtempSync(join(tmpdir(), 'kms-study-fuzz-cwd-'));
    const until = Date.now() + BUDGET_MS;
    let runs = 0;
    for (let i = 0; i < 300 && Date.now() < until; i++, runs++) {
      const argv =
        i % 10 === 9
          ? ['sandbox', 'clock', rng.pick(['advance', 'set']), rng.pick([...JUNK, '8d', '36500d', '36501d', '2030-01-01', '9999-12-31', '1969-01-01'])]
          : ['aws', ...randomArgv(rng)];
      const r = await runCli(argv, { home, cwd, seed: `fuzz-${i}` });
      expect({ argv, code70: r.code === 70, trace: STACK.test(r.stderr + r.stdout) }).toEqual({ argv, code70: false, trace: false });
    }
    expect(runs).toBeGreaterThan(20);
    expect((await runCli(['aws', 'kms', 'list-keys'], { home })).code).toBe(0);
    expect((await runCli(['sandbox', 'status'], { home })).code).toBe(0);
  }, 20_000);

  describe('serve bodies', () => {
    let url = '';
    let stop: () => Promise<void>;
    beforeAll(async () => {
      const random = new SeededRandom('fuzz-serve');
      const backend = new SandboxBackend({ env: { KMS_STUDY_HOME: tempHome() }, now: () => Date.UTC(2026, 10, 1), randomBytes: (n) => random.bytes(n) }, undefined, 10);
      const server = createKmsServer({ backend, maxBodyBytes: 64 * 1024 });
      await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      stop = () => new Promise<void>((ok) => { server.closeAllConnections(); server.close(() => { backend.flush(); ok(); }); });
    });
    afterAll(async () => stop());

    it('answers every body with a JSON error or a result, never an internal error', async () => {
      const rng = new Rng('fuzz-http');
      const ops = SERVICES.kms.operations.map((o) => o.name);
      const values: unknown[] = [null, true, 0, -1, 1e308, '', 'x', '\u0000', 'AAAA', '%%%', [], {}, [1, 'a'], { a: { b: [] } }, 'x'.repeat(5000)];
      const until = Date.now() + BUDGET_MS;
      let sent = 0;
      for (let i = 0; i < 400 && Date.now() < until; i++, sent++) {
        const op = rng.int(10) === 0 ? rng.pick(['', 'MakeCoffee', '__proto__', 'constructor']) : rng.pick(ops);
        const model = SERVICES.kms.operations.find((o) => o.name === op);
        let body: string;
        const kind = rng.int(4);
        if (kind === 0) body = rng.pick(['', '{', '[]', 'null', '"x"', '{"a":1}{', '\u0000', '{"__proto__":{"x":1}}']);
        else {
          const obj: Record<string, unknown> = {};
          for (const m of Object.keys(model?.input.members ?? { KeyId: 1 })) if (rng.int(2)) obj[m] = rng.pick(values);
          body = JSON.stringify(obj);
          if (kind === 3) body = body.slice(0, rng.int(body.length + 1));
        }
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `TrentService.${op}`, Authorization: 'AWS4-HMAC-SHA256 Credential=default/20261101/us-east-1/kms/aws4_request, SignedHeaders=host, Signature=00' },
          body,
        });
        const json = (await res.json()) as { __type?: string; message?: string };
        expect({ op, body: body.slice(0, 200), status: res.status === 500 ? 500 : 'ok' }).toEqual({ op, body: body.slice(0, 200), status: 'ok' });
        if (res.status !== 200) expect({ op, type: typeof json.__type, message: Boolean(json.message) }).toEqual({ op, type: 'string', message: true });
      }
      expect(sent).toBeGreaterThan(20);
    }, 20_000);
  });

  it('YAML loaders: mutated banks, labs and notes give ContentErrors, never exceptions', async () => {
    const rng = new Rng('fuzz-yaml');
    const sources = {
      questions: readdirSync(join(PACKAGE_ROOT, 'questions')).filter((n) => n.endsWith('.yaml')).slice(0, 4).map((n) => join(PACKAGE_ROOT, 'questions', n)),
      labs: ['create-key', 'key-deletion', 'grants', 'access-denied'].map((n) => join(PACKAGE_ROOT, 'labs', `${n}.yaml`)),
      notes: readdirSync(join(PACKAGE_ROOT, 'notes')).filter((n) => n.endsWith('.yaml')).slice(0, 3).map((n) => join(PACKAGE_ROOT, 'notes', n)),
    };
    const PIECES = ['', ':', '- ', '{', '}', '[', ']', '&a ', '*a', '!!binary ', '\t', '\n', '  ', '"', "'", '#', '0', 'null', '99999999999d', '\u0000', '\u001b', '<<: *a'];
    const mutate = (text: string): string => {
      const lines = text.split('\n');
      for (let n = 1 + rng.int(3); n > 0; n--) {
        const i = rng.int(lines.length);
        const op = rng.int(4);
        if (op === 0) lines.splice(i, 1);
        else if (op === 1) lines.splice(i, 0, lines[rng.int(lines.length)]);
        else if (op === 2) lines[i] = lines[i].slice(0, rng.int(lines[i].length + 1)) + rng.pick(PIECES) + lines[i].slice(rng.int(lines[i].length + 1));
        else lines[i] = lines[i].replace(/: .*$/, `: ${rng.pick(PIECES)}`);
      }
      return lines.join('\n');
    };
    const until = Date.now() + BUDGET_MS;
    const root = mkdtempSync(join(tmpdir(), 'kms-study-fuzz-yaml-'));
    let round = 0;
    for (; round < 12 && Date.now() < until; round++) {
      const dirs = { questions: join(root, `q${round}`), labs: join(root, `l${round}`), notes: join(root, `n${round}`) };
      for (const [kind, files] of Object.entries(sources) as [keyof typeof sources, string[]][]) {
        mkdirSync(dirs[kind]);
        for (const f of files) writeFileSync(join(dirs[kind], f.replace(/^.*\//, '')), rng.int(6) === 0 ? readFileSync(f, 'utf8') : mutate(readFileSync(f, 'utf8')));
      }
      const banks = loadBanks([dirs.questions], { today: '2026-12-05' });
      const labs = loadLabs(dirs.labs);
      const notes = loadNotes(dirs.notes, '2026-12-05');
      for (const e of [...banks.errors, ...labs.errors, ...notes.errors]) expect(e.message).toMatch(/^\/.+:\d+:\d+: /);
      for (const lab of labs.labs) {
        try {
          buildWorld(lab, 'fuzz');
        } catch (e) {
          // A setup that parses but the simulator refuses must be a service error, never a crash.
          expect({ lab: lab.id, error: (e as Error).constructor.name }).toEqual({ lab: lab.id, error: expect.stringMatching(/Exception$/) });
        }
      }
      const lint = await runCli(['bank', 'lint', dirs.questions], { now: Date.UTC(2026, 11, 5) });
      expect({ round, code: lint.code === 70, trace: STACK.test(lint.stderr) }).toEqual({ round, code: false, trace: false });
      const check = await runCli(['lab', '--check', ...readdirSync(dirs.labs).map((n) => join(dirs.labs, n))]);
      expect({ round, code: check.code === 70, trace: STACK.test(check.stderr) }).toEqual({ round, code: false, trace: false });
    }
    expect(round).toBeGreaterThan(1);
  }, 20_000);
});
