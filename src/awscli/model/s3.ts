// The `aws s3api` slice: buckets, default encryption, bucket policies, objects and multipart uploads with the
// SSE-KMS options. Shapes follow the S3 API reference (botocore s3 model); docs are our own one-liners.
// --body takes a file path and get-object an outfile, as the AWS CLI's streaming members do (s3-commands.ts).
import type { OperationModel } from './shapes.js';
import { op, str, int, bool, blob, map, list, struct, enm } from './shapes.js';

const SSE = enm(['AES256', 'aws:kms', 'aws:kms:dsse']);
const KMS_OPTIONS = { ServerSideEncryption: SSE, SSEKMSKeyId: str(), SSEKMSEncryptionContext: str(), BucketKeyEnabled: bool() };

export const s3Operations: OperationModel[] = [
  op('CreateBucket', 'Create a bucket (outside us-east-1 name the Region in --create-bucket-configuration LocationConstraint=...).', {
    Bucket: str(),
    CreateBucketConfiguration: struct({ LocationConstraint: str() }),
  }, ['Bucket']),
  op('ListBuckets', "List the buckets of the caller's account.", {
    MaxBuckets: int(),
    ContinuationToken: str(),
    Prefix: str(),
    BucketRegion: str(),
  }, [], { inputToken: 'ContinuationToken', outputToken: 'ContinuationToken', limitKey: 'MaxBuckets', resultKey: 'Buckets', moreResults: null }),
  op('DeleteBucket', 'Delete an empty bucket.', { Bucket: str() }, ['Bucket']),
  op('PutBucketEncryption', 'Set the default encryption of new objects (SSE-S3, or SSE-KMS with a key and BucketKeyEnabled).', {
    Bucket: str(),
    ServerSideEncryptionConfiguration: struct({
      Rules: list(struct({
        ApplyServerSideEncryptionByDefault: struct({ SSEAlgorithm: SSE, KMSMasterKeyID: str() }, ['SSEAlgorithm']),
        BucketKeyEnabled: bool(),
      })),
    }, ['Rules']),
  }, ['Bucket', 'ServerSideEncryptionConfiguration']),
  op('GetBucketEncryption', 'Show the default encryption of the bucket (SSE-S3 when nothing else is set).', { Bucket: str() }, ['Bucket']),
  op('DeleteBucketEncryption', 'Remove the default encryption configuration (the bucket goes back to SSE-S3).', { Bucket: str() }, ['Bucket']),
  op('PutBucketPolicy', 'Set the bucket policy (JSON text, e.g. file://policy.json).', { Bucket: str(), Policy: str() }, ['Bucket', 'Policy']),
  op('GetBucketPolicy', 'Show the bucket policy.', { Bucket: str() }, ['Bucket']),
  op('DeleteBucketPolicy', 'Remove the bucket policy.', { Bucket: str() }, ['Bucket']),
  op('PutObject', 'Upload an object from a file (--body PATH), optionally with SSE-KMS options.', {
    Bucket: str(),
    Key: str(),
    Body: blob(),
    ACL: enm(['private', 'public-read', 'public-read-write', 'authenticated-read', 'aws-exec-read', 'bucket-owner-read', 'bucket-owner-full-control']),
    ContentType: str(),
    Metadata: map(str(), str()),
    ...KMS_OPTIONS,
  }, ['Bucket', 'Key']),
  op('GetObject', 'Download an object into a local file: aws s3api get-object --bucket B --key K OUTFILE.', { Bucket: str(), Key: str() }, ['Bucket', 'Key']),
  op('HeadObject', "Show an object's metadata and encryption (no download, no KMS call).", { Bucket: str(), Key: str() }, ['Bucket', 'Key']),
  op('CopyObject', 'Copy an object (--copy-source BUCKET/KEY); the copy is encrypted as the request or the target bucket says.', {
    Bucket: str(),
    Key: str(),
    CopySource: str(),
    MetadataDirective: enm(['COPY', 'REPLACE']),
    ACL: enm(['private', 'public-read', 'public-read-write', 'authenticated-read', 'aws-exec-read', 'bucket-owner-read', 'bucket-owner-full-control']),
    ContentType: str(),
    Metadata: map(str(), str()),
    ...KMS_OPTIONS,
  }, ['Bucket', 'Key', 'CopySource']),
  op('DeleteObject', 'Delete an object.', { Bucket: str(), Key: str() }, ['Bucket', 'Key']),
  op('ListObjectsV2', 'List the objects of a bucket (--prefix, --delimiter).', {
    Bucket: str(),
    Prefix: str(),
    Delimiter: str(),
    MaxKeys: int(),
    ContinuationToken: str(),
    StartAfter: str(),
  }, ['Bucket'], { inputToken: 'ContinuationToken', outputToken: 'NextContinuationToken', limitKey: 'MaxKeys', resultKey: 'Contents', moreResults: 'IsTruncated' }),
  op('CreateMultipartUpload', 'Start a multipart upload (SSE-KMS: the data key is generated here).', {
    Bucket: str(),
    Key: str(),
    ACL: enm(['private', 'public-read', 'public-read-write', 'authenticated-read', 'aws-exec-read', 'bucket-owner-read', 'bucket-owner-full-control']),
    ContentType: str(),
    Metadata: map(str(), str()),
    ...KMS_OPTIONS,
  }, ['Bucket', 'Key']),
  op('UploadPart', 'Upload one part from a file (--body PATH) of a multipart upload.', {
    Bucket: str(),
    Key: str(),
    UploadId: str(),
    PartNumber: int(),
    Body: blob(),
  }, ['Bucket', 'Key', 'UploadId', 'PartNumber']),
  op('CompleteMultipartUpload', 'Assemble the uploaded parts into the object (--multipart-upload file://parts.json).', {
    Bucket: str(),
    Key: str(),
    UploadId: str(),
    MultipartUpload: struct({ Parts: list(struct({ PartNumber: int(), ETag: str() })) }),
  }, ['Bucket', 'Key', 'UploadId']),
  op('AbortMultipartUpload', 'Abort a multipart upload and discard its parts.', { Bucket: str(), Key: str(), UploadId: str() }, ['Bucket', 'Key', 'UploadId']),
];
