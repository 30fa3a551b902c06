// Operations learners expect but KMS lacks: the parser names what to use instead rather than every operation,
// and no entry of the table shadows or points at an operation the model does not have.
import { describe, expect, it } from '@jest/globals';
import { parseAwsArgs } from '../../src/awscli/parse.js';
import { CliUsageError } from '../../src/awscli/errors.js';
import { splitCommandLine } from '../../src/awscli/split.js';
import { MISSING_OPERATIONS, missingOperationNote } from '../../src/awscli/missing-operations.js';
import { cliOperationNames } from '../../src/awscli/model/index.js';

const io = { readFile: () => new Uint8Array(), cwd: '.' };
function usageOf(line: string): string {
  try {
    parseAwsArgs(splitCommandLine(line), io);
  } catch (e) {
    expect(e).toBeInstanceOf(CliUsageError);
    return (e as Error).message;
  }
  throw new Error(`${line} parsed`);
}

describe('operations KMS does not have', () => {
  it('delete-key points at schedule-key-deletion and its waiting period, without the operation list', () => {
    const m = usageOf('kms delete-key --key-id alias/reports');
    expect(m).toBe(
      "aws: error: argument operation: Invalid choice 'delete-key'; KMS has no DeleteKey: keys are deleted by schedule-key-deletion after a 7–30 day wait (cancel-key-deletion stops it)",
    );
    expect(m).not.toContain('list-keys');
  });

  it('rotate-key names rotate-key-on-demand and enable-key-rotation', () => {
    expect(usageOf('kms rotate-key --key-id k')).toMatch(/KMS has no RotateKey: rotate-key-on-demand .*enable-key-rotation/);
  });

  it('a plain typo still gets the did-you-mean, and other services are unaffected', () => {
    expect(usageOf('kms delet-alias')).toMatch(/maybe you meant: delete-alias/);
    expect(missingOperationNote('iam', 'delete-key')).toBeUndefined();
    expect(missingOperationNote('kms', 'toString')).toBeUndefined();
  });

  it('every entry is really missing from the model, and every operation it recommends exists', () => {
    const ops = new Set(cliOperationNames('kms'));
    for (const [name, note] of Object.entries(MISSING_OPERATIONS.kms)) {
      expect(ops.has(name)).toBe(false);
      const named = [...note.matchAll(/\b([a-z]+(?:-[a-z]+)+)\b/g)].map((m) => m[1]).filter((w) => w !== name);
      for (const w of named) expect([w, ops.has(w)]).toEqual([w, true]);
    }
  });
});
