// How EBS and EC2 call KMS for the caller (kms:ViaService = ec2.<region>.amazonaws.com) and for an instance: DescribeKey,
// GenerateDataKeyWithoutPlaintext, ReEncrypt, CreateGrant (GrantIsForAWSResource) and the instance's Decrypt.
// https://docs.aws.amazon.com/kms/latest/developerguide/services-ebs.html ; the grant's shape and the instance principal
// (assumed-role/aws:ec2-infrastructure/<instance id>) from https://docs.aws.amazon.com/kms/latest/developerguide/ct-ec2two.html
import type { Caller } from '../aws/caller.js';
import { ServiceException } from '../aws/errors.js';
import type { ServiceContext } from '../aws/service.js';
import type { DataKeyRecord, InstanceRecord } from './state.js';

/** A KMS refusal as EBS sees it: the KMS error code and message. */
export class KmsRefusal extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const b64 = (u: Uint8Array) => Buffer.from(u).toString('base64');
const blob = (s: string) => new Uint8Array(Buffer.from(s, 'base64'));

/** The context EBS seals a volume's or snapshot's data key with. */
export function ebsContext(resourceId: string): Record<string, string> {
  return { 'aws:ebs:id': resourceId };
}

export class KmsBridge {
  constructor(private readonly ctx: ServiceContext) {}

  private call(op: string, req: Record<string, unknown>, caller: Caller): Record<string, unknown> {
    try {
      return this.ctx.callFor('kms', op, req, caller);
    } catch (e) {
      if (e instanceof ServiceException && e.service === 'kms') throw new KmsRefusal(e.code, e.message);
      throw e;
    }
  }

  /** DescribeKey as the caller: the key's ARN and whether AWS manages it (aws/ebs). */
  describeKey(caller: Caller, keyId: string): { arn: string; awsManaged: boolean } {
    const md = this.call('DescribeKey', { KeyId: keyId }, caller).KeyMetadata as Record<string, unknown>;
    return { arn: String(md.Arn), awsManaged: md.KeyManager === 'AWS' };
  }

  /** A new data key under `keyArn`, sealed with aws:ebs:id = resourceId (volume creation, copies of unencrypted data). */
  newDataKey(caller: Caller, keyArn: string, resourceId: string): DataKeyRecord {
    const context = ebsContext(resourceId);
    const r = this.call('GenerateDataKeyWithoutPlaintext', { KeyId: keyArn, KeySpec: 'AES_256', EncryptionContext: context }, caller);
    return { ciphertext: b64(r.CiphertextBlob as Uint8Array), context };
  }

  /** The same data key under `keyArn` for a new resource (a volume from a snapshot, a copy in the same Region). */
  reEncrypt(caller: Caller, from: DataKeyRecord, keyArn: string, resourceId: string): DataKeyRecord {
    const context = ebsContext(resourceId);
    const r = this.call(
      'ReEncrypt',
      { CiphertextBlob: blob(from.ciphertext), SourceEncryptionContext: from.context, DestinationKeyId: keyArn, DestinationEncryptionContext: context },
      caller,
    );
    return { ciphertext: b64(r.CiphertextBlob as Uint8Array), context };
  }

  /** Decrypt as the caller in the source Region (a cross-Region copy reads the source's data key there). */
  decryptAsCaller(caller: Caller, dk: DataKeyRecord): void {
    this.call('Decrypt', { CiphertextBlob: blob(dk.ciphertext), EncryptionContext: dk.context }, caller);
  }

  /** The grant EC2 creates, as the caller, so that the instance can decrypt the volume's data key. */
  grantForInstance(caller: Caller, keyArn: string, volumeId: string, instance: InstanceRecord): { grantId: string; token: string } {
    const r = this.call(
      'CreateGrant',
      {
        KeyId: keyArn,
        GranteePrincipal: instancePrincipalArn(instance),
        RetiringPrincipal: `ec2.${instance.region}.amazonaws.com`,
        Operations: ['Decrypt'],
        Constraints: { EncryptionContextSubset: ebsContext(volumeId) },
      },
      { ...caller, isForAwsResource: true },
    );
    return { grantId: String(r.GrantId), token: String(r.GrantToken) };
  }

  /** The instance decrypts the volume's data key (through the grant) and keeps the plaintext in memory. */
  decryptAsInstance(instance: InstanceRecord, dk: DataKeyRecord, grantToken?: string): void {
    const req: Record<string, unknown> = { CiphertextBlob: blob(dk.ciphertext), EncryptionContext: dk.context };
    if (grantToken) req.GrantTokens = [grantToken];
    this.call('Decrypt', req, instanceCaller(instance));
  }

  /** EC2 retires the instance's grant (detach, stop) as the grant's retiring principal. Errors are ignored. */
  retireGrant(keyArn: string, grantId: string, instance: InstanceRecord): void {
    try {
      this.ctx.callAsService(
        'kms',
        'RetireGrant',
        { KeyId: keyArn, GrantId: grantId },
        { principal: `ec2.${instance.region}.amazonaws.com`, accountId: instance.accountId, region: instance.region },
      );
    } catch (e) {
      if (!(e instanceof ServiceException)) throw e;
    }
  }
}

/** The principal an instance's grants name: https://docs.aws.amazon.com/kms/latest/developerguide/ct-ec2two.html */
export function instancePrincipalArn(i: InstanceRecord): string {
  return `arn:aws:sts::${i.accountId}:assumed-role/aws:ec2-infrastructure/${i.InstanceId}`;
}

function instanceCaller(i: InstanceRecord): Caller {
  return {
    principal: {
      type: 'AssumedRole',
      arn: instancePrincipalArn(i),
      accountId: i.accountId,
      name: i.InstanceId,
      roleArn: `arn:aws:iam::${i.accountId}:role/aws:ec2-infrastructure`,
    },
    accountId: i.accountId,
    region: i.region,
    userAgent: 'ec2.amazonaws.com',
  };
}
