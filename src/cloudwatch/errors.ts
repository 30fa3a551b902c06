// Amazon CloudWatch error codes (query protocol names, as the CLI prints them).
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CommonErrors.html
import { errorClass } from '../aws/errors.js';

export type CloudWatchErrorCode =
  'InvalidParameterValue' | 'MissingParameter' | 'InvalidParameterCombination' | 'ResourceNotFound' | 'LimitExceeded' | 'AccessDenied';

export const InvalidParameterValueException = errorClass<CloudWatchErrorCode>('cloudwatch', 'InvalidParameterValue');
export const MissingParameterException = errorClass<CloudWatchErrorCode>('cloudwatch', 'MissingParameter');
export const ResourceNotFoundException = errorClass<CloudWatchErrorCode>('cloudwatch', 'ResourceNotFound', 404);
/** An IAM refusal: the query protocol's AccessDenied, HTTP 403 ("AccessDenied: User: ... status code: 403" in
 *  tomaszkiewicz/prometheus-alertmanager-cloudwatch-webhook#3). */
export const AccessDenied = errorClass<CloudWatchErrorCode>('cloudwatch', 'AccessDenied', 403);
