// Amazon EventBridge error codes. https://docs.aws.amazon.com/eventbridge/latest/APIReference/CommonErrors.html
import { errorClass } from '../aws/errors.js';

export type EventsErrorCode =
  'ResourceNotFoundException' | 'InvalidEventPatternException' | 'ValidationException' | 'ResourceAlreadyExistsException' | 'LimitExceededException';

export const ResourceNotFoundException = errorClass<EventsErrorCode>('events', 'ResourceNotFoundException');
export const InvalidEventPatternException = errorClass<EventsErrorCode>('events', 'InvalidEventPatternException');
export const ValidationException = errorClass<EventsErrorCode>('events', 'ValidationException');
