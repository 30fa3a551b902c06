// The checked atomic writer: a failed or short write (ENOSPC, EIO) never replaces the good file, leaves no temp
// file, and fails with one line naming the file and the cause (exit 74); stale temp files of dead writers go.
import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanStaleTemps, setWriteFunction, writeFileAtomic } from '../../src/storage/atomic.js';
import { DataError } from '../../src/errors.js';
import { EXIT } from '../../src/exit-codes.js';

const temp = () => mkdtempSync(join(tmpdir(), 'kms-atomic-'));
const errno = (code: string) => Object.assign(new Error(code), { code });

afterEach(() => setWriteFunction(undefined));

describe('writeFileAtomic', () => {
  it('writes the whole content with mode 0600 into directories it creates 0700', () => {
    const dir = join(temp(), 'a', 'b');
    writeFileAtomic(join(dir, 'f.json'), 'hello');
    expect(readFileSync(join(dir, 'f.json'), 'utf8')).toBe('hello');
    expect(statSync(join(dir, 'f.json')).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it('loops over partial writes until every byte is written', () => {
    const dir = temp();
    const calls: number[] = [];
    setWriteFunction((fd, buf, off, len) => {
      const n = Math.min(len, 3);
      calls.push(n);
      return realWrite(fd, buf, off, n);
    });
    writeFileAtomic(join(dir, 'f'), 'abcdefghij');
    expect(readFileSync(join(dir, 'f'), 'utf8')).toBe('abcdefghij');
    expect(calls.length).toBe(4);
  });

  for (const [name, fn] of [
    ['ENOSPC', () => { throw errno('ENOSPC'); }],
    ['EIO', () => { throw errno('EIO'); }],
    ['a write that writes nothing (full disk)', () => 0],
  ] as const) {
    it(`keeps the good file and removes the temp file on ${name}`, () => {
      const dir = temp();
      const file = join(dir, 'state.json');
      writeFileSync(file, 'GOOD');
      setWriteFunction(fn as () => number);
      let err: unknown;
      try {
        writeFileAtomic(file, 'NEW CONTENT');
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(DataError);
      expect((err as DataError).exitCode).toBe(EXIT.ENVIRONMENT);
      expect((err as Error).message).toMatch(new RegExp(`^cannot write ${file.replace(/[/.]/g, '\\$&')}: .*\\((ENOSPC|EIO)\\); the previous file was kept$`));
      expect(readFileSync(file, 'utf8')).toBe('GOOD');
      expect(readdirSync(dir)).toEqual(['state.json']);
    });
  }
});

describe('cleanStaleTemps', () => {
  it('removes temp files of dead writers and old ones, keeps live ones and other files', () => {
    const dir = temp();
    writeFileSync(join(dir, '.state.json.999999999.abcd.tmp'), 'x'); // no such process
    writeFileSync(join(dir, `.state.json.${process.ppid}.abcd.tmp`), 'x'); // alive, fresh
    writeFileSync(join(dir, `.old.json.${process.ppid}.beef.tmp`), 'x'); // alive but old
    utimesSync(join(dir, `.old.json.${process.ppid}.beef.tmp`), new Date(0), new Date(0));
    writeFileSync(join(dir, 'state.json'), '{}');
    expect(cleanStaleTemps(dir)).toBe(2);
    expect(readdirSync(dir).sort()).toEqual([`.state.json.${process.ppid}.abcd.tmp`, 'state.json']);
  });
});


function realWrite(fd: number, buf: Uint8Array, off: number, n: number): number {
  return writeSync(fd, buf, off, n);
}
