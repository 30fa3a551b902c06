// The access-control port every simulated service consults: the authorization request, the decision with its
// explanation trace, and the identity facts the decision needs. src/policy implements it; the world wires it.
import type { Caller, Principal } from './caller.js';

/** One grant on a KMS key, as ListGrants returns it, plus the simulator's bookkeeping. */
export interface GrantRecord {
  KeyId: string; // key ARN
  GrantId: string;
  Name?: string;
  CreationDate: number; // epoch ms
  /** '' for a grant to an AWS service principal (GranteeServicePrincipal is set instead). */
  GranteePrincipal: string;
  RetiringPrincipal?: string;
  /** A grant to an AWS service principal (since March 2026), e.g. dynamodb.amazonaws.com. */
  GranteeServicePrincipal?: string;
  RetiringServicePrincipal?: string;
  IssuingAccount: string; // arn:aws:iam::<acct>:root
  Operations: string[]; // 'Decrypt', 'Encrypt', ...
  Constraints?: {
    EncryptionContextEquals?: Record<string, string>;
    EncryptionContextSubset?: Record<string, string>;
    /** The request must be made by an AWS service on behalf of this resource (aws:SourceArn). */
    SourceArn?: string;
  };
  /** The grant token returned by CreateGrant. */
  token: string;
  /** Tokens returned by retried CreateGrant calls (same Name and properties: same grant, new token). */
  retryTokens?: string[];
  /** When the grant becomes effective without its token (eventual consistency). */
  effectiveAt: number;
}

/** Condition-key values for one request, e.g. {"kms:EncryptionContext:Dept": "IT", "kms:EncryptionContextKeys": ["Dept"]}. */
export type ConditionContext = Record<string, string | string[] | boolean | number | undefined>;

/** What the engine asks the access-control decision. */
export interface AuthzRequest {
  /** 'kms:Encrypt' */
  action: string;
  caller: Caller;
  /** The key ARN the call acts on, or '*' for actions with no key resource (CreateKey, ListKeys, ...). */
  resourceArn: string;
  /** The key's account and Region (when resourceArn is a key). */
  keyAccountId?: string;
  keyRegion?: string;
  /** The key's policy document (JSON text), when resourceArn is a key. */
  keyPolicy?: string;
  keyManager?: 'AWS' | 'CUSTOMER';
  /** Grants on the key. */
  grants: GrantRecord[];
  /** GrantTokens passed with the request. */
  grantTokens?: string[];
  /** The request's encryption context (checked against grant constraints). */
  encryptionContext?: Record<string, string>;
  /**
   * A resource-based policy other than a key policy (an S3 bucket policy) and the resource owner's account: in the
   * owner's account either that policy or an identity-based policy may allow; across accounts both must. Absent
   * document = the resource has no policy.
   */
  resourcePolicy?: { document?: string; accountId: string };
  /** kms:* condition keys of this request (the decision adds the aws:* global keys itself). */
  context: ConditionContext;
  /** Simulated time, epoch ms. */
  now: number;
}

export type DecisionReason = 'Allowed' | 'ExplicitDenyInResourcePolicy' | 'ExplicitDenyInIdentityPolicy' | 'NoResourcePolicyAllows' | 'NoIdentityPolicyAllows';

/** One line of the explanation: which statement of which policy or grant matched, or failed on what. */
export interface TraceEntry {
  source: 'key-policy' | 'resource-policy' | 'identity-policy' | 'grant' | 'rule';
  /** Policy name/ARN, grant id, or the rule's name. */
  id: string;
  sid?: string;
  effect?: 'Allow' | 'Deny';
  matched: boolean;
  /** In plain words: "principal matched", "condition kms:ViaService StringEquals failed: request has no value". */
  detail: string;
}

export interface Decision {
  allowed: boolean;
  reason: DecisionReason;
  /** How the allow was reached: 'key-policy', 'key-policy+iam', 'grant'. */
  allowedBy?: 'key-policy' | 'key-policy+iam' | 'grant' | 'identity';
  /** For a deny: the AccessDeniedException message as AWS words it. */
  message?: string;
  trace: TraceEntry[];
}

/** What the decision needs to know about identities (implemented by src/iam over its state, wired by the world). */
export interface IdentityDirectory {
  /** Inline and attached identity-based policies of the principal (a user, or the role behind a session). */
  policiesOf(principal: Principal): { id: string; document: string }[];
  /** The AWS Organizations id of an account the simulator knows (aws:PrincipalOrgID). */
  orgIdOf(accountId: string): string | undefined;
  /** IAM's unique id of a user (AIDA…) or role (AROA…) by ARN. */
  uniqueIdOf(arn: string): string | undefined;
  /** Whether a principal ARN named in a policy exists; principals of accounts the simulator does not know count as existing. */
  principalExists(arn: string): boolean;
}

/**
 * The access-control decision a service consults (implemented in src/policy, bound to the world's identities).
 * A service builds an AuthzRequest for every call and throws its AccessDenied error with `decision.message` when denied.
 */
export interface AccessControl {
  authorize(req: AuthzRequest): Decision;
  /** The problem with a key policy document (AWS's MalformedPolicyDocumentException message), or undefined when it is valid. */
  keyPolicyProblem(document: string, keyAccountId: string): string | undefined;
  /** The default key policy CreateKey gives a key created without --policy (JSON text). */
  defaultKeyPolicy(accountId: string): string;
  /** The key policy AWS gives an AWS managed key for `service` (e.g. "s3"). */
  awsManagedKeyPolicy(accountId: string, service: string, region: string): string;
}
