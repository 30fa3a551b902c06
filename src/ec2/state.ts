// EC2/EBS state: volumes, snapshots, the seeded instances and the per-account, per-Region EBS encryption defaults.
// Differs: no VPCs, AMIs or root volumes; transitional states (creating, stopping, pending) settle at once.

/** A volume's or snapshot's encrypted data key: the KMS ciphertext and the encryption context it was sealed with. */
export interface DataKeyRecord {
  /** base64 of KMS's CiphertextBlob. */
  ciphertext: string;
  context: Record<string, string>;
}

export interface Attachment {
  InstanceId: string;
  Device: string;
  AttachTime: number;
  /** The grant EC2 created for the instance (retired on detach and stop). */
  grantId?: string;
  /** Its grant token: EC2 uses it so that the new grant works at once (grants are eventually consistent). */
  grantToken?: string;
}

export interface VolumeRecord {
  VolumeId: string;
  accountId: string;
  region: string;
  AvailabilityZone: string;
  Size: number;
  VolumeType: string;
  Encrypted: boolean;
  /** The key ARN (encrypted volumes only). */
  KmsKeyId?: string;
  /** Whether KmsKeyId is an AWS managed key (aws/ebs), as DescribeKey said at creation. */
  awsManagedKey?: boolean;
  SnapshotId: string;
  CreateTime: number;
  State: 'available' | 'in-use';
  attachment?: Attachment;
  dataKey?: DataKeyRecord;
  Tags?: { Key: string; Value: string }[];
}

export interface SnapshotRecord {
  SnapshotId: string;
  /** The owner (OwnerId). */
  accountId: string;
  region: string;
  VolumeId: string;
  VolumeSize: number;
  Description: string;
  Encrypted: boolean;
  KmsKeyId?: string;
  /** Whether KmsKeyId is an AWS managed key (aws/ebs): such snapshots cannot be shared. */
  awsManagedKey?: boolean;
  StartTime: number;
  State: 'completed' | 'error';
  StateMessage?: string;
  dataKey?: DataKeyRecord;
  /** Accounts given createVolumePermission; 'all' for public. */
  sharedWith: string[];
}

export interface InstanceStateView {
  Code: number;
  Name: 'pending' | 'running' | 'shutting-down' | 'terminated' | 'stopping' | 'stopped';
}

export interface InstanceRecord {
  InstanceId: string;
  accountId: string;
  region: string;
  AvailabilityZone: string;
  InstanceType: string;
  name: string;
  State: InstanceStateView;
  StateReason?: { Code: string; Message: string };
  StateTransitionReason: string;
  LaunchTime: number;
  /** Volumes whose plaintext data key is in the instance's (hypervisor's) memory: usable while it runs. */
  memory: string[];
}

export interface EbsDefaults {
  enabled: boolean;
  /** The default key as ModifyEbsDefaultKmsKeyId stored it (an ARN); undefined means alias/aws/ebs. */
  kmsKeyId?: string;
}

/** What a failed asynchronous action reports (EventBridge's "EBS Volume Notification", kept here for lab checks). */
export interface EbsNotification {
  time: number;
  account: string;
  region: string;
  resource: string;
  event: string;
  result: string;
  cause: string;
}

export interface Ec2State {
  volumes: VolumeRecord[];
  snapshots: SnapshotRecord[];
  instances: InstanceRecord[];
  /** Keyed "<account>:<region>". */
  defaults: Record<string, EbsDefaults>;
  notifications: EbsNotification[];
}

export function emptyState(): Ec2State {
  return { volumes: [], snapshots: [], instances: [], defaults: {}, notifications: [] };
}

export const STATES: Record<InstanceStateView['Name'], number> = { pending: 0, running: 16, 'shutting-down': 32, terminated: 48, stopping: 64, stopped: 80 };

export function stateOf(name: InstanceStateView['Name']): InstanceStateView {
  return { Code: STATES[name], Name: name };
}

/** Reads a saved document; anything malformed starts empty rather than failing the whole world. */
export function readState(doc: unknown): Ec2State {
  const s = emptyState();
  if (!doc || typeof doc !== 'object') return s;
  const d = doc as Partial<Ec2State>;
  if (Array.isArray(d.volumes)) s.volumes = d.volumes;
  if (Array.isArray(d.snapshots)) s.snapshots = d.snapshots;
  if (Array.isArray(d.instances)) s.instances = d.instances;
  if (d.defaults && typeof d.defaults === 'object') s.defaults = d.defaults;
  if (Array.isArray(d.notifications)) s.notifications = d.notifications;
  return s;
}
