// Tab completion for the lab shell: meta-commands, `aws <service> <operation>`, the option names of the
// typed operation (from the same operation model the sandbox parses with) and the lab's `$VARIABLES`.
import { SERVICES, kebab } from '../awscli/index.js';

export const META_COMMANDS = ['aws', 'check', 'hint', 'solution', 'status', 'steps', 'vars', 'clock advance', 'profile', 'reset-step', 'restart', 'answer', 'load', 'clear', 'help', 'quit'];
const GLOBAL_OPTIONS = ['--region', '--profile', '--output', '--query', '--cli-binary-format'];

/** node:readline completer: [candidates, the word being completed]. `vars`: the lab's variable names (no `$`). */
export function completeLabLine(line: string, profiles: string[] = [], vars: string[] = []): [string[], string] {
  const words = line.split(/\s+/);
  const last = words[words.length - 1] ?? '';
  const pick = (all: string[]) => [all.filter((c) => c.startsWith(last)), last] as [string[], string];
  // A `$NAME` being typed, alone or after `--option=`: the lab's variables (case-insensitive, completed upper-case).
  const dollar = /^(.*?)\$([A-Za-z0-9_]*)$/.exec(last);
  if (dollar && !dollar[1].includes('$'))
    return [[...vars].sort().filter((v) => v.startsWith(dollar[2].toUpperCase())).map((v) => `${dollar[1]}$${v}`), last];
  if (words.length === 1) return pick(META_COMMANDS.map((m) => m.split(' ')[0]));
  if (words[0] === 'profile' && words.length === 2) return pick(profiles);
  if (words[0] === 'clock' && words.length === 2) return pick(['advance']);
  if (words[0] === 'load' && last.startsWith('-')) return pick(['--rps', '--seconds', '--key-id', '--op', '--cache-seconds', '--retries'].filter((o) => !words.slice(1, -1).includes(o)));
  if (words[0] === 'load' && words[words.length - 2] === '--op') return pick(['GenerateDataKey', 'GenerateDataKeyWithoutPlaintext', 'Encrypt', 'GenerateRandom']);
  if (words[0] !== 'aws') return [[], last];
  const service = words[1] as keyof typeof SERVICES;
  if (words.length === 2) return pick(Object.keys(SERVICES));
  const model = SERVICES[service];
  if (!model) return [[], last];
  if (words.length === 3) return pick(model.operations.map((o) => kebab(o.name)));
  const op = model.operations.find((o) => kebab(o.name) === words[2]);
  if (!op || !last.startsWith('-')) return [[], last];
  const used = new Set(words.slice(3, -1));
  const options = Object.keys(op.input.members).map((m) => `--${kebab(m)}`).filter((o) => !used.has(o));
  return pick([...options, ...GLOBAL_OPTIONS]);
}
