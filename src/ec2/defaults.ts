// EBS encryption by default, per account and Region: Enable/Disable/GetEbsEncryptionByDefault and the default key
// (Get/Modify/ResetEbsDefaultKmsKeyId). https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html
// Differs: the default key is not checked when set (AWS checks it asynchronously too); volumes fail later if it is unusable.
import type { Caller } from '../aws/caller.js';
import type { Ec2 } from './core.js';
import { AWS_EBS_ALIAS, keyArnForm } from './keys.js';
import { reqStr, type Req } from './validate.js';

function guard(s: Ec2, req: Req, c: Caller, action: string): void {
  s.authorize(c, action);
  if (req.DryRun) s.dryRun();
}

export function enableEbsEncryptionByDefault(s: Ec2, req: Req, c: Caller): Record<string, unknown> {
  guard(s, req, c, 'EnableEbsEncryptionByDefault');
  s.defaults(c.accountId, c.region).enabled = true;
  return { EbsEncryptionByDefault: true };
}

export function disableEbsEncryptionByDefault(s: Ec2, req: Req, c: Caller): Record<string, unknown> {
  guard(s, req, c, 'DisableEbsEncryptionByDefault');
  s.defaults(c.accountId, c.region).enabled = false;
  return { EbsEncryptionByDefault: false };
}

export function getEbsEncryptionByDefault(s: Ec2, req: Req, c: Caller): Record<string, unknown> {
  guard(s, req, c, 'GetEbsEncryptionByDefault');
  return { EbsEncryptionByDefault: s.defaults(c.accountId, c.region).enabled, SseType: 'sse-ebs' };
}

/** With no key chosen, the answer names alias/aws/ebs (the AWS managed key is created on first use). */
export function getEbsDefaultKmsKeyId(s: Ec2, req: Req, c: Caller): Record<string, unknown> {
  guard(s, req, c, 'GetEbsDefaultKmsKeyId');
  return { KmsKeyId: s.defaults(c.accountId, c.region).kmsKeyId ?? AWS_EBS_ALIAS };
}

export function modifyEbsDefaultKmsKeyId(s: Ec2, req: Req, c: Caller): Record<string, unknown> {
  const keyId = reqStr(req, 'KmsKeyId');
  guard(s, req, c, 'ModifyEbsDefaultKmsKeyId');
  const arn = keyArnForm(c, keyId);
  s.defaults(c.accountId, c.region).kmsKeyId = arn;
  return { KmsKeyId: arn };
}

export function resetEbsDefaultKmsKeyId(s: Ec2, req: Req, c: Caller): Record<string, unknown> {
  guard(s, req, c, 'ResetEbsDefaultKmsKeyId');
  delete s.defaults(c.accountId, c.region).kmsKeyId;
  return { KmsKeyId: AWS_EBS_ALIAS };
}
