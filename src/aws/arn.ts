// Amazon Resource Names: arn:partition:service:region:account-id:resource, parsed and built the way every
// simulated service needs them. Differs: only the `aws` partition is simulated.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html

export interface Arn {
  partition: string;
  service: string;
  region: string;
  accountId: string;
  resource: string;
}

/** The parts of an ARN, or undefined when the text is not `arn:<partition>:<service>:<region>:<account>:<resource>`. */
export function parseArn(text: string): Arn | undefined {
  const m = /^arn:(aws[a-z-]*):([a-z0-9-]+):([a-z0-9-]*):(\d{12}|aws|):(.+)$/.exec(text);
  if (!m) return undefined;
  const [, partition, service, region, accountId, resource] = m;
  return { partition, service, region, accountId, resource };
}

export function formatArn(a: Omit<Arn, 'partition'> & { partition?: string }): string {
  return `arn:${a.partition ?? 'aws'}:${a.service}:${a.region}:${a.accountId}:${a.resource}`;
}

/** The account root principal ARN. */
export function rootArn(accountId: string): string {
  return `arn:aws:iam::${accountId}:root`;
}
