// S3 object operations on the stored ciphertext: PutObject, GetObject, HeadObject, CopyObject, DeleteObject,
// ListObjectsV2. Differs: no versions, ranges, checksums, storage classes or object ACLs; one part per PUT.
// https://docs.aws.amazon.com/AmazonS3/latest/API/API_Operations_Amazon_Simple_Storage_Service.html
import type { Caller } from '../aws/caller.js';
import { str, type Req, type S3Core } from './core.js';
import { b64, etagOf, open, seal, unb64 } from './crypto.js';
import { accessDenied, headError, invalidArgument, invalidToken, noSuchKey } from './errors.js';
import { bucketArn, objectArn, s3Time, type Bucket, type StoredObject } from './model.js';
import { sealRequestOf, sseFields } from './sse.js';
import { aclConditions, checkAcl } from './acl.js';
import { ServiceException } from '../aws/errors.js';

/** Stores `data` at bucket/key under the encryption the request or the bucket asks for. */
export function storeObject(
  core: S3Core,
  b: Bucket,
  key: string,
  data: Uint8Array,
  req: Req,
  caller: Caller,
  meta?: { contentType: string; metadata: Record<string, string> },
): StoredObject {
  const { seal: sealReq } = sealRequestOf(req, b);
  const { sealing, dataKey } = core.envelope.sealFor(b, key, sealReq, caller);
  const nonce = core.ctx.random.bytes(12);
  const obj: StoredObject = {
    ...sealing,
    key,
    size: data.length,
    etag: etagOf(data),
    lastModified: core.now(),
    contentType: meta?.contentType ?? (req.ContentType as string | undefined) ?? 'binary/octet-stream',
    metadata: meta?.metadata ?? (req.Metadata as Record<string, string> | undefined) ?? {},
    nonce: b64(nonce),
    body: b64(seal(dataKey, nonce, data, objectArn(b.name, key))),
  };
  putStored(b, obj);
  return obj;
}

export function putStored(b: Bucket, obj: StoredObject): void {
  b.objects = b.objects.filter((o) => o.key !== obj.key);
  b.objects.push(obj);
  b.objects.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}

/** The object, or S3's answer when it is missing: NoSuchKey if the caller may list the bucket, else AccessDenied. */
function find(core: S3Core, b: Bucket, key: string, caller: Caller): StoredObject {
  const obj = b.objects.find((o) => o.key === key);
  if (obj) return obj;
  // https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html (Permissions: without s3:ListBucket, 403)
  throw core.allowed(caller, 's3:ListBucket', bucketArn(b.name), b) ? noSuchKey() : accessDenied();
}

/** The plaintext of a stored object (KMS Decrypt as the caller for SSE-KMS). */
export function readObject(core: S3Core, b: Bucket, obj: StoredObject, caller: Caller): Uint8Array {
  const dataKey = core.envelope.openFor(b, obj, caller);
  return open(dataKey, unb64(obj.nonce), unb64(obj.body), objectArn(b.name, obj.key));
}

export function putObject(core: S3Core, req: Req, caller: Caller): Req {
  const b = core.bucket(req.Bucket);
  const key = str(req, 'Key')!;
  const { conditions } = sealRequestOf(req, b);
  core.authorize(caller, 's3:PutObject', objectArn(b.name, key), b, { ...conditions, ...aclConditions(req) });
  checkAcl(req);
  const body = req.Body instanceof Uint8Array ? req.Body : new TextEncoder().encode(typeof req.Body === 'string' ? req.Body : '');
  const obj = storeObject(core, b, key, body, req, caller);
  return { ETag: obj.etag, ...sseFields(obj, req.SSEKMSEncryptionContext !== undefined) };
}

function described(obj: StoredObject): Req {
  return {
    AcceptRanges: 'bytes',
    LastModified: s3Time(obj.lastModified),
    ContentLength: obj.size,
    ETag: obj.etag,
    ContentType: obj.contentType,
    ...sseFields(obj),
    Metadata: obj.metadata,
  };
}

export function getObject(core: S3Core, req: Req, caller: Caller): Req {
  const b = core.bucket(req.Bucket);
  const key = str(req, 'Key')!;
  core.authorize(caller, 's3:GetObject', objectArn(b.name, key), b);
  const obj = find(core, b, key, caller);
  const data = readObject(core, b, obj, caller);
  return { ...described(obj), Body: data };
}

/** HEAD needs s3:GetObject but no KMS call: metadata only. Errors carry the HTTP status only, as HEAD has no body. */
export function headObject(core: S3Core, req: Req, caller: Caller): Req {
  try {
    const b = core.bucket(req.Bucket);
    const key = str(req, 'Key')!;
    core.authorize(caller, 's3:GetObject', objectArn(b.name, key), b);
    return described(find(core, b, key, caller));
  } catch (e) {
    if (e instanceof ServiceException) throw headError(e);
    throw e;
  }
}

export function copyObject(core: S3Core, req: Req, caller: Caller): Req {
  const b = core.bucket(req.Bucket);
  const key = str(req, 'Key')!;
  const source = decodeURIComponent(str(req, 'CopySource')!.replace(/^\//, ''));
  const slash = source.indexOf('/');
  if (slash <= 0 || slash === source.length - 1) throw invalidArgument('Invalid copy source object key');
  const sb = core.bucket(source.slice(0, slash));
  const skey = source.slice(slash + 1);
  core.authorize(caller, 's3:GetObject', objectArn(sb.name, skey), sb);
  const { conditions } = sealRequestOf(req, b);
  core.authorize(caller, 's3:PutObject', objectArn(b.name, key), b, { ...conditions, ...aclConditions(req) });
  checkAcl(req);
  const src = find(core, sb, skey, caller);
  const data = readObject(core, sb, src, caller);
  const replace = req.MetadataDirective === 'REPLACE';
  const meta = replace ? undefined : { contentType: src.contentType, metadata: { ...src.metadata } };
  const obj = storeObject(core, b, key, data, req, caller, meta);
  return { CopyObjectResult: { ETag: obj.etag, LastModified: s3Time(obj.lastModified) }, ...sseFields(obj) };
}

export function deleteObject(core: S3Core, req: Req, caller: Caller): Req {
  const b = core.bucket(req.Bucket);
  const key = str(req, 'Key')!;
  core.authorize(caller, 's3:DeleteObject', objectArn(b.name, key), b);
  b.objects = b.objects.filter((o) => o.key !== key);
  return {};
}

type Entry = { kind: 'object'; obj: StoredObject; mark: string } | { kind: 'prefix'; prefix: string; mark: string };

export function listObjectsV2(core: S3Core, req: Req, caller: Caller): Req {
  const b = core.bucket(req.Bucket);
  const prefix = (req.Prefix as string | undefined) ?? '';
  const delimiter = req.Delimiter as string | undefined;
  const max = req.MaxKeys === undefined ? 1000 : Number(req.MaxKeys);
  if (!Number.isInteger(max) || max < 0) throw invalidArgument('Provided max-keys not an integer or within integer range');
  core.authorize(caller, 's3:ListBucket', bucketArn(b.name), b, { 's3:prefix': prefix, ...(delimiter ? { 's3:delimiter': delimiter } : {}) });
  let after = (req.StartAfter as string | undefined) ?? '';
  const token = req.ContinuationToken as string | undefined;
  if (token !== undefined) {
    const m = /^kms-study:(.*)$/s.exec(Buffer.from(token, 'base64').toString('utf8'));
    if (!m) throw invalidToken();
    after = m[1];
  }
  const entries: Entry[] = [];
  for (const obj of b.objects) {
    if (!obj.key.startsWith(prefix) || obj.key <= after) continue;
    const rest = obj.key.slice(prefix.length);
    const cut = delimiter ? rest.indexOf(delimiter) : -1;
    if (cut >= 0) {
      const p = prefix + rest.slice(0, cut + delimiter!.length);
      if (after.startsWith(p)) continue;
      const last = entries[entries.length - 1];
      if (last?.kind === 'prefix' && last.prefix === p) continue;
      // The mark skips every key under the prefix on the next page.
      entries.push({ kind: 'prefix', prefix: p, mark: `${p}\u{10FFFF}` });
    } else entries.push({ kind: 'object', obj, mark: obj.key });
  }
  const page = entries.slice(0, max);
  const truncated = entries.length > page.length;
  const out: Req = { IsTruncated: truncated, Name: b.name, Prefix: prefix, MaxKeys: max, KeyCount: page.length };
  const contents = page.flatMap((e) =>
    e.kind === 'object' ? [{ Key: e.obj.key, LastModified: s3Time(e.obj.lastModified), ETag: e.obj.etag, Size: e.obj.size, StorageClass: 'STANDARD' }] : [],
  );
  const prefixes = page.flatMap((e) => (e.kind === 'prefix' ? [{ Prefix: e.prefix }] : []));
  if (contents.length) out.Contents = contents;
  if (prefixes.length) out.CommonPrefixes = prefixes;
  if (delimiter) out.Delimiter = delimiter;
  if (req.StartAfter !== undefined) out.StartAfter = req.StartAfter;
  if (token !== undefined) out.ContinuationToken = token;
  if (truncated) out.NextContinuationToken = Buffer.from(`kms-study:${page[page.length - 1].mark}`).toString('base64');
  return out;
}
