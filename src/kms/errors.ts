// AWS KMS service errors. The class name is the AWS exception name (the `__type` on the wire and the
// code in the CLI's "An error occurred (<Code>)" line); messages copy AWS's wording where it is known
// (shared reference kms-behaviour.md §5.4). Tests assert on `code`, not on the message.
import { ServiceException } from '../aws/errors.js';

export type KmsErrorCode =
  | 'AccessDeniedException'
  | 'CustomKeyStoreNotFoundException'
  | 'CustomKeyStoreInvalidStateException'
  | 'CloudHsmClusterNotFoundException'
  | 'AlreadyExistsException'
  | 'ConflictException'
  | 'DisabledException'
  | 'DryRunOperationException'
  | 'ExpiredImportTokenException'
  | 'IncorrectKeyException'
  | 'IncorrectKeyMaterialException'
  | 'InvalidAliasNameException'
  | 'InvalidArnException'
  | 'InvalidCiphertextException'
  | 'InvalidGrantIdException'
  | 'InvalidGrantTokenException'
  | 'InvalidImportTokenException'
  | 'InvalidKeyUsageException'
  | 'InvalidMarkerException'
  | 'KMSInternalException'
  | 'KMSInvalidMacException'
  | 'KMSInvalidSignatureException'
  | 'KMSInvalidStateException'
  | 'LimitExceededException'
  | 'MalformedPolicyDocumentException'
  | 'NotFoundException'
  | 'NotAuthorizedException'
  | 'TagException'
  | 'ThrottlingException'
  | 'UnsupportedOperationException'
  | 'ValidationException';

/** Every error the KMS engine raises: a ServiceException of service "kms" with one of KMS's codes. */
export class KmsException extends ServiceException<KmsErrorCode> {
  constructor(code: KmsErrorCode, message: string, httpStatus = 400) {
    super('kms', code, message, httpStatus);
  }
}

function named(code: KmsErrorCode, httpStatus = 400) {
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

/** KMS's answer to a Marker it never issued (the List* operations' paging). */
export const invalidMarker = (message: string) => new InvalidMarkerException(message);
export const CustomKeyStoreNotFoundException = named('CustomKeyStoreNotFoundException');
export const CustomKeyStoreInvalidStateException = named('CustomKeyStoreInvalidStateException');
export const CloudHsmClusterNotFoundException = named('CloudHsmClusterNotFoundException');
