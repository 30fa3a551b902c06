// CloudTrail trails: create, update, describe, status, start/stop logging and delete (the simulated slice).
// https://docs.aws.amazon.com/cli/latest/reference/cloudtrail/index.html
import type { OperationModel } from './shapes.js';
import { bool, list, op, str, struct } from './shapes.js';

const destination = {
  S3BucketName: str(),
  S3KeyPrefix: str(),
  SnsTopicName: str(),
  IncludeGlobalServiceEvents: bool(),
  IsMultiRegionTrail: bool(),
  EnableLogFileValidation: bool(),
  CloudWatchLogsLogGroupArn: str(),
  CloudWatchLogsRoleArn: str(),
  KmsKeyId: str(),
  IsOrganizationTrail: bool(),
};

export const cloudtrailTrailOperations: OperationModel[] = [
  op('CreateTrail', 'Create a trail that delivers log files to an S3 bucket (SSE-KMS with --kms-key-id), and events to a log group with --cloud-watch-logs-log-group-arn and --cloud-watch-logs-role-arn.', {
    Name: str(),
    ...destination,
    TagsList: list(struct({ Key: str(), Value: str() }, ['Key'])),
  }, ['Name', 'S3BucketName']),
  op('UpdateTrail', "Change a trail's bucket, prefix, Regions, KMS key (--kms-key-id \"\" turns SSE-KMS off) or CloudWatch Logs group and role (\"\" for both turns it off).", { Name: str(), ...destination }, ['Name']),
  op('DescribeTrails', 'List the trails of the Region (with multi-Region trails of other home Regions).', { trailNameList: list(str()), includeShadowTrails: bool() }, []),
  op('GetTrail', 'Show one trail.', { Name: str() }, ['Name']),
  op('GetTrailStatus', "Show a trail's logging and delivery status (LatestDeliveryError, LatestCloudWatchLogsDeliveryError...).", { Name: str() }, ['Name']),
  op('StartLogging', 'Start recording and delivering events for a trail.', { Name: str() }, ['Name']),
  op('StopLogging', 'Stop recording events for a trail.', { Name: str() }, ['Name']),
  op('DeleteTrail', 'Delete a trail (log files already delivered stay in the bucket).', { Name: str() }, ['Name']),
];
