// SNS Publish to a topic, encrypted or not: with KmsMasterKeyId set, SNS needs a data key from KMS. For an IAM
// publisher SNS asks on the publisher's behalf (kms:ViaService sns.<region>.amazonaws.com); for an AWS service
// publisher (cloudwatch.amazonaws.com for alarms, events.amazonaws.com for rules) the service principal itself needs
// kms:GenerateDataKey* and kms:Decrypt in the key policy, which the fixed aws/sns policy never gives.
// https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html#compatibility-with-aws-services
// Differs: every publish asks KMS (SNS reuses data keys for a while); the KMS error text is wrapped as the SDK shows it.
import type { Caller } from '../aws/caller.js';
import { ServiceException } from '../aws/errors.js';
import { uuidFrom } from '../aws/ports.js';
import type { ServiceContext } from '../aws/service.js';
import { InvalidParameterException, kmsFailure } from './errors.js';
import type { SnsState } from './state.js';
import { findTopic } from './topics.js';

function dataKeyFor(ctx: ServiceContext, keyId: string, topicArn: string, caller: Caller): void {
  const req = { KeyId: keyId, KeySpec: 'AES_256', EncryptionContext: { 'aws:sns:topicArn': topicArn } };
  try {
    if (caller.principal.type === 'AWSService') {
      ctx.callAsService('kms', 'GenerateDataKey', req, {
        principal: caller.principal.arn,
        accountId: caller.accountId,
        region: caller.region,
        // EventBridge's rule ARN stays with SNS (the topic policy); KMS does not see it (see src/events/deliver.ts).
        ...(caller.sourceArn && caller.principal.arn !== 'events.amazonaws.com' ? { sourceArn: caller.sourceArn } : {}),
      });
    } else {
      ctx.callFor('kms', 'GenerateDataKey', req, caller);
    }
  } catch (e) {
    if (!(e instanceof ServiceException)) throw e;
    // As the Java SDK behind SNS prints a KMS error: "<message> (Service: AWSKMS; Status Code: 400; Error Code: ...)".
    const message = caller.principal.type === 'AWSService' ? 'null' : e.message;
    throw kmsFailure(
      e.code,
      `${message} (Service: AWSKMS; Status Code: ${e.httpStatus}; Error Code: ${e.code}; Request ID: ${uuidFrom(ctx.random)}; Proxy: null)`,
    );
  }
}

export function publish(ctx: ServiceContext, state: SnsState, req: Record<string, unknown>, caller: Caller): Record<string, unknown> {
  if (req.TopicArn === undefined) throw new InvalidParameterException('Invalid parameter: TopicArn or TargetArn Reason: no value for required parameter');
  const t = findTopic(state, req.TopicArn);
  const message = req.Message === undefined ? '' : String(req.Message);
  if (message === '') throw new InvalidParameterException('Invalid parameter: Empty message');
  const subject = req.Subject === undefined ? undefined : String(req.Subject);
  if (subject !== undefined && (subject.length > 100 || /[\r\n]/.test(subject))) throw new InvalidParameterException('Invalid parameter: Subject');
  const keyId = t.attributes.KmsMasterKeyId;
  if (keyId) dataKeyFor(ctx, keyId, t.arn, caller);
  const messageId = uuidFrom(ctx.random);
  const timestamp = new Date(ctx.now()).toISOString();
  for (const s of state.subscriptions.filter((x) => x.topicArn === t.arn)) {
    const body =
      s.protocol === 'email-json'
        ? JSON.stringify({ Type: 'Notification', MessageId: messageId, TopicArn: t.arn, Subject: subject, Message: message, Timestamp: timestamp })
        : message;
    state.inbox.push({
      endpoint: s.endpoint,
      topicArn: t.arn,
      messageId,
      ...(subject !== undefined ? { subject } : {}),
      message: body,
      timestamp,
      publisher: caller.principal.arn,
    });
  }
  return { MessageId: messageId };
}

/** The simulator's view of an email mailbox (not an AWS API): the messages delivered to `Endpoint`, oldest first. */
export function listInbox(state: SnsState, req: Record<string, unknown>): Record<string, unknown> {
  const endpoint = req.Endpoint === undefined ? undefined : String(req.Endpoint);
  return { Messages: state.inbox.filter((m) => endpoint === undefined || m.endpoint === endpoint) };
}
