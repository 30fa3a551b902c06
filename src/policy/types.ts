// The IAM policy language as the simulator parses it: documents, statements, condition clauses, and the
// per-statement evaluation result used by the KMS decision, its trace and the quiz's generated drills.
import type { ConditionContext } from '../aws/access.js';

/** Which kind of policy a document is: the parser enforces the Principal rules per kind. */
export type PolicyKind = 'key' | 'identity' | 'trust';

/** A Principal or NotPrincipal element, normalised. `any` is "*" or {"AWS": "*"}. */
export interface PrincipalSpec {
  any: boolean;
  aws: string[];
  service: string[];
  federated: string[];
}

export type SetOperator = 'ForAnyValue' | 'ForAllValues';

/** One condition operator applied to one key, e.g. StringEquals {"kms:ViaService": [...]}. */
export interface ConditionClause {
  /** As written, e.g. "ForAnyValue:StringLikeIfExists". */
  operator: string;
  /** Base operator without set prefix and IfExists, e.g. "StringLike". */
  base: string;
  setOp?: SetOperator;
  ifExists: boolean;
  /** The key as written, e.g. "kms:EncryptionContext:Department". */
  key: string;
  /** Lower-cased key (condition key names are case-insensitive). */
  keyLower: string;
  values: string[];
  /** Some value holds a policy variable such as ${aws:username} (2012-10-17 documents only). */
  variables?: boolean;
}

export interface Statement {
  /** 1-based position in the document (what error messages and traces say). */
  index: number;
  sid?: string;
  effect: 'Allow' | 'Deny';
  principal?: PrincipalSpec;
  notPrincipal?: PrincipalSpec;
  action?: string[];
  notAction?: string[];
  resource?: string[];
  notResource?: string[];
  conditions: ConditionClause[];
  /** Resource/NotResource holds a policy variable (2012-10-17 documents only). */
  variables?: boolean;
}

export interface PolicyDocument {
  version?: string;
  id?: string;
  kind: PolicyKind;
  statements: Statement[];
}

/** A policy that does not parse: `where` is "Policy" or "Statement 2", `what` says what is wrong. */
export class PolicyParseError extends Error {
  override readonly name = 'PolicyParseError';
  constructor(
    readonly where: string,
    readonly what: string,
  ) {
    super(`${where}: ${what}`);
  }
}

/** A key policy KMS would refuse; the message is AWS's MalformedPolicyDocumentException text. */
export class KeyPolicyError extends Error {
  override readonly name = 'KeyPolicyError';
}

/** How the request's principal relates to a statement's Principal element. */
export type PrincipalMatch = 'direct' | 'account' | 'none' | 'not-applicable';

/** The caller as the matcher sees it. */
export interface RequestPrincipal {
  /** The caller's ARN (session ARN for assumed roles; service name for services). */
  arn: string;
  accountId: string;
  type: 'Root' | 'IAMUser' | 'AssumedRole' | 'AWSService' | 'AWSAccount';
  /** For assumed-role sessions: the role ARN. */
  roleArn?: string;
}

/** What one policy is evaluated against. */
export interface EvalRequest {
  action: string;
  resource: string;
  principal?: RequestPrincipal;
  /** Condition values; keys are matched case-insensitively. */
  context: ConditionContext;
}

export interface StatementResult {
  index: number;
  sid?: string;
  effect: 'Allow' | 'Deny';
  /** Principal, action, resource and every condition matched. */
  matched: boolean;
  principal: PrincipalMatch;
  /** The first element that failed, when not matched. */
  failedOn?: 'principal' | 'action' | 'resource' | 'condition';
  /** Plain-words explanation of every check made, in order. */
  details: string[];
}
