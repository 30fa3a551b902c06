// Amazon CloudWatch error codes (query protocol names, as the CLI prints them).
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CommonErrors.html
import { errorClass } from '../aws/errors.js';

export type CloudWatchErrorCode = 'InvalidParameterValue' | 'MissingParameter' | 'InvalidParameterCombination' | 'ResourceNotFound' | 'LimitExceeded';

export const InvalidParameterValueException = errorClass<CloudWatchErrorCode>('cloudwatch', 'InvalidParameterValue');
export const MissingParameterException = errorClass<CloudWatchErrorCode>('cloudwatch', 'MissingParameter');
export const ResourceNotFoundException = errorClass<CloudWatchErrorCode>('cloudwatch', 'ResourceNotFound', 404);
