// Public entry of the access-control piece: the IAM policy language (parse, evaluate) and the KMS
// authorization decision the engine consults through the AccessControl port (src/kms/types.ts).
export { parsePolicy, parsePolicyCached } from './parse.js';
export { evaluatePolicy } from './evaluate.js';
export { explainDecision } from './explain.js';
export { createAccessControl, authorize } from './decision.js';
export { defaultKeyPolicy, awsManagedKeyPolicy } from './templates.js';
export { validateKeyPolicy } from './validate.js';
export { PolicyParseError } from './types.js';
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
