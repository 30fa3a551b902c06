// KMS operations (rotation, tags, policies, grants, multi-Region, import): input members with types, required flags and enums, as the AWS CLI reads them.
// Shapes follow the KMS API reference (botocore kms 2014-11-01 model); docs are our own one-liners.
import type { OperationModel } from './shapes.js';
import { op, str, int, bool, blob, ts, list, map, struct, svcEnm as enm } from './shapes.js';
import * as E from './kms-enums.js';

export const kmsAdminOperations: OperationModel[] = [
  op("EnableKeyRotation", "Turn on automatic yearly (or custom period) rotation of a symmetric key's material.", {
    KeyId: str(),
    RotationPeriodInDays: int(),
  }, ["KeyId"]),
  op("DisableKeyRotation", "Turn off automatic rotation of a key's material.", {
    KeyId: str(),
  }, ["KeyId"]),
  op("GetKeyRotationStatus", "Show whether automatic rotation is on, its period and the next rotation date.", {
    KeyId: str(),
  }, ["KeyId"]),
  op("RotateKeyOnDemand", "Rotate a symmetric key's material now, independently of automatic rotation.", {
    KeyId: str(),
  }, ["KeyId"]),
  op("ListKeyRotations", "List the completed rotations of a key's material.", {
    KeyId: str(),
    IncludeKeyMaterial: enm(E.IncludeKeyMaterial),
    Limit: int(),
    Marker: str(),
  }, ["KeyId"], {inputToken: "Marker", outputToken: "NextMarker", limitKey: "Limit", resultKey: "Rotations", moreResults: "Truncated"}),
  op("TagResource", "Add or overwrite tags on a customer managed key.", {
    KeyId: str(),
    Tags: list(struct({ TagKey: str(), TagValue: str() }, ["TagKey", "TagValue"])),
  }, ["KeyId", "Tags"]),
  op("UntagResource", "Remove tags from a customer managed key.", {
    KeyId: str(),
    TagKeys: list(str()),
  }, ["KeyId", "TagKeys"]),
  op("ListResourceTags", "List the tags of a KMS key.", {
    KeyId: str(),
    Limit: int(),
    Marker: str(),
  }, ["KeyId"], {inputToken: "Marker", outputToken: "NextMarker", limitKey: "Limit", resultKey: "Tags", moreResults: "Truncated"}),
  op("PutKeyPolicy", "Replace the key policy of a KMS key.", {
    KeyId: str(),
    PolicyName: str(),
    Policy: str(),
    BypassPolicyLockoutSafetyCheck: bool(),
  }, ["KeyId", "Policy"]),
  op("GetKeyPolicy", "Show the key policy of a KMS key (the only policy name is \"default\").", {
    KeyId: str(),
    PolicyName: str(),
  }, ["KeyId"]),
  op("ListKeyPolicies", "List the names of a key's policies (always \"default\").", {
    KeyId: str(),
    Limit: int(),
    Marker: str(),
  }, ["KeyId"], {inputToken: "Marker", outputToken: "NextMarker", limitKey: "Limit", resultKey: "PolicyNames", moreResults: "Truncated"}),
  op("CreateGrant", "Give a principal permission to use a key for listed operations, optionally with constraints.", {
    KeyId: str(),
    GranteePrincipal: str(),
    RetiringPrincipal: str(),
    Operations: list(enm(E.GrantOperation)),
    Constraints: struct({ EncryptionContextSubset: map(str(), str()), EncryptionContextEquals: map(str(), str()), SourceArn: str() }),
    GrantTokens: list(str()),
    Name: str(),
    DryRun: bool(),
    GranteeServicePrincipal: str(),
    RetiringServicePrincipal: str(),
  }, ["KeyId", "Operations"]),
  op("ListGrants", "List the grants on a KMS key.", {
    Limit: int(),
    Marker: str(),
    KeyId: str(),
    GrantId: str(),
    GranteePrincipal: str(),
  }, ["KeyId"], {inputToken: "Marker", outputToken: "NextMarker", limitKey: "Limit", resultKey: "Grants", moreResults: "Truncated"}),
  op("ListRetirableGrants", "List the grants a principal may retire.", {
    Limit: int(),
    Marker: str(),
    RetiringPrincipal: str(),
    RetiringServicePrincipal: str(),
  }, [], {inputToken: "Marker", outputToken: "NextMarker", limitKey: "Limit", resultKey: "Grants", moreResults: "Truncated"}),
  op("RetireGrant", "Retire a grant (by the retiring or grantee principal, or with its token).", {
    GrantToken: str(),
    KeyId: str(),
    GrantId: str(),
    DryRun: bool(),
  }, []),
  op("RevokeGrant", "Revoke a grant (by a principal allowed kms:RevokeGrant on the key).", {
    KeyId: str(),
    GrantId: str(),
    DryRun: bool(),
  }, ["KeyId", "GrantId"]),
  op("ReplicateKey", "Create a replica of a multi-Region primary key in another Region.", {
    KeyId: str(),
    ReplicaRegion: str(),
    Policy: str(),
    BypassPolicyLockoutSafetyCheck: bool(),
    Description: str(),
    Tags: list(struct({ TagKey: str(), TagValue: str() }, ["TagKey", "TagValue"])),
  }, ["KeyId", "ReplicaRegion"]),
  op("UpdatePrimaryRegion", "Make a replica the primary key of its multi-Region key set.", {
    KeyId: str(),
    PrimaryRegion: str(),
  }, ["KeyId", "PrimaryRegion"]),
  op("GetParametersForImport", "Return a public wrapping key and import token for importing key material.", {
    KeyId: str(),
    WrappingAlgorithm: enm(E.AlgorithmSpec),
    WrappingKeySpec: enm(E.WrappingKeySpec),
  }, ["KeyId", "WrappingAlgorithm", "WrappingKeySpec"]),
  op("ImportKeyMaterial", "Import wrapped key material into a key created with Origin EXTERNAL.", {
    KeyId: str(),
    ImportToken: blob(),
    EncryptedKeyMaterial: blob(),
    ValidTo: ts(),
    ExpirationModel: enm(E.ExpirationModelType),
    ImportType: enm(E.ImportType),
    KeyMaterialDescription: str(),
    KeyMaterialId: str(),
  }, ["KeyId", "ImportToken", "EncryptedKeyMaterial"]),
  op("DeleteImportedKeyMaterial", "Delete imported key material; the key becomes PendingImport.", {
    KeyId: str(),
    KeyMaterialId: str(),
  }, ["KeyId"]),
];
