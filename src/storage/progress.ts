// The learner's progress (answers with timings, sessions, FSRS cards, lab results, config) in
// <dataDir>/progress.json through conf, which writes atomically. Import this module lazily (conf is heavy).
import { join } from 'node:path';
import Conf from 'conf';
import type { Card } from 'ts-fsrs';
import { DataError } from '../errors.js';
import { toCard, type StoredCard } from '../quiz/schedule.js';
import { readJsonFile } from './atomic.js';
import {
  emptyProgress,
  migrate,
  problemWith,
  SCHEMA_VERSION,
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

import { accuracyBy } from '../quiz/stats.js';

export class ProgressStore {
  private constructor(
    private readonly conf: Conf<Record<string, unknown>>,
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
    const conf = new Conf<Record<string, unknown>>({ cwd: dataDir, configName: 'progress', projectName: 'kms-study', clearInvalidConfig: false });
    const store = new ProgressStore(conf, data, path, now);
    if (rewrite) store.mutate(() => undefined);
    return { store, warnings };
  }

  /**
   * Apply a change to the latest data on disk and write it back, so a lab and a quiz running in two
   * terminals both keep what they recorded. A file that went bad meanwhile is moved aside, not overwritten.
   */
  private mutate(change: (d: ProgressData) => void): void {
    let current = this.data;
    try {
      const read = readJsonFile<Record<string, unknown>>(this.path, problemWith, this.now());
      if (read.status === 'ok' && read.value.schemaVersion === SCHEMA_VERSION) current = migrate(read.value).data;
    } catch {
      // unreadable right now: keep our own copy
    }
    change(current);
    this.data = current;
    this.conf.store = current as unknown as Record<string, unknown>;
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

