// Amazon SNS error codes (the query protocol's codes as the CLI prints them), including the KMS ones Publish answers
// for an encrypted topic. https://docs.aws.amazon.com/sns/latest/api/API_Publish.html (Errors)
import { errorClass } from '../aws/errors.js';

export type SnsErrorCode =
  | 'NotFound'
  | 'InvalidParameter'
  | 'AuthorizationError'
  | 'KMSAccessDenied'
  | 'KMSDisabled'
  | 'KMSInvalidState'
  | 'KMSNotFound'
  | 'KMSOptInRequired'
  | 'KMSThrottling';

export const NotFoundException = errorClass<SnsErrorCode>('sns', 'NotFound', 404);
export const InvalidParameterException = errorClass<SnsErrorCode>('sns', 'InvalidParameter');
/** A request the caller's policies do not allow (HTTP 403, as the SDKs show it: "Status Code: 403; Error Code: AuthorizationError"). */
export const AuthorizationErrorException = errorClass<SnsErrorCode>('sns', 'AuthorizationError', 403);

/** The SNS error for a KMS refusal, by the KMS error code (AWS's SNS exceptions KMSAccessDenied, KMSDisabled...). */
export function kmsFailure(kmsCode: string, message: string) {
  const code: SnsErrorCode =
    kmsCode === 'DisabledException'
      ? 'KMSDisabled'
      : kmsCode === 'KMSInvalidStateException'
        ? 'KMSInvalidState'
        : kmsCode === 'NotFoundException'
          ? 'KMSNotFound'
          : kmsCode === 'ThrottlingException'
            ? 'KMSThrottling'
            : 'KMSAccessDenied';
  return new (errorClass<SnsErrorCode>('sns', code))(message);
}
