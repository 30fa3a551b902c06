// The progress file's shape (progress.json in the data directory) and its migrations. Every version bump
// adds one migration from the previous version; `migrate` runs them in order.
import type { StoredCard } from '../quiz/schedule.js';
import type { QuizMode } from '../quiz/ports.js';
import type { AnswerRecordOut, SessionRecordOut } from '../quiz/run-quiz.js';

// The records are the quiz's own port shapes: the store keeps exactly what the quiz hands it.
export type { QuizMode };
export type AnswerRecord = AnswerRecordOut;
export type SessionRecord = SessionRecordOut;
export type SessionEnd = SessionRecord['ended'];

export const SCHEMA_VERSION = 1;

export interface LabResult {
  labId: string;
  completed: boolean;
  startedAt: number;
  finishedAt?: number;
  hintsUsed: number;
  attempts: number;
}

export interface ProgressConfig {
  /** Extra question bank folders or files, loaded after <packageRoot>/questions. */
  bankDirs: string[];
  /** The learner's exam date (YYYY-MM-DD) for `kms-study plan`; absent when none is set. */
  examDate?: string;
}

export interface ProgressData {
  schemaVersion: number;
  config: ProgressConfig;
  answers: AnswerRecord[];
  sessions: SessionRecord[];
  cards: Record<string, StoredCard>;
  labs: LabResult[];
}

export function emptyProgress(): ProgressData {
  return { schemaVersion: SCHEMA_VERSION, config: { bankDirs: [] }, answers: [], sessions: [], cards: {}, labs: [] };
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * v0 had no schemaVersion; a file without one is taken for v0 only when it looks like one (history and
 * sessions lists, nothing else): `{"foo":1}` or a sandbox state copied here is kept aside, never "upgraded".
 */
function v0Problem(v: Record<string, unknown>): string | undefined {
  if (typeof v.format === 'string') return `this is not a progress file (it is a ${JSON.stringify(v.format)} file)`;
  const keys = Object.keys(v).filter((k) => k !== 'schemaVersion');
  const unknown = keys.filter((k) => k !== 'history' && k !== 'sessions');
  if (unknown.length) return `this is not a progress file (no schemaVersion, and unknown fields ${unknown.slice(0, 3).map((k) => JSON.stringify(k)).join(', ')})`;
  for (const k of ['history', 'sessions'] as const) if (v[k] !== undefined && !Array.isArray(v[k])) return `"${k}" is not a list`;
  return undefined;
}

/** A reason the file cannot be used at all (it is then moved aside), or undefined. */
export function problemWith(v: unknown): string | undefined {
  if (!isObj(v)) return 'expected a JSON object';
  const ver = v.schemaVersion;
  if (ver !== undefined && (typeof ver !== 'number' || !Number.isInteger(ver) || ver < 0)) return 'schemaVersion is not a whole number';
  if (ver === undefined || ver === 0) return v0Problem(v);
  for (const k of ['answers', 'sessions', 'labs'] as const) if (v[k] !== undefined && !Array.isArray(v[k])) return `"${k}" is not a list`;
  if (v.cards !== undefined && !isObj(v.cards)) return '"cards" is not an object';
  return undefined;
}

/**
 * v0 (before schemaVersion existed): `{ history: [{ question, topic, ok, when, ms? }], sessions: [{ mode,
 * start, end, total, right }] }`. v1 renames the fields, adds cards (rebuilt on next review), labs, config.
 */
function v0to1(old: Record<string, unknown>): ProgressData {
  const out = emptyProgress();
  const history = Array.isArray(old.history) ? old.history : [];
  for (const h of history) {
    if (!isObj(h) || typeof h.question !== 'string') continue;
    out.answers.push({
      questionId: h.question,
      topic: typeof h.topic === 'string' ? h.topic : 'unknown',
      tips: [],
      mode: 'practice',
      correct: h.ok === true,
      guessed: false,
      chosen: [],
      durationMs: typeof h.ms === 'number' ? h.ms : null,
      at: typeof h.when === 'number' ? h.when : 0,
    });
  }
  const sessions = Array.isArray(old.sessions) ? old.sessions : [];
  sessions.forEach((s, i) => {
    if (!isObj(s)) return;
    const mode = ['practice', 'exam', 'review', 'cram'].includes(String(s.mode)) ? (s.mode as QuizMode) : 'practice';
    const total = typeof s.total === 'number' ? s.total : 0;
    out.sessions.push({
      id: `v0-${i + 1}`,
      mode,
      startedAt: typeof s.start === 'number' ? s.start : 0,
      finishedAt: typeof s.end === 'number' ? s.end : 0,
      questions: total,
      answered: total,
      correct: typeof s.right === 'number' ? s.right : 0,
      ended: 'completed',
    });
  });
  return out;
}

const MIGRATIONS: Record<number, (old: Record<string, unknown>) => ProgressData> = { 0: v0to1 };

/** Bring stored data up to SCHEMA_VERSION. Throws on a version newer than this program knows. */
export function migrate(raw: Record<string, unknown>): { data: ProgressData; from: number } {
  const from = typeof raw.schemaVersion === 'number' ? raw.schemaVersion : 0;
  if (from > SCHEMA_VERSION) throw new RangeError(`progress file has schemaVersion ${from}; this kms-study understands up to ${SCHEMA_VERSION}: upgrade kms-study`);
  let cur: Record<string, unknown> = raw;
  for (let v = from; v < SCHEMA_VERSION; v++) cur = MIGRATIONS[v](cur) as unknown as Record<string, unknown>;
  const d = cur as unknown as ProgressData;
  const base = emptyProgress();
  return {
    from,
    data: {
      schemaVersion: SCHEMA_VERSION,
      config: {
        bankDirs: Array.isArray(d.config?.bankDirs) ? d.config.bankDirs.filter((x) => typeof x === 'string') : base.config.bankDirs,
        ...(typeof d.config?.examDate === 'string' ? { examDate: d.config.examDate } : {}),
      },
      answers: d.answers ?? [],
      sessions: d.sessions ?? [],
      cards: d.cards ?? {},
      labs: d.labs ?? [],
    },
  };
}
