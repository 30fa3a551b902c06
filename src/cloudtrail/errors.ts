// AWS CloudTrail's LookupEvents error codes. https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_LookupEvents.html
import { errorClass } from '../aws/errors.js';

export type CloudTrailErrorCode = 'InvalidLookupAttributesException' | 'InvalidMaxResultsException' | 'InvalidTimeRangeException' | 'InvalidNextTokenException';

export const InvalidLookupAttributesException = errorClass<CloudTrailErrorCode>('cloudtrail', 'InvalidLookupAttributesException');
export const InvalidMaxResultsException = errorClass<CloudTrailErrorCode>('cloudtrail', 'InvalidMaxResultsException');
export const InvalidTimeRangeException = errorClass<CloudTrailErrorCode>('cloudtrail', 'InvalidTimeRangeException');
export const InvalidNextTokenException = errorClass<CloudTrailErrorCode>('cloudtrail', 'InvalidNextTokenException');
