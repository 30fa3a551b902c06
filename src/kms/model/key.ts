// A KMS key's metadata, policy, tags, grants and rotation settings, kept apart from its versioned material.
// Differs: only symmetric keys have material; other key specs are recorded (metadata only) so usage rules apply.
import type { GrantRecord } from '../../aws/access.js';
import type { KeyMaterial } from './key-material.js';
import type { KeyState } from './key-states.js';
import type { ImportState } from './imported.js';
import { multiRegionConfiguration, type MultiRegionLinks } from './multi-region.js';

export type KeyUsage = 'ENCRYPT_DECRYPT' | 'SIGN_VERIFY' | 'GENERATE_VERIFY_MAC' | 'KEY_AGREEMENT';
export type Origin = 'AWS_KMS' | 'EXTERNAL' | 'AWS_CLOUDHSM' | 'EXTERNAL_KEY_STORE';
export type KeyManager = 'AWS' | 'CUSTOMER';

export interface Tag {
  TagKey: string;
  TagValue: string;
}

export interface RotationSettings {
  enabled: boolean;
  periodDays?: number;
  nextRotationDate?: number;
  onDemandCount: number;
}

/** The engine's record of one key (internal; camelCase). */
export interface KeyRecord {
  keyId: string;
  arn: string;
  accountId: string;
  region: string;
  /** Internal backing-key handle (hex) named in ciphertext blobs instead of the ARN. */
  handle: string;
  creationDate: number;
  description: string;
  keyUsage: KeyUsage;
  keySpec: string;
  origin: Origin;
  keyManager: KeyManager;
  multiRegion: boolean;
  state: KeyState;
  deletionDate?: number;
  pendingWindowInDays?: number;
  policy: string;
  tags: Tag[];
  grants: GrantRecord[];
  /** Oldest first; the last one is current. */
  materials: KeyMaterial[];
  rotation: RotationSettings;
  /** For AWS managed keys: the service of alias/aws/<service>. */
  awsService?: string;
  /** Origin EXTERNAL: import parameters, expiration, digests of imported material (model/imported.ts). */
  imported?: ImportState;
  /** Multi-Region keys: primary and replica Regions (model/multi-region.ts). */
  mrk?: MultiRegionLinks;
  /** The last successful cryptographic use (GetKeyLastUsage), kept per key, so per Region for multi-Region keys. */
  lastUsage?: { operation: string; at: number; eventId: string; requestId: string };
  /** A transient state (Creating, Updating) and when it settles (model/transient.ts). */
  settle?: { at: number; state: KeyState };
}

/** What labs' state checks read: a key with everything around it, in AWS field names where AWS has them. */
export interface KeyView {
  KeyMetadata: Record<string, unknown>;
  Aliases: string[];
  Policy: string;
  Grants: GrantRecord[];
  Tags: Tag[];
  Rotation: { KeyRotationEnabled: boolean; RotationPeriodInDays?: number; NextRotationDate?: Date; OnDemandRotations: number };
  KeyMaterialIds: string[];
}

export const SYMMETRIC_ALGORITHMS = ['SYMMETRIC_DEFAULT'];

export function currentMaterial(key: KeyRecord): KeyMaterial | undefined {
  return key.materials[key.materials.length - 1];
}

/** KeyMetadata as DescribeKey/CreateKey return it (timestamps as Date). */
export function keyMetadata(key: KeyRecord): Record<string, unknown> {
  const md: Record<string, unknown> = {
    AWSAccountId: key.accountId,
    KeyId: key.keyId,
    Arn: key.arn,
    CreationDate: new Date(key.creationDate),
    Enabled: key.state === 'Enabled',
    Description: key.description,
    KeyUsage: key.keyUsage,
    KeyState: key.state,
  };
  if (key.deletionDate !== undefined && key.state === 'PendingDeletion') md.DeletionDate = new Date(key.deletionDate);
  // "present only when KeyState is PendingReplicaDeletion": the waiting period a primary will start when its replicas are gone.
  if (key.state === 'PendingReplicaDeletion' && key.pendingWindowInDays !== undefined) md.PendingDeletionWindowInDays = key.pendingWindowInDays;
  md.Origin = key.origin;
  md.KeyManager = key.keyManager;
  md.CustomerMasterKeySpec = key.keySpec;
  md.KeySpec = key.keySpec;
  if (key.keyUsage === 'ENCRYPT_DECRYPT') md.EncryptionAlgorithms = encryptionAlgorithms(key.keySpec);
  if (key.keyUsage === 'SIGN_VERIFY') md.SigningAlgorithms = signingAlgorithms(key.keySpec);
  if (key.keyUsage === 'KEY_AGREEMENT') md.KeyAgreementAlgorithms = ['ECDH'];
  if (key.keyUsage === 'GENERATE_VERIFY_MAC') md.MacAlgorithms = [`HMAC_SHA_${key.keySpec.slice(5)}`];
  md.MultiRegion = key.multiRegion;
  if (key.multiRegion) {
    md.MultiRegionConfiguration = multiRegionConfiguration(key);
  }
  const cur = currentMaterial(key);
  if (cur && key.keySpec === 'SYMMETRIC_DEFAULT') md.CurrentKeyMaterialId = cur.id;
  if (key.origin === 'EXTERNAL' && key.imported?.expirationModel && cur) {
    md.ExpirationModel = key.imported.expirationModel;
    if (key.imported.validTo !== undefined) md.ValidTo = new Date(key.imported.validTo);
  }
  return md;
}

function encryptionAlgorithms(spec: string): string[] {
  if (spec === 'SYMMETRIC_DEFAULT') return [...SYMMETRIC_ALGORITHMS];
  if (spec.startsWith('RSA_')) return ['RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256'];
  if (spec === 'SM2') return ['SM2PKE'];
  return [];
}

function signingAlgorithms(spec: string): string[] {
  if (spec.startsWith('RSA_')) {
    return ['RSASSA_PKCS1_V1_5_SHA_256', 'RSASSA_PKCS1_V1_5_SHA_384', 'RSASSA_PKCS1_V1_5_SHA_512', 'RSASSA_PSS_SHA_256', 'RSASSA_PSS_SHA_384', 'RSASSA_PSS_SHA_512'];
  }
  if (spec === 'ECC_NIST_P256' || spec === 'ECC_SECG_P256K1') return ['ECDSA_SHA_256'];
  if (spec === 'ECC_NIST_P384') return ['ECDSA_SHA_384'];
  if (spec === 'ECC_NIST_P521') return ['ECDSA_SHA_512'];
  if (spec === 'ECC_NIST_EDWARDS25519') return ['ED25519_SHA_512', 'ED25519_PH_SHA_512'];
  if (spec.startsWith('ML_DSA_')) return ['ML_DSA_SHAKE_256'];
  if (spec === 'SM2') return ['SM2DSA'];
  return [];
}

/** Key specs CreateKey accepts, with the key usages each allows (first = default). */
export const KEY_SPEC_USAGES: Record<string, KeyUsage[]> = {
  SYMMETRIC_DEFAULT: ['ENCRYPT_DECRYPT'],
  RSA_2048: ['ENCRYPT_DECRYPT', 'SIGN_VERIFY'],
  RSA_3072: ['ENCRYPT_DECRYPT', 'SIGN_VERIFY'],
  RSA_4096: ['ENCRYPT_DECRYPT', 'SIGN_VERIFY'],
  ECC_NIST_P256: ['SIGN_VERIFY', 'KEY_AGREEMENT'],
  ECC_NIST_P384: ['SIGN_VERIFY', 'KEY_AGREEMENT'],
  ECC_NIST_P521: ['SIGN_VERIFY', 'KEY_AGREEMENT'],
  ECC_SECG_P256K1: ['SIGN_VERIFY'],
  ECC_NIST_EDWARDS25519: ['SIGN_VERIFY'],
  ML_DSA_44: ['SIGN_VERIFY'],
  ML_DSA_65: ['SIGN_VERIFY'],
  ML_DSA_87: ['SIGN_VERIFY'],
  HMAC_224: ['GENERATE_VERIFY_MAC'],
  HMAC_256: ['GENERATE_VERIFY_MAC'],
  HMAC_384: ['GENERATE_VERIFY_MAC'],
  HMAC_512: ['GENERATE_VERIFY_MAC'],
  SM2: ['ENCRYPT_DECRYPT', 'SIGN_VERIFY', 'KEY_AGREEMENT'],
};
