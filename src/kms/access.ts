// Stand-ins until src/policy is wired in: a permissive AccessControl and the default identity state.
// Differs: allowAllAccess allows every call (tests of non-access behaviour only); the policies it writes are AWS's defaults.
import { defaultIamState as iamDefaults } from '../iam/state.js';
import type { IamState } from '../iam/types.js';
import { MalformedPolicyDocumentException } from './errors.js';
import type { AccessControl } from './types.js';
import { awsManagedKeyPolicy, defaultKeyPolicy } from '../policy/templates.js';

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
  // The same documents the real access control gives (src/policy/templates.ts).
  defaultKeyPolicy,
  awsManagedKeyPolicy,
};

/** The identity state a new engine starts with: src/iam's seeded accounts and admin user. */
export function defaultIamState(): IamState {
  return iamDefaults();
}
