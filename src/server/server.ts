// The simulated KMS as a local HTTP endpoint speaking AWS JSON 1.1 (POST /, X-Amz-Target:
// TrentService.<Operation>), so the real AWS CLI and SDKs can use it with --endpoint-url. Signatures are
// not verified: the SigV4 credential's access key id only selects the sandbox profile (see README).
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { findOperation, kebab } from '../awscli/model/index.js';
import { ServiceException } from '../aws/errors.js';
import { decodeStructure, encodeResponse, parseAuthorization, WireError } from './wire.js';
import { hostAllowed } from './host.js';
import { escapeControls } from '../text/terminal.js';

export interface RequestIdentity {
  accessKeyId: string;
  /** From the SigV4 credential scope. */
  region: string;
  sourceIp: string;
  userAgent?: string;
}

export interface KmsBackend {
  /** Run one KMS operation; throws ServiceException (or WireError for an unknown access key). */
  handle(operation: string, request: Record<string, unknown>, identity: RequestIdentity): Record<string, unknown>;
  /** The KMS operations the engine supports. */
  operations(): string[];
}

export interface ServerOptions {
  backend: KmsBackend;
  maxBodyBytes?: number;
  log?: (line: string) => void;
  now?: () => number;
  /** The address given with --host: Host headers may name it as well as loopback. */
  host?: string;
  /** Tests only: shorter than HEADERS_TIMEOUT_MS. */
  headersTimeoutMs?: number;
}

/** A local tool's timeouts: a client that sends its headers this slowly is cut off (Node's default is 60 s). */
export const HEADERS_TIMEOUT_MS = 5000;
export const REQUEST_TIMEOUT_MS = 30_000;

const JSON_TYPE = 'application/x-amz-json-1.1';

export function createKmsServer(opts: ServerOptions): Server {
  const max = opts.maxBodyBytes ?? 1024 * 1024;
  const now = opts.now ?? (() => Date.now());
  const headersTimeout = opts.headersTimeoutMs ?? HEADERS_TIMEOUT_MS;
  const timeouts = { headersTimeout, requestTimeout: Math.max(REQUEST_TIMEOUT_MS, headersTimeout), connectionsCheckingInterval: Math.min(1000, headersTimeout) };
  const server = createServer(timeouts, (req, res) => {
    const started = now();
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) tooLarge = true;
      else chunks.push(c);
    });
    req.on('end', () => {
      const result = !hostAllowed(req.headers.host, opts.host)
        ? errorResult(
            new WireError(
              'AccessDeniedException',
              `The Host header ${JSON.stringify(req.headers.host ?? '')} does not name this endpoint: kms-study serve answers requests for a loopback address${opts.host ? ` or ${opts.host}` : ''} only.`,
              403,
            ),
          )
        : tooLarge
          ? errorResult(new WireError('RequestEntityTooLargeException', `Request body is larger than ${max} bytes`, 413))
          : handle(req, Buffer.concat(chunks).toString('utf8'), opts.backend);
      send(res, result.status, result.body);
      opts.log?.(
        // The access key id and the target come from the request: escaped, so a client cannot write to the terminal.
        escapeControls(`${new Date(started).toISOString()} ${req.socket.remoteAddress ?? '-'} ${result.who} ${result.operation} ${result.status}${result.code ? ` ${result.code}` : ''} ${now() - started}ms`, { oneLine: true }),
      );
    });
  });
  return server;
}

interface Result {
  status: number;
  body: unknown;
  operation: string;
  code?: string;
  who: string;
}

function errorResult(e: unknown, operation = '-', who = '-'): Result {
  if (e instanceof ServiceException) return { status: e.httpStatus, body: { __type: e.code, message: e.message }, operation, code: e.code, who };
  if (e instanceof WireError) return { status: e.status, body: { __type: e.code, message: e.message }, operation, code: e.code, who };
  const message = e instanceof Error ? e.message : String(e);
  return { status: 500, body: { __type: 'KMSInternalException', message: `Internal error in the simulator: ${message}` }, operation, code: 'KMSInternalException', who };
}

function handle(req: IncomingMessage, text: string, backend: KmsBackend): Result {
  const target = String(req.headers['x-amz-target'] ?? '');
  const operation = target.startsWith('TrentService.') ? target.slice('TrentService.'.length) : target || '-';
  const auth = parseAuthorization(req.headers.authorization);
  const who = auth?.accessKeyId ?? '-';
  try {
    if (req.method !== 'POST') throw new WireError('UnknownOperationException', `The KMS endpoint accepts POST /, not ${req.method} ${req.url}`, 405);
    const type = String(req.headers['content-type'] ?? '');
    if (!type.startsWith(JSON_TYPE) && !type.startsWith('application/json'))
      throw new WireError('SerializationException', `Content-Type must be ${JSON_TYPE}`, 415);
    const model = target.startsWith('TrentService.') ? findOperation('kms', kebab(operation)) : undefined;
    // AWS answers an unknown X-Amz-Target with {"__type":"UnknownOperationException"} and no message; we add one
    // (our wording) so every error says what went wrong.
    if (!model || !backend.operations().includes(operation))
      throw new WireError('UnknownOperationException', target ? `Unknown operation ${JSON.stringify(target)}: expected TrentService.<Operation> naming a KMS operation, such as TrentService.ListKeys` : 'Missing X-Amz-Target header: expected TrentService.<Operation>, such as TrentService.ListKeys');
    if (!auth) throw new WireError('MissingAuthenticationTokenException', 'Missing Authentication Token');
    let body: unknown;
    try {
      body = text.trim() ? JSON.parse(text) : {};
    } catch {
      throw new WireError('SerializationException', 'The request body is not valid JSON');
    }
    const request = decodeStructure(model.input, body);
    const identity: RequestIdentity = {
      accessKeyId: auth.accessKeyId,
      region: auth.region,
      sourceIp: req.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1',
      userAgent: req.headers['user-agent'],
    };
    return { status: 200, body: encodeResponse(backend.handle(operation, request, identity)), operation, who };
  } catch (e) {
    return errorResult(e, operation, who);
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body ?? {});
  res.writeHead(status, { 'Content-Type': JSON_TYPE, 'Content-Length': Buffer.byteLength(text), 'x-amzn-RequestId': randomUUID() });
  res.end(text);
}
