// A data directory that cannot be used (here: its path runs through a regular file, ENOTDIR, since tests run as
// root where chmod stops nothing) is the learner's news: one line naming the path and cause, exit 74.
import { describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXIT } from '../../src/exit-codes.js';
import { runCli, tempHome } from '../helpers/cli.js';

describe('a data directory under a regular file', () => {
  for (const argv of [['aws', 'kms', 'list-keys'], ['stats']]) {
    it(`${argv.join(' ')}: one line naming the path, ENOTDIR, exit 74, never "a bug"`, async () => {
      const base = tempHome();
      writeFileSync(join(base, 'file'), 'x');
      const home = join(base, 'file', 'sub');
      const r = await runCli(argv, { home });
      expect(r.code).toBe(EXIT.ENVIRONMENT);
      expect(r.stderr).toMatch(new RegExp(`^kms-study: cannot [a-z ]+ ${home.replace(/[/.-]/g, '\\$&')}/\\S+: a part of the path is not a directory \\(ENOTDIR\\)\\n$`));
      expect(r.stderr).not.toContain('bug');
    });
  }
});
