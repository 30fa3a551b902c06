// The state of the simulated SNS: topics (attributes such as KmsMasterKeyId), subscriptions, and the inbox of
// the simulated email endpoints, saved in the world document (`services.sns`).

export interface Topic {
  arn: string;
  name: string;
  accountId: string;
  region: string;
  attributes: Record<string, string>;
  tags: Record<string, string>;
}

export interface Subscription {
  arn: string;
  topicArn: string;
  protocol: string;
  endpoint: string;
  owner: string;
}

/** One message delivered to a simulated email endpoint (what the recipient's mailbox would show). */
export interface InboxMessage {
  endpoint: string;
  topicArn: string;
  messageId: string;
  subject?: string;
  message: string;
  /** ISO time of delivery. */
  timestamp: string;
  /** Who published: an IAM principal ARN or a service principal (cloudwatch.amazonaws.com). */
  publisher: string;
}

export interface SnsState {
  topics: Topic[];
  subscriptions: Subscription[];
  inbox: InboxMessage[];
}

export function emptySnsState(): SnsState {
  return { topics: [], subscriptions: [], inbox: [] };
}

export function readSnsState(doc: unknown): SnsState {
  const d = doc as Partial<SnsState> | null;
  if (!d || typeof d !== 'object' || !Array.isArray(d.topics)) throw new Error('services.sns: not an SNS state document');
  return { topics: d.topics, subscriptions: d.subscriptions ?? [], inbox: d.inbox ?? [] };
}
