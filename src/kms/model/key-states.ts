// AWS KMS key states and the one table of which states each operation accepts, transcribed from the
// developer guide's key-state page (archived table; rows for newer operations such as RotateKeyOnDemand are inferred).
import { DisabledException, KmsException, KMSInvalidStateException, UnsupportedOperationException } from '../errors.js';

/** The one KeyState union (KeyMetadata.KeyState). */
export type KeyState =
  | 'Creating'
  | 'Enabled'
  | 'Disabled'
  | 'PendingDeletion'
  | 'PendingImport'
  | 'PendingReplicaDeletion'
  | 'Unavailable'
  | 'Updating';

export const KEY_STATES: readonly KeyState[] = [
  'Creating', 'Enabled', 'Disabled', 'PendingDeletion', 'PendingImport', 'PendingReplicaDeletion', 'Unavailable', 'Updating',
];

/** What happens when an operation meets a key in a state: OK, or the exception AWS throws (footnote numbers of the AWS table). */
export type Rule =
  | 'ok'
  | 'disabled' // [1] DisabledException "<arn> is disabled."
  | 'pendingDeletion' // [3] KMSInvalidStateException "<arn> is pending deletion."
  | 'notPendingDeletion' // [4] KMSInvalidStateException "<arn> is not pending deletion."
  | 'pendingImport' // [5] KMSInvalidStateException "<arn> is pending import."
  | 'originExternal' // [6] UnsupportedOperationException "<arn> origin is EXTERNAL which is not valid for this operation."
  | 'unsupported' // [7] custom key store: UnsupportedOperationException
  | 'unavailable' // [11] KMSInvalidStateException "<arn> is unavailable."
  | 'creating' // [14]
  | 'updating'; // [15]

/** Columns in the order of the AWS table: En, Dis, PendDel (also PendingReplicaDeletion), PendImp, Unavail, Creating, Updating. */
type Row = [Rule, Rule, Rule, Rule, Rule, Rule, Rule];

const CRYPTO: Row = ['ok', 'disabled', 'pendingDeletion', 'pendingImport', 'unavailable', 'creating', 'ok'];
const ALWAYS: Row = ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'];
const ROTATION_CHANGE: Row = ['ok', 'disabled', 'pendingDeletion', 'originExternal', 'unsupported', 'creating', 'ok'];
const ROTATION_READ: Row = ['ok', 'ok', 'ok', 'originExternal', 'unsupported', 'ok', 'ok'];
const NOT_PENDING_DELETION: Row = ['ok', 'ok', 'pendingDeletion', 'ok', 'ok', 'ok', 'ok'];

/** The allowed-states table: one row per operation. */
export const ALLOWED_STATES: Readonly<Record<string, Row>> = {
  CancelKeyDeletion: ['notPendingDeletion', 'notPendingDeletion', 'ok', 'notPendingDeletion', 'notPendingDeletion', 'notPendingDeletion', 'notPendingDeletion'],
  CreateAlias: NOT_PENDING_DELETION,
  CreateGrant: ['ok', 'disabled', 'pendingDeletion', 'pendingImport', 'ok', 'creating', 'ok'],
  Encrypt: CRYPTO,
  Decrypt: CRYPTO,
  ReEncrypt: CRYPTO,
  GenerateDataKey: CRYPTO,
  GenerateDataKeyWithoutPlaintext: CRYPTO,
  GenerateDataKeyPair: CRYPTO,
  GenerateDataKeyPairWithoutPlaintext: CRYPTO,
  GenerateMac: ['ok', 'disabled', 'pendingDeletion', 'ok', 'ok', 'creating', 'ok'],
  VerifyMac: ['ok', 'disabled', 'pendingDeletion', 'ok', 'ok', 'creating', 'ok'],
  Sign: ['ok', 'disabled', 'pendingDeletion', 'ok', 'ok', 'creating', 'ok'],
  Verify: ['ok', 'disabled', 'pendingDeletion', 'ok', 'ok', 'creating', 'ok'],
  GetPublicKey: ['ok', 'disabled', 'pendingDeletion', 'ok', 'ok', 'creating', 'ok'],
  DeriveSharedSecret: ['ok', 'disabled', 'pendingDeletion', 'ok', 'ok', 'creating', 'ok'],
  DeleteAlias: ALWAYS,
  DescribeKey: ALWAYS,
  GetKeyPolicy: ALWAYS,
  ListAliases: ALWAYS,
  ListGrants: ALWAYS,
  ListKeyPolicies: ALWAYS,
  ListResourceTags: ALWAYS,
  PutKeyPolicy: ALWAYS,
  RetireGrant: ALWAYS,
  RevokeGrant: ALWAYS,
  DisableKey: ['ok', 'ok', 'pendingDeletion', 'pendingImport', 'ok', 'creating', 'updating'],
  EnableKey: ['ok', 'ok', 'pendingDeletion', 'pendingImport', 'ok', 'creating', 'updating'],
  EnableKeyRotation: ROTATION_CHANGE,
  DisableKeyRotation: ROTATION_CHANGE,
  // Not in the archived table: RotateKeyOnDemand follows EnableKeyRotation (its model lists DisabledException), except
  // that a key whose material is pending import is KMSInvalidStateException (imported keys rotate on demand since June
  // 2025, so the origin is no longer the reason); ListKeyRotations follows GetKeyRotationStatus.
  RotateKeyOnDemand: ['ok', 'disabled', 'pendingDeletion', 'pendingImport', 'unsupported', 'creating', 'ok'],
  // GetKeyLastUsage: its model lists no KMSInvalidStateException, so every state answers.
  GetKeyLastUsage: ALWAYS,
  GetKeyRotationStatus: ROTATION_READ,
  ListKeyRotations: ROTATION_READ,
  // Imported key material (AWS table: GetParametersForImport/ImportKeyMaterial/DeleteImportedKeyMaterial, footnote [3] for PendingDeletion).
  GetParametersForImport: ['ok', 'ok', 'pendingDeletion', 'ok', 'ok', 'creating', 'ok'],
  ImportKeyMaterial: ['ok', 'ok', 'pendingDeletion', 'ok', 'ok', 'creating', 'ok'],
  DeleteImportedKeyMaterial: ['ok', 'ok', 'pendingDeletion', 'ok', 'ok', 'creating', 'ok'],
  ReplicateKey: ['ok', 'disabled', 'pendingDeletion', 'pendingImport', 'ok', 'creating', 'updating'],
  UpdatePrimaryRegion: ['ok', 'disabled', 'pendingDeletion', 'pendingImport', 'ok', 'creating', 'ok'],
  ScheduleKeyDeletion: ['ok', 'ok', 'pendingDeletion', 'ok', 'ok', 'ok', 'updating'],
  TagResource: NOT_PENDING_DELETION,
  UntagResource: NOT_PENDING_DELETION,
  UpdateKeyDescription: NOT_PENDING_DELETION,
  /** UpdateAlias: the current target may be in any state ... */
  UpdateAlias: ALWAYS,
  /** ... but the new target must not be pending deletion (footnote [10]). */
  'UpdateAlias:target': NOT_PENDING_DELETION,
};

const COLUMN: Record<KeyState, number> = {
  Enabled: 0, Disabled: 1, PendingDeletion: 2, PendingReplicaDeletion: 2, PendingImport: 3, Unavailable: 4, Creating: 5, Updating: 6,
};

/** The rule for `operation` on a key in `state` (operations missing from the table are allowed). */
export function ruleFor(operation: string, state: KeyState): Rule {
  const row = ALLOWED_STATES[operation];
  return row ? row[COLUMN[state]] : 'ok';
}

/** The exception AWS throws for a rule, or undefined for 'ok'. */
export function stateError(rule: Rule, arn: string): KmsException | undefined {
  switch (rule) {
    case 'ok': return undefined;
    case 'disabled': return new DisabledException(`${arn} is disabled.`);
    case 'pendingDeletion': return new KMSInvalidStateException(`${arn} is pending deletion.`);
    case 'notPendingDeletion': return new KMSInvalidStateException(`${arn} is not pending deletion.`);
    case 'pendingImport': return new KMSInvalidStateException(`${arn} is pending import.`);
    case 'originExternal': return new UnsupportedOperationException(`${arn} origin is EXTERNAL which is not valid for this operation.`);
    case 'unsupported': return new UnsupportedOperationException(`${arn} is in a custom key store, which does not support this operation.`);
    case 'unavailable': return new KMSInvalidStateException(`${arn} is unavailable.`);
    case 'creating': return new KMSInvalidStateException(`${arn} is creating.`);
    case 'updating': return new KMSInvalidStateException(`${arn} is updating.`);
  }
}

/** Throws DisabledException / KMSInvalidStateException / UnsupportedOperationException exactly as the table says. */
export function assertUsable(key: { arn: string; state: KeyState }, operation: string): void {
  const err = stateError(ruleFor(operation, key.state), key.arn);
  if (err) throw err;
}
