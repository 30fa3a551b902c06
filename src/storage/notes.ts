// Loads every study note from a directory (notes/<topic>.yaml).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContentError } from '../errors.js';
import { parseNote, type Note } from '../notes/note.js';

export function loadNotes(dir: string, today: string): { notes: Note[]; errors: ContentError[] } {
  const notes: Note[] = [];
  const errors: ContentError[] = [];
  if (!existsSync(dir)) return { notes, errors };
  for (const name of readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort()) {
    const r = parseNote(readFileSync(join(dir, name), 'utf8'), join(dir, name), today);
    if (r.note) notes.push(r.note);
    errors.push(...r.errors);
  }
  return { notes, errors };
}
