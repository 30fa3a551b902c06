// The saved state of one lab run (written after every command; resumed after a closed terminal) and the
// runner's input/output shapes.
import type { LoggedCommand } from './checks.js';
import type { LoadResult } from './load.js';
import type { Stranded } from './stranded.js';

export const PROGRESS_FORMAT = 'kms-study-lab';
export const PROGRESS_VERSION = 1;

export interface LabProgress {
  format: typeof PROGRESS_FORMAT;
  version: typeof PROGRESS_VERSION;
  labId: string;
  seed: string;
  variant?: string;
  engine: unknown;
  vars: Record<string, string>;
  files: Record<string, string>;
  setupKeys: string[];
  profile: string;
  step: number;
  log: LoggedCommand[];
  answers: Record<string, string>;
  hintsShown: Record<string, number>;
  hintsUsed: number;
  attempts: number;
  startedAt: number;
  finishedAt?: number;
  /** Setup key refs some profile could manage (kms:PutKeyPolicy) at the start, to notice a lockout. */
  manageable?: string[];
  /** The result of the last `load` meta-command. */
  lastLoad?: LoadResult;
  /** The state at the start of the current step, for reset-step (vars: absent in saves from before it was kept). */
  snapshot: { engine: unknown; files: Record<string, string>; log: number; profile: string; vars?: Record<string, string> };
}

export interface RunnerIo {
  /** Real files for fileb:// paths that are not lab files (the CLI passes fs; tests pass nothing). */
  readFile?(path: string, maxBytes?: number): Uint8Array;
  /** Wall clock for time taken. */
  wallNow(): number;
}

export interface Reply {
  text: string;
  exitCode?: number;
  /** The learner asked to quit, to restart, or to clear the screen (a terminal clears it; pipes ignore it). */
  action?: 'quit' | 'restart' | 'clear';
  /** Steps completed by this input. */
  completed: string[];
  /** Set when the lab can no longer be finished from the current state (the notice is in `text`). */
  stranded?: Stranded;
}
