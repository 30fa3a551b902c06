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

export class KeyTable {
  // The row itself is the entry of a stored key: no wrapper object per key (loading ten thousand rows is one command).
  private readonly entries = new Map<string, Entry>();
  /** Reads and decodes a stored key (throws a clear Error when its store is damaged). */
  reader: ((ref: KeyRef) => KeyRecord) | undefined;

  get size(): number {
    return this.entries.size;
  }

  has(arn: string): boolean {
    return this.entries.has(arn);
  }

  /** The key, read from its store on first use. */
  get(arn: string): KeyRecord | undefined {
    const e = this.entries.get(arn);
    if (!e) return undefined;
    if (!Array.isArray(e)) return e;
    if (!this.reader) throw new Error(`the key ${arn} is kept in a key store, and none is open`);
    const key = this.reader(e);
    this.entries.set(arn, key);
    return key;
  }

  set(arn: string, key: KeyRecord): this {
    this.entries.set(arn, key);
    return this;
  }

  /** Adds a key that stays in its store until it is used. */
  setStored(ref: KeyRef): void {
    this.entries.set(ref[0], ref);
  }

  delete(arn: string): boolean {
    return this.entries.delete(arn);
  }

  /** The key's ARNs in creation order, reading no key. */
  arns(): IterableIterator<string> {
    return this.entries.keys();
  }

  /** Every key in creation order (reads the ones still in their store). */
  *values(): IterableIterator<KeyRecord> {
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
    yield* this.entries.values();
  }
}
