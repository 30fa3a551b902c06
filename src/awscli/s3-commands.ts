// What the AWS CLI does around `aws s3api`: the streaming members (--body PATH, get-object's OUTFILE), the
// world's service behind the CLI name, and the lab variables an answer sets. The `aws s3` commands: s3-high-level.ts.
import { usage } from './errors.js';
import { extractGlobals } from './globals.js';
import type { ParseIo } from './types.js';

export interface S3Io extends ParseIo {
  /** Writes a downloaded object (get-object's outfile, `aws s3 cp s3://... FILE`). */
  writeFile?(path: string, bytes: Uint8Array): void;
}
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

/** Writes a downloaded object where the command line said (a usage error when it cannot). */
export function writeOut(io: S3Io, path: string, bytes: Uint8Array): void {
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
