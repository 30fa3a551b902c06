// Shell-like splitting, shorthand syntax, base64 rules, kebab names and help text.
import { describe, expect, it } from '@jest/globals';
import { CliUsageError, decodeBase64, encodeBase64, kebab, operationHelp, splitCommandLine } from '../../src/awscli/index.js';
import { parseShorthand, parseShorthandList } from '../../src/awscli/shorthand.js';
import { closest } from '../../src/text/suggest.js';

describe('splitCommandLine', () => {
  it('splits on whitespace and honours quotes and escapes', () => {
    expect(splitCommandLine(`aws kms encrypt --plaintext 'hello world' --x "a \\"b\\" $c" d\\ e`)).toEqual([
      'aws', 'kms', 'encrypt', '--plaintext', 'hello world', '--x', 'a "b" $c', 'd e',
    ]);
    expect(splitCommandLine(`--policy '{"a": "b"}'`)).toEqual(['--policy', '{"a": "b"}']);
    expect(splitCommandLine("a '' b")).toEqual(['a', '', 'b']);
    expect(splitCommandLine('aws kms list-keys \\\n  --output text')).toEqual(['aws', 'kms', 'list-keys', '--output', 'text']);
  });

  it('rejects an unterminated quote as a usage error', () => {
    expect(() => splitCommandLine("aws kms encrypt --plaintext 'oops")).toThrow(CliUsageError);
    expect(() => splitCommandLine('aws "oops')).toThrow(/unterminated double quote/);
  });
});

describe('shorthand', () => {
  it('reads maps, lists after a key, explicit lists, nested structures and quoted values', () => {
    expect(parseShorthand('Dept=IT,App=web', '--x')).toEqual({ Dept: 'IT', App: 'web' });
    expect(parseShorthand('Operations=Encrypt,Decrypt,Name=g', '--x')).toEqual({ Operations: ['Encrypt', 'Decrypt'], Name: 'g' });
    expect(parseShorthand('A=[x,y],B={C=d,E=[f]}', '--x')).toEqual({ A: ['x', 'y'], B: { C: 'd', E: ['f'] } });
    expect(parseShorthand(`A='a,b',B="c=d"`, '--x')).toEqual({ A: 'a,b', B: 'c=d' });
    expect(parseShorthand('A=', '--x')).toEqual({ A: '' });
    expect(parseShorthandList('a,b,c', '--x')).toEqual(['a', 'b', 'c']);
    expect(parseShorthandList('[a, b]', '--x')).toEqual(['a', 'b']);
  });

  it('reports where the shorthand went wrong', () => {
    expect(() => parseShorthand('Dept', '--encryption-context')).toThrow(/Error parsing parameter '--encryption-context': Expected: '='/);
    expect(() => parseShorthand('A={B=c', '--x')).toThrow(CliUsageError);
    expect(() => parseShorthand('A=[b', '--x')).toThrow(CliUsageError);
  });
});

describe('base64', () => {
  it('round-trips and refuses text that is not strict base64', () => {
    for (const s of ['', 'a', 'ab', 'abc', 'hello world']) {
      const bytes = new TextEncoder().encode(s);
      expect(decodeBase64(encodeBase64(bytes))).toEqual(bytes);
    }
    expect(encodeBase64(new TextEncoder().encode('hello'))).toBe('aGVsbG8=');
    expect(decodeBase64('hello')).toBeUndefined();
    expect(decodeBase64('aGVsbG8')).toBeUndefined();
    expect(decodeBase64('a b=')).toBeUndefined();
    expect(decodeBase64('test')).toEqual(new Uint8Array([0xb5, 0xeb, 0x2d])); // the classic surprise: "test" is valid base64
  });
});

describe('names and suggestions', () => {
  it('turns API names into CLI names as botocore does', () => {
    expect(kebab('GenerateDataKeyPairWithoutPlaintext')).toBe('generate-data-key-pair-without-plaintext');
    expect(kebab('ReEncrypt')).toBe('re-encrypt');
    expect(kebab('CustomerMasterKeySpec')).toBe('customer-master-key-spec');
    expect(kebab('PolicyARNs')).toBe('policy-arns');
  });

  it('suggests the closest names', () => {
    expect(closest('lst-keys', ['list-keys', 'list-aliases'])).toEqual(['list-keys']);
    expect(closest('zzzzzz', ['list-keys'])).toEqual([]);
  });
});

describe('help', () => {
  it('describes an operation with its options, required flags and enums', () => {
    const h = operationHelp('kms', 'schedule-key-deletion');
    expect(h).toMatch(/^kms schedule-key-deletion {2}\(ScheduleKeyDeletion\)/);
    expect(h).toMatch(/--key-id \(string, required\)/);
    expect(h).toMatch(/--pending-window-in-days \(integer, optional\)/);
    expect(operationHelp('kms', 'create-key')).toMatch(/one of: SIGN_VERIFY, ENCRYPT_DECRYPT/);
  });

  it('shows worked examples for common operations, and every example parses', async () => {
    expect(operationHelp('kms', 'encrypt')).toMatch(/Examples:\n.*raw-in-base64-out/);
    const { EXAMPLES } = await import('../../src/awscli/examples.js');
    const { parseAwsArgs } = await import('../../src/awscli/index.js');
    const io = { cwd: '/x', readFile: () => new Uint8Array([1]) };
    for (const lines of Object.values(EXAMPLES))
      for (const line of lines.filter((l) => !l.startsWith('#'))) expect(parseAwsArgs(splitCommandLine(line.replace('<key ARN>', 'arn:aws:kms:us-east-1:111122223333:key/k')).slice(1), io).operation).toBeTruthy();
  });

  it('lists the operations of a service and the services', () => {
    expect(operationHelp('kms', '')).toMatch(/\n {2}rotate-key-on-demand +Rotate/);
    expect(operationHelp('', '')).toMatch(/cloudtrail/);
  });
});
