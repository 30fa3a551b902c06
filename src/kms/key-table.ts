// The engine's keys in creation order (ListKeys order), each either in memory or still in its store: a key kept
// outside the state document (the sandbox's key log) is read and decoded only when an operation touches it, so a
// command on one key of ten thousand reads one. Iterating the values reads every key; `arns()` reads none.
import type { KeyRecord } from './model/key.js';

/** When something next happens to a key on its own: what runDue acts on. */
export type DueKind = 'delete' | 'rotate' | 'expire' | 'settle';
export interface KeyDue {
  at: number;
  kind: DueKind;
}

/**
 * A key kept outside the state document (the sandbox's key log), as the document lists it: its ARN, its backing-key
 * handle (for ciphertexts), where its record is, and its next timed event (for the clock) if it has one. A compact
 * row, not an object: a sandbox with ten thousand keys parses ten thousand of them on every command.
 */
export type KeyRef = [arn: string, handle: string, offset: number, length: number, dueAt?: number, dueKind?: DueKind];

/** A key in memory, or its row while it is still in its store (rows are arrays, records are not). */
type Entry = KeyRecord | KeyRef;

/** Every kind of timed event a key can have. */
export const DUE_KINDS: ReadonlySet<string> = new Set<DueKind>(['delete', 'rotate', 'expire', 'settle']);

/**
 * One row of a key index: `arn TAB handle TAB offset TAB length [TAB dueAt TAB dueKind]`. An index is the rows of
 * every stored key in creation order, one a line: what the sandbox's state file keeps instead of an array of rows,
 * because parsing ten thousand small arrays (and collecting them) costs more than the command that needs one.
 */
export function rowLine(r: KeyRef): string {
  return r.length > 4 ? `${r[0]}\t${r[1]}\t${r[2]}\t${r[3]}\t${r[4]}\t${r[5]}` : `${r[0]}\t${r[1]}\t${r[2]}\t${r[3]}`;
}

const INDEX_LINE = new RegExp(`[^\\t\\n]+\\t[^\\t\\n]+\\t\\d{1,15}\\t[1-9]\\d{0,14}(?:\\t\\d{1,16}\\t(?:${[...DUE_KINDS].join('|')}))?(?:\\n|$)`, 'y');

/** Whether `text` is a well-formed index: every line a row (checked in place, no row built). */
export function isKeyIndex(text: string): boolean {
  if (text.endsWith('\n')) return false;
  INDEX_LINE.lastIndex = 0;
  while (INDEX_LINE.lastIndex < text.length) if (!INDEX_LINE.test(text)) return false;
  return true;
}

/** The row of one index line (the index was checked with isKeyIndex when it was loaded). */
export function parseRowLine(line: string): KeyRef {
  const f = line.split('\t');
  const row: KeyRef = [f[0], f[1], Number(f[2]), Number(f[3])];
  if (f.length > 4 && DUE_KINDS.has(f[5])) row.push(Number(f[4]), f[5] as DueKind);
  return row;
}

export class KeyTable {
  // The row itself is the entry of a stored key: no wrapper object per key (loading ten thousand rows is one command).
  private entries = new Map<string, Entry>();
  /** Stored keys not yet in `entries`, as index text: looked up by searching the text, turned into rows when needed. */
  private index: string | undefined;
  /** Reads and decodes a stored key (throws a clear Error when its store is damaged). */
  reader: ((ref: KeyRef) => KeyRecord) | undefined;

  /**
   * Takes the stored keys as an index (rowLine lines): `get`, `has` and `arnByHandle` search it; anything that needs
   * every key (iterating, counting, deleting) turns it into rows first, in its order, before the keys added since.
   */
  setIndex(text: string): void {
    this.materialize();
    this.index = text === '' ? undefined : text;
  }

  /** The index's line whose field `field` (0: ARN, 1: handle) is `needle`, if the index holds one. */
  private indexLine(needle: string, field: 0 | 1): string | undefined {
    const text = this.index;
    if (text === undefined) return undefined;
    const lineAt = (start: number) => {
      const end = text.indexOf('\n', start);
      return text.slice(start, end < 0 ? text.length : end);
    };
    if (field === 0) {
      // An ARN starts its line and ends at the first tab.
      if (text.startsWith(`${needle}\t`)) return lineAt(0);
      const hit = text.indexOf(`\n${needle}\t`);
      return hit < 0 ? undefined : lineAt(hit + 1);
    }
    // A handle is the second field; a hit elsewhere on a line (a number field) is skipped.
    const probe = `\t${needle}\t`;
    for (let hit = text.indexOf(probe); hit >= 0; hit = text.indexOf(probe, hit + 1)) {
      const line = lineAt(text.lastIndexOf('\n', hit) + 1);
      if (line.split('\t', 2)[1] === needle) return line;
    }
    return undefined;
  }

  /** The entry for `arn`: from the map, else its index row (then kept in the map; materialize keeps index order). */
  private entry(arn: string): Entry | undefined {
    const e = this.entries.get(arn);
    if (e !== undefined || this.index === undefined) return e;
    const line = this.indexLine(arn, 0);
    if (line === undefined) return undefined;
    const row = parseRowLine(line);
    this.entries.set(arn, row);
    return row;
  }

  /** Turns the index into rows: index order first, then the keys added since (an index key already read keeps its place). */
  private materialize(): void {
    const text = this.index;
    if (text === undefined) return;
    this.index = undefined;
    const all = new Map<string, Entry>();
    for (const line of text.split('\n')) {
      const row = parseRowLine(line);
      all.set(row[0], row);
    }
    for (const [arn, e] of this.entries) all.set(arn, e);
    this.entries = all;
  }

  /** The ARN of the key whose backing-key handle is `handle`, searching the index without turning it into rows. */
  arnByHandle(handle: string): string | undefined {
    const line = this.indexLine(handle, 1);
    return line === undefined ? undefined : line.slice(0, line.indexOf('\t'));
  }

  /** True while some stored keys are only in the index (then `arnByHandle` must be asked too). */
  get indexed(): boolean {
    return this.index !== undefined;
  }

  get size(): number {
    this.materialize();
    return this.entries.size;
  }

  has(arn: string): boolean {
    return this.entry(arn) !== undefined;
  }

  /** The key, read from its store on first use. */
  get(arn: string): KeyRecord | undefined {
    const e = this.entry(arn);
    if (!e) return undefined;
    if (!Array.isArray(e)) return e;
    if (!this.reader) throw new Error(`the key ${arn} is kept in a key store, and none is open`);
    const key = this.reader(e);
    this.entries.set(arn, key);
    return key;
  }

  set(arn: string, key: KeyRecord): this {
    // An index key set before the index is turned into rows keeps its place then (materialize).
    this.entries.set(arn, key);
    return this;
  }

  /** Adds a key that stays in its store until it is used. */
  setStored(ref: KeyRef): void {
    this.entries.set(ref[0], ref);
  }

  delete(arn: string): boolean {
    this.materialize();
    return this.entries.delete(arn);
  }

  /** The key's ARNs in creation order, reading no key. */
  arns(): IterableIterator<string> {
    this.materialize();
    return this.entries.keys();
  }

  /** Every key in creation order (reads the ones still in their store). */
  *values(): IterableIterator<KeyRecord> {
    this.materialize();
    for (const arn of [...this.entries.keys()]) {
      const k = this.get(arn);
      if (k) yield k;
    }
  }

  [Symbol.iterator](): IterableIterator<KeyRecord> {
    return this.values();
  }

  /** Each key's record when in memory, else its row in the store: for saving and scheduling, reading nothing. */
  *all(): IterableIterator<KeyRecord | KeyRef> {
    this.materialize();
    yield* this.entries.values();
  }
}
