// The sandbox's CloudTrail event history on disk: append-only JSON lines, one file per simulated UTC day
// (<sandbox>/events/YYYY-MM-DD.jsonl), read newest first from the end of the newest file and only as far as a
// lookup needs; days older than CloudTrail's 90 are deleted as the simulated clock moves. A torn last line
// (a killed writer) is skipped with a warning and the next append starts on a fresh line.
import { closeSync, fstatSync, fsyncSync, ftruncateSync, openSync, readdirSync, readSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { EventHistory, HISTORY_DAYS, type AuditEvent } from '../aws/cloudtrail.js';
import { ensureDir, FILE_MODE, writeAll, writeError } from './atomic.js';

/** Request parameters and error messages are cut so a huge (rejected) input cannot bloat the history. */
export const MAX_VALUE_CHARS = 1024;
export const MAX_LIST_ITEMS = 100;

/**
 * A string longer than MAX_VALUE_CHARS keeps its first MAX_VALUE_CHARS characters followed by
 * `...[truncated, N characters]`; a list keeps its first MAX_LIST_ITEMS entries followed by that marker.
 * Differs: CloudTrail's own limit is on the whole event (it omits oversized request parameters).
 */
export function capValue(v: unknown): unknown {
  if (typeof v === 'string') return v.length > MAX_VALUE_CHARS ? `${v.slice(0, MAX_VALUE_CHARS)}...[truncated, ${v.length} characters]` : v;
  if (Array.isArray(v)) {
    const out = v.slice(0, MAX_LIST_ITEMS).map(capValue);
    if (v.length > MAX_LIST_ITEMS) out.push(`...[truncated, ${v.length} entries]`);
    return out;
  }
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[capValue(k) as string] = capValue(x);
    return out;
  }
  return v;
}

/** The event as the log stores it: request parameters and the error message cut (see capValue). */
export function storedEvent(e: AuditEvent): AuditEvent {
  const out: AuditEvent = { ...e, requestParameters: e.requestParameters && (capValue(e.requestParameters) as Record<string, unknown>) };
  if (e.errorMessage !== undefined) out.errorMessage = capValue(e.errorMessage) as string;
  return out;
}

const SEGMENT = /^(\d{4}-\d{2}-\d{2})\.jsonl$/;
const DAY_MS = 86_400_000;
const CHUNK = 64 * 1024;

export interface HistorySize {
  events: number;
  bytes: number;
  days: number;
  oldestDay?: string;
  newestDay?: string;
}

function dayOf(e: AuditEvent): string {
  return e.eventTime.slice(0, 10);
}

/** Lines of a file from the last to the first, read in chunks from its end. */
function* linesBackwards(path: string): Iterable<string> {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return;
  }
  try {
    let pos = fstatSync(fd).size;
    let rest: Buffer = Buffer.alloc(0);
    while (pos > 0) {
      const n = Math.min(CHUNK, pos);
      pos -= n;
      const buf = Buffer.alloc(n);
      readSync(fd, buf, 0, n, pos);
      let joined = Buffer.concat([buf, rest]);
      let nl = joined.lastIndexOf(10);
      while (nl >= 0) {
        const line = joined.subarray(nl + 1).toString('utf8');
        if (line) yield line;
        joined = joined.subarray(0, nl);
        nl = joined.lastIndexOf(10);
      }
      rest = joined;
    }
    if (rest.length) yield rest.toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** A persistent event history: `events` holds the events recorded since the last `flush()`. */
export class EventLog extends EventHistory {
  /** Warnings met while reading (a torn line), for stderr. */
  readonly warnings: string[] = [];

  constructor(readonly dir: string) {
    super();
  }

  override get persistent(): boolean {
    return true;
  }

  /** Segment file names, oldest first. */
  private segments(): string[] {
    try {
      return readdirSync(this.dir)
        .filter((n) => SEGMENT.test(n))
        .sort();
    } catch {
      return [];
    }
  }

  override *newestFirst(): Iterable<AuditEvent> {
    yield* super.newestFirst();
    for (const name of this.segments().reverse()) {
      const path = join(this.dir, name);
      let first = true;
      for (const line of linesBackwards(path)) {
        try {
          yield JSON.parse(line) as AuditEvent;
        } catch {
          const what = first ? 'a torn last line (an interrupted write)' : 'an unreadable line';
          this.warnings.push(`kms-study: skipping ${what} in the event history ${path}`);
        }
        first = false;
      }
    }
  }

  /** Appends the pending events to their day files (each append checked; a failed one is cut back off). */
  flush(): void {
    if (!this.events.length) return;
    ensureDir(this.dir);
    const byDay = new Map<string, string[]>();
    for (const e of this.events) {
      const day = dayOf(e);
      const lines = byDay.get(day) ?? [];
      lines.push(JSON.stringify(storedEvent(e)));
      byDay.set(day, lines);
    }
    for (const [day, lines] of byDay) this.append(join(this.dir, `${day}.jsonl`), `${lines.join('\n')}\n`);
    this.events.length = 0;
  }

  private append(path: string, text: string): void {
    let fd: number | undefined;
    let size = 0;
    try {
      fd = openSync(path, 'a+', FILE_MODE);
      size = fstatSync(fd).size;
      let data = text;
      if (size > 0) {
        const last = Buffer.alloc(1);
        readSync(fd, last, 0, 1, size - 1);
        if (last[0] !== 10) data = `\n${text}`; // a torn last line stays alone on its line
      }
      writeAll(fd, Buffer.from(data, 'utf8'));
      fsyncSync(fd);
    } catch (e) {
      if (fd !== undefined) {
        try {
          ftruncateSync(fd, size);
        } catch {
          // nothing more to do: the reader skips a torn line
        }
      }
      throw writeError(path, e);
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }

  /** Deletes the day files older than CloudTrail's 90 days before `nowMs` (simulated). Returns how many. */
  prune(nowMs: number): number {
    const cutoff = new Date(nowMs - HISTORY_DAYS * DAY_MS).toISOString().slice(0, 10);
    let removed = 0;
    for (const name of this.segments()) {
      if (name.slice(0, 10) >= cutoff) break;
      try {
        unlinkSync(join(this.dir, name));
        removed++;
      } catch {
        // a read-only directory: lookups still see them; the next writer removes them
      }
    }
    // Pending events that already fell out of the window are not written.
    const keep = this.events.filter((e) => dayOf(e) >= cutoff);
    this.events.length = 0;
    this.events.push(...keep);
    return removed;
  }

  /** How big the history is on disk (events counted by line). */
  size(): HistorySize {
    const names = this.segments();
    let bytes = 0;
    let events = 0;
    for (const name of names) {
      const path = join(this.dir, name);
      try {
        bytes += statSync(path).size;
      } catch {
        continue;
      }
      for (const line of linesBackwards(path)) if (line.trim()) events++;
    }
    const out: HistorySize = { events: events + this.events.length, bytes, days: names.length };
    if (names.length) {
      out.oldestDay = names[0].slice(0, 10);
      out.newestDay = names[names.length - 1].slice(0, 10);
    }
    return out;
  }
}
