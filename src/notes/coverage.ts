// Which exam tips of each study note are practised: questions carrying the tip, labs teaching it.
import type { Note } from './note.js';

export interface NoteTipCoverage {
  topic: string;
  tip: string;
  questions: number;
  labs: string[];
}

export function notesCoverage(notes: Note[], questions: { tips: readonly string[] }[], labs: { id: string; tips: readonly string[] }[]): {
  rows: NoteTipCoverage[];
  gaps: NoteTipCoverage[];
} {
  const rows = notes.flatMap((n) =>
    n.tips.map((tip) => ({
      topic: n.topic,
      tip,
      questions: questions.filter((q) => q.tips.includes(tip)).length,
      labs: labs.filter((l) => l.tips.includes(tip)).map((l) => l.id),
    })),
  );
  return { rows, gaps: rows.filter((r) => r.questions === 0 || r.labs.length === 0) };
}
