// The key table over an index text (what a sandbox's state file keeps): one key is found without turning the
// index into rows; anything that needs every key turns it into rows in creation order, keys added since after.
import { describe, expect, it } from '@jest/globals';
import { isKeyIndex, KeyTable, parseRowLine, rowLine, type KeyRef } from '../../src/kms/key-table.js';
import type { KeyRecord } from '../../src/kms/model/key.js';
import { storedKeysOf, storedRows } from '../../src/kms/state.js';

const arn = (i: number) => `arn:aws:kms:us-east-1:111122223333:key/0000000${i}-0000-4000-8000-000000000000`;
const handle = (i: number) => `${String(i).padStart(2, '0')}${'ab'.repeat(15)}`;
const rows: KeyRef[] = [
  [arn(1), handle(1), 0, 10],
  [arn(2), handle(2), 11, 20, 1_800_000_000_000, 'delete'],
  [arn(3), handle(3), 32, 5],
];

/** A table over the rows' index whose reader records what it read and returns a stand-in record. */
function table() {
  const t = new KeyTable();
  const read: string[] = [];
  t.reader = (ref) => {
    read.push(ref[0]);
    return { arn: ref[0], handle: ref[1], keyId: ref[0].split('/')[1] } as unknown as KeyRecord;
  };
  t.setIndex(rows.map(rowLine).join('\n'));
  return { t, read };
}

describe('the key index', () => {
  it('writes and reads rows, due dates included, and checks the whole text', () => {
    const text = rows.map(rowLine).join('\n');
    expect(text.split('\n').map(parseRowLine)).toEqual(rows);
    expect(isKeyIndex(text)).toBe(true);
    expect(isKeyIndex('')).toBe(true);
    for (const bad of [
      `${text}\n`,
      text.replace('\t10\n', '\tten\n'),
      text.replace('\t0\t10', '\t0\t0'),
      `${text}\nonly-one-field`,
      text.replace('delete', 'explode'),
    ])
      expect(isKeyIndex(bad)).toBe(false);
    const stored = storedKeysOf(rows);
    expect(stored).toEqual({ index: text, end: 37, live: 38, due: 1_800_000_000_000 });
    expect(storedRows(stored)).toEqual(rows);
    expect(storedRows(rows)).toEqual(rows);
  });

  it('finds one key by ARN or by handle without turning the index into rows, and reads only that key', () => {
    const { t, read } = table();
    expect(t.has(arn(3))).toBe(true);
    expect(t.has(arn(9))).toBe(false);
    expect(t.get(arn(2))?.arn).toBe(arn(2));
    expect(t.arnByHandle(handle(3))).toBe(arn(3));
    expect(t.arnByHandle('ff'.repeat(16))).toBeUndefined();
    expect(t.indexed).toBe(true);
    expect(read).toEqual([arn(2)]);
  });

  it('keeps creation order when it turns the index into rows: read keys in place, keys added since at the end', () => {
    const { t, read } = table();
    t.get(arn(3));
    t.set(arn(4), { arn: arn(4), handle: handle(4) } as unknown as KeyRecord);
    t.set(arn(1), { arn: arn(1), handle: handle(1), changed: true } as unknown as KeyRecord);
    expect([...t.arns()]).toEqual([arn(1), arn(2), arn(3), arn(4)]);
    expect(t.indexed).toBe(false);
    expect(t.size).toBe(4);
    const all = [...t.all()];
    expect(all.map((e) => (Array.isArray(e) ? `row ${e[0]}` : `key ${e.arn}`))).toEqual([`key ${arn(1)}`, `row ${arn(2)}`, `key ${arn(3)}`, `key ${arn(4)}`]);
    expect((all[0] as unknown as { changed: boolean }).changed).toBe(true);
    expect(read).toEqual([arn(3)]);
  });

  it('deletes an index key in place (the rest keep their order)', () => {
    const { t } = table();
    expect(t.delete(arn(2))).toBe(true);
    expect([...t.arns()]).toEqual([arn(1), arn(3)]);
    expect(t.has(arn(2))).toBe(false);
  });
});
