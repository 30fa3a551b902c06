// Amazon S3 as a service of the world: the operations it answers, its state document (saved under services.s3)
// and the registration factory. S3 calls KMS only through the world, on the caller's behalf (see envelope.ts).
import type { Caller } from '../aws/caller.js';
import { UnknownOperationException } from '../aws/errors.js';
import type { ServiceFactory, ServiceHandler } from '../aws/service.js';
import * as buckets from './buckets.js';
import { S3Core, type Req } from './core.js';
import { b64 } from './crypto.js';
import * as mpu from './multipart.js';
import * as objects from './objects.js';
import type { S3State } from './model.js';

type Op = (core: S3Core, req: Req, caller: Caller) => Req;

const OPERATIONS: Record<string, Op> = {
  CreateBucket: buckets.createBucket,
  ListBuckets: buckets.listBuckets,
  DeleteBucket: buckets.deleteBucket,
  PutBucketEncryption: buckets.putBucketEncryption,
  GetBucketEncryption: buckets.getBucketEncryption,
  DeleteBucketEncryption: buckets.deleteBucketEncryption,
  PutBucketPolicy: buckets.putBucketPolicy,
  GetBucketPolicy: buckets.getBucketPolicy,
  DeleteBucketPolicy: buckets.deleteBucketPolicy,
  PutObject: objects.putObject,
  GetObject: objects.getObject,
  HeadObject: objects.headObject,
  CopyObject: objects.copyObject,
  DeleteObject: objects.deleteObject,
  ListObjectsV2: objects.listObjectsV2,
  CreateMultipartUpload: mpu.createMultipartUpload,
  UploadPart: mpu.uploadPart,
  CompleteMultipartUpload: mpu.completeMultipartUpload,
  AbortMultipartUpload: mpu.abortMultipartUpload,
};

function isState(doc: unknown): doc is S3State {
  const d = doc as Partial<S3State> | null;
  return !!d && typeof d === 'object' && typeof d.s3Key === 'string' && Array.isArray(d.buckets) && Array.isArray(d.bucketKeys);
}

export const s3Service: ServiceFactory = (ctx): ServiceHandler => {
  const core = new S3Core(ctx, { s3Key: '', buckets: [], bucketKeys: [] });
  const ensureKey = () => {
    if (!core.state.s3Key) core.state.s3Key = b64(ctx.random.bytes(32));
  };
  return {
    name: 's3',
    operations: () => Object.keys(OPERATIONS),
    call(operation, request, caller) {
      const op = OPERATIONS[operation];
      if (!op) throw new UnknownOperationException(`The s3 operation ${operation} is not supported by the simulator.`);
      ensureKey();
      return op(core, request, caller);
    },
    saveState: () => (core.state.buckets.length || core.state.s3Key ? core.state : undefined),
    restoreState(doc) {
      if (!isState(doc)) throw new Error('Invalid S3 state document: expected s3Key, buckets and bucketKeys');
      core.state = JSON.parse(JSON.stringify(doc)) as S3State;
    },
  };
};
