// Amazon EventBridge error codes. https://docs.aws.amazon.com/eventbridge/latest/APIReference/CommonErrors.html
import { errorClass } from '../aws/errors.js';

export type EventsErrorCode =
  | 'ResourceNotFoundException'
  | 'InvalidEventPatternException'
  | 'ValidationException'
  | 'ResourceAlreadyExistsException'
  | 'LimitExceededException'
  | 'AccessDeniedException';

export const ResourceNotFoundException = errorClass<EventsErrorCode>('events', 'ResourceNotFoundException');
export const InvalidEventPatternException = errorClass<EventsErrorCode>('events', 'InvalidEventPatternException');
export const ValidationException = errorClass<EventsErrorCode>('events', 'ValidationException');
/** A request the caller's IAM policies do not allow (HTTP 400, as the SDKs show it: "Status Code: 400; Error Code: AccessDeniedException"). */
export const AccessDeniedException = errorClass<EventsErrorCode>('events', 'AccessDeniedException');
