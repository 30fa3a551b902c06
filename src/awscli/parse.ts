// `aws <service> <operation> [--option value ...]` -> ParsedCommand, as AWS CLI v2 reads it: kebab-case
// operations and options, --flag/--no-flag booleans, --opt=value, required options, help, suggestions.
import { SERVICES, cliOperationNames, findOperation, isService, kebab, type OperationModel, type Shape } from './model/index.js';
import type { ParsedCommand, ParseIo } from './types.js';
import { CliUsageError, usage } from './errors.js';
import { extractGlobals } from './globals.js';
import { loadParamFile, paramValue } from './params.js';
import { inputFromJson, skeleton } from './skeleton.js';
import { fromUtf8 } from './b64.js';
import { checkQuery } from './format/index.js';
import { closest } from '../text/suggest.js';
import { missingOperationNote } from './missing-operations.js';

function invalidChoice(what: string, word: string, choices: string[]): CliUsageError {
  const near = closest(word, choices);
  const hint = near.length ? `, maybe you meant: ${near.join(', ')}` : `; valid choices are: ${choices.join(' | ')}`;
  return usage(`argument ${what}: Invalid choice '${word}'${hint}`);
}

/** Options whose presence switches off the CLI's automatic pagination (the paginator's own tokens). */
function pagingMembers(model: OperationModel): string[] {
  const p = model.paginator;
  return p ? [p.inputToken, p.limitKey ?? ''].filter(Boolean) : [];
}

export function parseAwsArgs(argv: string[], io: ParseIo): ParsedCommand {
  const { globals, rest, notes } = extractGlobals(argv);
  if (globals.query !== undefined) checkQuery(globals.query);
  const [serviceWord, opWord, ...optionWords] = rest;
  if (serviceWord === undefined) throw usage('the following arguments are required: command');
  if (serviceWord === 'help' || serviceWord === '--help' || serviceWord === '-h') return { service: 'kms', operation: '', cliOperation: '', request: {}, globals, help: true, helpScope: 'aws', notes };
  if (serviceWord === 'configure')
    throw usage('argument command: configure is not needed here: the simulated profiles need no credentials; choose one with --profile (see `kms-study sandbox profiles`)');
  if (!isService(serviceWord))
    throw usage(`argument command: Invalid choice '${serviceWord}'; valid choices are: ${Object.keys(SERVICES).join(' | ')} (the services the simulator offers)`);
  const service = serviceWord;
  if (opWord === undefined) throw usage('the following arguments are required: operation');
  if (opWord === 'help' || opWord === '--help' || opWord === '-h') return { service, operation: '', cliOperation: '', request: {}, globals, help: true, notes };
  if (opWord.startsWith('--')) throw usage(`the following arguments are required: operation (got option ${opWord} first)`);
  const model = findOperation(service, opWord);
  if (!model) {
    // An operation learners expect but the API lacks: what to use instead, not the full list.
    const note = missingOperationNote(service, opWord);
    if (note) throw usage(`argument operation: Invalid choice '${opWord}'; ${note}`);
    throw invalidChoice('operation', opWord, cliOperationNames(service));
  }
  const base = { service, operation: model.name, cliOperation: opWord, globals, notes };
  if (optionWords.includes('--help') || optionWords.includes('-h') || (optionWords.includes('help') && (optionWords[0] === 'help' || optionWords[optionWords.length - 1] === 'help')))
    return { ...base, request: {}, help: true };

  const byOption = new Map<string, string>(Object.keys(model.input.members).map((m) => [`--${kebab(m)}`, m]));
  const words = new Map<string, string[]>();
  const unknown: string[] = [];
  let inputJson: string | undefined;
  for (let i = 0; i < optionWords.length; i++) {
    const word = optionWords[i];
    if (!word.startsWith('--')) {
      unknown.push(word);
      continue;
    }
    const eq = word.indexOf('=');
    const name = eq > 0 ? word.slice(0, eq) : word;
    if (name === '--generate-cli-skeleton') {
      const what = eq > 0 ? word.slice(eq + 1) : optionWords[i + 1] && !optionWords[i + 1].startsWith('--') ? optionWords[++i] : 'input';
      if (what !== 'input') throw usage(`argument --generate-cli-skeleton: Invalid choice '${what}', valid choices are: input`);
      return { ...base, request: {}, skeleton: skeleton(model.input) };
    }
    if (name === '--cli-input-json') {
      const v = eq > 0 ? word.slice(eq + 1) : optionWords[++i];
      if (v === undefined || v.startsWith('--')) throw usage('argument --cli-input-json: expected one argument');
      const loaded = loadParamFile(v, name, io);
      inputJson = typeof loaded === 'string' ? loaded : fromUtf8(loaded);
      continue;
    }
    let member = byOption.get(name);
    let negated = false;
    if (!member && name.startsWith('--no-')) {
      const m = byOption.get(`--${name.slice(5)}`);
      if (m && model.input.members[m].type === 'boolean') [member, negated] = [m, true];
    }
    if (!member) {
      unknown.push(name);
      continue;
    }
    const shape: Shape = model.input.members[member];
    if (shape.type === 'boolean') {
      if (eq > 0) throw usage(`argument ${name}: ignored explicit argument '${word.slice(eq + 1)}'`);
      words.set(member, [negated ? 'false' : 'true']);
      continue;
    }
    const values: string[] = eq > 0 ? [word.slice(eq + 1)] : [];
    if (eq < 0) {
      while (i + 1 < optionWords.length && !optionWords[i + 1].startsWith('--')) {
        values.push(optionWords[++i]);
        if (shape.type !== 'list') break;
      }
    }
    if (values.length === 0) throw usage(`argument ${name}: expected ${shape.type === 'list' ? 'at least one argument' : 'one argument'}`);
    words.set(member, values);
  }
  if (unknown.length) {
    const near = unknown[0].startsWith('--') ? closest(unknown[0], [...byOption.keys()]) : [];
    throw usage(`Unknown options: ${unknown.join(', ')}${near.length ? `. Did you mean ${near[0]}?` : ''}`);
  }
  const request: Record<string, unknown> =
    inputJson === undefined ? {} : inputFromJson(model.input, inputJson, { option: '--cli-input-json', binaryFormat: globals.binaryFormat });
  const missing = model.input.required.filter((m) => !words.has(m) && !(m in request));
  if (missing.length) throw usage(`the following arguments are required: ${missing.map((m) => `--${kebab(m)}`).join(', ')}`);

  for (const [member, values] of words) {
    const ctx = { option: `--${kebab(member)}`, binaryFormat: globals.binaryFormat };
    request[member] = paramValue(member, model.input.members[member], values, ctx, io);
  }
  if (pagingMembers(model).some((m) => m in request)) globals.paginate = false;
  return { ...base, request };
}
