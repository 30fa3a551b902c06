// Who makes a call and how: the principal (an IAM identity, an account root, or an AWS service principal)
// and the request context every simulated service receives. Plain data; no service owns these shapes.

export type PrincipalType = 'Root' | 'IAMUser' | 'AssumedRole' | 'AWSService' | 'AWSAccount';

/** Who makes a call. `arn` is what AccessDenied messages and CloudTrail show. */
export interface Principal {
  type: PrincipalType;
  /** e.g. arn:aws:iam::111122223333:user/admin, arn:aws:sts::111122223333:assumed-role/app/session,
   *  arn:aws:iam::111122223333:root; for a service principal its name (s3.amazonaws.com). */
  arn: string;
  accountId: string;
  /** For IAMUser: the user name; for AssumedRole: the session name. */
  name?: string;
  /** For AssumedRole: the role's ARN (arn:aws:iam::<acct>:role/<name>), the session issuer. */
  roleArn?: string;
  /** Stable opaque id as CloudTrail shows it (AIDA…, AROA…:session). */
  principalId?: string;
}

/** The request context of one call: who, from which account and Region, and how. */
export interface Caller {
  principal: Principal;
  /** The account the call is made in: the principal's account, or for a service principal the resource owner's. */
  accountId: string;
  /** The Region the call is sent to (the CLI's --region). */
  region: string;
  /** aws:SourceIp; defaults to a documentation address when not set. */
  sourceIp?: string;
  /** Set when an AWS service calls on the principal's behalf (kms:ViaService), e.g. s3.us-east-1.amazonaws.com. */
  viaService?: string;
  /** CloudTrail's userAgent. */
  userAgent?: string;
  accessKeyId?: string;
  /** When the principal is an AWS service acting for a resource (grants with GrantIsForAWSResource). */
  isForAwsResource?: boolean;
  /** aws:SourceArn: the resource an AWS service principal acts for (checked by a grant's SourceArn constraint). */
  sourceArn?: string;
}

/** A service principal name such as `logs.amazonaws.com` or the Regional `logs.us-east-1.amazonaws.com`. */
export const SERVICE_PRINCIPAL = /^[a-z0-9.-]+\.amazonaws\.com$/;

/** The principal of an AWS service calling in its own name (key policies name it in `"Principal": {"Service": ...}`). */
export function servicePrincipal(name: string): Principal {
  if (!SERVICE_PRINCIPAL.test(name)) throw new RangeError(`not a service principal name: ${name}`);
  return { type: 'AWSService', arn: name, accountId: '' };
}

/**
 * The name of the service in the CloudTrail record of a call it made for a caller (userIdentity.invokedBy,
 * sourceIPAddress, userAgent): its global host name, `s3.amazonaws.com`, without the Region that kms:ViaService
 * carries. https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html
 */
export function serviceHostOf(viaService: string): string {
  return viaService.replace(/^([a-z0-9-]+)\.[a-z0-9-]+\.amazonaws\.com$/, '$1.amazonaws.com');
}

/** The host name a service calls another from, as kms:ViaService shows it: `<service>.<region>.amazonaws.com`. */
export function viaServiceName(service: string, region: string): string {
  return `${service}.${region}.amazonaws.com`;
}
