import { describe, expect, it } from '@jest/globals';
import { lookupEvents } from '../../src/cloudtrail/lookup-events.js';
import type { KmsEngine } from '../../src/kms/engine.js';
import { loadWorld } from '../../src/sim/world.js';
import { allowAllAccess } from '../helpers/world.js';
import { ManualClock, SeededRandom } from '../../src/aws/ports.js';
import { ACCOUNT, ADMIN, anEngine, bytes, DAY, expectKmsError, roleCaller, T0, text } from './builder.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('audit log', () => {
  it('appends exactly one event per call, allowed or failed (validation, unknown operation, not found)', () => {
    const { engine, exec, keys } = anEngine().withKey().build();
    const n = engine.audit.length;
    exec('DescribeKey', { KeyId: keys[0] });
    expectKmsError(() => exec('Encrypt', { KeyId: keys[0] }), 'ValidationException');
    expectKmsError(() => exec('DescribeKey', { KeyId: 'alias/none' }), 'NotFoundException');
    expectKmsError(() => exec('NoSuchOperation', {}), 'UnknownOperationException');
    expect(engine.audit.slice(n).map((e) => [e.eventName, e.errorCode])).toEqual([
      ['DescribeKey', undefined], ['Encrypt', 'ValidationException'], ['DescribeKey', 'NotFoundException'], ['NoSuchOperation', 'UnknownOperationException'],
    ]);
  });

  it('records a CloudTrail-shaped crypto event without plaintext or responseElements', () => {
    const { engine, exec, keys } = anEngine().withKey().build();
    const caller = { ...roleCaller('app', 'worker'), sourceIp: '203.0.113.7', userAgent: 'sdk/1', accessKeyId: 'ASIAEXAMPLE' };
    exec('Encrypt', { KeyId: keys[0], Plaintext: bytes('TOP-SECRET'), EncryptionContext: { Dept: 'IT' } }, caller);
    const e = engine.audit[engine.audit.length - 1];
    expect(e).toMatchObject({
      eventVersion: '1.11', eventTime: '2026-01-01T00:00:00Z', eventSource: 'kms.amazonaws.com', eventName: 'Encrypt', awsRegion: 'us-east-1',
      sourceIPAddress: '203.0.113.7', userAgent: 'sdk/1', requestParameters: { keyId: keys[0], encryptionContext: { Dept: 'IT' } },
      responseElements: null, readOnly: true, resources: [{ accountId: ACCOUNT, type: 'AWS::KMS::Key', ARN: keys[0] }], eventType: 'AwsApiCall',
      managementEvent: true, eventCategory: 'Management', recipientAccountId: ACCOUNT,
      userIdentity: {
        type: 'AssumedRole', arn: caller.principal.arn, accountId: ACCOUNT, accessKeyId: 'ASIAEXAMPLE',
        sessionContext: { sessionIssuer: { type: 'Role', arn: `arn:aws:iam::${ACCOUNT}:role/app`, accountId: ACCOUNT, userName: 'app' } },
      },
    });
    expect(e.requestID).toMatch(UUID);
    expect(e.eventID).toMatch(UUID);
    expect(e.additionalEventData?.keyMaterialId).toMatch(/^[0-9a-f]{64}$/);
    const json = JSON.stringify(engine.audit);
    expect(json).not.toContain('TOP-SECRET');
    expect(json).not.toContain(Buffer.from('TOP-SECRET').toString('base64'));
    expect(e.requestParameters).not.toHaveProperty('plaintext');
  });

  it('keeps data-key plaintext out of the log and records responseElements for CreateKey', () => {
    const { engine, exec } = anEngine().build();
    const arn = (exec('CreateKey', { Description: 'd' }).KeyMetadata as { Arn: string }).Arn;
    const create = engine.audit[0];
    expect(create).toMatchObject({ readOnly: false, userIdentity: { type: 'IAMUser', userName: 'admin' } });
    expect((create.responseElements as { keyMetadata: { Arn: string } }).keyMetadata.Arn).toBe(arn);
    const dk = exec('GenerateDataKey', { KeyId: arn, KeySpec: 'AES_256' });
    expect(JSON.stringify(engine.audit)).not.toContain(Buffer.from(dk.Plaintext as Uint8Array).toString('base64'));
  });

  it('looks events up CloudTrail style: one attribute, newest first, paged, time window', () => {
    const { engine, exec, keys } = anEngine().withKey().withKey().build();
    engine.advance(DAY);
    exec('Encrypt', { KeyId: keys[1], Plaintext: bytes('x') }, roleCaller('app', 'worker'));
    exec('ScheduleKeyDeletion', { KeyId: keys[0], PendingWindowInDays: 7 });
    const all = lookupEvents(engine.audit);
    expect((all.Events as { EventName: string }[]).map((e) => e.EventName)).toEqual(['ScheduleKeyDeletion', 'Encrypt', 'CreateKey', 'CreateKey']);
    const byName = lookupEvents(engine.audit, { attributes: [{ AttributeKey: 'EventName', AttributeValue: 'ScheduleKeyDeletion' }] }).Events;
    expect(byName).toHaveLength(1);
    expect(byName[0]).toMatchObject({ EventName: 'ScheduleKeyDeletion', Username: 'admin', ReadOnly: 'false', EventSource: 'kms.amazonaws.com', Resources: [{ ResourceType: 'AWS::KMS::Key', ResourceName: keys[0] }] });
    expect(JSON.parse(byName[0].CloudTrailEvent as string).eventName).toBe('ScheduleKeyDeletion');
    expect(lookupEvents(engine.audit, { attributes: [{ AttributeKey: 'ResourceName', AttributeValue: keys[1] }] }).Events).toHaveLength(2);
    expect(lookupEvents(engine.audit, { attributes: [{ AttributeKey: 'Username', AttributeValue: 'worker' }] }).Events).toHaveLength(1);
    expect(lookupEvents(engine.audit, { attributes: [{ AttributeKey: 'ReadOnly', AttributeValue: 'true' }] }).Events).toHaveLength(1);
    const id = engine.audit[0].eventID;
    expect(lookupEvents(engine.audit, { attributes: [{ AttributeKey: 'EventId', AttributeValue: id }] }).Events[0].EventId).toBe(id);
    const p1 = lookupEvents(engine.audit, { MaxResults: 3 });
    expect(p1.Events).toHaveLength(3);
    expect(lookupEvents(engine.audit, { MaxResults: 3, NextToken: p1.NextToken }).Events).toHaveLength(1);
    expect(lookupEvents(engine.audit, { StartTime: new Date(T0 + 1), EndTime: T0 + 2 * DAY }).Events).toHaveLength(2);
    expect(() => lookupEvents(engine.audit, { attributes: [{ AttributeKey: 'EventName', AttributeValue: 'a' }, { AttributeKey: 'Username', AttributeValue: 'b' }] })).toThrow(/more than one/);
    expect(() => lookupEvents(engine.audit, { attributes: [{ AttributeKey: 'Colour', AttributeValue: 'a' }] })).toThrow();
    expect(() => lookupEvents(engine.audit, { MaxResults: 51 })).toThrow();
    expect(() => lookupEvents(engine.audit, { NextToken: 'x' })).toThrow();
  });

  it('shares the world\'s event history with the other simulated services', () => {
    const { engine, world } = anEngine().build();
    const ev = { ...(anEngine().withKey().build().engine.audit[0]), eventSource: 'iam.amazonaws.com', eventName: 'CreateRole' };
    world.trail.record(ev);
    expect(engine.audit).toEqual([ev]);
  });
});

describe('state document', () => {
  function busyEngine() {
    const b = anEngine().withKey({ alias: 'alias/app', rotation: 90 }).withKey().build();
    const { engine, world, exec, keys } = b;
    exec('TagResource', { KeyId: keys[0], Tags: [{ TagKey: 'team', TagValue: 'ops' }] });
    exec('CreateGrant', { KeyId: keys[0], GranteePrincipal: roleCaller('app', 's').principal.roleArn, Operations: ['Decrypt'] });
    const blob = exec('Encrypt', { KeyId: 'alias/app', Plaintext: bytes('old'), EncryptionContext: { a: '1' } }).CiphertextBlob;
    exec('DescribeKey', { KeyId: 'alias/aws/s3' });
    engine.advance(100 * DAY);
    exec('ScheduleKeyDeletion', { KeyId: keys[1], PendingWindowInDays: 10 });
    world.iam.state = { ...world.iam.state, accounts: [...world.iam.state.accounts, { id: '444455556666', alias: 'analytics' }] };
    engine.settings.grantPropagationMs = 5000;
    return { ...b, blob };
  }

  it('round-trips to a versioned JSON document that deep-equals after loading', () => {
    const { engine, world, clock } = busyEngine();
    const doc = world.toJSON();
    expect(doc).toMatchObject({ format: 'kms-study/engine', version: 1, random: { seed: 'test-seed' } });
    const text1 = JSON.stringify(doc);
    const loadedWorld = loadWorld(JSON.parse(text1), clock, new SeededRandom('test-seed'), { access: () => allowAllAccess });
    const loaded = loadedWorld.kms;
    expect(loadedWorld.toJSON()).toEqual(JSON.parse(text1));
    expect(loadedWorld.iam.state).toEqual(world.iam.state);
    expect(loadedWorld.iam.state.accounts.map((a) => a.id)).toContain('444455556666');
    expect(loaded.settings.grantPropagationMs).toBe(5000);
    expect(loaded.listKeyViews()).toEqual(engine.listKeyViews());
  });

  it('continues identically after loading: same ids, same ciphertexts, same due events', () => {
    const a = busyEngine();
    const clockB = new ManualClock(a.clock.now());
    const b = loadWorld(JSON.parse(JSON.stringify(a.world.toJSON())), clockB, new SeededRandom('test-seed'), { access: () => allowAllAccess }).kms;
    const run = (e: KmsEngine) => {
      const out: unknown[] = [];
      out.push(e.execute('CreateKey', {}, ADMIN).KeyMetadata);
      out.push(e.execute('Encrypt', { KeyId: 'alias/app', Plaintext: bytes('new') }, ADMIN).CiphertextBlob);
      e.advance(200 * DAY);
      out.push(e.audit.slice(-3).map((x) => [x.eventName, x.eventTime, x.eventID]));
      return out;
    };
    expect(run(b)).toEqual(run(a.engine));
    expect(text(b.execute('Decrypt', { CiphertextBlob: a.blob, EncryptionContext: { a: '1' } }, ADMIN).Plaintext)).toBe('old');
    expect(b.now()).toBe(a.engine.now());
  });

  it('throws a clear Error on a bad or unknown-version document', () => {
    const load = (doc: unknown) => loadWorld(doc, new ManualClock(T0), new SeededRandom('x'));
    expect(() => load(null)).toThrow(/Invalid KMS engine state document: not an object/);
    expect(() => load({ format: 'other' })).toThrow(/format/);
    const doc = anEngine().withKey().build().world.toJSON();
    expect(() => load({ ...doc, version: 2 })).toThrow(/unknown version 2/);
    expect(() => load({ ...doc, keys: 'nope' })).toThrow(/arrays/);
    expect(() => load({ ...doc, audit: 'nope' })).toThrow(/arrays/);
    expect(() => load({ ...doc, keys: [{}] })).toThrow(/lacks/);
  });
});
