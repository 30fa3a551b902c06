// Public entry of the access-control piece: the IAM policy language (parse, evaluate) and the KMS
// authorization decision services consult through the kernel's AccessControl port (src/aws/access.ts).
export { parsePolicy, parsePolicyCached } from './parse.js';
export { evaluatePolicy } from './evaluate.js';
export { explainDecision } from './explain.js';
export { createAccessControl, authorize } from './decision.js';
export { defaultKeyPolicy, awsManagedKeyPolicy } from './templates.js';
export { validateKeyPolicy, keyPolicyProblem } from './validate.js';
export { PolicyParseError, KeyPolicyError } from './types.js';
export type {
  PolicyDocument,
  PolicyKind,
  Statement,
  StatementResult,
  ConditionClause,
  EvalRequest,
  RequestPrincipal,
  PrincipalSpec,
  PrincipalMatch,
} from './types.js';
export type { AccessControlOptions } from './decision.js';
