// The world's service registry and its service-to-service calls, proved with a test-only service ("vault", a
// stand-in for S3) registered with one line: the callee (KMS) sees kms:ViaService or the service principal,
// decides by its key policy, and records its own CloudTrail event beside the caller service's event.
import { describe, expect, it } from '@jest/globals';
import { apiCallEvent } from '../../src/aws/api-call-event.js';
import { ServiceException } from '../../src/aws/errors.js';
import type { ServiceFactory } from '../../src/aws/service.js';
import { callerFor, DEFAULT_PROFILES } from '../../src/awscli/profiles.js';
import { aWorld } from '../helpers/world.js';

const REGION = 'us-east-1';
const VIA = `vault.${REGION}.amazonaws.com`;
/** The service in CloudTrail's record of the call it made (invokedBy, sourceIPAddress, userAgent): no Region. */
const HOST = 'vault.amazonaws.com';
const LOGS = `logs.${REGION}.amazonaws.com`;

/** Stores a secret encrypted under a KMS key (for its caller), or encrypts in its own name as a service principal. */
const vaultService: ServiceFactory = (ctx) => ({
  name: 'vault',
  operations: () => ['PutSecret', 'Seal'],
  call(operation, request, caller) {
    let response: Record<string, unknown>;
    if (operation === 'PutSecret') {
      const out = ctx.callFor('kms', 'Encrypt', { KeyId: request.KeyId, Plaintext: new TextEncoder().encode(String(request.Secret)) }, caller);
      response = { KeyId: out.KeyId };
    } else if (operation === 'Seal') {
      const out = ctx.callAsService('kms', 'Encrypt', { KeyId: request.KeyId, Plaintext: new Uint8Array([1]) }, { principal: LOGS, accountId: caller.accountId, region: caller.region });
      response = { KeyId: out.KeyId };
    } else {
      throw new ServiceException('vault', 'UnknownOperationException', `no ${operation}`);
    }
    ctx.trail.record(apiCallEvent('vault', operation, request, caller, ctx.now(), ctx.random));
    return response;
  },
});

function setup() {
  const { world } = aWorld({ services: [vaultService] }); // the one registration line
  const admin = callerFor(world, DEFAULT_PROFILES, 'default');
  const dev = callerFor(world, DEFAULT_PROFILES, 'dev');
  const policy = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' },
      { Sid: 'DevThroughVault', Effect: 'Allow', Principal: { AWS: dev.principal.arn }, Action: 'kms:Encrypt', Resource: '*', Condition: { StringEquals: { 'kms:ViaService': VIA } } },
    ],
  });
  const keyId = String((world.call('kms', 'CreateKey', { Policy: policy }, admin).KeyMetadata as { KeyId: string }).KeyId);
  return { world, admin, dev, keyId };
}

const codeOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    if (e instanceof ServiceException) return e.code;
    throw e;
  }
  return 'ok';
};

describe('service registry', () => {
  it('answers a service registered with one line, and refuses a service nobody registered', () => {
    const { world, dev, keyId } = setup();
    // The built-in services, the ones registered in src/sim/services.ts, and the test's own.
    expect(world.services.names()).toEqual(expect.arrayContaining(['cloudtrail', 'iam', 'kms', 'sts', 'vault']));
    expect(world.call('vault', 'PutSecret', { KeyId: keyId, Secret: 's3cret' }, dev)).toHaveProperty('KeyId');
    expect(codeOf(() => world.call('nosuchservice', 'GetObject', {}, dev))).toBe('UnknownOperationException');
    const { world: plain } = aWorld();
    expect(codeOf(() => plain.call('vault', 'PutSecret', { KeyId: keyId }, dev))).toBe('UnknownOperationException');
  });

  it('refuses a second service of the same name', () => {
    expect(() => aWorld({ services: [vaultService, vaultService] })).toThrow(/registered twice/);
  });
});

describe('one service calling another through the world', () => {
  it('shows the calling service as kms:ViaService: the key policy allows dev only through the vault', () => {
    const { world, dev, keyId } = setup();
    expect(codeOf(() => world.call('kms', 'Encrypt', { KeyId: keyId, Plaintext: new Uint8Array([1]) }, dev))).toBe('AccessDeniedException');
    expect(codeOf(() => world.call('vault', 'PutSecret', { KeyId: keyId, Secret: 'x' }, dev))).toBe('ok');
  });

  it('KMS records its own event for the forwarded call, beside the calling service event', () => {
    const { world, dev, keyId } = setup();
    world.call('vault', 'PutSecret', { KeyId: keyId, Secret: 'x' }, dev);
    const [kms, vault] = world.trail.events.slice(-2);
    expect(kms).toMatchObject({ eventSource: 'kms.amazonaws.com', eventName: 'Encrypt', sourceIPAddress: HOST, userAgent: HOST });
    expect(kms.userIdentity).toMatchObject({ type: 'IAMUser', arn: dev.principal.arn, invokedBy: HOST });
    expect(kms.errorCode).toBeUndefined();
    expect(vault).toMatchObject({ eventSource: 'vault.amazonaws.com', eventName: 'PutSecret', userIdentity: { arn: dev.principal.arn } });
  });

  it('lets a service principal call in its own name only where the key policy names it', () => {
    const { world, admin, dev, keyId } = setup();
    expect(codeOf(() => world.call('vault', 'Seal', { KeyId: keyId }, dev))).toBe('AccessDeniedException');
    const denied = world.trail.events.at(-1)!;
    expect(denied).toMatchObject({ eventName: 'Encrypt', errorCode: 'AccessDenied', userIdentity: { type: 'AWSService', invokedBy: LOGS } });
    const current = JSON.parse(String(world.call('kms', 'GetKeyPolicy', { KeyId: keyId, PolicyName: 'default' }, admin).Policy));
    current.Statement.push({ Sid: 'Logs', Effect: 'Allow', Principal: { Service: LOGS }, Action: 'kms:Encrypt', Resource: '*' });
    world.call('kms', 'PutKeyPolicy', { KeyId: keyId, PolicyName: 'default', Policy: JSON.stringify(current) }, admin);
    expect(codeOf(() => world.call('vault', 'Seal', { KeyId: keyId }, dev))).toBe('ok');
    expect(world.trail.events.at(-2)).toMatchObject({ eventName: 'Encrypt', recipientAccountId: '111122223333', userIdentity: { type: 'AWSService', invokedBy: LOGS } });
  });
});
