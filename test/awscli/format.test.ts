// Output formats against the real AWS CLI formatter: fixtures/awscli-formatter-outputs.json was recorded by
// running awscli's own TableFormatter (title "DescribeKey", colour off, 80 columns) and text.format_text
// (awscli 1.45.11; v2 ships the same formatter, table and text modules) on each input.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { formatTable } from '../../src/awscli/format/table.js';
import { formatText } from '../../src/awscli/format/text.js';
import { formatOutput, formatServiceError, isoTimestamp, normalize, type ParsedCommand } from '../../src/awscli/index.js';
import type { Json } from '../../src/awscli/format/normalize.js';

const cases = JSON.parse(readFileSync(new URL('./fixtures/awscli-formatter-outputs.json', import.meta.url), 'utf8')) as Record<
  string,
  { input: Json; table: string; text: string }
>;

function cmd(globals: Partial<ParsedCommand['globals']> = {}): ParsedCommand {
  return { service: 'kms', operation: 'DescribeKey', cliOperation: 'describe-key', request: {}, globals: { paginate: true, binaryFormat: 'base64', ...globals } };
}

describe('text and table output', () => {
  it.each(Object.keys(cases))('%s matches awscli byte for byte', (name) => {
    expect(formatTable('DescribeKey', cases[name].input)).toBe(cases[name].table);
    expect(formatText(cases[name].input)).toBe(cases[name].text);
  });
});

describe('json output', () => {
  it('indents with 4 spaces, prints blobs as base64 and timestamps as v2 does', () => {
    const out = formatOutput({ CiphertextBlob: new Uint8Array([104, 105]), CreationDate: new Date(Date.UTC(2026, 10, 28, 13, 48, 25, 123)) }, cmd());
    expect(out).toBe('{\n    "CiphertextBlob": "aGk=",\n    "CreationDate": "2026-11-28T13:48:25.123000+00:00"\n}\n');
  });

  it('drops fractional seconds when they are zero, like Python isoformat', () => {
    expect(isoTimestamp(new Date(Date.UTC(2026, 0, 2, 3, 4, 5)))).toBe('2026-01-02T03:04:05+00:00');
    expect(isoTimestamp(new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 7)))).toBe('2026-01-02T03:04:05.007000+00:00');
  });

  it('prints nothing for an empty response and applies --query', () => {
    expect(formatOutput({}, cmd())).toBe('');
    expect(formatOutput({ KeyMetadata: { KeyId: 'k' } }, cmd({ query: 'KeyMetadata.KeyId' }))).toBe('"k"\n');
    expect(formatOutput({ KeyMetadata: { KeyId: 'k' } }, cmd({ query: 'KeyMetadata.KeyId', output: 'text' }))).toBe('k\n');
    expect(formatOutput({ Aliases: [{ AliasName: 'alias/a' }] }, cmd({ query: "Aliases[?AliasName==`alias/a`] | length(@)" }))).toBe('1\n');
  });

  it('normalizes nested values and leaves out undefined members', () => {
    expect(normalize({ a: undefined, b: [new Uint8Array([0])], c: null })).toEqual({ b: ['AA=='], c: null });
  });
});

describe('service errors', () => {
  it('reads as AWS CLI v2 prints them', () => {
    expect(formatServiceError('NotFoundException', 'Key does not exist', 'DescribeKey')).toBe(
      '\nAn error occurred (NotFoundException) when calling the DescribeKey operation: Key does not exist\n',
    );
  });
});
