// AWS IAM's error codes as the IAM Query API names them (no "Exception" suffix on most), with IAM's
// wording where it is known. https://docs.aws.amazon.com/IAM/latest/APIReference/CommonErrors.html
import { errorClass, ServiceException } from '../aws/errors.js';

export type IamErrorCode = 'NoSuchEntity' | 'EntityAlreadyExists' | 'MalformedPolicyDocument' | 'InvalidInput' | 'ValidationError';

export type IamException = ServiceException<IamErrorCode>;

/** IAM's name for a missing entity (aws iam get-role-policy etc.). */
export const NoSuchEntityException = errorClass<IamErrorCode>('iam', 'NoSuchEntity');
/** IAM's name for a duplicate entity. */
export const EntityAlreadyExistsException = errorClass<IamErrorCode>('iam', 'EntityAlreadyExists');
/** IAM's name for a malformed identity policy. */
export const MalformedPolicyDocumentIamException = errorClass<IamErrorCode>('iam', 'MalformedPolicyDocument');
/** A bad parameter to IAM (`InvalidInput`). */
export const InvalidInputException = errorClass<IamErrorCode>('iam', 'InvalidInput');
/** IAM's name for a bad or missing parameter (`ValidationError`). */
export const IamValidationError = errorClass<IamErrorCode>('iam', 'ValidationError');
