// recordedCall: the one place where a service runs an operation and records its CloudTrail event.
import { describe, expect, it } from '@jest/globals';
import { recordedCall } from '../../src/aws/api-call-event.js';
import type { AuditEvent } from '../../src/aws/cloudtrail.js';
import { ServiceException } from '../../src/aws/errors.js';
import { SeededRandom } from '../../src/aws/ports.js';
import type { Caller } from '../../src/aws/caller.js';

const caller = { principal: { type: 'IAMUser', arn: 'arn:aws:iam::111122223333:user/dev', accountId: '111122223333' }, accountId: '111122223333', region: 'us-east-1' } as unknown as Caller;

function ctx() {
  const events: AuditEvent[] = [];
  return { events, now: () => Date.UTC(2026, 0, 1), random: new SeededRandom('rc'), trail: { record: (e: AuditEvent) => void events.push(e) } };
}

describe('recordedCall', () => {
  it('records the answer, and the AWS error before rethrowing it', () => {
    const c = ctx();
    expect(recordedCall(c, 'sns', 'CreateTopic', { Name: 't' }, caller, () => ({ TopicArn: 'x' }))).toEqual({ TopicArn: 'x' });
    const err = new ServiceException('sns', 'NotFound', 'Topic does not exist');
    expect(() => recordedCall(c, 'sns', 'DeleteTopic', {}, caller, () => { throw err; })).toThrow(err);
    expect(c.events.map((e) => [e.eventSource, e.eventName, e.errorCode ?? null, e.errorMessage ?? null])).toEqual([
      ['sns.amazonaws.com', 'CreateTopic', null, null],
      ['sns.amazonaws.com', 'DeleteTopic', 'NotFound', 'Topic does not exist'],
    ]);
  });

  it('records nothing when told not to, nor for an error that is not an AWS error', () => {
    const c = ctx();
    recordedCall(c, 'logs', 'PutLogEvents', {}, caller, () => ({}), false);
    expect(() => recordedCall(c, 'logs', 'CreateLogGroup', {}, caller, () => { throw new TypeError('bug'); })).toThrow(TypeError);
    expect(c.events).toEqual([]);
  });
});
