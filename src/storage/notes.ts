// Loads every study note from a directory (notes/<topic>.yaml).
import { existsSync } from 'node:fs';
import { readRegularText, skippedLine, yamlFilesIn } from './regular-file.js';
import type { ContentError } from '../errors.js';
import { parseNote, type Note } from '../notes/note.js';

export function loadNotes(dir: string, today: string): { notes: Note[]; errors: ContentError[]; warnings: string[] } {
  const notes: Note[] = [];
  const errors: ContentError[] = [];
  if (!existsSync(dir)) return { notes, errors, warnings: [] };
  const { files, skipped } = yamlFilesIn(dir);
  const warnings = skipped.map(skippedLine);
  for (const file of files) {
    let text: string;
    try {
      text = readRegularText(file);
    } catch (e) {
      warnings.push(skippedLine({ path: file, why: (e as Error).message }));
      continue;
    }
    const r = parseNote(text, file, today);
    if (r.note) notes.push(r.note);
    errors.push(...r.errors);
  }
  return { notes, errors, warnings };
}
