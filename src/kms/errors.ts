// AWS KMS service errors. The class name is the AWS exception name (the `__type` on the wire and the
// code in the CLI's "An error occurred (<Code>)" line); messages copy AWS's wording where it is known
// (shared reference kms-behaviour.md §5.4). Tests assert on `code`, not on the message.

export class KmsException extends Error {
  /** The AWS error code, e.g. "NotFoundException". */
  readonly code: string;
  /** HTTP status on the JSON 1.1 wire (400 for client errors, 500 for internal). */
  readonly httpStatus: number;
  constructor(code: string, message: string, httpStatus = 400) {
    super(message);
    this.code = code;
    this.name = code;
    this.httpStatus = httpStatus;
  }
}

function named(code: string, httpStatus = 400) {
  return class extends KmsException {
    constructor(message = '') {
      super(code, message, httpStatus);
    }
  };
}

export const AccessDeniedException = named('AccessDeniedException');
export const AlreadyExistsException = named('AlreadyExistsException');
export const ConflictException = named('ConflictException');
export const DisabledException = named('DisabledException');
export const DryRunOperationException = named('DryRunOperationException');
export const ExpiredImportTokenException = named('ExpiredImportTokenException');
export const IncorrectKeyException = named('IncorrectKeyException');
export const IncorrectKeyMaterialException = named('IncorrectKeyMaterialException');
export const InvalidAliasNameException = named('InvalidAliasNameException');
export const InvalidArnException = named('InvalidArnException');
export const InvalidCiphertextException = named('InvalidCiphertextException');
export const InvalidGrantIdException = named('InvalidGrantIdException');
export const InvalidGrantTokenException = named('InvalidGrantTokenException');
export const InvalidImportTokenException = named('InvalidImportTokenException');
export const InvalidKeyUsageException = named('InvalidKeyUsageException');
export const InvalidMarkerException = named('InvalidMarkerException');
export const KMSInternalException = named('KMSInternalException', 500);
export const KMSInvalidMacException = named('KMSInvalidMacException');
export const KMSInvalidSignatureException = named('KMSInvalidSignatureException');
export const KMSInvalidStateException = named('KMSInvalidStateException');
export const LimitExceededException = named('LimitExceededException');
export const MalformedPolicyDocumentException = named('MalformedPolicyDocumentException');
export const NotFoundException = named('NotFoundException');
/** Creating/changing an alias under the reserved alias/aws/ prefix (emulators agree on this name; AWS does not document it). */
export const NotAuthorizedException = named('NotAuthorizedException');
export const TagException = named('TagException');
export const ThrottlingException = named('ThrottlingException');
export const UnsupportedOperationException = named('UnsupportedOperationException');
export const ValidationException = named('ValidationException');
/** IAM's name for a missing entity (aws iam get-role-policy etc.). */
export const NoSuchEntityException = named('NoSuchEntity');
/** IAM's name for a duplicate entity. */
export const EntityAlreadyExistsException = named('EntityAlreadyExists');
/** IAM's name for a malformed identity policy. */
export const MalformedPolicyDocumentIamException = named('MalformedPolicyDocument');
/** A bad parameter to IAM/CloudTrail/STS (`InvalidInput`, `InvalidLookupAttributesException`...). */
export const InvalidInputException = named('InvalidInput');
export const UnknownOperationException = named('UnknownOperationException');
/** IAM's name for a bad or missing parameter (`ValidationError`). */
export const IamValidationError = named('ValidationError');
export const CustomKeyStoreNotFoundException = named('CustomKeyStoreNotFoundException');
export const CustomKeyStoreInvalidStateException = named('CustomKeyStoreInvalidStateException');
export const CloudHsmClusterNotFoundException = named('CloudHsmClusterNotFoundException');
