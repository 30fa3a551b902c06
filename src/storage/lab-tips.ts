// The exam tips each lab file declares (labs/<id>.yaml `tips:`), read leniently for coverage reports;
// the lab loader proper validates the files.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export function labTips(dir: string): { id: string; tips: string[] }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => {
      let tips: string[] = [];
      try {
        const doc = parse(readFileSync(join(dir, f), 'utf8')) as { tips?: unknown; exam_tips?: unknown };
        const raw = doc?.tips ?? doc?.exam_tips;
        tips = Array.isArray(raw) ? raw.filter((t): t is string => typeof t === 'string') : [];
      } catch {
        tips = [];
      }
      return { id: f.replace(/\.ya?ml$/, ''), tips };
    });
}
