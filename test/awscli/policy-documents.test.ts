// IAM policy documents print as AWS CLI v2 prints them (decoded to a JSON object, in json, text and table
// output, and for --query); KMS key policies stay strings, as in v2.
import { describe, expect, it } from '@jest/globals';
import { decodePolicyDocument, decodePolicyDocuments } from '../../src/awscli/format/policy-documents.js';
import { runCli, tempHome } from '../helpers/cli.js';

const DOC = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:Decrypt","Resource":"*"}]}';
const TRUST = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}';

async function sandbox() {
  const home = tempHome();
  const aws = async (...args: string[]) => {
    const r = await runCli(['aws', ...args], { home });
    expect(r.stderr).toBe('');
    return r.stdout;
  };
  await aws('iam', 'create-role', '--role-name', 'app', '--assume-role-policy-document', TRUST);
  await aws('iam', 'put-role-policy', '--role-name', 'app', '--policy-name', 'decrypt', '--policy-document', DOC);
  await aws('iam', 'create-user', '--user-name', 'ana');
  await aws('iam', 'put-user-policy', '--user-name', 'ana', '--policy-name', 'decrypt', '--policy-document', DOC);
  await aws('iam', 'create-policy', '--policy-name', 'managed', '--policy-document', DOC);
  return aws;
}

describe('IAM policy documents in AWS CLI v2 output', () => {
  it('json: get-role-policy, get-user-policy, get-policy-version and get-role print the document as an object', async () => {
    const aws = await sandbox();
    const doc = JSON.parse(DOC) as unknown;
    expect(JSON.parse(await aws('iam', 'get-role-policy', '--role-name', 'app', '--policy-name', 'decrypt'))).toEqual({
      RoleName: 'app',
      PolicyName: 'decrypt',
      PolicyDocument: doc,
    });
    expect(JSON.parse(await aws('iam', 'get-user-policy', '--user-name', 'ana', '--policy-name', 'decrypt')).PolicyDocument).toEqual(doc);
    const version = JSON.parse(await aws('iam', 'get-policy-version', '--policy-arn', 'arn:aws:iam::111122223333:policy/managed', '--version-id', 'v1')) as {
      PolicyVersion: { Document: unknown };
    };
    expect(version.PolicyVersion.Document).toEqual(doc);
    const role = JSON.parse(await aws('iam', 'get-role', '--role-name', 'app')) as { Role: { AssumeRolePolicyDocument: unknown } };
    expect(role.Role.AssumeRolePolicyDocument).toEqual(JSON.parse(TRUST));
    // Printed as nested JSON with 4-space indents, not as an escaped string.
    expect(await aws('iam', 'get-role-policy', '--role-name', 'app', '--policy-name', 'decrypt')).toContain(
      '    "PolicyDocument": {\n        "Version": "2012-10-17",',
    );
  });

  it('--query reaches into the decoded document', async () => {
    const aws = await sandbox();
    expect(JSON.parse(await aws('iam', 'get-role', '--role-name', 'app', '--query', 'Role.AssumeRolePolicyDocument.Statement[0].Principal.Service'))).toBe(
      'lambda.amazonaws.com',
    );
  });

  it('text: the document becomes POLICYDOCUMENT and STATEMENT rows', async () => {
    const aws = await sandbox();
    expect(await aws('iam', 'get-role-policy', '--role-name', 'app', '--policy-name', 'decrypt', '--output', 'text')).toBe(
      'decrypt\tapp\nPOLICYDOCUMENT\t2012-10-17\nSTATEMENT\tkms:Decrypt\tAllow\t*\n',
    );
    const role = await aws('iam', 'get-role', '--role-name', 'app', '--output', 'text');
    expect(role).toContain('ASSUMEROLEPOLICYDOCUMENT\t2012-10-17\nSTATEMENT\tsts:AssumeRole\tAllow\nPRINCIPAL\tlambda.amazonaws.com\n');
  });

  it('table: the document is a nested table, not one long cell', async () => {
    const aws = await sandbox();
    const t = await aws('iam', 'get-role-policy', '--role-name', 'app', '--policy-name', 'decrypt', '--output', 'table');
    expect(t).toMatch(/\|\| +PolicyDocument +\|\|/);
    expect(t).toMatch(/\|\|\| +Statement +\|\|\|/);
    expect(t).toMatch(/\|\|\| +kms:Decrypt\| +Allow +\| +\* +\|\|\|/);
    expect(t).not.toContain('{"Version"');
  });

  it('a KMS key policy stays a string, as in v2', async () => {
    const home = tempHome();
    const key = JSON.parse((await runCli(['aws', 'kms', 'create-key'], { home })).stdout) as { KeyMetadata: { KeyId: string } };
    const out = JSON.parse((await runCli(['aws', 'kms', 'get-key-policy', '--key-id', key.KeyMetadata.KeyId], { home })).stdout) as { Policy: unknown };
    expect(typeof out.Policy).toBe('string');
  });
});

describe('decodePolicyDocument', () => {
  it('decodes URL-encoded JSON (what IAM returns) and plain JSON to the same object', () => {
    expect(decodePolicyDocument(encodeURIComponent(DOC))).toEqual(JSON.parse(DOC));
    expect(decodePolicyDocument(DOC)).toEqual(JSON.parse(DOC));
  });
  it('leaves a value that does not decode or parse as it is', () => {
    expect(decodePolicyDocument('not json')).toBe('not json');
    expect(decodePolicyDocument('%E0%A4%A')).toBe('%E0%A4%A');
  });
  it('decodes only IAM members of the policy document shape', () => {
    const r = { Versions: [{ Document: DOC, VersionId: 'v1' }], Other: { Document: DOC }, PolicyDocument: DOC };
    expect(decodePolicyDocuments('iam', r)).toEqual({
      Versions: [{ Document: JSON.parse(DOC), VersionId: 'v1' }],
      Other: { Document: DOC },
      PolicyDocument: JSON.parse(DOC),
    });
    expect(decodePolicyDocuments('kms', r)).toBe(r);
  });
});
