// The endpoint's HTTP contract apart from any SDK: routing by X-Amz-Target, JSON 1.1 errors, limits.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startServer, type Running } from './helpers.js';
import { decodeStructure, encodeResponse, parseAuthorization } from '../../src/server/wire.js';
import { findOperation } from '../../src/awscli/model/index.js';

let srv: Running;
beforeAll(async () => {
  srv = await startServer({ maxBodyBytes: 2048 });
});
afterAll(async () => {
  await srv.close();
});

const AUTH = 'AWS4-HMAC-SHA256 Credential=default/20261101/us-east-1/kms/aws4_request, SignedHeaders=host, Signature=00';
async function post(target: string | undefined, body: string, headers: Record<string, string> = {}) {
  const res = await fetch(srv.url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-amz-json-1.1', Authorization: AUTH, ...(target ? { 'X-Amz-Target': target } : {}), ...headers },
    body,
  });
  return { status: res.status, type: res.headers.get('content-type'), requestId: res.headers.get('x-amzn-requestid'), json: (await res.json()) as Record<string, unknown> };
}

describe('the KMS JSON 1.1 endpoint', () => {
  it('answers an operation with application/x-amz-json-1.1, epoch-second dates and a request id', async () => {
    const r = await post('TrentService.CreateKey', '{"Description":"wire"}');
    expect(r.status).toBe(200);
    expect(r.type).toBe('application/x-amz-json-1.1');
    expect(r.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const meta = r.json.KeyMetadata as Record<string, unknown>;
    expect(meta.CreationDate).toBe(srv.clock.t / 1000);
  });
  it('returns base64 blobs and takes them back', async () => {
    const key = ((await post('TrentService.CreateKey', '{}')).json.KeyMetadata as { KeyId: string }).KeyId;
    const enc = await post('TrentService.Encrypt', JSON.stringify({ KeyId: key, Plaintext: Buffer.from('wire test').toString('base64') }));
    expect(typeof enc.json.CiphertextBlob).toBe('string');
    const dec = await post('TrentService.Decrypt', JSON.stringify({ CiphertextBlob: enc.json.CiphertextBlob }));
    expect(Buffer.from(dec.json.Plaintext as string, 'base64').toString()).toBe('wire test');
  });
  it('rejects an unknown operation with UnknownOperationException', async () => {
    const r = await post('TrentService.MakeCoffee', '{}');
    expect(r.status).toBe(400);
    expect(r.json.__type).toBe('UnknownOperationException');
  });
  it('rejects a missing target', async () => {
    expect((await post(undefined, '{}')).json.__type).toBe('UnknownOperationException');
  });
  it('maps engine exceptions to HTTP 400 with __type and message', async () => {
    const r = await post('TrentService.DescribeKey', '{"KeyId":"alias/missing"}');
    expect(r.status).toBe(400);
    expect(r.json).toEqual({ __type: 'NotFoundException', message: 'Alias arn:aws:kms:us-east-1:111122223333:alias/missing is not found.' });
  });
  it('rejects malformed JSON and bad base64 as SerializationException', async () => {
    expect((await post('TrentService.ListKeys', '{not json')).json.__type).toBe('SerializationException');
    const bad = await post('TrentService.Decrypt', '{"CiphertextBlob":"%%%"}');
    expect(bad.json).toMatchObject({ __type: 'SerializationException' });
    expect(String(bad.json.message)).toContain('CiphertextBlob');
  });
  it('requires a SigV4 Authorization header', async () => {
    const r = await post('TrentService.ListKeys', '{}', { Authorization: '' });
    expect(r.json).toEqual({ __type: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' });
  });
  it('refuses a body over the size limit with 413', async () => {
    const r = await post('TrentService.Encrypt', JSON.stringify({ KeyId: 'x', Plaintext: 'A'.repeat(4000) }));
    expect(r.status).toBe(413);
    expect(r.json.__type).toBe('RequestEntityTooLargeException');
  });
  it('refuses other methods and content types', async () => {
    const get = await fetch(srv.url);
    expect(get.status).toBe(405);
    const text = await post('TrentService.ListKeys', '{}', { 'Content-Type': 'text/plain' });
    expect(text.status).toBe(415);
  });
});

describe('wire encoding', () => {
  it('reads region and access key id from the credential scope', () => {
    expect(parseAuthorization(AUTH)).toEqual({ accessKeyId: 'default', region: 'us-east-1' });
    expect(parseAuthorization('Bearer x')).toBeUndefined();
  });
  it('decodes blobs and timestamps by the operation model and encodes responses', () => {
    const model = findOperation('kms', 'encrypt')!;
    const req = decodeStructure(model.input, { KeyId: 'k', Plaintext: 'AQID', EncryptionContext: { a: 'b' } });
    expect(req.Plaintext).toEqual(new Uint8Array([1, 2, 3]));
    expect(encodeResponse({ B: new Uint8Array([1, 2, 3]), D: new Date(1500), L: [new Date(0)], U: undefined })).toEqual({ B: 'AQID', D: 1.5, L: [0] });
  });
});
