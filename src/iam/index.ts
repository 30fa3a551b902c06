// Public entry of the identity piece: seeded accounts and users, principal resolution, identity policies,
// and the IAM operations the labs and the sandbox use (aws iam ...).
export { defaultIamState, principalFromArn, assumedRole, identityPoliciesOf, findUser, findRole, ADMIN_POLICY_ARN } from './state.js';
export { executeIam, IAM_OPERATIONS } from './operations.js';
export type { IamContext } from './operations.js';
