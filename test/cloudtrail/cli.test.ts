// The `aws cloudtrail` trail commands as the CLI parses them: boolean flags (--is-multi-region-trail and its --no-
// form), --kms-key-id "" to remove the key, and the required options.
import { describe, expect, it } from '@jest/globals';
import { CliUsageError, parseAwsArgs, splitCommandLine } from '../../src/awscli/index.js';

const io = { cwd: '/w', readFile: (): Uint8Array => new Uint8Array() };
const parse = (line: string) => parseAwsArgs(splitCommandLine(line), io);

describe('aws cloudtrail trail commands', () => {
  it('create-trail maps the options to the API members', () => {
    const c = parse(
      'cloudtrail create-trail --name org-audit --s3-bucket-name logs --s3-key-prefix p --is-multi-region-trail --kms-key-id alias/trail --enable-log-file-validation',
    );
    expect(c).toMatchObject({ service: 'cloudtrail', operation: 'CreateTrail' });
    expect(c.request).toEqual({
      Name: 'org-audit',
      S3BucketName: 'logs',
      S3KeyPrefix: 'p',
      IsMultiRegionTrail: true,
      KmsKeyId: 'alias/trail',
      EnableLogFileValidation: true,
    });
  });

  it('create-trail and update-trail take the CloudWatch Logs group ARN (with its ":*") and the role ARN', () => {
    const group = 'arn:aws:logs:us-east-1:111122223333:log-group:CloudTrail/kms:*';
    const role = 'arn:aws:iam::111122223333:role/CloudTrail_CloudWatchLogs_Role';
    expect(
      parse(`cloudtrail create-trail --name t --s3-bucket-name b --cloud-watch-logs-log-group-arn ${group} --cloud-watch-logs-role-arn ${role}`).request,
    ).toEqual({
      Name: 't',
      S3BucketName: 'b',
      CloudWatchLogsLogGroupArn: group,
      CloudWatchLogsRoleArn: role,
    });
    expect(parse('cloudtrail update-trail --name t --cloud-watch-logs-log-group-arn "" --cloud-watch-logs-role-arn ""').request).toEqual({
      Name: 't',
      CloudWatchLogsLogGroupArn: '',
      CloudWatchLogsRoleArn: '',
    });
  });

  it('update-trail takes --kms-key-id "" (encryption off) and --no-is-multi-region-trail', () => {
    expect(parse('cloudtrail update-trail --name t --kms-key-id ""').request).toEqual({ Name: 't', KmsKeyId: '' });
    expect(parse('cloudtrail update-trail --name t --no-is-multi-region-trail').request).toEqual({ Name: 't', IsMultiRegionTrail: false });
  });

  it('status, logging and delete commands need --name; create-trail needs the bucket', () => {
    for (const op of ['get-trail-status', 'start-logging', 'stop-logging', 'delete-trail', 'get-trail']) {
      expect(parse(`cloudtrail ${op} --name t`).request).toEqual({ Name: 't' });
      expect(() => parse(`cloudtrail ${op}`)).toThrow(CliUsageError);
    }
    expect(() => parse('cloudtrail create-trail --name t')).toThrow(/--s3-bucket-name/);
    expect(parse('cloudtrail describe-trails --trail-name-list a b --no-include-shadow-trails').request).toEqual({
      trailNameList: ['a', 'b'],
      includeShadowTrails: false,
    });
  });
});
