// The state of the simulated CloudWatch Logs: log groups (with their KMS key and the data key Logs keeps for
// them), streams, events and metric filters, saved as a JSON document in the world (`services.logs`).

export interface LogEvent {
  timestamp: number;
  message: string;
  ingestionTime: number;
}

export interface LogStream {
  name: string;
  creationTime: number;
  events: LogEvent[];
}

export interface MetricTransformation {
  metricName: string;
  metricNamespace: string;
  metricValue: string;
  defaultValue?: number;
  unit?: string;
  dimensions?: Record<string, string>;
}

export interface MetricFilter {
  filterName: string;
  filterPattern: string;
  metricTransformations: MetricTransformation[];
  creationTime: number;
}

export interface LogGroup {
  name: string;
  accountId: string;
  region: string;
  /** arn:aws:logs:<region>:<account>:log-group:<name> (DescribeLogGroups' logGroupArn; `arn` adds ":*"). */
  arn: string;
  creationTime: number;
  /** The key ARN associated with the group (new events are encrypted under it). */
  kmsKeyId?: string;
  /** The data key Logs generated under kmsKeyId (base64 CiphertextBlob), decrypted before each read or write. */
  dataKey?: string;
  tags: Record<string, string>;
  streams: LogStream[];
  metricFilters: MetricFilter[];
}

export interface LogsState {
  groups: LogGroup[];
}

export function emptyLogsState(): LogsState {
  return { groups: [] };
}

export function readLogsState(doc: unknown): LogsState {
  const d = doc as Partial<LogsState> | null;
  if (!d || typeof d !== 'object' || !Array.isArray(d.groups)) throw new Error('services.logs: not a CloudWatch Logs state document');
  // Older documents also carry `trailCursor` (a CloudTrail stand-in that is gone): it is dropped.
  return { groups: d.groups };
}

export function groupArn(region: string, accountId: string, name: string): string {
  return `arn:aws:logs:${region}:${accountId}:log-group:${name}`;
}
