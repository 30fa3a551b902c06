// The lab list without parsing every lab file: `npm run build` writes a small index (dist/lab-index.json) with
// each lab file's summary, keyed by the file's size in bytes and the CRC-32 of its text. At run time a file with
// the indexed size that was last modified no later than the index itself is taken from the index without being
// read (the folder listing stats every file anyway); any other file is read and hashed, and parsed as before when
// it differs from its entry (edited, added, or not indexed). In a source checkout the build writes the index after
// the labs, so nothing is read until a lab is edited; an installed package (npm gives each file the time it was
// unpacked, the labs after the index) reads and hashes every lab, as without the shortcut. The lab runner always
// parses the file itself: the index only ever decides what the list shows.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { crc32 } from 'node:zlib';
import type { ContentError } from '../errors.js';
import type { Lab } from '../labs/types.js';
import { readRegularText, skippedLine, yamlFilesIn } from '../storage/regular-file.js';

export const LAB_INDEX_FORMAT = 'kms-study-lab-index-2';

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
  /** The file's size in bytes. */
  size: number;
  hash: string;
  lab: LabSummary;
}

export interface LabIndex {
  format: typeof LAB_INDEX_FORMAT;
  entries: LabIndexEntry[];
  /** When the index file was last modified (epoch ms, from its stat; not stored in it). */
  mtimeMs?: number;
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
    if (lab && !errors.length) entries.push({ file: basename(path), size: Buffer.byteLength(text), hash: textHash(text), lab: summaryOf(lab) });
  }
  return { format: LAB_INDEX_FORMAT, entries };
}

export function writeLabIndex(dir: string, target: string, parse: ParseLab): void {
  writeFileSync(target, JSON.stringify(buildLabIndex(dir, parse)) + '\n');
}

/** The index at `path`, or an empty one when it is missing or not an index (every lab is then parsed). */
export function readLabIndex(path: string): LabIndex {
  try {
    const mtimeMs = statSync(path).mtimeMs;
    const v = JSON.parse(readFileSync(path, 'utf8')) as Partial<LabIndex>;
    if (v.format === LAB_INDEX_FORMAT && Array.isArray(v.entries)) return { format: v.format, entries: v.entries, mtimeMs };
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
  const { files, skipped, stats } = yamlFilesIn(dir);
  const warnings = skipped.map(skippedLine);
  const labs: LabSummary[] = [];
  const errors: ContentError[] = [];
  let parsed = 0;
  for (const path of files) {
    const entry = byFile.get(basename(path));
    const st = stats.get(path);
    if (entry && st && index.mtimeMs !== undefined && st.size === entry.size && st.mtimeMs <= index.mtimeMs) {
      labs.push(entry.lab);
      continue;
    }
    let text: string;
    try {
      text = readRegularText(path);
    } catch (e) {
      warnings.push(skippedLine({ path, why: (e as Error).message }));
      continue;
    }
    if (entry && entry.size === Buffer.byteLength(text) && entry.hash === textHash(text)) {
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
