// The lab list without parsing every lab file: `npm run build` writes a small index (dist/lab-index.json) with
// each lab file's summary, keyed by the file's size and the CRC-32 of its text. At run time every file is still read
// and hashed; a file that differs from its entry (edited, added, or not indexed) is parsed as before, so a stale
// index can never show wrong data, only cost the time the index saves.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { crc32 } from 'node:zlib';
import type { ContentError } from '../errors.js';
import type { Lab } from '../labs/types.js';
import { readRegularText, skippedLine, yamlFilesIn } from '../storage/regular-file.js';

export const LAB_INDEX_FORMAT = 'kms-study-lab-index-1';

/** What the list shows of a lab. */
export interface LabSummary {
  id: string;
  title: string;
  level: Lab['level'];
  tips: Lab['tips'];
  steps: number;
}

export interface LabIndexEntry {
  /** The file name inside the labs folder. */
  file: string;
  size: number;
  hash: string;
  lab: LabSummary;
}

export interface LabIndex {
  format: typeof LAB_INDEX_FORMAT;
  entries: LabIndexEntry[];
}

export type ParseLab = (text: string, file: string) => { lab?: Lab; errors: ContentError[] };

/** CRC-32 of the text's UTF-8 bytes, as 8 hex digits (zlib's native CRC: no crypto module to load, well under 1 ms). */
export function textHash(text: string): string {
  return crc32(text).toString(16).padStart(8, '0');
}

export const summaryOf = (lab: Lab): LabSummary => ({ id: lab.id, title: lab.title, level: lab.level, tips: lab.tips, steps: lab.steps.length });

/** The index of every lab file in `dir` that parses without errors. */
export function buildLabIndex(dir: string, parse: ParseLab): LabIndex {
  const entries: LabIndexEntry[] = [];
  for (const path of yamlFilesIn(dir).files) {
    const text = readRegularText(path);
    const { lab, errors } = parse(text, path);
    if (lab && !errors.length) entries.push({ file: basename(path), size: text.length, hash: textHash(text), lab: summaryOf(lab) });
  }
  return { format: LAB_INDEX_FORMAT, entries };
}

export function writeLabIndex(dir: string, target: string, parse: ParseLab): void {
  writeFileSync(target, JSON.stringify(buildLabIndex(dir, parse)) + '\n');
}

/** The index at `path`, or an empty one when it is missing or not an index (every lab is then parsed). */
export function readLabIndex(path: string): LabIndex {
  try {
    const v = JSON.parse(readFileSync(path, 'utf8')) as Partial<LabIndex>;
    if (v.format === LAB_INDEX_FORMAT && Array.isArray(v.entries)) return v as LabIndex;
  } catch {
    // no index (a build without it, a clone before `npm run build`): parse every lab
  }
  return { format: LAB_INDEX_FORMAT, entries: [] };
}

/**
 * Every lab of `dir` in file order: from the index when the file's text matches its entry, otherwise parsed with
 * `parse` (loaded only when a file needs it). Errors and warnings are those a full load reports for the same files.
 */
export async function labSummaries(dir: string, index: LabIndex, parse: () => Promise<ParseLab>): Promise<{ labs: LabSummary[]; errors: ContentError[]; warnings: string[]; parsed: number }> {
  const byFile = new Map(index.entries.map((e) => [e.file, e]));
  const { files, skipped } = yamlFilesIn(dir);
  const warnings = skipped.map(skippedLine);
  const labs: LabSummary[] = [];
  const errors: ContentError[] = [];
  let parsed = 0;
  for (const path of files) {
    let text: string;
    try {
      text = readRegularText(path);
    } catch (e) {
      warnings.push(skippedLine({ path, why: (e as Error).message }));
      continue;
    }
    const entry = byFile.get(basename(path));
    if (entry && entry.size === text.length && entry.hash === textHash(text)) {
      labs.push(entry.lab);
      continue;
    }
    parsed++;
    const r = (await parse())(text, path);
    if (r.lab) labs.push(summaryOf(r.lab));
    errors.push(...r.errors);
  }
  return { labs, errors, warnings, parsed };
}

/** Where the build puts the index for the labs of `packageRoot`. */
export const labIndexPath = (packageRoot: string): string => join(packageRoot, 'dist', 'lab-index.json');
