// Stand-ins until src/policy is wired in: a permissive AccessControl and the default identity state.
// Differs: allowAllAccess allows every call (tests of non-access behaviour only); the policies it writes are AWS's defaults.
import { defaultIamState as iamDefaults } from '../iam/state.js';
import type { IamState } from '../iam/types.js';
import { MalformedPolicyDocumentException } from './errors.js';
import type { AccessControl } from './types.js';

/** The default key policy AWS gives a key created without a policy (key-policy-default.html). */
export function defaultKeyPolicyDocument(accountId: string): string {
  return JSON.stringify(
    {
      Version: '2012-10-17',
      Id: 'key-default-1',
      Statement: [
        { Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${accountId}:root` }, Action: 'kms:*', Resource: '*' },
      ],
    },
    null,
    2,
  );
}

/** The shape of the policy AWS gives an AWS managed key: use only via the service, by principals of the account. */
export function awsManagedKeyPolicyDocument(accountId: string, service: string, region: string): string {
  return JSON.stringify(
    {
      Version: '2012-10-17',
      Id: `auto-${service}-1`,
      Statement: [
        {
          Sid: `Allow access through ${service} for all principals in the account that are authorized to use ${service}`,
          Effect: 'Allow',
          Principal: { AWS: '*' },
          Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:CreateGrant', 'kms:DescribeKey'],
          Resource: '*',
          Condition: { StringEquals: { 'kms:CallerAccount': accountId, 'kms:ViaService': `${service}.${region}.amazonaws.com` } },
        },
        {
          Sid: 'Allow direct access to key metadata to the account',
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${accountId}:root` },
          Action: ['kms:Describe*', 'kms:Get*', 'kms:List*'],
          Resource: '*',
        },
      ],
    },
    null,
    2,
  );
}

/** Allows everything; validates only that a key policy is a JSON object. */
export const allowAllAccess: AccessControl = {
  authorize: () => ({ allowed: true, reason: 'Allowed', allowedBy: 'key-policy', trace: [] }),
  validateKeyPolicy(document: string) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(document);
    } catch {
      throw new MalformedPolicyDocumentException('The policy document is not valid JSON.');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new MalformedPolicyDocumentException('The policy document must be a JSON object.');
    }
  },
  defaultKeyPolicy: defaultKeyPolicyDocument,
  awsManagedKeyPolicy: awsManagedKeyPolicyDocument,
};

/** The identity state a new engine starts with: src/iam's seeded accounts and admin user. */
export function defaultIamState(): IamState {
  return iamDefaults();
}
