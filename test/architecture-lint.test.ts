// The import-direction lint (.dependency-cruiser.cjs, `npm run lint:arch`) run on fixtures: it must fail on a
// deliberate back-import, a service importing another service, I/O in a pure folder and a run-time cycle;
// it must accept downward imports and a type-only cycle; and the real src/ must pass.
import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
}

const run = (cwd: string, output: string) => spawnSync(process.execPath, [BIN, 'src', '--config', CONFIG, '--output-type', output], { cwd, encoding: 'utf8' });

/**
 * Runs the lint on `<cwd>/src`: the exit code as `npm run lint:arch` sees it (the `err` reporter exits with the
 * number of errors; the `json` reporter always exits 0) and the violations from the json report.
 */
function lint(cwd: string): { status: number | null; violations: Violation[] } {
  const json = run(cwd, 'json');
  if (!json.stdout) throw new Error(`dependency-cruiser printed nothing: ${json.stderr}`);
  const out = JSON.parse(json.stdout) as { summary: { violations: Violation[] } };
  return { status: run(cwd, 'err').status, violations: out.summary.violations };
}

describe('import-direction lint', () => {
  it('fails on a back-import, a service importing a service, I/O in a pure folder and a run-time cycle', () => {
    const { status, violations } = lint(join(ROOT, 'test/fixtures/arch/back-import'));
    expect(status).toBe(4);
    const found = violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`).sort();
    expect(found).toEqual([
      'direction-iam: src/iam/peek.ts -> src/kms/leak.ts',
      'direction-kms: src/kms/leak.ts -> src/cli/main.ts',
      'no-circular: src/sim/a.ts -> src/sim/b.ts',
      'pure-no-io: src/kms/leak.ts -> fs',
    ]);
  });

  it('accepts downward imports that skip levels and a type-only cycle', () => {
    expect(lint(join(ROOT, 'test/fixtures/arch/allowed'))).toEqual({ status: 0, violations: [] });
  });

  it('passes on the real src/', () => {
    const { status, violations } = lint(ROOT);
    expect(violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`)).toEqual([]);
    expect(status).toBe(0);
  });
});
