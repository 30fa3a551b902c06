// Multipart upload with SSE-KMS: CreateMultipartUpload gets the data key (kms:GenerateDataKey), every UploadPart and
// CompleteMultipartUpload open it again (kms:Decrypt) — why a multipart upload needs kms:Decrypt as well.
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/mpuoverview.html#mpuAndPermissions ;
// https://repost.aws/knowledge-center/s3-multipart-kms-decrypt . Differs: no UploadPartCopy, ListParts or checksums.
import type { Caller } from '../aws/caller.js';
import { hexFrom } from '../aws/ports.js';
import { str, type Req, type S3Core } from './core.js';
import { aclConditions, checkAcl } from './acl.js';
import { b64, etagOf, multipartEtag, open, seal, unb64 } from './crypto.js';
import { S3Exception, invalidArgument, invalidPart, invalidPartOrder, malformedXml, noSuchUpload } from './errors.js';
import { objectArn, type Bucket, type StoredObject, type Upload } from './model.js';
import { putStored } from './objects.js';
import { sealRequestOf, sseFields } from './sse.js';

/** Every part but the last must be at least 5 MiB (https://docs.aws.amazon.com/AmazonS3/latest/userguide/qfacts.html). */
export const MIN_PART_BYTES = 5 * 1024 * 1024;
const partArn = (b: Bucket, u: Upload, n: number) => `${objectArn(b.name, u.key)}#${u.uploadId}#${n}`;

function uploadOf(core: S3Core, req: Req): { b: Bucket; u: Upload } {
  const b = core.bucket(req.Bucket);
  const key = str(req, 'Key')!;
  const u = b.uploads.find((x) => x.uploadId === req.UploadId && x.key === key);
  if (!u) throw noSuchUpload();
  return { b, u };
}

export function createMultipartUpload(core: S3Core, req: Req, caller: Caller): Req {
  const b = core.bucket(req.Bucket);
  const key = str(req, 'Key')!;
  const { seal: sealReq, conditions } = sealRequestOf(req, b);
  core.authorize(caller, 's3:PutObject', objectArn(b.name, key), b, { ...conditions, ...aclConditions(req) });
  checkAcl(req);
  const { sealing } = core.envelope.sealFor(b, key, sealReq, caller);
  const u: Upload = {
    ...sealing,
    uploadId: hexFrom(core.ctx.random, 32),
    key,
    initiated: core.now(),
    initiator: caller.principal.arn,
    contentType: (req.ContentType as string | undefined) ?? 'binary/octet-stream',
    metadata: (req.Metadata as Record<string, string> | undefined) ?? {},
    parts: [],
  };
  b.uploads.push(u);
  return { Bucket: b.name, Key: key, UploadId: u.uploadId, ...sseFields(u, req.SSEKMSEncryptionContext !== undefined) };
}

export function uploadPart(core: S3Core, req: Req, caller: Caller): Req {
  const { b, u } = uploadOf(core, req);
  core.authorize(caller, 's3:PutObject', objectArn(b.name, u.key), b);
  const n = Number(req.PartNumber);
  if (!Number.isInteger(n) || n < 1 || n > 10_000) throw invalidArgument('Part number must be an integer between 1 and 10000, inclusive');
  const data = req.Body instanceof Uint8Array ? req.Body : new Uint8Array();
  const dataKey = core.envelope.openFor(b, u, caller);
  const nonce = core.ctx.random.bytes(12);
  const part = { partNumber: n, etag: etagOf(data), size: data.length, nonce: b64(nonce), body: b64(seal(dataKey, nonce, data, partArn(b, u, n))) };
  u.parts = [...u.parts.filter((p) => p.partNumber !== n), part].sort((x, y) => x.partNumber - y.partNumber);
  return { ETag: part.etag, ...sseFields(u) };
}

export function completeMultipartUpload(core: S3Core, req: Req, caller: Caller): Req {
  const { b, u } = uploadOf(core, req);
  core.authorize(caller, 's3:PutObject', objectArn(b.name, u.key), b);
  const listed = (req.MultipartUpload as { Parts?: { PartNumber?: number; ETag?: string }[] } | undefined)?.Parts;
  if (!Array.isArray(listed) || listed.length === 0) throw malformedXml();
  const chosen = listed.map((p, i) => {
    if (i > 0 && Number(p.PartNumber) <= Number(listed[i - 1].PartNumber)) throw invalidPartOrder();
    const part = u.parts.find((x) => x.partNumber === Number(p.PartNumber));
    if (!part || (p.ETag !== undefined && p.ETag.replace(/"/g, '') !== part.etag.replace(/"/g, ''))) throw invalidPart();
    return part;
  });
  chosen.slice(0, -1).forEach((p) => {
    if (p.size < MIN_PART_BYTES) throw new S3Exception('EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed size', 400);
  });
  const dataKey = core.envelope.openFor(b, u, caller);
  const data = Buffer.concat(chosen.map((p) => open(dataKey, unb64(p.nonce), unb64(p.body), partArn(b, u, p.partNumber))));
  const nonce = core.ctx.random.bytes(12);
  const { uploadId: _id, initiated: _at, initiator: _who, parts: _parts, ...rest } = u;
  const obj: StoredObject = {
    ...rest,
    size: data.length,
    etag: multipartEtag(chosen.map((p) => p.etag)),
    lastModified: core.now(),
    nonce: b64(nonce),
    body: b64(seal(dataKey, nonce, new Uint8Array(data), objectArn(b.name, u.key))),
  };
  putStored(b, obj);
  b.uploads = b.uploads.filter((x) => x !== u);
  const location = `https://${b.name}.s3.${b.region}.amazonaws.com/${encodeURIComponent(u.key)}`;
  return { Location: location, Bucket: b.name, Key: u.key, ETag: obj.etag, ...sseFields(obj) };
}

export function abortMultipartUpload(core: S3Core, req: Req, caller: Caller): Req {
  const { b, u } = uploadOf(core, req);
  core.authorize(caller, 's3:AbortMultipartUpload', objectArn(b.name, u.key), b);
  b.uploads = b.uploads.filter((x) => x !== u);
  return {};
}
