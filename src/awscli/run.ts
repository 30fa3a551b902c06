// One whole `aws ...` call against the simulator, as AWS CLI v2 behaves: parse (usage errors exit 252),
// help, automatic pagination, output formatting, service errors on stderr (exit 254).
import type { Caller } from '../aws/caller.js';
import { ServiceException } from '../aws/errors.js';
import type { World } from '../sim/world.js';
import { CliUsageError } from './errors.js';
import { formatOutput, formatServiceError } from './format/index.js';
import { operationHelp } from './help.js';
import { findOperation } from './model/index.js';
import { paginate } from './paginate.js';
import { parseAwsArgs } from './parse.js';
import { splitCommandLine } from './split.js';
import type { GlobalOptions, ParseIo } from './types.js';
import { EXIT } from '../exit-codes.js';
import { afterS3api, checkS3apiLine, isS3HighLevel, prepareS3api, runS3Command, targetService, type S3Io } from './s3-commands.js';

export type AwsIo = ParseIo & Pick<S3Io, 'writeFile'>;
export interface AwsResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}
/** Where the CLI sends its API calls: the world's public call interface. */
export type AwsEndpoint = Pick<World, 'call'>;
/** Picks the caller from the command's globals (--profile, --region); throws CliUsageError for an unknown profile. */
export type CallerResolver = (globals: GlobalOptions) => Caller;

export async function runAws(sim: AwsEndpoint, words: string[], caller: Caller | CallerResolver, io: AwsIo): Promise<AwsResult> {
  if (isS3HighLevel(words)) return runS3Command(sim, words, typeof caller === 'function' ? caller : () => caller, io);
  const { argv, outfile } = prepareS3api(words);
  let cmd;
  try {
    cmd = parseAwsArgs(argv, io);
    if (!cmd.help && cmd.skeleton === undefined) checkS3apiLine(cmd.operation, outfile);
  } catch (e) {
    if (e instanceof CliUsageError) return { stdout: '', stderr: `${e.message}\n`, exitCode: e.exitCode };
    throw e;
  }
  const notes = (cmd.notes ?? []).map((n) => `${n}\n`).join('');
  if (cmd.help) return { stdout: operationHelp(cmd.helpScope === 'aws' ? '' : cmd.service, cmd.cliOperation), stderr: notes, exitCode: EXIT.OK };
  if (cmd.skeleton !== undefined) return { stdout: cmd.skeleton, stderr: notes, exitCode: EXIT.OK };
  let who: Caller;
  try {
    who = typeof caller === 'function' ? caller(cmd.globals) : caller;
  } catch (e) {
    if (e instanceof CliUsageError) return { stdout: '', stderr: `${notes}${e.message}\n`, exitCode: e.exitCode };
    throw e;
  }
  if (cmd.globals.region) who = { ...who, region: cmd.globals.region };
  const model = findOperation(cmd.service, cmd.cliOperation);
  const call = (req: Record<string, unknown>) => afterS3api(cmd.operation, sim.call(targetService(cmd.service), cmd.operation, req, who), outfile, io);
  try {
    if (model?.paginator && cmd.globals.paginate) {
      const { NextToken, ...merged } = paginate(model.paginator, cmd.request, cmd.globals, call);
      // v2's text output prints the resume token last, on a NEXTTOKEN line; json and table keep it as a member.
      if (NextToken !== undefined && (cmd.globals.output ?? 'json') === 'text' && cmd.globals.query === undefined)
        return { stdout: `${formatOutput(merged, cmd)}NEXTTOKEN\t${String(NextToken)}\n`, stderr: notes, exitCode: EXIT.OK };
      return { stdout: formatOutput(NextToken === undefined ? merged : { ...merged, NextToken }, cmd), stderr: notes, exitCode: EXIT.OK };
    }
    return { stdout: formatOutput(call(cmd.request), cmd), stderr: notes, exitCode: EXIT.OK };
  } catch (e) {
    if (e instanceof ServiceException) return { stdout: '', stderr: notes + formatServiceError(e.code, e.message, cmd.operation), exitCode: EXIT.AWS_SERVICE };
    if (e instanceof CliUsageError) return { stdout: '', stderr: `${notes}${e.message}\n`, exitCode: e.exitCode };
    throw e;
  }
}

/** One typed line such as `aws kms list-keys --output text` (the lab shell's input): split, check `aws`, run. */
export async function runAwsLine(sim: AwsEndpoint, line: string, caller: Caller | CallerResolver, io: AwsIo): Promise<AwsResult> {
  let words: string[];
  try {
    words = splitCommandLine(line);
  } catch (e) {
    if (e instanceof CliUsageError) return { stdout: '', stderr: `${e.message}\n`, exitCode: e.exitCode };
    throw e;
  }
  if (words[0] !== 'aws') return { stdout: '', stderr: `aws: error: a command starts with aws (got ${JSON.stringify(words[0] ?? '')})\n`, exitCode: EXIT.AWS_USAGE };
  return runAws(sim, words.slice(1), caller, io);
}
