// `kms-study lab --check FILE...`: every problem of lab files as file:line:column (like `bank lint`): the
// format, the setup's principals, policies and durations, and whether the setup (and each variant) builds.
import { resolve } from 'node:path';
import { ContentError } from '../errors.js';
import { parseLab } from '../labs/parse.js';
import { buildWorld } from '../labs/setup.js';
import { FileTooLargeError, NotAFileError, readRegularText } from '../storage/regular-file.js';
import { escapeControls } from '../text/terminal.js';
import type { ProgramContext } from './context.js';

export function checkLabFile(path: string): ContentError[] {
  let text: string;
  try {
    text = readRegularText(path);
  } catch (e) {
    const why = e instanceof NotAFileError || e instanceof FileTooLargeError ? e.message : ((e as NodeJS.ErrnoException).code ?? (e as Error).message);
    return [new ContentError(path, 0, 0, `cannot read the lab file (${why})`)];
  }
  const r = parseLab(text, path);
  if (!r.lab) return r.errors;
  const lab = r.lab;
  const problems: ContentError[] = [];
  for (const variant of [undefined, ...lab.variants]) {
    try {
      buildWorld(lab, 'check', variant);
    } catch (e) {
      const what = e instanceof Error ? `${e.name === 'Error' ? '' : `${(e as { code?: string }).code ?? e.name}: `}${e.message}` : String(e);
      problems.push(new ContentError(path, 1, 1, `the setup${variant ? ` of variant ${variant.id}` : ''} does not build: ${what}`));
    }
  }
  return problems;
}

export function labCheck(files: string[], ctx: ProgramContext): number {
  const { deps } = ctx;
  let count = 0;
  for (const f of files) {
    const errors = checkLabFile(resolve(deps.cwd, f));
    count += errors.length;
    for (const e of errors) deps.stderr.write(`${escapeControls(e.message)}\n`);
  }
  if (count) {
    deps.stderr.write(`${count} problem${count === 1 ? '' : 's'} found in ${files.length} lab file${files.length === 1 ? '' : 's'}.\n`);
    return 1; // exit-code
  }
  deps.stdout.write(`OK: ${files.length} lab file${files.length === 1 ? '' : 's'}, no problems.\n`);
  return 0;
}
