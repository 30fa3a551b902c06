// AWS CloudTrail's error codes for trails (CreateTrail, UpdateTrail, GetTrail, GetTrailStatus, StartLogging,
// StopLogging, DeleteTrail, DescribeTrails), as the CloudTrail API reference names them.
// https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_CreateTrail.html#API_CreateTrail_Errors
import { errorClass } from '../aws/errors.js';

export type TrailErrorCode =
  | 'TrailAlreadyExistsException'
  | 'TrailNotFoundException'
  | 'InvalidTrailNameException'
  | 'S3BucketDoesNotExistException'
  | 'InsufficientS3BucketPolicyException'
  | 'InsufficientEncryptionPolicyException'
  | 'InvalidKmsKeyIdException'
  | 'KmsKeyNotFoundException'
  | 'KmsException'
  | 'InvalidS3PrefixException'
  | 'InvalidParameterCombinationException'
  | 'MaximumNumberOfTrailsExceededException'
  | 'InvalidHomeRegionException';

const make = (code: TrailErrorCode) => errorClass<TrailErrorCode>('cloudtrail', code);

export const TrailAlreadyExistsException = make('TrailAlreadyExistsException');
export const TrailNotFoundException = make('TrailNotFoundException');
export const InvalidTrailNameException = make('InvalidTrailNameException');
export const S3BucketDoesNotExistException = make('S3BucketDoesNotExistException');
export const InsufficientS3BucketPolicyException = make('InsufficientS3BucketPolicyException');
export const InsufficientEncryptionPolicyException = make('InsufficientEncryptionPolicyException');
export const InvalidKmsKeyIdException = make('InvalidKmsKeyIdException');
export const KmsKeyNotFoundException = make('KmsKeyNotFoundException');
export const KmsException = make('KmsException');
export const InvalidS3PrefixException = make('InvalidS3PrefixException');
export const InvalidParameterCombinationException = make('InvalidParameterCombinationException');
export const MaximumNumberOfTrailsExceededException = make('MaximumNumberOfTrailsExceededException');
export const InvalidHomeRegionException = make('InvalidHomeRegionException');

// Messages. Where AWS's text was found in real outputs it is copied word for word (source beside it); where it was
// not, the sentence is ours and says so.

/** Real output: trussworks/terraform-aws-cloudtrail#238 ("Trail <name> already exists for customer: <account>"). */
export const alreadyExists = (name: string, account: string) => `Trail ${name} already exists for customer: ${account}`;
/** Real output: moto's tests and CloudShell events ("Unknown trail: <arn> for the user: <account>"). */
export const unknownTrail = (arn: string, account: string) => `Unknown trail: ${arn} for the user: ${account}`;
/** Real output: awsdocs/aws-cloudtrail-user-guide#24. */
export const badBucketPolicy = (bucket: string) => `Incorrect S3 bucket policy is detected for bucket: ${bucket}`;
/** Real output: Azure/Azure-Sentinel#12242 and aws/aws-cdk#23391 (the bucket name, then the key ARN). */
export const insufficientEncryption = (bucket: string, keyArn: string) => `Insufficient permissions to access S3 bucket ${bucket} or KMS key ${keyArn}.`;
/** Ours: AWS's wording for these was not found. */
export const noSuchBucket = (bucket: string) => `S3 bucket does not exist: ${bucket}`;
export const keyNotFound = (keyId: string) => `KMS key not found: ${keyId}`;
export const invalidKeyId = (keyId: string) => `Invalid KMS key id: ${keyId}`;
export const keyUnusable = (keyArn: string, reason: string) => `KMS key ${keyArn} cannot be used: ${reason}`;

// CloudWatch Logs delivery (CloudWatchLogsLogGroupArn / CloudWatchLogsRoleArn).
// https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_CreateTrail.html#API_CreateTrail_Errors
// CloudWatchLogsDeliveryUnavailableException ("Cannot set a CloudWatch Logs delivery for this region.") is not raised:
// every simulated Region supports the delivery.
export const InvalidCloudWatchLogsLogGroupArnException = errorClass<'InvalidCloudWatchLogsLogGroupArnException'>(
  'cloudtrail',
  'InvalidCloudWatchLogsLogGroupArnException',
);
export const InvalidCloudWatchLogsRoleArnException = errorClass<'InvalidCloudWatchLogsRoleArnException'>('cloudtrail', 'InvalidCloudWatchLogsRoleArnException');
/** Real output: a log group without a role (hashicorp/terraform-provider-aws#148, pulumi/docs#5117). */
export const roleMissing = 'You must specify a role ARN as well as a log group.';
/** Ours, mirroring the sentence above: AWS's wording for a role without a log group was not found. */
export const groupMissing = 'You must specify a log group as well as a role ARN.';
/** Real output: hashicorp/terraform-provider-aws#18038 (a log group ARN CloudTrail could not validate). */
export const groupUnvalidated = "Check the log group ARN: CloudTrail can't validate it.";
/** Real output: CloudTrail cannot assume the role (cloudposse/terraform-aws-cloudtrail-cloudwatch-alarms#2,
 * awslabs/dynamodb-continuous-backup#2). */
export const roleUntrusted = 'Access denied. Check the trust relationships for your role.';
/** Real output: the role may not write to the group, reported as InvalidCloudWatchLogsLogGroupArnException
 * (aws/aws-cli#5098, aws/aws-cdk#1963). */
export const roleNotPermitted = 'Access denied. Check the permissions for your role.';
/** Ours: AWS's wording for a malformed role ARN was not found. */
export const badRoleArn = (arn: string) => `Invalid CloudWatch Logs role ARN: ${arn}`;
