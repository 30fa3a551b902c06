// Every transcript in test/golden/*.txt, re-run and compared byte for byte. UPDATE_GOLDEN=1 rewrites
// the files from their scripts (review the diff before committing).
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTranscript, scriptOf } from './transcript.js';
import { SERVICES, kebab } from '../../src/awscli/index.js';
import { freshWorld } from '../../src/sim/world.js';
import { ManualClock, SeededRandom } from '../../src/aws/ports.js';

const DIR = fileURLToPath(new URL('.', import.meta.url));
const FILES: Record<string, string> = {
  'policy.json': JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' }],
  }),
  'bad-policy.json': '{"Version": "2012-10-17", "Statement": [',
};
const names = readdirSync(DIR).filter((f) => f.endsWith('.txt')).sort();

describe('golden transcripts', () => {
  it.each(names)('%s', async (name) => {
    const text = readFileSync(join(DIR, name), 'utf8');
    const actual = await runTranscript(name, scriptOf(text), FILES);
    if (process.env.UPDATE_GOLDEN) writeFileSync(join(DIR, name), actual);
    else expect(actual).toBe(text);
  });

  it('covers every KMS operation of the model with an error, and a success once the engine supports it', () => {
    const supported = new Set(freshWorld(new ManualClock(), new SeededRandom('ops')).kms.operations());
    const all = names.map((n) => readFileSync(join(DIR, n), 'utf8')).join('\n');
    const missing: string[] = [];
    // The account has no custom key store and the simulator cannot create one (operations/custom-key-stores.ts):
    // these operations can only fail, so only their error is required.
    const neverSucceed = new Set(['CreateCustomKeyStore', 'ConnectCustomKeyStore', 'DisconnectCustomKeyStore', 'UpdateCustomKeyStore', 'DeleteCustomKeyStore']);
    for (const op of SERVICES.kms.operations) {
      const cli = kebab(op.name);
      const blocks = all.split(/\n(?=\$ aws |# )/).filter((b) => b.startsWith(`$ aws kms ${cli} `) || b.startsWith(`$ aws kms ${cli}\n`));
      const ok = blocks.some((b) => /\[exit 0\]\s*$/.test(b));
      const err = blocks.some((b) => /\[exit 25[24]\]\s*$/.test(b));
      if (!err || (!ok && supported.has(op.name) && !neverSucceed.has(op.name))) missing.push(`${cli}${ok ? '' : ' (success)'}${err ? '' : ' (error)'}`);
    }
    if (missing.length)
      throw new Error(
        `KMS operations without a golden transcript: ${missing.join(', ')}.\n` +
          'Add `$ aws kms <operation> ...` lines (a success and an error) to a test/golden/*.txt file, then run ' +
          'UPDATE_GOLDEN=1 npx jest test/golden and review the diff.',
      );
  });
});

