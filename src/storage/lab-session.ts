// Saved lab progress, one file per lab (<dataDir>/labs/<id>.json), written atomically after every command
// so a closed terminal resumes where it stopped. A corrupt file is moved aside and reported.
import { existsSync, rmSync } from 'node:fs';
import { parseYamlDir } from './regular-file.js';
import { dirname, join } from 'node:path';
import { ContentError } from '../errors.js';
import { parseLab } from '../labs/parse.js';
import { PROGRESS_FORMAT, PROGRESS_VERSION, type LabProgress } from '../labs/runner.js';
import type { Lab } from '../labs/types.js';
import { cleanStaleTemps, readJsonFile, writeFileAtomic } from './atomic.js';
import { dataDir } from './paths.js';

export function labSavePath(env: Record<string, string | undefined>, labId: string): string {
  return join(dataDir(env), 'labs', `${labId}.json`);
}

function problem(v: unknown): string | undefined {
  const p = v as Partial<LabProgress> | null;
  if (!p || typeof p !== 'object') return 'not a JSON object';
  if (p.format !== PROGRESS_FORMAT) return `format is not ${PROGRESS_FORMAT}`;
  if (p.version !== PROGRESS_VERSION) return `unknown version ${JSON.stringify(p.version)}`;
  if (typeof p.step !== 'number' || !p.engine || !Array.isArray(p.log)) return 'fields missing';
  return undefined;
}

export function readLabSave(path: string, now: number): { progress?: LabProgress; warning?: string } {
  const r = readJsonFile<LabProgress>(path, problem, now);
  if (r.status === 'ok') return { progress: r.value };
  if (r.status === 'corrupt') return { warning: `saved progress ${path} could not be read (${r.problem}); it was moved to ${r.movedTo} and the lab starts over.` };
  return {};
}

let cleaned = false;

export function writeLabSave(path: string, progress: LabProgress): void {
  // Temp files of earlier writes killed half-way go once per process.
  if (!cleaned) cleanStaleTemps(dirname(path));
  cleaned = true;
  writeFileAtomic(path, JSON.stringify(progress) + '\n');
}

export function removeLabSave(path: string): void {
  rmSync(path, { force: true });
}

/** Every lab file in a directory, parsed; content errors are collected. */
export function loadLabs(dir: string): { labs: Lab[]; errors: ContentError[]; warnings: string[] } {
  if (!existsSync(dir)) return { labs: [], errors: [], warnings: [] };
  const { items, errors, warnings } = parseYamlDir(dir, (text, file) => {
    const r = parseLab(text, file);
    return { item: r.lab, errors: r.errors };
  });
  return { labs: items, errors, warnings };
}
