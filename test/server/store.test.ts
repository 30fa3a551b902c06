// serve and the store: a failed save is reported and serving goes on from memory (the next save writes it
// all); read-only and cryptographic requests never rewrite the state file; a CLI-side change is picked up.
import { storedRows } from '../../src/kms/state.js';
import { afterEach, describe, expect, it } from '@jest/globals';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setWriteFunction } from '../../src/storage/atomic.js';
import { openSandbox } from '../../src/storage/sandbox.js';
import { SeededRandom } from '../../src/aws/ports.js';
import { startServer } from './helpers.js';

const AUTH = 'AWS4-HMAC-SHA256 Credential=default/20261101/us-east-1/kms/aws4_request, SignedHeaders=host, Signature=00';

async function kms(url: string, op: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const r = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `TrentService.${op}`, Authorization: AUTH }, body: JSON.stringify(body) });
  return { status: r.status, body: (await r.json()) as Record<string, unknown> };
}

afterEach(() => setWriteFunction(undefined));

describe('serve and the sandbox store', () => {
  it('reports a failed save once and keeps serving from memory; the next good save writes everything', async () => {
    const s = await startServer();
    const problems: string[] = [];
    s.backend.problem = (l) => problems.push(l);
    try {
      setWriteFunction(() => {
        throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
      });
      const made = await kms(s.url, 'CreateKey', {});
      expect(made.status).toBe(200);
      const keyId = (made.body.KeyMetadata as { KeyId: string }).KeyId;
      expect((await kms(s.url, 'CreateKey', {})).status).toBe(200);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^kms-study serve: could not save: cannot write .*(state\.json|\.jsonl): no space left on the device \(ENOSPC\).*still serving from memory/);
      const enc = await kms(s.url, 'Encrypt', { KeyId: keyId, Plaintext: Buffer.from('x').toString('base64') });
      expect(enc.status).toBe(200);
      setWriteFunction(undefined);
      expect((await kms(s.url, 'CreateKey', {})).status).toBe(200);
      const saved = JSON.parse(readFileSync(join(s.home, 'sandbox', 'state.json'), 'utf8'));
      expect(storedRows(saved.engine.keys)).toHaveLength(3);
    } finally {
      setWriteFunction(undefined);
      await s.close();
    }
  });

  it('never rewrites the state for read-only and cryptographic requests, and picks up a change made beside it', async () => {
    const s = await startServer();
    try {
      const keyId = ((await kms(s.url, 'CreateKey', {})).body.KeyMetadata as { KeyId: string }).KeyId;
      const path = join(s.home, 'sandbox', 'state.json');
      const before = statSync(path, { bigint: true }).mtimeNs;
      for (let i = 0; i < 20; i++) {
        expect((await kms(s.url, 'Encrypt', { KeyId: keyId, Plaintext: Buffer.from('x').toString('base64') })).status).toBe(200);
        expect((await kms(s.url, 'DescribeKey', { KeyId: keyId })).status).toBe(200);
      }
      await new Promise((ok) => setTimeout(ok, 100)); // the events' batch went out
      expect(statSync(path, { bigint: true }).mtimeNs).toBe(before);
      // A change made by another command (here: in this process, as the CLI does) is seen at the next request.
      const random = new SeededRandom('beside');
      const sb = openSandbox({ env: { KMS_STUDY_HOME: s.home }, now: () => s.clock.t, randomBytes: (n) => random.bytes(n) });
      sb.world.call('kms', 'CreateAlias', { AliasName: 'alias/beside', TargetKeyId: keyId }, sb.callerFor());
      sb.save();
      sb.close();
      const aliases = (await kms(s.url, 'ListAliases', {})).body.Aliases as { AliasName: string }[];
      expect(aliases.map((a) => a.AliasName)).toContain('alias/beside');
    } finally {
      await s.close();
    }
  });

  it("sees a change another process made between a cryptographic request and serve's batched event write", async () => {
    const s = await startServer();
    try {
      const keyId = ((await kms(s.url, 'CreateKey', {})).body.KeyMetadata as { KeyId: string }).KeyId;
      expect((await kms(s.url, 'Encrypt', { KeyId: keyId, Plaintext: Buffer.from('x').toString('base64') })).status).toBe(200);
      // Before the batch timer fires, another command changes the state.
      const random = new SeededRandom('between');
      const sb = openSandbox({ env: { KMS_STUDY_HOME: s.home }, now: () => s.clock.t, randomBytes: (n) => random.bytes(n) });
      sb.world.call('kms', 'CreateAlias', { AliasName: 'alias/between', TargetKeyId: keyId }, sb.callerFor());
      sb.save();
      sb.close();
      await new Promise((ok) => setTimeout(ok, 60)); // the batch of Encrypt's event went out after that write
      const aliases = (await kms(s.url, 'ListAliases', {})).body.Aliases as { AliasName: string }[];
      expect(aliases.map((a) => a.AliasName)).toContain('alias/between');
    } finally {
      await s.close();
    }
  });
});
