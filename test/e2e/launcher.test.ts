// bin/kms-study.js picks what to run: the bundle (dist/cli/bin.js) when the build made one, else tsc's output
// (dist/src/cli/bin.js). Stand-in programs that print their own name show which one ran.
import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { LAUNCHER } from '../helpers/shipped.js';

function tree(programs: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'kms-study-launcher-'));
  cpSync(LAUNCHER, join(dir, 'bin/kms-study.js'));
  writeFileSync(join(dir, 'package.json'), '{"name":"kms-study","type":"module"}');
  for (const p of programs) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), `process.stdout.write(${JSON.stringify(p)} + ' ' + process.argv.slice(2).join(' '));\n`);
  }
  return dir;
}

const launch = (dir: string) => spawnSync(process.execPath, [join(dir, 'bin/kms-study.js'), 'lab', 'x'], { encoding: 'utf8', timeout: 30_000 });

describe('the launcher', () => {
  it('runs the bundle when both the bundle and tsc output are built, with the arguments', () => {
    const dir = tree(['dist/cli/bin.js', 'dist/src/cli/bin.js']);
    expect(launch(dir)).toMatchObject({ status: 0, stdout: 'dist/cli/bin.js lab x', stderr: '' });
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs tsc output when there is no bundle', () => {
    const dir = tree(['dist/src/cli/bin.js']);
    expect(launch(dir)).toMatchObject({ status: 0, stdout: 'dist/src/cli/bin.js lab x', stderr: '' });
    rmSync(dir, { recursive: true, force: true });
  });

  it('says what is missing, with exit 74, when nothing is built and there is nothing to build with', () => {
    const dir = tree([]);
    const r = launch(dir);
    expect(r.status).toBe(74);
    expect(r.stderr).toMatch(/^kms-study: the compiled program is missing \(.*dist\/cli\/bin\.js\); reinstall the package/);
    rmSync(dir, { recursive: true, force: true });
  });
});
