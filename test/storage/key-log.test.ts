// The sandbox's key log: a command reads only the keys it touches; an unchanged key is never written again; a
// changed one is appended and the state points at it; a failed or interrupted append never breaks the sandbox;
// superseded records are compacted away; older state files with inline keys move to the log.
import { afterEach, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, openSync, readdirSync, readFileSync, statSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { SeededRandom } from '../../src/aws/ports.js';
import { openSandbox, sandboxPath, type SandboxDeps } from '../../src/storage/sandbox.js';
import { setWriteFunction } from '../../src/storage/atomic.js';
import { setCompactThreshold } from '../../src/storage/key-log.js';
import { SANDBOX_VERSION } from '../../src/storage/sandbox-schema.js';
import { storedRows } from '../../src/kms/state.js';

const T0 = Date.UTC(2026, 10, 1, 12);
const DAY = 86_400_000;
const home = () => mkdtempSync(join(tmpdir(), 'kms-keylog-'));

function deps(h: string, clock = { t: T0 }): SandboxDeps {
  const random = new SeededRandom(`keylog:${h}`);
  return { env: { KMS_STUDY_HOME: h }, now: () => clock.t, randomBytes: (n) => random.bytes(n) };
}

/** One command: open (locked), call, save, close; an AWS error comes back as { error: name, message }. */
function call(d: SandboxDeps, op: string, req: Record<string, unknown> = {}): Record<string, unknown> {
  const sb = openSandbox(d);
  try {
    let out: Record<string, unknown>;
    try {
      out = sb.world.call('kms', op, req, sb.callerFor());
    } catch (e) {
      out = { error: (e as Error).name, message: (e as Error).message };
    }
    const ev = sb.history.events;
    sb.save({ eventsOnly: ev.length > 0 && ev.every((e) => e.readOnly) });
    return out;
  } finally {
    sb.close();
  }
}

type Row = [string, string, number, number, number?, string?];
interface StateFile {
  version: number;
  keyLog: string;
  /** The rows, whichever form the file keeps them in (an index text since version 3). */
  engine: { keys: Row[]; stored: unknown };
}
const state = (d: SandboxDeps): StateFile => {
  const f = JSON.parse(readFileSync(sandboxPath(d.env), 'utf8')) as { version: number; keyLog: string; engine: { keys: unknown } };
  return { ...f, engine: { keys: storedRows(f.engine.keys) as Row[], stored: f.engine.keys } };
};
const logPath = (d: SandboxDeps) => join(dirname(sandboxPath(d.env)), state(d).keyLog);
const createKeys = (d: SandboxDeps, n: number) => {
  const sb = openSandbox(d);
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push((sb.world.call('kms', 'CreateKey', { Description: `k${i}` }, sb.callerFor()).KeyMetadata as { KeyId: string }).KeyId);
  sb.save();
  sb.close();
  return ids;
};
/** Overwrites a key's record in the log with bytes that are not JSON (same length, so other offsets hold). */
function spoil(d: SandboxDeps, keyId: string): void {
  const row = state(d).engine.keys.find((r) => r[0].endsWith(keyId))!;
  const fd = openSync(logPath(d), 'r+');
  writeSync(fd, Buffer.alloc(row[3], '#'), 0, row[3], row[2]);
  closeSync(fd);
}

afterEach(() => {
  setWriteFunction(undefined);
  setCompactThreshold(undefined);
});

describe('key log', () => {
  it('keeps keys out of the state file: each key a row [ARN, handle, offset, length] into the log', () => {
    const d = deps(home());
    const [a, b] = createKeys(d, 2);
    const s = state(d);
    expect(s.version).toBe(SANDBOX_VERSION);
    // One index text: a line per key, tab-separated, with where the log must reach and how much of it is in use.
    const stored = s.engine.stored as { index: string; end: number; live: number };
    expect(stored.index.split('\n').map((l) => l.split('\t').length)).toEqual([4, 4]);
    expect(stored.end).toBe(Math.max(...s.engine.keys.map((r) => r[2] + r[3])));
    expect(stored.live).toBe(s.engine.keys.reduce((n, r) => n + r[3] + 1, 0));
    expect(s.keyLog).toBe('state-keys-1.jsonl');
    expect(s.engine.keys.map((r) => r[0].split('/')[1])).toEqual([a, b]);
    const log = readFileSync(logPath(d));
    for (const [arn, handle, offset, length] of s.engine.keys) {
      const rec = JSON.parse(log.subarray(offset, offset + length).toString('utf8')) as { arn: string; handle: string; materials: unknown[] };
      expect([rec.arn, rec.handle, rec.materials.length]).toEqual([arn, handle, 1]);
    }
    expect((statSync(logPath(d)).mode & 0o777).toString(8)).toBe('600');
  });

  it('a command reads only the keys it uses: a damaged record of another key does not matter', () => {
    const d = deps(home());
    const [a, b, c] = createKeys(d, 3);
    spoil(d, b);
    expect((call(d, 'DescribeKey', { KeyId: a }).KeyMetadata as { KeyId: string }).KeyId).toBe(a);
    expect(call(d, 'TagResource', { KeyId: c, Tags: [{ TagKey: 't', TagValue: 'v' }] }).error).toBeUndefined();
    // ListKeys needs no record at all.
    expect((call(d, 'ListKeys').Keys as { KeyId: string }[]).map((k) => k.KeyId)).toEqual([a, b, c]);
    // The damaged one fails with a line naming the log and the key, not silently.
    const bad = call(d, 'DescribeKey', { KeyId: b });
    expect(bad.error).toBe('KMSInternalException');
    expect(bad.message).toContain(`the sandbox key log ${logPath(d)} is damaged: the record of arn:aws:kms:us-east-1:111122223333:key/${b}`);
  });

  it('writes nothing for a read-only command and appends one record for a change', () => {
    const d = deps(home());
    const [a, b] = createKeys(d, 2);
    const size = statSync(logPath(d)).size;
    call(d, 'DescribeKey', { KeyId: a });
    call(d, 'GetKeyPolicy', { KeyId: b });
    expect(statSync(logPath(d)).size).toBe(size);
    const rowB = state(d).engine.keys[1];
    call(d, 'TagResource', { KeyId: a, Tags: [{ TagKey: 'team', TagValue: 'blue' }] });
    const rows = state(d).engine.keys;
    expect(rows[1]).toEqual(rowB); // b untouched
    expect(rows[0][2]).toBe(size); // a's new record starts where the log ended
    expect(statSync(logPath(d)).size).toBe(size + rows[0][3] + 1);
    expect(call(d, 'ListResourceTags', { KeyId: a }).Tags).toEqual([{ TagKey: 'team', TagValue: 'blue' }]);
  });

  it('an append that no state file refers to (a crash between the two writes) is ignored', () => {
    const d = deps(home());
    const [a] = createKeys(d, 1);
    const before = readFileSync(sandboxPath(d.env), 'utf8');
    call(d, 'TagResource', { KeyId: a, Tags: [{ TagKey: 'x', TagValue: 'y' }] });
    writeFileSync(sandboxPath(d.env), before); // the state as it was before the command: the append is orphaned
    expect(call(d, 'ListResourceTags', { KeyId: a }).Tags).toEqual([]);
    call(d, 'TagResource', { KeyId: a, Tags: [{ TagKey: 'x', TagValue: 'z' }] });
    expect(call(d, 'ListResourceTags', { KeyId: a }).Tags).toEqual([{ TagKey: 'x', TagValue: 'z' }]);
  });

  it('a failed append (ENOSPC) keeps the state, names the key log, and a later save writes the change whole', () => {
    const d = deps(home());
    const [a] = createKeys(d, 1);
    const stateBefore = readFileSync(sandboxPath(d.env), 'utf8');
    const logSize = statSync(logPath(d)).size;
    const sb = openSandbox(d);
    sb.world.call('kms', 'TagResource', { KeyId: a, Tags: [{ TagKey: 'k', TagValue: 'v' }] }, sb.callerFor());
    let written = 0;
    setWriteFunction((fd, buf, off, len) => {
      written++;
      if (written === 1) return writeSync(fd, buf, off, len); // the event log's append
      return written === 2 ? writeSync(fd, buf, off, Math.min(len, 10)) : 0; // 10 bytes of the key log, then the disk is full
    });
    expect(() => sb.save()).toThrow(`cannot write ${logPath(d)}: no space left on the device (ENOSPC); the previous file was kept`);
    setWriteFunction(undefined);
    expect(readFileSync(sandboxPath(d.env), 'utf8')).toBe(stateBefore);
    expect(statSync(logPath(d)).size).toBe(logSize); // the partial tail was cut back
    sb.save(); // the same process tries again: the record is written anew, not referred to where it never landed
    sb.close();
    expect(call(d, 'ListResourceTags', { KeyId: a }).Tags).toEqual([{ TagKey: 'k', TagValue: 'v' }]);
  });

  it('runs a due deletion from the saved due date, reading only the key that is due', () => {
    const clock = { t: T0 };
    const d = deps(home(), clock);
    const [a, b] = createKeys(d, 2);
    call(d, 'ScheduleKeyDeletion', { KeyId: a, PendingWindowInDays: 7 });
    const rowA = state(d).engine.keys[0];
    expect(rowA.slice(4)).toEqual([T0 + 7 * DAY, 'delete']);
    spoil(d, b);
    clock.t += 8 * DAY;
    expect(call(d, 'DescribeKey', { KeyId: a }).error).toBe('NotFoundException');
    expect(state(d).engine.keys.map((r) => r[0].split('/')[1])).toEqual([b]);
  });

  it('compacts a log that is mostly superseded records into the next generation', () => {
    const d = deps(home());
    const ids = createKeys(d, 3);
    for (let round = 0; round < 4; round++) {
      const sb = openSandbox(d);
      for (const id of ids) sb.world.call('kms', 'TagResource', { KeyId: id, Tags: [{ TagKey: 'round', TagValue: String(round) }] }, sb.callerFor());
      sb.save();
      sb.close();
    }
    const dir = dirname(sandboxPath(d.env));
    const before = statSync(logPath(d)).size;
    expect(state(d).keyLog).toBe('state-keys-1.jsonl');
    setCompactThreshold(4096); // from 4 KB instead of 1 MB
    openSandbox(d).close(); // the next locked open compacts
    expect(state(d).keyLog).toBe('state-keys-2.jsonl');
    const live = state(d).engine.keys.reduce((n, r) => n + r[3] + 1, 0);
    expect(statSync(logPath(d)).size).toBe(live);
    expect(live * 2).toBeLessThanOrEqual(before);
    // The previous generation stays one round (a running serve may still read it), then goes.
    expect(readdirSync(dir).filter((n) => n.endsWith('.jsonl')).sort()).toEqual(['state-keys-1.jsonl', 'state-keys-2.jsonl']);
    for (const id of ids) expect(call(d, 'ListResourceTags', { KeyId: id }).Tags).toEqual([{ TagKey: 'round', TagValue: '3' }]);
  });

  it('reads a version-2 state file (an array of rows) and writes it as an index on the next command', () => {
    const d = deps(home());
    const [a, b] = createKeys(d, 2);
    const f = JSON.parse(readFileSync(sandboxPath(d.env), 'utf8')) as { version: number; engine: { keys: unknown } };
    const rows = storedRows(f.engine.keys);
    writeFileSync(sandboxPath(d.env), JSON.stringify({ ...f, version: 2, engine: { ...f.engine, keys: rows } }));
    expect((call(d, 'DescribeKey', { KeyId: b }).KeyMetadata as { KeyId: string }).KeyId).toBe(b);
    const s = state(d);
    expect(s.version).toBe(SANDBOX_VERSION);
    expect(typeof (s.engine.stored as { index: unknown }).index).toBe('string');
    expect(s.engine.keys).toEqual(rows);
    expect(s.engine.keys.map((r) => r[0].split('/')[1])).toEqual([a, b]);
  });

  it('moves a state file aside whose key index has a malformed line, naming the problem', () => {
    const d = deps(home());
    createKeys(d, 3);
    const f = JSON.parse(readFileSync(sandboxPath(d.env), 'utf8')) as { engine: { keys: { index: string } } };
    const lines = f.engine.keys.index.split('\n');
    lines[1] = lines[1].replace(/\t\d+\t(\d+)$/, '\tnot-a-number\t$1');
    f.engine.keys.index = lines.join('\n');
    writeFileSync(sandboxPath(d.env), JSON.stringify(f));
    const sb = openSandbox(d);
    try {
      expect(sb.warnings.join('\n')).toMatch(/could not be read \(engine state does not load \(Invalid KMS engine state document: the key index has a line that is not a key row\)\)/);
      expect(sb.world.call('kms', 'ListKeys', {}, sb.callerFor()).Keys).toEqual([]);
    } finally {
      sb.close();
    }
  });

  it('moves a version-1 state file (keys inline) to the key log on the next command', () => {
    const d = deps(home());
    const [a] = createKeys(d, 1);
    const old = logPath(d);
    // Rebuild the older form: every key inline, no key log.
    const sb = openSandbox(d);
    const inline = { format: 'kms-study-sandbox', version: 1, profile: sb.profile, profiles: sb.profiles, engine: sb.world.toJSON() };
    sb.close();
    writeFileSync(sandboxPath(d.env), JSON.stringify(inline));
    expect(existsSync(old)).toBe(true);
    expect((call(d, 'DescribeKey', { KeyId: a }).KeyMetadata as { KeyId: string }).KeyId).toBe(a);
    const s = state(d);
    expect(s.version).toBe(SANDBOX_VERSION);
    expect(s.keyLog).toBe('state-keys-2.jsonl'); // a new generation: the old file belonged to no state
    expect(s.engine.keys[0][0]).toContain(a);
  });

  it('a state whose key log is missing is moved aside with the reason', () => {
    const d = deps(home());
    createKeys(d, 1);
    const log = logPath(d);
    writeFileSync(log, '');
    const sb = openSandbox(d);
    sb.close();
    expect(sb.warnings[0]).toContain(`its key log ${log} is missing`);
    expect(sb.engine.listKeyViews()).toEqual([]);
  });

  it('reset removes the key logs', () => {
    const d = deps(home());
    createKeys(d, 1);
    const dir = dirname(sandboxPath(d.env));
    const sb = openSandbox(d, { fresh: true });
    sb.save({ force: true });
    sb.close();
    expect(readdirSync(dir).filter((n) => n.endsWith('.jsonl'))).toEqual([]);
  });
});
