// One `aws ...` line typed in a lab: $VARIABLES expanded, lab files for fileb:// and file://, the line run
// through the same AWS CLI layer as the sandbox, and `> FILE` or `| base64 --decode > FILE` saved as a lab file.
import { parseAwsArgs, splitCommandLine, type GlobalOptions } from '../awscli/index.js';
import { runAws } from '../awscli/run.js';
import { prepareS3api } from '../awscli/s3-commands.js';
import type { Caller } from '../aws/caller.js';
import type { World } from '../sim/world.js';
import { escapeControls } from '../text/terminal.js';
import { EXIT } from '../exit-codes.js';
import { expandVars } from './setup.js';

export interface AwsLineInput {
  vars: Record<string, string>;
  /** The lab's files (base64); a redirected output is added here. */
  files: Record<string, string>;
  /** Real files for paths that are not lab files. */
  readFile?(path: string, maxBytes?: number): Uint8Array;
  callerFor(globals?: GlobalOptions): Caller;
}

export interface AwsLineResult {
  text: string;
  exitCode: number;
  expanded: string;
  /** The command's output (variables such as $UPLOAD_ID are taken from it). */
  stdout: string;
  /** The service's error report, if any (its code goes in the command log). */
  stderr: string;
  /** The parsed command, when the line parses. */
  parsed?: ReturnType<typeof parseAwsArgs>;
}

export async function runAwsLine(world: World, raw: string, input: AwsLineInput): Promise<AwsLineResult> {
  const expanded = expandVars(raw, input.vars);
  const redirect = /\s*(\|\s*base64\s+(?:--decode|-d)\s*)?>\s*(\S+)\s*$/.exec(expanded);
  const line = redirect ? expanded.slice(0, redirect.index) : expanded;
  const readFile = (path: string, maxBytes?: number): Uint8Array => {
    const name = path.replace(/^\.\//, '');
    if (name in input.files) return new Uint8Array(Buffer.from(input.files[name], 'base64'));
    if (input.readFile) return input.readFile(path, maxBytes);
    throw new Error(`no such file: ${path}`);
  };
  let words: string[] = [];
  let parsed: ReturnType<typeof parseAwsArgs> | undefined;
  try {
    words = splitCommandLine(line);
    parsed = parseAwsArgs(prepareS3api(words.slice(1)).argv, { readFile, cwd: '.' });
  } catch {
    parsed = undefined;
  }
  // A downloaded object (`s3api get-object ... OUTFILE`, `s3 cp s3://... FILE`) becomes a lab file.
  const writeFile = (path: string, bytes: Uint8Array): void => void (input.files[path.replace(/^\.\//, '')] = Buffer.from(bytes).toString('base64'));
  const r = await runAws(world, words.slice(1), (g) => input.callerFor(g), { readFile, writeFile, cwd: '.' });
  let text = escapeControls(r.stdout + r.stderr);
  if (redirect && r.exitCode === EXIT.OK) {
    input.files[redirect[2]] = redirect[1] ? r.stdout.trim() : Buffer.from(new TextEncoder().encode(r.stdout)).toString('base64');
    text = `(saved to ${redirect[2]}; use fileb://${redirect[2]})\n` + escapeControls(r.stderr);
  }
  return { text, exitCode: r.exitCode, expanded, stdout: r.stdout, stderr: r.stderr, parsed };
}
