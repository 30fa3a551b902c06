// The EC2 slice for EBS encryption: volumes, snapshots (copy, sharing), the seeded instances and encryption by default.
// Shapes follow the EC2 API reference (botocore ec2 2016-11-15 model); docs are our own one-liners.
import type { OperationModel } from './shapes.js';
import { op, str, int, bool, list, struct, enm } from './shapes.js';

const Filters = list(struct({ Name: str(), Values: list(str()) }));
const TagSpecifications = list(struct({ ResourceType: str(), Tags: list(struct({ Key: str(), Value: str() })) }));
const VolumeType = enm(['standard', 'io1', 'io2', 'gp2', 'sc1', 'st1', 'gp3']);
const Permission = list(struct({ Group: enm(['all']), UserId: str() }));
const page = (resultKey: string) => ({ inputToken: 'NextToken', outputToken: 'NextToken', limitKey: 'MaxResults', resultKey, moreResults: null });

export const ec2Operations: OperationModel[] = [
  op("CreateVolume", "Create an EBS volume, empty or from a snapshot; encrypted with --encrypted, a chosen --kms-key-id, or by default.", {
    AvailabilityZone: str(), Encrypted: bool(), Iops: int(), KmsKeyId: str(), Size: int(), SnapshotId: str(), VolumeType, TagSpecifications, DryRun: bool(),
  }, []),
  op("DeleteVolume", "Delete a volume that is not attached.", { VolumeId: str(), DryRun: bool() }, ["VolumeId"]),
  op("DescribeVolumes", "List volumes with their encryption, key, state and attachments.", {
    Filters, VolumeIds: list(str()), DryRun: bool(), MaxResults: int(), NextToken: str(),
  }, [], page('Volumes')),
  op("AttachVolume", "Attach a volume to an instance as a device; an encrypted volume needs its KMS key now.", {
    Device: str(), InstanceId: str(), VolumeId: str(), DryRun: bool(),
  }, ["Device", "InstanceId", "VolumeId"]),
  op("DetachVolume", "Detach a volume from its instance.", {
    Device: str(), Force: bool(), InstanceId: str(), VolumeId: str(), DryRun: bool(),
  }, ["VolumeId"]),
  op("DescribeInstances", "List the account's instances (seeded: web-1 running, batch-1 stopped) with state and volumes.", {
    Filters, InstanceIds: list(str()), DryRun: bool(), MaxResults: int(), NextToken: str(),
  }, [], page('Reservations')),
  op("StopInstances", "Stop instances: the plaintext data keys of their encrypted volumes leave memory.", {
    InstanceIds: list(str()), Hibernate: bool(), DryRun: bool(), Force: bool(),
  }, ["InstanceIds"]),
  op("StartInstances", "Start stopped instances: each encrypted volume's KMS key is needed again.", {
    InstanceIds: list(str()), AdditionalInfo: str(), DryRun: bool(),
  }, ["InstanceIds"]),
  op("CreateSnapshot", "Snapshot a volume; an encrypted volume's snapshot uses the same KMS key.", {
    Description: str(), VolumeId: str(), TagSpecifications, DryRun: bool(),
  }, ["VolumeId"]),
  op("CopySnapshot", "Copy a snapshot (also from another Region or account), optionally encrypting it or changing its key.", {
    Description: str(), DestinationRegion: str(), Encrypted: bool(), KmsKeyId: str(), PresignedUrl: str(), SourceRegion: str(), SourceSnapshotId: str(), TagSpecifications, DryRun: bool(),
  }, ["SourceRegion", "SourceSnapshotId"]),
  op("DeleteSnapshot", "Delete a snapshot you own.", { SnapshotId: str(), DryRun: bool() }, ["SnapshotId"]),
  op("DescribeSnapshots", "List the snapshots you own or may create volumes from.", {
    Filters, MaxResults: int(), NextToken: str(), OwnerIds: list(str()), RestorableByUserIds: list(str()), SnapshotIds: list(str()), DryRun: bool(),
  }, [], page('Snapshots')),
  op("ModifySnapshotAttribute", "Share a snapshot with other accounts (createVolumePermission), or stop sharing it.", {
    Attribute: enm(['productCodes', 'createVolumePermission']), CreateVolumePermission: struct({ Add: Permission, Remove: Permission }),
    GroupNames: list(str()), OperationType: enm(['add', 'remove']), SnapshotId: str(), UserIds: list(str()), DryRun: bool(),
  }, ["SnapshotId"]),
  op("DescribeSnapshotAttribute", "Show who may create volumes from a snapshot.", {
    Attribute: enm(['productCodes', 'createVolumePermission']), SnapshotId: str(), DryRun: bool(),
  }, ["Attribute", "SnapshotId"]),
  op("EnableEbsEncryptionByDefault", "Encrypt every new volume and snapshot copy in this account and Region.", { DryRun: bool() }, []),
  op("DisableEbsEncryptionByDefault", "Stop encrypting new volumes by default in this account and Region.", { DryRun: bool() }, []),
  op("GetEbsEncryptionByDefault", "Show whether encryption by default is on in this account and Region.", { DryRun: bool() }, []),
  op("GetEbsDefaultKmsKeyId", "Show the KMS key EBS uses when none is named (alias/aws/ebs unless changed).", { DryRun: bool() }, []),
  op("ModifyEbsDefaultKmsKeyId", "Choose the KMS key EBS uses when none is named, in this account and Region.", { KmsKeyId: str(), DryRun: bool() }, ["KmsKeyId"]),
  op("ResetEbsDefaultKmsKeyId", "Go back to the AWS managed key alias/aws/ebs as the default EBS key.", { DryRun: bool() }, []),
];
