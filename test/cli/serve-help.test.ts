import { describe, expect, it } from '@jest/globals';
import { runCli } from '../helpers/cli.js';

describe('kms-study serve --help', () => {
  it('says that an unknown access key id acts as the default profile', async () => {
    const r = await runCli(['serve', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('any other key id (test, AKIA..., what you already use with local endpoints) acts as the default profile, and the log says so once per key id.');
  });
});
