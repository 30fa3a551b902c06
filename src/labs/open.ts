// Choosing and opening a lab: the lab by id (with did-you-mean), its variant, and the run to continue —
// the saved one when it matches the request, a fresh one otherwise. The save is read through a port.
import { UsageError } from '../errors.js';
import { didYouMean } from '../text/suggest.js';
import type { LabProgress, RunnerIo } from './progress.js';
import { LabRun } from './runner.js';
import type { Lab } from './types.js';

export interface OpenLabRequest {
  seed?: string;
  variant?: string;
  restart?: boolean;
  solve?: boolean;
}

export interface OpenLabPorts {
  /** The saved progress of this lab, if any (and a warning when the save could not be used). */
  readSave(): { progress?: LabProgress; warning?: string };
  /** Where the save lives, for messages. */
  savePath?: string;
  warn(message: string): void;
  /** A seed for a new run when none was asked for. */
  newSeed(): string;
  io: RunnerIo;
}

/** The lab with this id; a UsageError naming the closest ids, or the variants, otherwise. */
export function findLab(labs: Lab[], id: string, variant?: string): Lab {
  const lab = labs.find((l) => l.id === id);
  if (!lab) throw new UsageError(`unknown lab "${id}"${didYouMean(id, labs.map((l) => l.id))} (kms-study lab lists them)`);
  if (variant && !lab.variants.some((v) => v.id === variant))
    throw new UsageError(`--variant: lab ${lab.id} has ${lab.variants.length ? `the variants ${lab.variants.map((v) => v.id).join(', ')}` : 'no variants'}`);
  return lab;
}

/** The run to continue (resumed unless --restart or --solve, or another --seed) and how to start afresh. */
export async function openLabRun(lab: Lab, req: OpenLabRequest, ports: OpenLabPorts): Promise<{ run: LabRun; fresh: () => Promise<LabRun> }> {
  let run: LabRun | undefined;
  if (!req.restart && !req.solve) {
    const saved = ports.readSave();
    if (saved.warning) ports.warn(saved.warning);
    if (saved.progress && (!req.seed || saved.progress.seed === req.seed)) {
      try {
        run = LabRun.resume(lab, saved.progress, ports.io);
      } catch (e) {
        // A save that parses but does not load (a clock outside 1970..9999, a broken engine state): start over.
        ports.warn(`saved progress ${ports.savePath ?? ''}${ports.savePath ? ' ' : ''}could not be resumed (${(e as Error).message}); the lab starts over (use --restart to skip this message).`);
      }
    }
  }
  const fresh = async () => LabRun.start(lab, req.seed ?? ports.newSeed(), ports.io, req.variant);
  return { run: run ?? (await fresh()), fresh };
}
