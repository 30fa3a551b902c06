// The sandbox store: state without the history, rewritten only when it changed; the event log per simulated day
// (newest first, early stop, torn last line skipped, 90 days kept, large values cut); old files with an audit
// array migrated; invalid state files moved aside with a line naming them; a failed write keeps the good file.
import { afterEach, describe, expect, it } from '@jest/globals';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SeededRandom } from '../../src/aws/ports.js';
import { eventsDirFor, openSandbox, sandboxPath, type SandboxDeps } from '../../src/storage/sandbox.js';
import { setWriteFunction } from '../../src/storage/atomic.js';
import { DataError } from '../../src/errors.js';

const T0 = Date.UTC(2026, 10, 1, 12);
const DAY = 86_400_000;
const home = () => mkdtempSync(join(tmpdir(), 'kms-sbx-'));

function deps(h: string, clock = { t: T0 }): SandboxDeps {
  const random = new SeededRandom(`sbx:${h}`);
  return { env: { KMS_STUDY_HOME: h }, now: () => clock.t, randomBytes: (n) => random.bytes(n) };
}

/** One command: open (locked), call, save, close. */
function call(d: SandboxDeps, op: string, req: Record<string, unknown> = {}, service = 'kms'): Record<string, unknown> {
  const sb = openSandbox(d);
  try {
    let out: Record<string, unknown> = {};
    try {
      out = sb.world.call(service, op, req, sb.callerFor());
    } catch (e) {
      out = { error: (e as Error).name };
    }
    const ev = sb.history.events;
    sb.save({ eventsOnly: ev.length > 0 && ev.every((e) => e.readOnly) });
    return out;
  } finally {
    sb.close();
  }
}

afterEach(() => setWriteFunction(undefined));

describe('sandbox store', () => {
  it('keeps the history out of the state file and rewrites the state only when it changed', () => {
    const h = home();
    const d = deps(h);
    const keyId = (call(d, 'CreateKey').KeyMetadata as { KeyId: string }).KeyId;
    const path = sandboxPath(d.env);
    const doc = JSON.parse(readFileSync(path, 'utf8'));
    expect(doc.engine.audit).toEqual([]);
    const before = statSync(path, { bigint: true });
    call(d, 'DescribeKey', { KeyId: keyId });
    call(d, 'ListKeys');
    call(d, 'LookupEvents', {}, 'cloudtrail');
    const after = statSync(path, { bigint: true });
    expect([after.ino, after.mtimeNs]).toEqual([before.ino, before.mtimeNs]);
    // A mutation does write.
    call(d, 'TagResource', { KeyId: keyId, Tags: [{ TagKey: 'a', TagValue: 'b' }] });
    expect(statSync(path, { bigint: true }).mtimeNs).not.toBe(before.mtimeNs);
    const days = readdirSync(eventsDirFor(path));
    expect(days).toEqual(['2026-11-01.jsonl']);
    expect(readFileSync(join(eventsDirFor(path), days[0]), 'utf8').trim().split('\n')).toHaveLength(4);
    expect(statSync(join(eventsDirFor(path), days[0])).mode & 0o777).toBe(0o600);
  });

  it('looks up events newest first across day files and drops days older than 90 simulated days', () => {
    const h = home();
    const clock = { t: T0 };
    const d = deps(h, clock);
    for (let i = 0; i < 5; i++) {
      call(d, 'CreateKey', { Description: `k${i}` });
      clock.t += DAY;
    }
    const dir = eventsDirFor(sandboxPath(d.env));
    expect(readdirSync(dir)).toHaveLength(5);
    const page = call(d, 'LookupEvents', { MaxResults: 2 }, 'cloudtrail');
    const events = (page.Events as { CloudTrailEvent: string }[]).map((e) => JSON.parse(e.CloudTrailEvent).requestParameters.description);
    expect(events).toEqual(['k4', 'k3']);
    expect(page.NextToken).toBe('2');
    const next = call(d, 'LookupEvents', { MaxResults: 50, NextToken: '2' }, 'cloudtrail');
    expect((next.Events as unknown[]).length).toBe(3);
    // The clock moves 88 more days: the first two days fall out of the 90-day window at the next save.
    const sb = openSandbox(d);
    sb.world.advance(88 * DAY);
    sb.save();
    sb.close();
    expect(readdirSync(dir).sort()).toEqual(['2026-11-04.jsonl', '2026-11-05.jsonl']);
  });

  it('skips a torn last line with a warning and appends after it on a fresh line', () => {
    const h = home();
    const d = deps(h);
    call(d, 'CreateKey', { Description: 'first' });
    const file = join(eventsDirFor(sandboxPath(d.env)), '2026-11-01.jsonl');
    appendFileSync(file, '{"eventVersion":"1.11","userIdent');
    call(d, 'CreateKey', { Description: 'second' });
    const sb = openSandbox(d);
    const found = [...sb.history.newestFirst()].map((e) => e.requestParameters?.description);
    sb.close();
    expect(found).toEqual(['second', 'first']);
    expect(sb.history.warnings).toEqual([`kms-study: skipping an unreadable line in the event history ${file}`]);
  });

  it('cuts large request parameters so a huge rejected input cannot bloat the history', () => {
    const h = home();
    const d = deps(h);
    const huge = 'x'.repeat(200_000);
    expect(call(d, 'DescribeKey', { KeyId: huge }).error).toBeDefined();
    const file = join(eventsDirFor(sandboxPath(d.env)), '2026-11-01.jsonl');
    const ev = JSON.parse(readFileSync(file, 'utf8'));
    expect(ev.requestParameters.keyId).toBe(`${'x'.repeat(1024)}...[truncated, 200000 characters]`);
    expect(statSync(file).size).toBeLessThan(10_000);
  });

  it('moves the events of an older state file (audit array) to the log', () => {
    const h = home();
    const d = deps(h);
    call(d, 'CreateKey');
    const path = sandboxPath(d.env);
    const dir = eventsDirFor(path);
    const line = readFileSync(join(dir, '2026-11-01.jsonl'), 'utf8').trim();
    const doc = JSON.parse(readFileSync(path, 'utf8'));
    doc.engine.audit = [JSON.parse(line), JSON.parse(line)];
    writeFileSync(path, JSON.stringify(doc));
    writeFileSync(join(dir, '2026-11-01.jsonl'), '');
    call(d, 'ListKeys');
    expect(JSON.parse(readFileSync(path, 'utf8')).engine.audit).toEqual([]);
    expect(readFileSync(join(dir, '2026-11-01.jsonl'), 'utf8').trim().split('\n')).toHaveLength(3);
  });

  interface Doc {
    profile: string;
    profiles: Record<string, unknown>;
    engine: { clockOffsetMs: number; iam: { accounts: unknown } };
  }
  const invalid: [string, (doc: Doc) => void, RegExp][] = [
    ['a clock offset of 1e308', (doc) => (doc.engine.clockOffsetMs = 1e308), /clockOffsetMs/],
    ['iam.accounts: 42', (doc) => (doc.engine.iam.accounts = 42), /"engine\.iam\.accounts" is not a list/],
    ['a profile that names nothing', (doc) => (doc.profiles.dev = { region: 'us-east-1' }), /profile "dev" names no principal/],
    ['a current profile that is not a profile', (doc) => (doc.profile = 'ghost'), /current profile "ghost"/],
  ];
  for (const [what, spoil, problem] of invalid) {
    it(`moves aside a state file with ${what}, naming it and saying how to recover`, () => {
      const h = home();
      const d = deps(h);
      call(d, 'CreateKey');
      const path = sandboxPath(d.env);
      const doc = JSON.parse(readFileSync(path, 'utf8')) as Doc;
      spoil(doc);
      writeFileSync(path, JSON.stringify(doc));
      const sb = openSandbox(d);
      sb.close();
      expect(sb.warnings).toHaveLength(1);
      expect(sb.warnings[0]).toMatch(problem);
      expect(sb.warnings[0]).toContain(`the sandbox state ${path} could not be read`);
      expect(sb.warnings[0]).toMatch(/moved to .*state\.json\.corrupt-.*`kms-study sandbox reset`/);
      const files = readdirSync(join(h, 'sandbox'));
      expect(files.filter((n) => n.startsWith('state.json.corrupt-'))).toHaveLength(1);
      // The key log the moved file refers to goes aside with it, under the same stamp.
      const stamp = files.find((n) => n.startsWith('state.json.corrupt-'))!.slice('state.json.corrupt-'.length);
      expect(files.filter((n) => /^state-keys-\d+\.jsonl$/.test(n))).toEqual([]);
      expect(files).toContain(`state-keys-1.jsonl.corrupt-${stamp}`);
      expect(sb.engine.listKeyViews()).toHaveLength(0);
    });
  }

  it('a failed write (ENOSPC) keeps the good state file and names it', () => {
    const h = home();
    const d = deps(h);
    call(d, 'CreateKey');
    const path = sandboxPath(d.env);
    const good = readFileSync(path, 'utf8');
    const sb = openSandbox(d);
    sb.world.call('kms', 'CreateKey', {}, sb.callerFor());
    setWriteFunction(() => {
      throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
    });
    expect(() => sb.save()).toThrow(DataError);
    sb.close();
    setWriteFunction(undefined);
    expect(readFileSync(path, 'utf8')).toBe(good);
    // The event log was cut back to its last whole line: every line still parses.
    const dir = eventsDirFor(path);
    for (const line of readFileSync(join(dir, readdirSync(dir)[0]), 'utf8').trim().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
    expect(readdirSync(join(h, 'sandbox')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(existsSync(`${path}.lock`)).toBe(false);
  });

  it('reset empties the event history', () => {
    const h = home();
    const d = deps(h);
    call(d, 'CreateKey');
    const sb = openSandbox(d, { fresh: true });
    sb.save({ force: true });
    sb.close();
    expect(existsSync(eventsDirFor(sandboxPath(d.env)))).toBe(false);
  });
});

describe('torn last line', () => {
  it('is reported as such when it is the last line of the newest day', () => {
    const h = home();
    const d = deps(h);
    call(d, 'CreateKey', { Description: 'only' });
    const file = join(eventsDirFor(sandboxPath(d.env)), '2026-11-01.jsonl');
    appendFileSync(file, '{"eventVersion":"1.1');
    const sb = openSandbox(d);
    sb.close();
    expect([...sb.history.newestFirst()].map((e) => e.requestParameters?.description)).toEqual(['only']);
    expect(sb.history.warnings).toEqual([`kms-study: skipping a torn last line (an interrupted write) in the event history ${file}`]);
  });
});

describe('key last usage', () => {
  it('a cryptographic call keeps its key last usage in the small usage file, not by rewriting the state', () => {
    const h = home();
    const d = deps(h);
    const keyId = (call(d, 'CreateKey').KeyMetadata as { KeyId: string }).KeyId;
    const path = sandboxPath(d.env);
    const before = statSync(path, { bigint: true }).mtimeNs;
    call(d, 'Encrypt', { KeyId: keyId, Plaintext: new Uint8Array([1, 2, 3]) });
    expect(statSync(path, { bigint: true }).mtimeNs).toBe(before);
    const usage = call(d, 'GetKeyLastUsage', { KeyId: keyId }).KeyLastUsage as { Operation: string };
    expect(usage.Operation).toBe('Encrypt');
    // The next full save folds it into the state and removes the usage file.
    call(d, 'TagResource', { KeyId: keyId, Tags: [{ TagKey: 'a', TagValue: 'b' }] });
    expect(existsSync(join(h, 'sandbox', 'state-key-usage.json'))).toBe(false);
    expect((call(d, 'GetKeyLastUsage', { KeyId: keyId }).KeyLastUsage as { Operation: string }).Operation).toBe('Encrypt');
  });
});

describe('the state file in ASCII', () => {
  it('escapes every other character, reads back the same text, and still reads an older UTF-8 file', () => {
    const h = home();
    const d = deps(h);
    const name = 'résumé – 東京 🔑.txt';
    call(d, 'CreateBucket', { Bucket: 'docs' }, 's3');
    call(d, 'PutObject', { Bucket: 'docs', Key: name, Body: new TextEncoder().encode('x') }, 's3');
    const path = sandboxPath({ KMS_STUDY_HOME: h });
    const bytes = readFileSync(path);
    expect(bytes.every((b) => b < 0x80)).toBe(true);
    expect(bytes.toString('latin1')).toContain('r\\u00e9sum\\u00e9');
    const keys = () => (call(d, 'ListObjectsV2', { Bucket: 'docs' }, 's3').Contents as { Key: string }[]).map((o) => o.Key);
    expect(keys()).toEqual([name]);
    // A file written before (raw UTF-8) reads the same.
    writeFileSync(path, `${JSON.stringify(JSON.parse(readFileSync(path, 'utf8')))}\n`);
    expect(readFileSync(path).some((b) => b >= 0x80)).toBe(true);
    expect(keys()).toEqual([name]);
  });
});
