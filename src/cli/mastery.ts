// Per-topic mastery for the learn command, read from the progress store (empty when nothing is recorded).
import { dataDir } from '../storage/paths.js';
import type { ProgramContext } from './context.js';

export interface TopicMastery {
  answered: number;
  correct: number;
  accuracy: number;
}

export async function readTopicMastery(ctx: ProgramContext): Promise<Record<string, TopicMastery>> {
  const { ProgressStore } = await import('../storage/progress.js');
  const { store, warnings } = ProgressStore.open(dataDir(ctx.deps.env), ctx.deps.now);
  for (const w of warnings) ctx.deps.stderr.write(`kms-study: ${w}\n`);
  return store.topicMastery();
}
