// EC2's error codes as the EC2 API returns them (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html).
// Messages follow real outputs where we found them (cited at each throw); the others are our wording, marked so.
import { errorClass } from '../aws/errors.js';

export type Ec2ErrorCode =
  | 'InvalidVolume.NotFound'
  | 'InvalidSnapshot.NotFound'
  | 'InvalidInstanceID.NotFound'
  | 'InvalidVolume.ZoneMismatch'
  | 'InvalidParameterValue'
  | 'InvalidParameterDependency'
  | 'MissingParameter'
  | 'IncorrectState'
  | 'VolumeInUse'
  | 'OperationNotPermitted'
  | 'CustomerKeyHasBeenRevoked'
  | 'UnauthorizedOperation'
  | 'DryRunOperation'
  | 'InvalidNextToken'
  | 'InvalidFilter';

export const InvalidVolumeNotFound = errorClass<Ec2ErrorCode>('ec2', 'InvalidVolume.NotFound');
export const InvalidSnapshotNotFound = errorClass<Ec2ErrorCode>('ec2', 'InvalidSnapshot.NotFound');
export const InvalidInstanceIdNotFound = errorClass<Ec2ErrorCode>('ec2', 'InvalidInstanceID.NotFound');
export const InvalidVolumeZoneMismatch = errorClass<Ec2ErrorCode>('ec2', 'InvalidVolume.ZoneMismatch');
export const InvalidParameterValue = errorClass<Ec2ErrorCode>('ec2', 'InvalidParameterValue');
export const InvalidParameterDependency = errorClass<Ec2ErrorCode>('ec2', 'InvalidParameterDependency');
export const MissingParameter = errorClass<Ec2ErrorCode>('ec2', 'MissingParameter');
export const IncorrectState = errorClass<Ec2ErrorCode>('ec2', 'IncorrectState');
export const VolumeInUse = errorClass<Ec2ErrorCode>('ec2', 'VolumeInUse');
export const OperationNotPermitted = errorClass<Ec2ErrorCode>('ec2', 'OperationNotPermitted');
export const CustomerKeyHasBeenRevoked = errorClass<Ec2ErrorCode>('ec2', 'CustomerKeyHasBeenRevoked');
export const UnauthorizedOperation = errorClass<Ec2ErrorCode>('ec2', 'UnauthorizedOperation', 403);
export const DryRunOperation = errorClass<Ec2ErrorCode>('ec2', 'DryRunOperation', 412);
export const InvalidNextToken = errorClass<Ec2ErrorCode>('ec2', 'InvalidNextToken');

/** https://docs.aws.amazon.com/AWSEC2/latest/APIReference/CommonErrors.html (DryRunOperation). */
export const DRY_RUN_MESSAGE = 'Request would have succeeded, but DryRun flag is set.';
