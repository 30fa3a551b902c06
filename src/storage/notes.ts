// Loads every study note from a directory (notes/<topic>.yaml).
import { existsSync } from 'node:fs';
import { parseYamlDir } from './regular-file.js';
import type { ContentError } from '../errors.js';
import { parseNote, type Note } from '../notes/note.js';

export function loadNotes(dir: string, today: string): { notes: Note[]; errors: ContentError[]; warnings: string[] } {
  if (!existsSync(dir)) return { notes: [], errors: [], warnings: [] };
  const { items, errors, warnings } = parseYamlDir(dir, (text, file) => {
    const r = parseNote(text, file, today);
    return { item: r.note, errors: r.errors };
  });
  return { notes: items, errors, warnings };
}
