// The learner's progress (answers with timings, sessions, FSRS cards, lab results, config) in
// <dataDir>/progress.json. Every change re-reads the file and writes it back (checked, atomic, 0600) under the
// progress lock, so quizzes and labs running at the same time all keep what they recorded.
import { join } from 'node:path';
import type { Card } from 'ts-fsrs';
import { DataError } from '../errors.js';
import { toCard, type StoredCard } from '../quiz/card.js';
import { cleanStaleTemps, readJsonFile, writeFileAtomic } from './atomic.js';
import { withLock } from './lock.js';
import {
  emptyProgress,
  migrate,
  problemWith,
  type AnswerRecord,
  type LabResult,
  type ProgressConfig,
  type ProgressData,
  type SessionRecord,
} from './progress-schema.js';

export type { AnswerRecord, LabResult, ProgressConfig, ProgressData, SessionRecord } from './progress-schema.js';
export { SCHEMA_VERSION } from './progress-schema.js';

export interface TopicStat {
  answered: number;
  correct: number;
  /** correct / answered, 0 when nothing was answered. */
  accuracy: number;
}

import { accuracyBy } from '../quiz/accuracy.js';

export class ProgressStore {
  private cleaned = false;

  private constructor(
    private readonly dir: string,
    private data: ProgressData,
    readonly path: string,
    private readonly now: () => number,
  ) {}

  /**
   * Open (or start) the store in `dataDir`. An older file is migrated and rewritten; a corrupt one is moved
   * to `progress.json.corrupt-<time>` and reported in `warnings`; a file from a newer kms-study is refused.
   */
  static open(dataDir: string, now: () => number): { store: ProgressStore; warnings: string[] } {
    const path = join(dataDir, 'progress.json');
    const warnings: string[] = [];
    // Reading needs no lock (the file is replaced atomically); a file that must be moved aside or rewritten is
    // handled again under the lock at the first change.
    const read = readJsonFile<Record<string, unknown>>(path, problemWith, now());
    let data = emptyProgress();
    let rewrite = false;
    if (read.status === 'corrupt') {
      warnings.push(`progress file ${path} was unreadable (${read.problem}); moved it to ${read.movedTo} and started a new one`);
      rewrite = true;
    } else if (read.status === 'ok') {
      try {
        const m = migrate(read.value);
        data = m.data;
        if (m.from !== data.schemaVersion) {
          rewrite = true;
          warnings.push(`progress file upgraded from schema version ${m.from} to ${data.schemaVersion}`);
        }
      } catch (e) {
        throw new DataError(`${path}: ${(e as Error).message}`);
      }
    }
    const store = new ProgressStore(dataDir, data, path, now);
    if (rewrite) store.mutate(() => undefined);
    return { store, warnings };
  }

  /**
   * Apply a change to the latest data on disk and write it back, so a lab and a quiz running in two
   * terminals both keep what they recorded. A file that went bad meanwhile is moved aside, not overwritten.
   */
  private mutate(change: (d: ProgressData) => void): void {
    withLock(
      `${this.path}.lock`,
      () => {
        if (!this.cleaned) cleanStaleTemps(this.dir);
        this.cleaned = true;
        let current = this.data;
        const read = readJsonFile<Record<string, unknown>>(this.path, problemWith, this.now());
        if (read.status === 'ok') {
          try {
            current = migrate(read.value).data;
          } catch (e) {
            throw new DataError(`${this.path}: ${(e as Error).message}`);
          }
        }
        change(current);
        writeFileAtomic(this.path, `${JSON.stringify(current, null, '\t')}\n`);
        this.data = current;
      },
      { what: `the progress file ${this.path}` },
    );
  }

  recordAnswer(a: AnswerRecord): void {
    this.mutate((d) => void d.answers.push({ ...a }));
  }

  recordSession(s: SessionRecord): void {
    this.mutate((d) => void d.sessions.push({ ...s }));
  }

  recordLabResult(r: LabResult): void {
    this.mutate((d) => void d.labs.push({ ...r }));
  }

  setCard(questionId: string, card: StoredCard): void {
    this.mutate((d) => void (d.cards[questionId] = { ...card }));
  }

  /** Answers, the per-question cards and the session together, written once. */
  recordMany(answers: AnswerRecord[], cards: Record<string, StoredCard>, session?: SessionRecord): void {
    this.mutate((d) => {
      d.answers.push(...answers.map((a) => ({ ...a })));
      Object.assign(d.cards, cards);
      if (session) d.sessions.push({ ...session });
    });
  }

  /** Accuracy per topic over every recorded answer. */
  topicMastery(): Record<string, TopicStat> {
    return accuracyBy(this.data.answers, (a) => [a.topic]);
  }

  /** Accuracy per exam tip. */
  tipMastery(): Record<string, TopicStat> {
    return accuracyBy(this.data.answers, (a) => a.tips);
  }

  /** FSRS cards by question id, as ts-fsrs Card objects. */
  cards(): Record<string, Card> {
    const out: Record<string, Card> = {};
    for (const [id, c] of Object.entries(this.data.cards)) out[id] = toCard(c);
    return out;
  }

  storedCards(): Record<string, StoredCard> {
    return structuredClone(this.data.cards);
  }

  answers(): AnswerRecord[] {
    return structuredClone(this.data.answers);
  }

  sessions(): SessionRecord[] {
    return structuredClone(this.data.sessions);
  }

  labResults(): LabResult[] {
    return structuredClone(this.data.labs);
  }

  config(): ProgressConfig {
    return structuredClone(this.data.config);
  }

  setConfig(config: ProgressConfig): void {
    this.mutate((d) => void (d.config = structuredClone(config)));
  }

  /** Everything, for `stats export`. */
  exportData(): ProgressData {
    return structuredClone(this.data);
  }

  /** Forget answers, sessions, cards and lab results; keep the config. */
  reset(): void {
    this.mutate((d) => Object.assign(d, { ...emptyProgress(), config: d.config }));
  }
}

