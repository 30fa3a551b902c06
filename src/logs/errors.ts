// CloudWatch Logs error codes. https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/CommonErrors.html
// and each operation's Errors section (CreateLogGroup, AssociateKmsKey, PutLogEvents...).
import { errorClass } from '../aws/errors.js';

export type LogsErrorCode =
  | 'ResourceNotFoundException'
  | 'ResourceAlreadyExistsException'
  | 'InvalidParameterException'
  | 'AccessDeniedException'
  | 'LimitExceededException'
  | 'OperationAbortedException'
  | 'UnrecognizedClientException';

export const ResourceNotFoundException = errorClass<LogsErrorCode>('logs', 'ResourceNotFoundException');
export const ResourceAlreadyExistsException = errorClass<LogsErrorCode>('logs', 'ResourceAlreadyExistsException');
export const InvalidParameterException = errorClass<LogsErrorCode>('logs', 'InvalidParameterException');
export const AccessDeniedException = errorClass<LogsErrorCode>('logs', 'AccessDeniedException');

/** "The specified log group does not exist." as Logs words it. */
export const noGroup = () => new ResourceNotFoundException('The specified log group does not exist.');
export const noStream = () => new ResourceNotFoundException('The specified log stream does not exist.');

/**
 * AssociateKmsKey / CreateLogGroup when KMS refuses logs.<region>.amazonaws.com (or the key is missing), as AWS answers
 * (seen verbatim in https://github.com/aws/aws-cdk/issues/28304 and hashicorp/terraform-provider-aws#29282).
 * The simulator gives the same answer when the key is disabled or deleted at read or write time (AWS's wording for
 * that case was not found; a deliberate choice).
 */
export const keyNotUsable = (groupArn: string) =>
  new AccessDeniedException(`The specified KMS key does not exist or is not allowed to be used with Arn '${groupArn}'`);
