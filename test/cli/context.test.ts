// The command files and main.ts do not import each other in a circle: main imports the commands, the
// commands import cli/context.ts; terminal size and signals reach commands only through the injected deps.
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../src/cli/', import.meta.url));
const files = [...readdirSync(CLI).filter((f) => f.endsWith('.ts')), ...readdirSync(join(CLI, 'commands')).map((f) => `commands/${f}`)];
const source = (f: string) => readFileSync(join(CLI, f), 'utf8');
const imports = (f: string) => [...source(f).matchAll(/(?:from\s+|import\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);

describe('cli wiring', () => {
  it('only bin.ts imports main.ts, and no command file imports another', () => {
    const offenders = files.filter((f) => f !== 'bin.ts' && imports(f).some((i) => /(^|\/)main\.js$/.test(i)));
    expect(offenders).toEqual([]);
    const isCommand = (f: string) => /export function register\(/.test(source(f));
    const crossCommand = files.filter((f) => f.startsWith('commands/') && imports(f).some((i) => /^\.\/[^/]+\.js$/.test(i) && isCommand(`commands/${i.slice(2, -3)}.ts`)));
    expect(files.filter(isCommand).length).toBeGreaterThanOrEqual(8);
    expect(crossCommand).toEqual([]);
  });

  it('the process is touched only by bin.ts: streams, terminal size and signals come in through CliDeps', () => {
    const offenders = files.filter((f) => f !== 'bin.ts' && /\bprocess\.(on|once|off|removeListener|stdout|stderr|stdin|exit)\b/.test(source(f)));
    expect(offenders).toEqual([]);
  });
});
