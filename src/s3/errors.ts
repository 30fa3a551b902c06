// Amazon S3's error codes and messages as the S3 API reference lists them, plus the KMS.* codes S3 returns when
// the KMS call it makes for the caller fails. Differs: KMS.* messages are KMS's own sentence passed through (our choice).
// https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList
import { ServiceException } from '../aws/errors.js';

export class S3Exception extends ServiceException {
  constructor(code: string, message: string, httpStatus = 400) {
    super('s3', code, message, httpStatus);
  }
}

const make = (code: string, message: string, status: number) => (detail?: string) => new S3Exception(code, detail ?? message, status);

/** 403. Also what S3 says when KMS refuses the call it made for the caller (kms:Decrypt denied): the CLI prints
 * "An error occurred (AccessDenied) when calling the GetObject operation: Access Denied" (boto/boto3#2952). */
export const accessDenied = make('AccessDenied', 'Access Denied', 403);
export const noSuchBucket = make('NoSuchBucket', 'The specified bucket does not exist', 404);
export const noSuchKey = make('NoSuchKey', 'The specified key does not exist.', 404);
export const noSuchUpload = make(
  'NoSuchUpload',
  'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
  404,
);
export const noSuchBucketPolicy = make('NoSuchBucketPolicy', 'The bucket policy does not exist', 404);
export const bucketAlreadyOwnedByYou = make(
  'BucketAlreadyOwnedByYou',
  'Your previous request to create the named bucket succeeded and you already own it.',
  409,
);
export const bucketAlreadyExists = make(
  'BucketAlreadyExists',
  'The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.',
  409,
);
export const bucketNotEmpty = make('BucketNotEmpty', 'The bucket you tried to delete is not empty', 409);
export const invalidBucketName = make('InvalidBucketName', 'The specified bucket is not valid.', 400);
export const invalidArgument = make('InvalidArgument', 'Invalid Argument', 400);
export const malformedPolicy = make('MalformedPolicy', "Policies must be valid JSON and the first byte must be '{'", 400);
export const invalidPart = make(
  'InvalidPart',
  "One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.",
  400,
);
export const invalidPartOrder = make('InvalidPartOrder', 'The list of parts was not in ascending order. Parts must be ordered by part number.', 400);
export const malformedXml = make('MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema', 400);
export const illegalLocationConstraint = make(
  'IllegalLocationConstraintException',
  'The unspecified location constraint is incompatible for the region specific endpoint this request was sent to.',
  400,
);
export const invalidToken = make('InvalidArgument', 'The continuation token provided is incorrect', 400);

/** HEAD has no body: the CLI prints the HTTP status as the code ("(404) ... Not Found", "(403) ... Forbidden"). */
export function headError(e: ServiceException): S3Exception {
  if (e.httpStatus === 404) return new S3Exception('404', 'Not Found', 404);
  if (e.httpStatus === 403) return new S3Exception('403', 'Forbidden', 403);
  return new S3Exception(String(e.httpStatus), 'Bad Request', e.httpStatus);
}

/**
 * S3's answer when its KMS call fails: AccessDenied (403) for a KMS denial, else `KMS.<KMS code>` (400) with KMS's
 * message (ErrorResponses.html lists KMS.DisabledException, KMS.KMSInvalidStateException, KMS.NotFoundException,
 * KMS.InvalidKeyUsageException...; the message S3 sends is not documented: we pass KMS's sentence through).
 */
export function fromKms(e: ServiceException): S3Exception {
  if (e.code === 'AccessDeniedException') return accessDenied();
  const code = e.code === 'ThrottlingException' ? 'SlowDown' : `KMS.${e.code}`;
  return new S3Exception(code, code === 'SlowDown' ? 'Please reduce your request rate.' : e.message, code === 'SlowDown' ? 503 : 400);
}
