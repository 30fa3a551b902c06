// How CloudWatch Logs uses a log group's KMS key in its own name (the principal logs.<region>.amazonaws.com),
// with the encryption context aws:logs:arn = the log group ARN and aws:SourceArn = the same ARN.
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html
// Differs: Logs decrypts its data key on every read and write (AWS caches it for a while).
import { ServiceException } from '../aws/errors.js';
import type { ServiceContext } from '../aws/service.js';
import { encodeKey, decodeKey } from './b64.js';
import { keyNotUsable } from './errors.js';
import type { LogGroup } from './state.js';

const as = (g: Pick<LogGroup, 'accountId' | 'region' | 'arn'>) => ({
  principal: `logs.${g.region}.amazonaws.com`,
  accountId: g.accountId,
  region: g.region,
  sourceArn: g.arn,
});

/** Generates the group's data key under `keyId`; returns the key ARN and the encrypted data key, or throws AccessDenied. */
export function generateGroupKey(ctx: ServiceContext, g: Pick<LogGroup, 'accountId' | 'region' | 'arn'>, keyId: string): { keyArn: string; dataKey: string } {
  try {
    const out = ctx.callAsService('kms', 'GenerateDataKey', { KeyId: keyId, KeySpec: 'AES_256', EncryptionContext: { 'aws:logs:arn': g.arn } }, as(g));
    return { keyArn: String(out.KeyId), dataKey: encodeKey(out.CiphertextBlob as Uint8Array) };
  } catch (e) {
    if (e instanceof ServiceException) throw keyNotUsable(g.arn);
    throw e;
  }
}

/** Before reading or writing an encrypted group: Logs needs kms:Decrypt of its data key. */
export function unlockGroup(ctx: ServiceContext, g: LogGroup): void {
  if (!g.kmsKeyId || !g.dataKey) return;
  try {
    ctx.callAsService('kms', 'Decrypt', { CiphertextBlob: decodeKey(g.dataKey), KeyId: g.kmsKeyId, EncryptionContext: { 'aws:logs:arn': g.arn } }, as(g));
  } catch (e) {
    if (e instanceof ServiceException) throw keyNotUsable(g.arn);
    throw e;
  }
}
