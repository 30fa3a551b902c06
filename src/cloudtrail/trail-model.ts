// CloudTrail trails as the simulator keeps them: the trail's settings (the Trail shape of the API), its logging
// status, and the delivery cursor. JSON-safe: saved under services.cloudtrail in the world document.
// https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_Trail.html

export interface TrailRecord {
  Name: string;
  /** The account and Region the trail was created in (its home Region). */
  accountId: string;
  HomeRegion: string;
  TrailARN: string;
  S3BucketName: string;
  S3KeyPrefix?: string;
  IsMultiRegionTrail: boolean;
  IncludeGlobalServiceEvents: boolean;
  LogFileValidationEnabled: boolean;
  /** The key ARN (CloudTrail stores the ARN whatever form the request named). */
  KmsKeyId?: string;
  /** arn:aws:logs:<region>:<account>:log-group:<name>:* (as the request gave it). */
  CloudWatchLogsLogGroupArn?: string;
  CloudWatchLogsRoleArn?: string;
  /** The CloudWatch Logs delivery's cursor and status (set while both ARNs are). */
  cwl?: CwlDelivery;
  isLogging: boolean;
  startLoggingTime?: number;
  stopLoggingTime?: number;
  latestDeliveryTime?: number;
  latestDeliveryError?: string;
  /** Last failed or successful delivery attempt (epoch ms). */
  latestDeliveryAttempt?: number;
  /** Events with eventTime at or before this (epoch ms) have been delivered (or predate logging). */
  deliveredThrough: number;
  /** Log files delivered (object keys), newest last; kept for the labs and tests to read. */
  delivered: string[];
}

export interface CwlDelivery {
  /** The role's unique id (AROA...), for the session's principalId. */
  roleId: string;
  /** Events with eventTime at or before this (epoch ms) have been sent to the log group (or predate the delivery). */
  deliveredThrough: number;
  /** Until when CloudTrail's session of the role is valid (epoch ms); it assumes the role again after. */
  sessionUntil?: number;
  /** The streams CloudTrail created (or found) in the group, so it calls CreateLogStream once per stream. */
  streams?: string[];
  latestDeliveryTime?: number;
  latestDeliveryError?: string;
}

export interface TrailsState {
  trails: TrailRecord[];
}

export const trailArn = (region: string, accountId: string, name: string): string => `arn:aws:cloudtrail:${region}:${accountId}:trail/${name}`;

/**
 * CreateTrail's naming rules: 3-128 characters of ASCII letters, digits, periods, underscores and dashes; starts and
 * ends with a letter or digit; no two of `._-` side by side; not an IP address.
 * https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_CreateTrail.html#awscloudtrail-CreateTrail-request-Name
 */
export function trailNameProblem(name: string): string | undefined {
  if (name.length < 3 || name.length > 128) return 'Trail name must be between 3 and 128 characters.';
  if (!/^[A-Za-z0-9._-]+$/.test(name)) return 'Trail name may contain only ASCII letters, numbers, periods, underscores and dashes.';
  if (!/^[A-Za-z0-9]/.test(name) || !/[A-Za-z0-9]$/.test(name)) return 'Trail name must start and end with a letter or number.';
  if (/[._-]{2}/.test(name)) return 'Trail name cannot have adjacent periods, underscores or dashes.';
  if (/^\d+\.\d+\.\d+\.\d+$/.test(name)) return 'Trail name cannot be in IP address format.';
  return undefined;
}

/** The Trail shape DescribeTrails and GetTrail return. */
export function trailShape(t: TrailRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {
    Name: t.Name,
    S3BucketName: t.S3BucketName,
    IncludeGlobalServiceEvents: t.IncludeGlobalServiceEvents,
    IsMultiRegionTrail: t.IsMultiRegionTrail,
    HomeRegion: t.HomeRegion,
    TrailARN: t.TrailARN,
    LogFileValidationEnabled: t.LogFileValidationEnabled,
    HasCustomEventSelectors: false,
    HasInsightSelectors: false,
    IsOrganizationTrail: false,
  };
  if (t.S3KeyPrefix) out.S3KeyPrefix = t.S3KeyPrefix;
  if (t.KmsKeyId) out.KmsKeyId = t.KmsKeyId;
  if (t.CloudWatchLogsLogGroupArn) out.CloudWatchLogsLogGroupArn = t.CloudWatchLogsLogGroupArn;
  if (t.CloudWatchLogsRoleArn) out.CloudWatchLogsRoleArn = t.CloudWatchLogsRoleArn;
  return out;
}

/** The fields CreateTrail and UpdateTrail return (the Trail shape without HomeRegion and the Has* flags). */
export function writeResponse(t: TrailRecord): Record<string, unknown> {
  const out = trailShape(t);
  for (const k of ['HomeRegion', 'HasCustomEventSelectors', 'HasInsightSelectors']) delete out[k];
  return out;
}

export function isTrailsState(doc: unknown): doc is TrailsState {
  const d = doc as Partial<TrailsState> | null;
  return !!d && typeof d === 'object' && Array.isArray(d.trails);
}
