// Fuzz: thousands of seeded random and mutated command lines through splitCommandLine, parseAwsArgs and
// runAws. Every outcome must be a clean usage error (CliUsageError, exit 252/253), a clean service error
// (exit 254 with the v2 error line) or a success; any other exception is a bug.
import { describe, expect, it } from '@jest/globals';
import { CliUsageError, parseAwsArgs, splitCommandLine } from '../../src/awscli/index.js';
import { ManualClock, SeededRandom } from '../../src/aws/ports.js';
import { Rng, randomOperationArgv } from '../helpers/rng.js';
import { runAws } from '../../src/awscli/run.js';
import { DEFAULT_PROFILES, callerFor } from '../../src/awscli/profiles.js';
import { freshWorld } from '../../src/sim/world.js';


const SEEDS = [
  'kms create-key --description demo --tags TagKey=env,TagValue=prod --multi-region',
  'kms encrypt --key-id alias/app --plaintext aGVsbG8= --encryption-context Dept=IT,App=web',
  "kms encrypt --key-id alias/app --plaintext 'hello' --cli-binary-format raw-in-base64-out",
  'kms decrypt --ciphertext-blob fileb://ct.bin --query Plaintext --output text',
  'kms create-grant --key-id k --grantee-principal arn:aws:iam::111122223333:user/dev --operations Decrypt Encrypt --constraints EncryptionContextSubset={Dept=IT}',
  'kms list-keys --max-items 1 --starting-token eyJNYXJrZXIiOiAiMSJ9 --page-size 1',
  'kms schedule-key-deletion --key-id k --pending-window-in-days 7',
  `kms put-key-policy --key-id k --policy '{"Version":"2012-10-17","Statement":[]}'`,
  'iam simulate-principal-policy --policy-source-arn arn:aws:iam::111122223333:user/dev --action-names kms:Decrypt',
  'cloudtrail lookup-events --lookup-attributes AttributeKey=EventName,AttributeValue=Decrypt --start-time 2026-01-01T00:00:00Z --end-time 1800000000',
  'kms list-aliases --output table --query "Aliases[?starts_with(AliasName, `alias/`)]"',
  'kms tag-resource --key-id k --tags \'[{"TagKey":"a","TagValue":"b"}]\'',
  'sts get-caller-identity --profile auditor --region eu-west-1',
];

const TOKENS = [
  '--key-id', '--plaintext', '--tags', '--query', '--output', 'text', 'table', 'json', 'yaml', '--max-items', '0', '-1', '99999999999999999999',
  '--starting-token', 'AAAA', '!!', '{', '}', '[', ']', '[a,b]', '{a=b}', 'a=', '=b', 'Key=Value,', ',,', "'", '"', '\\', '$KEY', 'file://',
  'fileb://', 'file://nope', 'help', '--no-paginate', '--profile', 'nobody', '--region', 'mars-1', '--cli-binary-format', 'raw-in-base64-out',
  '--encryption-context', '{"a":1}', '{"a":"b"}', 'null', 'true', '--multi-region', '--no-multi-region', '--dry-run', '--limit', 'x', '',
  'alias/aws/s3', 'arn:aws:kms:us-east-1:111122223333:key/1234', '--', '-', '--=', 'TagKey=a,TagValue=b', '\u0000', 'é', '💥',
];

function mutate(rng: Rng, words: string[]): string[] {
  const w = [...words];
  const n = 1 + rng.int(4);
  for (let i = 0; i < n; i++) {
    const op = rng.int(5);
    const at = rng.int(w.length + 1);
    if (op === 0 && w.length) w.splice(rng.int(w.length), 1);
    else if (op === 1) w.splice(at, 0, rng.pick(TOKENS));
    else if (op === 2 && w.length) {
      const j = rng.int(w.length);
      const s = w[j];
      const k = rng.int(s.length + 1);
      w[j] = s.slice(0, k) + rng.pick(TOKENS) + s.slice(k + rng.int(3));
    } else if (op === 3 && w.length > 1) {
      const j = rng.int(w.length);
      [w[0], w[j]] = [w[j], w[0]];
    } else w.splice(at, 0, rng.pick(TOKENS), rng.pick(TOKENS));
  }
  return w;
}

function randomLine(rng: Rng): string[] {
  return randomOperationArgv(rng, { blobs: ['aGVsbG8=', 'hello', 'AAAA', ''], other: TOKENS });
}

const io = {
  cwd: '/fuzz',
  readFile(path: string): Uint8Array {
    if (path.endsWith('ct.bin')) return new Uint8Array([1, 2, 3]);
    throw new Error(`[Errno 2] No such file or directory: '${path}'`);
  },
};

describe('fuzzing the CLI language', () => {
  it('parses thousands of mutated and random lines into a command or a clean usage error', () => {
    const rng = new Rng('fuzz-parse');
    let usage = 0;
    for (let i = 0; i < 4000; i++) {
      const argv = i % 2 ? randomLine(rng) : mutate(rng, splitCommandLine(rng.pick(SEEDS)));
      try {
        parseAwsArgs(argv, io);
      } catch (e) {
        if (!(e instanceof CliUsageError)) throw new Error(`argv ${JSON.stringify(argv)} threw ${(e as Error).stack}`);
        usage++;
      }
    }
    expect(usage).toBeGreaterThan(500);
  });

  it('splits random text into words or a clean usage error', () => {
    const rng = new Rng('fuzz-split');
    for (let i = 0; i < 3000; i++) {
      const line = Array.from({ length: rng.int(30) }, () => rng.pick([...TOKENS, ' ', ' ', "'", '"', '\\'])).join(rng.pick(['', ' ']));
      try {
        expect(Array.isArray(splitCommandLine(line))).toBe(true);
      } catch (e) {
        if (!(e instanceof CliUsageError)) throw new Error(`line ${JSON.stringify(line)} threw ${(e as Error).stack}`);
      }
    }
  });

  it('runs thousands of lines through runAws with only exit codes 0, 252, 253 or 254', async () => {
    const rng = new Rng('fuzz-run');
    const sim = freshWorld(new ManualClock(Date.UTC(2026, 10, 28)), new SeededRandom('fuzz-engine'), { serviceRandom: new SeededRandom('fuzz-iam') });
    const seen = new Map<number, number>();
    for (let i = 0; i < 2500; i++) {
      const argv = i % 2 ? randomLine(rng) : mutate(rng, splitCommandLine(rng.pick(SEEDS)));
      let r;
      try {
        r = await runAws(sim, argv, (g) => callerFor(sim, DEFAULT_PROFILES, g.profile ?? 'default', g.region), io);
      } catch (e) {
        throw new Error(`argv ${JSON.stringify(argv)} threw ${(e as Error).stack}`);
      }
      seen.set(r.exitCode, (seen.get(r.exitCode) ?? 0) + 1);
      if (r.exitCode === 254) expect(r.stderr).toMatch(/\nAn error occurred \(\w+\) when calling the \w+ operation: /);
      if (r.exitCode === 252) expect(r.stdout).toBe('');
      expect([0, 252, 253, 254]).toContain(r.exitCode);
    }
    expect([...seen.keys()].sort()).toEqual([0, 252, 253, 254]);
  });
});
