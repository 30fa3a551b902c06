// KMS operations (keys and aliases): input members with types, required flags and enums, as the AWS CLI reads them.
// Shapes follow the KMS API reference (botocore kms 2014-11-01 model); docs are our own one-liners.
import type { OperationModel } from './shapes.js';
import { op, str, int, bool, list, struct, svcEnm as enm } from './shapes.js';
import * as E from './kms-enums.js';

export const kmsKeyOperations: OperationModel[] = [
  op("CreateKey", "Create a KMS key (symmetric by default) in the caller's account and Region.", {
    Policy: str(),
    Description: str(),
    KeyUsage: enm(E.KeyUsageType),
    CustomerMasterKeySpec: enm(E.CustomerMasterKeySpec),
    KeySpec: enm(E.KeySpec),
    Origin: enm(E.OriginType),
    CustomKeyStoreId: str(),
    BypassPolicyLockoutSafetyCheck: bool(),
    Tags: list(struct({ TagKey: str(), TagValue: str() }, ["TagKey", "TagValue"])),
    MultiRegion: bool(),
    XksKeyId: str(),
  }, []),
  op("DescribeKey", "Show the metadata of a KMS key: state, usage, spec, origin, dates.", {
    KeyId: str(),
    GrantTokens: list(str()),
  }, ["KeyId"]),
  op("ListKeys", "List the key IDs and ARNs of all KMS keys in the account and Region.", {
    Limit: int(),
    Marker: str(),
  }, [], {inputToken: "Marker", outputToken: "NextMarker", limitKey: "Limit", resultKey: "Keys", moreResults: "Truncated"}),
  op("UpdateKeyDescription", "Replace the description of a customer managed key.", {
    KeyId: str(),
    Description: str(),
  }, ["KeyId", "Description"]),
  op("EnableKey", "Set a Disabled key back to Enabled so it can be used in cryptographic operations.", {
    KeyId: str(),
  }, ["KeyId"]),
  op("DisableKey", "Set a key to Disabled: it stays, but cryptographic operations with it fail.", {
    KeyId: str(),
  }, ["KeyId"]),
  op("ScheduleKeyDeletion", "Put a key into PendingDeletion; it is deleted after a waiting period of 7 to 30 days (default 30).", {
    KeyId: str(),
    PendingWindowInDays: int(),
  }, ["KeyId"]),
  op("CancelKeyDeletion", "Stop a scheduled deletion; the key returns in the Disabled state.", {
    KeyId: str(),
  }, ["KeyId"]),
  op("CreateAlias", "Give a key a friendly name (alias/...) in the account and Region.", {
    AliasName: str(),
    TargetKeyId: str(),
  }, ["AliasName", "TargetKeyId"]),
  op("UpdateAlias", "Point an existing alias at a different key.", {
    AliasName: str(),
    TargetKeyId: str(),
  }, ["AliasName", "TargetKeyId"]),
  op("DeleteAlias", "Delete an alias; the key it pointed to is not affected.", {
    AliasName: str(),
  }, ["AliasName"]),
  op("ListAliases", "List aliases in the account and Region, or only those of one key.", {
    KeyId: str(),
    Limit: int(),
    Marker: str(),
  }, [], {inputToken: "Marker", outputToken: "NextMarker", limitKey: "Limit", resultKey: "Aliases", moreResults: "Truncated"}),
];
