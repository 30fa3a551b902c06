// S3 bucket operations: create/list/delete, default encryption (SSE-S3 when none is set, SSE-KMS with a key and
// BucketKeyEnabled) and the bucket policy. Differs: ACLs, Object Ownership, versioning and bucket tags are not simulated.
// https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketEncryption.html
import type { Caller } from '../aws/caller.js';
import { parsePolicy } from '../policy/index.js';
import { str, type Req, type S3Core } from './core.js';
import {
  bucketAlreadyExists,
  bucketAlreadyOwnedByYou,
  bucketNotEmpty,
  illegalLocationConstraint,
  invalidArgument,
  invalidBucketName,
  invalidToken,
  malformedPolicy,
  malformedXml,
  noSuchBucketPolicy,
} from './errors.js';
import { bucketArn, s3Time, type EncryptionRule } from './model.js';

// https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** SSE-S3: what every bucket uses when nothing else is configured (since January 2023). */
export const DEFAULT_RULE: EncryptionRule = { SSEAlgorithm: 'AES256', BucketKeyEnabled: false };

const iso = s3Time;

export function createBucket(core: S3Core, req: Req, caller: Caller): Req {
  const name = str(req, 'Bucket')!;
  const cfg = req.CreateBucketConfiguration as { LocationConstraint?: string } | undefined;
  const region = cfg?.LocationConstraint ?? caller.region;
  return core.managed('CreateBucket', { bucketName: name }, caller, region, () => {
    if (!BUCKET_NAME.test(name) || name.includes('..') || /^\d+\.\d+\.\d+\.\d+$/.test(name)) throw invalidBucketName();
    // Outside us-east-1 the CLI must name the Region in LocationConstraint.
    if (!cfg?.LocationConstraint && caller.region !== 'us-east-1') throw illegalLocationConstraint();
    core.authorize(caller, 's3:CreateBucket', bucketArn(name), undefined);
    const existing = core.state.buckets.find((b) => b.name === name);
    if (existing) throw existing.accountId === caller.accountId ? bucketAlreadyOwnedByYou() : bucketAlreadyExists();
    core.state.buckets.push({ name, accountId: caller.accountId, region, creationDate: core.now(), objects: [], uploads: [] });
    return { Location: region === 'us-east-1' ? `/${name}` : `http://${name}.s3.amazonaws.com/` };
  });
}

export function listBuckets(core: S3Core, req: Req, caller: Caller): Req {
  return core.managed('ListBuckets', {}, caller, caller.region, () => {
    core.authorize(caller, 's3:ListAllMyBuckets', '*', undefined);
    const prefix = (req.Prefix as string | undefined) ?? '';
    const region = req.BucketRegion as string | undefined;
    const mine = core.state.buckets
      .filter((b) => b.accountId === caller.accountId && b.name.startsWith(prefix) && (region === undefined || b.region === region))
      .sort((a, b) => (a.name < b.name ? -1 : 1));
    const max = req.MaxBuckets === undefined ? 10_000 : Number(req.MaxBuckets);
    if (!Number.isInteger(max) || max < 1 || max > 10_000) throw invalidArgument('Argument max-buckets must be an integer between 1 and 10000');
    const token = req.ContinuationToken as string | undefined;
    const from = token === undefined ? 0 : mine.findIndex((b) => b.name > Buffer.from(token, 'base64').toString('utf8'));
    if (token !== undefined && (token === '' || from < 0)) throw invalidToken();
    const page = mine.slice(from, from + max);
    const out: Req = {
      Buckets: page.map((b) => ({ Name: b.name, CreationDate: iso(b.creationDate), BucketRegion: b.region })),
      Owner: { ID: ownerId(caller.accountId) },
    };
    if (from + max < mine.length) out.ContinuationToken = Buffer.from(page[page.length - 1].name).toString('base64');
    if (req.Prefix !== undefined) out.Prefix = prefix;
    return out;
  });
}

export function deleteBucket(core: S3Core, req: Req, caller: Caller): Req {
  const b = core.bucket(req.Bucket);
  return core.managed('DeleteBucket', { bucketName: b.name }, caller, b.region, () => {
    core.authorize(caller, 's3:DeleteBucket', bucketArn(b.name), b);
    if (b.objects.length) throw bucketNotEmpty();
    core.state.buckets = core.state.buckets.filter((x) => x !== b);
    core.state.bucketKeys = core.state.bucketKeys.filter((e) => e.bucket !== b.name);
    return {};
  });
}

function ruleOf(config: unknown): EncryptionRule {
  const rules = (config as { Rules?: unknown[] } | undefined)?.Rules;
  if (!Array.isArray(rules) || rules.length !== 1) throw malformedXml();
  const r = rules[0] as { ApplyServerSideEncryptionByDefault?: { SSEAlgorithm?: string; KMSMasterKeyID?: string }; BucketKeyEnabled?: boolean };
  const d = r.ApplyServerSideEncryptionByDefault;
  if (!d || !['AES256', 'aws:kms', 'aws:kms:dsse'].includes(String(d.SSEAlgorithm))) throw malformedXml();
  // A KMS key only goes with aws:kms (S3 answers InvalidArgument otherwise).
  if (d.KMSMasterKeyID !== undefined && d.SSEAlgorithm === 'AES256')
    throw invalidArgument('a KMSMasterKeyID is not applicable if the default sse algorithm is not aws:kms or aws:kms:dsse');
  const rule: EncryptionRule = { SSEAlgorithm: d.SSEAlgorithm as EncryptionRule['SSEAlgorithm'], BucketKeyEnabled: r.BucketKeyEnabled === true };
  if (d.KMSMasterKeyID !== undefined) rule.KMSMasterKeyID = d.KMSMasterKeyID;
  return rule;
}

export function putBucketEncryption(core: S3Core, req: Req, caller: Caller): Req {
  const b = core.bucket(req.Bucket);
  return core.managed(
    'PutBucketEncryption',
    { bucketName: b.name, ServerSideEncryptionConfiguration: req.ServerSideEncryptionConfiguration },
    caller,
    b.region,
    () => {
      core.authorize(caller, 's3:PutEncryptionConfiguration', bucketArn(b.name), b);
      // S3 stores the key as given and does not call KMS here: a wrong key shows up at the first upload.
      b.encryption = ruleOf(req.ServerSideEncryptionConfiguration);
      return {};
    },
  );
}

export function getBucketEncryption(core: S3Core, req: Req, caller: Caller): Req {
  const b = core.bucket(req.Bucket);
  return core.managed('GetBucketEncryption', { bucketName: b.name }, caller, b.region, () => {
    core.authorize(caller, 's3:GetEncryptionConfiguration', bucketArn(b.name), b);
    const r = b.encryption ?? DEFAULT_RULE;
    const d: Req = { SSEAlgorithm: r.SSEAlgorithm };
    if (r.KMSMasterKeyID) d.KMSMasterKeyID = r.KMSMasterKeyID;
    return { ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: d, BucketKeyEnabled: r.BucketKeyEnabled }] } };
  });
}

/** Deleting the configuration puts the bucket back on SSE-S3 (S3 keeps default encryption on for every bucket). */
export function deleteBucketEncryption(core: S3Core, req: Req, caller: Caller): Req {
  const b = core.bucket(req.Bucket);
  return core.managed('DeleteBucketEncryption', { bucketName: b.name }, caller, b.region, () => {
    core.authorize(caller, 's3:PutEncryptionConfiguration', bucketArn(b.name), b);
    delete b.encryption;
    return {};
  });
}

export function putBucketPolicy(core: S3Core, req: Req, caller: Caller): Req {
  const b = core.bucket(req.Bucket);
  const text = str(req, 'Policy')!;
  return core.managed('PutBucketPolicy', { bucketName: b.name, bucketPolicy: text }, caller, b.region, () => {
    core.authorize(caller, 's3:PutBucketPolicy', bucketArn(b.name), b);
    if (!text.trimStart().startsWith('{')) throw malformedPolicy();
    let doc;
    try {
      doc = parsePolicy(text, 'key');
    } catch (e) {
      throw malformedPolicy(e instanceof Error ? e.message : String(e));
    }
    // Every resource a bucket policy names must be this bucket or its objects.
    const ok = doc.statements.every((s) =>
      [...(s.resource ?? []), ...(s.notResource ?? [])].every((r) => r === bucketArn(b.name) || r.startsWith(`${bucketArn(b.name)}/`)),
    );
    if (!ok) throw malformedPolicy('Policy has invalid resource');
    b.policy = text;
    return {};
  });
}

export function getBucketPolicy(core: S3Core, req: Req, caller: Caller): Req {
  const b = core.bucket(req.Bucket);
  return core.managed('GetBucketPolicy', { bucketName: b.name }, caller, b.region, () => {
    core.authorize(caller, 's3:GetBucketPolicy', bucketArn(b.name), b);
    if (b.policy === undefined) throw noSuchBucketPolicy();
    return { Policy: b.policy };
  });
}

export function deleteBucketPolicy(core: S3Core, req: Req, caller: Caller): Req {
  const b = core.bucket(req.Bucket);
  return core.managed('DeleteBucketPolicy', { bucketName: b.name }, caller, b.region, () => {
    core.authorize(caller, 's3:DeleteBucketPolicy', bucketArn(b.name), b);
    delete b.policy;
    return {};
  });
}

/** The canonical user id S3 shows as Owner.ID (64 hex digits); ours is derived from the account id. */
export function ownerId(accountId: string): string {
  return Buffer.from(`kms-study-owner-${accountId}`).toString('hex').padEnd(64, '0').slice(0, 64);
}
