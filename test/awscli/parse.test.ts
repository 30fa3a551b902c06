import { describe, expect, it } from '@jest/globals';
import { CliUsageError, parseAwsArgs, splitCommandLine } from '../../src/awscli/index.js';

const files: Record<string, string> = { '/w/policy.json': '{"Version":"2012-10-17"}', '/w/data.bin': '\u0001\u0002' };
const io = {
  cwd: '/w',
  readFile(path: string): Uint8Array {
    if (!(path in files)) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
    return new TextEncoder().encode(files[path]);
  },
};
const parse = (line: string) => parseAwsArgs(splitCommandLine(line), io);
function usageOf(line: string): string {
  try {
    parse(line);
  } catch (e) {
    expect(e).toBeInstanceOf(CliUsageError);
    expect((e as CliUsageError).exitCode).toBe(252);
    return (e as Error).message;
  }
  throw new Error(`no usage error for: ${line}`);
}

describe('parseAwsArgs', () => {
  it('maps kebab-case operations and options to API names', () => {
    const c = parse('kms schedule-key-deletion --key-id alias/app --pending-window-in-days 7');
    expect(c).toMatchObject({ service: 'kms', operation: 'ScheduleKeyDeletion', cliOperation: 'schedule-key-deletion' });
    expect(c.request).toEqual({ KeyId: 'alias/app', PendingWindowInDays: 7 });
  });

  it('reads blobs as base64 by default and as raw text with raw-in-base64-out', () => {
    expect(parse('kms encrypt --key-id k --plaintext aGVsbG8=').request.Plaintext).toEqual(new TextEncoder().encode('hello'));
    expect(parse('kms encrypt --key-id k --plaintext hello --cli-binary-format raw-in-base64-out').request.Plaintext).toEqual(
      new TextEncoder().encode('hello'),
    );
    expect(parse('kms encrypt --key-id k --plaintext fileb://data.bin').request.Plaintext).toEqual(new Uint8Array([1, 2]));
  });

  it('explains a blob that is not base64, naming fileb:// and --cli-binary-format', () => {
    const msg = usageOf('kms encrypt --key-id k --plaintext hello');
    expect(msg).toMatch(/Invalid base64/);
    expect(msg).toMatch(/fileb:\/\//);
    expect(msg).toMatch(/--cli-binary-format raw-in-base64-out/);
  });

  it('parses shorthand maps, lists of structures and JSON', () => {
    expect(parse('kms encrypt --key-id k --plaintext AA== --encryption-context Dept=IT,App=web').request.EncryptionContext).toEqual({ Dept: 'IT', App: 'web' });
    expect(parse(`kms encrypt --key-id k --plaintext AA== --encryption-context '{"Dept":"IT"}'`).request.EncryptionContext).toEqual({ Dept: 'IT' });
    expect(parse('kms tag-resource --key-id k --tags TagKey=env,TagValue=prod TagKey=a,TagValue=b').request.Tags).toEqual([
      { TagKey: 'env', TagValue: 'prod' },
      { TagKey: 'a', TagValue: 'b' },
    ]);
    expect(parse('kms create-grant --key-id k --grantee-principal arn:aws:iam::111122223333:role/r --operations Decrypt Encrypt').request.Operations).toEqual([
      'Decrypt',
      'Encrypt',
    ]);
    expect(parse('kms create-grant --key-id k --grantee-principal p --operations [Decrypt,Encrypt] --constraints EncryptionContextSubset={Dept=IT}').request).toMatchObject({
      Operations: ['Decrypt', 'Encrypt'],
      Constraints: { EncryptionContextSubset: { Dept: 'IT' } },
    });
  });

  it('reads file:// as text and reports a missing file', () => {
    expect(parse('kms put-key-policy --key-id k --policy file://policy.json').request.Policy).toBe('{"Version":"2012-10-17"}');
    expect(usageOf('kms put-key-policy --key-id k --policy file://nope.json')).toMatch(/Unable to load paramfile file:\/\/nope.json/);
  });

  it('handles boolean flags, --no- forms and --opt=value', () => {
    expect(parse('kms create-key --multi-region').request.MultiRegion).toBe(true);
    expect(parse('kms create-key --no-multi-region --description=hi').request).toEqual({ MultiRegion: false, Description: 'hi' });
  });

  it('collects global options anywhere on the line', () => {
    const c = parse('--region eu-west-1 kms list-keys --output text --query Keys[].KeyId --max-items 2 --no-paginate');
    expect(c.globals).toMatchObject({ region: 'eu-west-1', output: 'text', query: 'Keys[].KeyId', maxItems: 2, paginate: false });
  });

  it('sends an unknown KMS enum value to the service (the AWS CLI v2 does not check enums)', () => {
    expect(parse('kms create-key --key-usage NOPE').request).toEqual({ KeyUsage: 'NOPE' });
  });

  it('reports missing required options, unknown options, bad enums and misspelt operations', () => {
    expect(usageOf('kms describe-key')).toBe('aws: error: the following arguments are required: --key-id');
    expect(usageOf('kms encrypt')).toBe('aws: error: the following arguments are required: --key-id, --plaintext');
    expect(usageOf('kms list-keys --bogus 1')).toMatch(/^aws: error: Unknown options: --bogus, 1/);
    expect(usageOf('kms lst-keys')).toMatch(/maybe you meant: list-keys/);
    expect(usageOf('s3 ls')).toMatch(/Invalid choice 's3'; valid choices are: kms \| iam \| sts \| cloudtrail/);
    expect(usageOf('configure')).toMatch(/--profile/);
    expect(usageOf('kms schedule-key-deletion --key-id k --pending-window-in-days seven')).toMatch(/invalid int value: 'seven'/);
    expect(usageOf('kms list-keys --output yaml')).toMatch(/--output: Invalid choice 'yaml'/);
    expect(usageOf('kms list-keys --query "Keys[["')).toMatch(/Bad value for --query/);
  });

  it('reads --cli-input-json, with command-line options taking precedence', () => {
    files['/w/input.json'] = '{"KeyId": "from-json", "PendingWindowInDays": 10}';
    expect(parse('kms schedule-key-deletion --cli-input-json file://input.json').request).toEqual({ KeyId: 'from-json', PendingWindowInDays: 10 });
    expect(parse('kms schedule-key-deletion --cli-input-json file://input.json --key-id k').request).toEqual({ KeyId: 'k', PendingWindowInDays: 10 });
    expect(usageOf(`kms schedule-key-deletion --cli-input-json '{"KeyId": 5}'`)).toMatch(/Invalid type for parameter input.KeyId/);
    expect(usageOf(`kms schedule-key-deletion --cli-input-json '{"Nope": 1}'`)).toMatch(/Unknown parameter in input: "Nope"/);
    expect(usageOf('kms schedule-key-deletion --cli-input-json {')).toMatch(/Invalid JSON/);
  });

  it('generates an input skeleton', () => {
    expect(JSON.parse(parse('kms create-grant --generate-cli-skeleton').skeleton ?? '')).toMatchObject({
      KeyId: '',
      Operations: ['Decrypt'],
      Constraints: { EncryptionContextSubset: { KeyName: '' } },
    });
  });

  it('reads timestamps as ISO 8601 (UTC when no zone is given) or epoch seconds', () => {
    const at = (v: string) => (parse(`cloudtrail lookup-events --start-time ${v}`).request.StartTime as Date).toISOString();
    expect(at('2026-11-28')).toBe('2026-11-28T00:00:00.000Z');
    expect(at('2026-11-28T10:30:00')).toBe('2026-11-28T10:30:00.000Z');
    expect(at('2026-11-28T10:30:00.5+02:00')).toBe('2026-11-28T08:30:00.500Z');
    expect(at('1800000000')).toBe('2027-01-15T08:00:00.000Z');
    expect(usageOf('cloudtrail lookup-events --start-time yesterday')).toMatch(/invalid timestamp 'yesterday'/);
    expect(usageOf('cloudtrail lookup-events --start-time 2026-02-31')).toMatch(/invalid timestamp/);
  });

  it('keeps every usage error on one line', () => {
    for (const line of ['kms create-key --tags TagKey', `kms encrypt --key-id k --plaintext AA== --encryption-context '{"a":'`, 'kms create-key --tags TagKey=a,TagValue=[b']) {
      const msg = usageOf(line);
      expect(msg.split('\n')).toHaveLength(1);
    }
    expect(usageOf('kms create-key --tags TagKey')).toBe(
      `aws: error: Error parsing parameter '--tags': Expected: '=', received: end of input at position 6 of "TagKey"`,
    );
  });

  it('recognises help', () => {
    expect(parse('kms help').help).toBe(true);
    expect(parse('kms encrypt help')).toMatchObject({ help: true, operation: 'Encrypt' });
  });
});
