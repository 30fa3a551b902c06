// What the AWS CLI does around S3 beyond `aws <service> <operation>`: s3api's streaming members (--body PATH,
// get-object's OUTFILE) and the high-level `aws s3 ls|cp|mb|rb|rm` commands with their output lines.
// Differs: no sync/mv/presign, no --recursive cp, no --exclude/--include; times print in UTC.
import type { Caller } from '../aws/caller.js';
import { ServiceException } from '../aws/errors.js';
import { EXIT } from '../exit-codes.js';
import { CliUsageError, usage } from './errors.js';
import { extractGlobals } from './globals.js';
import type { GlobalOptions, ParseIo } from './types.js';

export interface S3Io extends ParseIo {
  /** Writes a downloaded object (get-object's outfile, `aws s3 cp s3://... FILE`). */
  writeFile?(path: string, bytes: Uint8Array): void;
}
type Sim = { call(service: string, operation: string, request: Record<string, unknown>, caller: Caller): Record<string, unknown> };
type Result = { stdout: string; stderr: string; exitCode: number };

/** The AWS CLI's multipart threshold and chunk size for `aws s3 cp` (8 MiB, its documented defaults). */
export const MULTIPART_CHUNK = 8 * 1024 * 1024;
/** The largest local file `aws s3 cp` reads here (objects live in the sandbox file). */
export const CP_MAX_BYTES = 32 * 1024 * 1024;
const VALUE_FLAGS_OFF = new Set([
  '--no-paginate',
  '--no-cli-pager',
  '--debug',
  '--no-verify-ssl',
  '--no-sign-request',
  '--bucket-key-enabled',
  '--no-bucket-key-enabled',
]);

/** The world's service behind a CLI service name (`s3api` is S3). */
export function targetService(cliService: string): string {
  return cliService === 's3api' ? 's3' : cliService;
}

/** s3api's streaming members: `--body PATH` reads the file as is, get-object takes a positional OUTFILE. */
export function prepareS3api(argv: string[]): { argv: string[]; outfile?: string } {
  let rest: string[];
  try {
    rest = extractGlobals(argv).rest;
  } catch {
    return { argv }; // the parser reports the bad global option
  }
  if (rest[0] !== 's3api') return { argv };
  const out: string[] = [];
  let outfile: string | undefined;
  const isGetObject = rest[1] === 'get-object';
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i];
    if (w === '--body' && i + 1 < argv.length && !/^fileb?:\/\//.test(argv[i + 1])) {
      out.push(w, `fileb://${argv[++i]}`);
      continue;
    }
    if (w.startsWith('--body=') && !/^--body=fileb?:\/\//.test(w)) {
      out.push(`--body=fileb://${w.slice(7)}`);
      continue;
    }
    if (isGetObject && w.startsWith('--') && !w.includes('=') && !VALUE_FLAGS_OFF.has(w) && i + 1 < argv.length) {
      out.push(w, argv[++i]);
      continue;
    }
    if (isGetObject && !w.startsWith('--') && w !== 's3api' && w !== 'get-object' && w !== 'help' && outfile === undefined) {
      outfile = w;
      continue;
    }
    out.push(w);
  }
  return { argv: out, outfile };
}

/** After an s3api call: get-object's Body goes to the outfile, the rest is printed. */
export function afterS3api(operation: string, response: Record<string, unknown>, outfile: string | undefined, io: S3Io): Record<string, unknown> {
  if (operation !== 'GetObject') return response;
  const { Body, ...rest } = response;
  writeOut(io, outfile!, Body as Uint8Array);
  return rest;
}

/** get-object without an outfile is a bad command line, as in the AWS CLI. */
export function checkS3apiLine(operation: string, outfile: string | undefined): void {
  if (operation === 'GetObject' && outfile === undefined) throw usage('the following arguments are required: outfile');
}

function writeOut(io: S3Io, path: string, bytes: Uint8Array): void {
  if (!io.writeFile) throw usage(`cannot write ${path} here`);
  try {
    io.writeFile(path, bytes);
  } catch (e) {
    throw usage(`could not write ${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** `aws s3 ...`: true when the line's command is the high-level s3. */
export function isS3HighLevel(argv: string[]): boolean {
  try {
    return extractGlobals(argv).rest[0] === 's3';
  } catch {
    return false;
  }
}

const S3_HELP = `s3: high-level S3 commands (kms-study sandbox)

usage: aws s3 <command> [parameters]

  ls [s3://BUCKET[/PREFIX]] [--recursive]   list your buckets, or the objects under a prefix
  cp SOURCE TARGET [--sse AES256|aws:kms] [--sse-kms-key-id KEY]
                                            copy a local file to S3, an object to a local file, or S3 to S3
  mb s3://BUCKET                            make a bucket
  rb s3://BUCKET                            remove an empty bucket
  rm s3://BUCKET/KEY                        delete an object

Uploads of ${MULTIPART_CHUNK / 1024 / 1024} MiB or more use a multipart upload (kms:Decrypt is needed too with SSE-KMS).
`;

function s3Url(word: string): { bucket: string; key: string } | undefined {
  const m = /^s3:\/\/([^/]+)\/?(.*)$/s.exec(word);
  return m ? { bucket: m[1], key: m[2] } : undefined;
}

const stamp = (d: unknown) => new Date(d as Date).toISOString().replace('T', ' ').slice(0, 19);
const failure = (e: ServiceException, operation: string) => `An error occurred (${e.code}) when calling the ${operation} operation: ${e.message}`;

/** One `aws s3 ...` line. */
export async function runS3Command(sim: Sim, argv: string[], resolve: (g: GlobalOptions) => Caller, io: S3Io): Promise<Result> {
  let who: Caller;
  let words: string[];
  try {
    const { globals, rest } = extractGlobals(argv);
    words = rest.slice(1);
    if (words.length === 0 || words.includes('help') || words.includes('--help')) return { stdout: S3_HELP, stderr: '', exitCode: EXIT.OK };
    who = resolve(globals);
    if (globals.region) who = { ...who, region: globals.region };
  } catch (e) {
    if (e instanceof CliUsageError) return { stdout: '', stderr: `${e.message}\n`, exitCode: e.exitCode };
    throw e;
  }
  const call = (op: string, req: Record<string, unknown>) => sim.call('s3', op, req, who);
  try {
    return runS3Words(words, call, io);
  } catch (e) {
    if (e instanceof CliUsageError) return { stdout: '', stderr: `${e.message}\n`, exitCode: e.exitCode };
    throw e;
  }
}

type Call = (op: string, req: Record<string, unknown>) => Record<string, unknown>;

function options(words: string[], allowed: string[], flags: string[] = []): { args: string[]; opts: Record<string, string> } {
  const args: string[] = [];
  const opts: Record<string, string> = {};
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (!w.startsWith('--')) args.push(w);
    else if (flags.includes(w)) opts[w] = 'true';
    else if (allowed.includes(w)) {
      if (i + 1 >= words.length) throw usage(`argument ${w}: expected one argument`);
      opts[w] = words[++i];
    } else throw usage(`Unknown options: ${w}`);
  }
  return { args, opts };
}

function runS3Words(words: string[], call: Call, io: S3Io): Result {
  const [command, ...rest] = words;
  const fail = (op: string, line: (msg: string) => string) => (e: unknown) => {
    if (!(e instanceof ServiceException)) throw e;
    return { stdout: '', stderr: `${line(failure(e, op))}\n`, exitCode: EXIT.FAILURE };
  };
  switch (command) {
    case 'ls': {
      const { args, opts } = options(rest, [], ['--recursive']);
      if (args.length === 0) {
        try {
          const r = call('ListBuckets', {});
          const lines = (r.Buckets as { Name: string; CreationDate: Date }[]).map((b) => `${stamp(b.CreationDate)} ${b.Name}\n`);
          return { stdout: lines.join(''), stderr: '', exitCode: EXIT.OK };
        } catch (e) {
          return fail('ListBuckets', (m) => m)(e);
        }
      }
      const url = s3Url(args[0]);
      if (!url) throw usage(`Invalid argument type: ${args[0]} (expected s3://BUCKET[/PREFIX])`);
      return list(call, url.bucket, url.key, opts['--recursive'] === 'true', fail);
    }
    case 'cp':
      return copy(rest, call, io, fail);
    case 'mb':
    case 'rb': {
      const url = s3Url(rest[0] ?? '');
      if (!url || url.key) throw usage(`${command} expects s3://BUCKET`);
      const op = command === 'mb' ? 'CreateBucket' : 'DeleteBucket';
      const verb = command === 'mb' ? 'make_bucket' : 'remove_bucket';
      try {
        call(op, { Bucket: url.bucket });
        return { stdout: `${verb}: ${url.bucket}\n`, stderr: '', exitCode: EXIT.OK };
      } catch (e) {
        return fail(op, (m) => `${verb} failed: s3://${url.bucket} ${m}`)(e);
      }
    }
    case 'rm': {
      const url = s3Url(rest[0] ?? '');
      if (!url || !url.key) throw usage('rm expects s3://BUCKET/KEY');
      try {
        call('DeleteObject', { Bucket: url.bucket, Key: url.key });
        return { stdout: `delete: s3://${url.bucket}/${url.key}\n`, stderr: '', exitCode: EXIT.OK };
      } catch (e) {
        return fail('DeleteObject', (m) => `delete failed: s3://${url.bucket}/${url.key} ${m}`)(e);
      }
    }
    default:
      throw usage(`argument subcommand: Invalid choice '${command}', valid choices are: ls | cp | mb | rb | rm (the s3 commands the simulator offers)`);
  }
}

type Fail = (op: string, line: (msg: string) => string) => (e: unknown) => Result;

function list(call: Call, bucket: string, prefix: string, recursive: boolean, fail: Fail): Result {
  const out: string[] = [];
  let token: string | undefined;
  try {
    do {
      const r = call('ListObjectsV2', {
        Bucket: bucket,
        Prefix: prefix,
        ...(recursive ? {} : { Delimiter: '/' }),
        ...(token ? { ContinuationToken: token } : {}),
      });
      for (const p of (r.CommonPrefixes as { Prefix: string }[] | undefined) ?? [])
        out.push(`${'PRE'.padStart(30)} ${p.Prefix.slice(prefix.lastIndexOf('/') + 1)}\n`);
      for (const o of (r.Contents as { Key: string; Size: number; LastModified: Date }[] | undefined) ?? []) {
        const name = recursive ? o.Key : o.Key.slice(prefix.lastIndexOf('/') + 1);
        out.push(`${stamp(o.LastModified)} ${String(o.Size).padStart(10)} ${name}\n`);
      }
      token = r.NextContinuationToken as string | undefined;
    } while (token);
  } catch (e) {
    return fail('ListObjectsV2', (m) => m)(e);
  }
  return { stdout: out.join(''), stderr: '', exitCode: EXIT.OK };
}

function localName(path: string): string {
  return path.startsWith('/') || path.startsWith('./') || path.startsWith('../') || path.startsWith('~') ? path : `./${path}`;
}

function copy(words: string[], call: Call, io: S3Io, fail: Fail): Result {
  const { args, opts } = options(words, ['--sse', '--sse-kms-key-id', '--content-type']);
  if (args.length !== 2) throw usage('cp expects a source and a target: aws s3 cp SOURCE TARGET');
  const [src, dst] = args.map(s3Url);
  const sse = opts['--sse'];
  if (sse !== undefined && !['AES256', 'aws:kms', 'aws:kms:dsse'].includes(sse))
    throw usage(`argument --sse: Invalid choice '${sse}', valid choices are: AES256 | aws:kms | aws:kms:dsse`);
  if (opts['--sse-kms-key-id'] !== undefined && !sse?.startsWith('aws:kms')) throw usage('--sse-kms-key-id is only valid with --sse aws:kms');
  const enc: Record<string, unknown> = {};
  if (sse) enc.ServerSideEncryption = sse;
  if (opts['--sse-kms-key-id']) enc.SSEKMSKeyId = opts['--sse-kms-key-id'];
  if (opts['--content-type']) enc.ContentType = opts['--content-type'];
  const keyFor = (url: { key: string }, from: string) => (url.key === '' || url.key.endsWith('/') ? url.key + from.slice(from.lastIndexOf('/') + 1) : url.key);
  if (!src && dst) {
    const key = keyFor(dst, args[0]);
    const label = `${localName(args[0])} to s3://${dst.bucket}/${key}`;
    let data: Uint8Array;
    try {
      data = io.readFile(args[0], CP_MAX_BYTES);
    } catch (e) {
      return { stdout: '', stderr: `upload failed: ${label} ${(e as Error).message}\n`, exitCode: EXIT.FAILURE };
    }
    if (data.length > CP_MAX_BYTES)
      return { stdout: '', stderr: `upload failed: ${label} the file is larger than ${CP_MAX_BYTES} bytes (the simulator's limit)\n`, exitCode: EXIT.FAILURE };
    let op = 'PutObject';
    try {
      if (data.length < MULTIPART_CHUNK) call('PutObject', { Bucket: dst.bucket, Key: key, Body: data, ...enc });
      else {
        op = 'CreateMultipartUpload';
        const id = String(call(op, { Bucket: dst.bucket, Key: key, ...enc }).UploadId);
        const parts = [];
        op = 'UploadPart';
        for (let i = 0, n = 1; i < data.length; i += MULTIPART_CHUNK, n++) {
          const r = call(op, { Bucket: dst.bucket, Key: key, UploadId: id, PartNumber: n, Body: data.subarray(i, i + MULTIPART_CHUNK) });
          parts.push({ PartNumber: n, ETag: r.ETag });
        }
        op = 'CompleteMultipartUpload';
        call(op, { Bucket: dst.bucket, Key: key, UploadId: id, MultipartUpload: { Parts: parts } });
      }
      return { stdout: `upload: ${label}\n`, stderr: '', exitCode: EXIT.OK };
    } catch (e) {
      return fail(op, (m) => `upload failed: ${label} ${m}`)(e);
    }
  }
  if (src && !dst) {
    const target = args[1].endsWith('/') || args[1] === '.' ? `${args[1].replace(/\/?$/, '/')}${src.key.slice(src.key.lastIndexOf('/') + 1)}` : args[1];
    const label = `s3://${src.bucket}/${src.key} to ${localName(target)}`;
    try {
      call('HeadObject', { Bucket: src.bucket, Key: src.key });
    } catch (e) {
      // The CLI checks the object first: a missing or forbidden object stops it before the download.
      if (e instanceof ServiceException && e.code === '404')
        return {
          stdout: '',
          stderr: `fatal error: An error occurred (404) when calling the HeadObject operation: Key "${src.key}" does not exist\n`,
          exitCode: EXIT.FAILURE,
        };
      return fail('HeadObject', (m) => `fatal error: ${m}`)(e);
    }
    try {
      const r = call('GetObject', { Bucket: src.bucket, Key: src.key });
      writeOut(io, target, r.Body as Uint8Array);
      return { stdout: `download: ${label}\n`, stderr: '', exitCode: EXIT.OK };
    } catch (e) {
      return fail('GetObject', (m) => `download failed: ${label} ${m}`)(e);
    }
  }
  if (src && dst) {
    const key = keyFor(dst, src.key);
    const label = `s3://${src.bucket}/${src.key} to s3://${dst.bucket}/${key}`;
    try {
      call('CopyObject', { Bucket: dst.bucket, Key: key, CopySource: `${src.bucket}/${src.key}`, ...enc });
      return { stdout: `copy: ${label}\n`, stderr: '', exitCode: EXIT.OK };
    } catch (e) {
      return fail('CopyObject', (m) => `copy failed: ${label} ${m}`)(e);
    }
  }
  throw usage('cp needs at least one s3:// path (local to local is not an S3 command)');
}

/** Lab variables from an s3api answer printed as JSON: $UPLOAD_ID (create-multipart-upload), $PART_ETAG (upload-part). */
export function capturedS3Vars(operation: string, stdout: string): Record<string, string> {
  if (operation !== 'CreateMultipartUpload' && operation !== 'UploadPart') return {};
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(stdout) as Record<string, unknown>;
  } catch {
    return {};
  }
  if (operation === 'CreateMultipartUpload' && typeof doc.UploadId === 'string') return { UPLOAD_ID: doc.UploadId };
  if (operation === 'UploadPart' && typeof doc.ETag === 'string') return { PART_ETAG: doc.ETag.replace(/"/g, '') };
  return {};
}
