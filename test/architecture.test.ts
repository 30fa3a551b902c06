// The boundary rule of the design as a test: the pure core (kms, policy, iam, awscli, labs, quiz) never
// touches the outside world, and only the CLI imports inquirer. A change that breaks the rule fails here.
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PURE = ['src/kms', 'src/policy', 'src/iam', 'src/awscli', 'src/labs', 'src/quiz', 'src/notes', 'src/text'];

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...tsFiles(p));
    else if (p.endsWith('.ts')) out.push(p);
  }
  return out;
}

const FORBIDDEN: [RegExp, string][] = [
  [/from\s+['"](node:)?(fs|fs\/promises|child_process|net|http|https|os|readline|process)['"]/, 'imports an I/O module'],
  [/\bprocess\.(env|argv|stdout|stderr|stdin|exit|cwd|pid)\b/, 'uses process'],
  [/\bconsole\.\w+\(/, 'writes to the console'],
  [/\bDate\.now\(\)/, 'reads the wall clock (use the Clock port)'],
  [/\bnew Date\(\)/, 'reads the wall clock (use the Clock port)'],
  [/\bMath\.random\(\)/, 'uses Math.random (use the Random port)'],
  [/from\s+['"](conf|@inquirer\/prompts|chalk)['"]/, 'imports a CLI/storage library'],
];

function stripComments(src: string): string {
  return src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

describe('architecture', () => {
  it('keeps the pure folders free of I/O, wall-clock time and Math.random', () => {
    const problems: string[] = [];
    for (const dir of PURE) {
      let files: string[] = [];
      try {
        files = tsFiles(join(ROOT, dir));
      } catch {
        continue;
      }
      for (const file of files) {
        const src = stripComments(readFileSync(file, 'utf8'));
        for (const [re, what] of FORBIDDEN) if (re.test(src)) problems.push(`${relative(ROOT, file)} ${what}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('imports @inquirer/prompts only from src/cli/prompter.ts', () => {
    const offenders = tsFiles(join(ROOT, 'src'))
      .filter((f) => /from\s+['"]@inquirer\/prompts['"]/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(ROOT, f))
      .filter((f) => f !== 'src/cli/prompter.ts');
    expect(offenders).toEqual([]);
  });

  it('keeps conf, inquirer and the engine out of the start-up path of main.ts', () => {
    const main = readFileSync(join(ROOT, 'src/cli/main.ts'), 'utf8');
    expect(main).not.toMatch(/from\s+['"](conf|@inquirer\/prompts)['"]/);
    for (const f of tsFiles(join(ROOT, 'src/cli/commands'))) {
      const src = readFileSync(f, 'utf8');
      // Commands declare options cheaply and import heavy modules inside their actions (await import()).
      expect({ file: relative(ROOT, f), staticHeavyImport: /^import[^;]*from\s+['"](conf|@inquirer\/prompts|\.\.\/\.\.\/kms\/engine\.js)['"]/m.test(src) })
        .toEqual({ file: relative(ROOT, f), staticHeavyImport: false });
    }
  });
});
