// Versioned key material of a KMS key: AWS keeps every generation (KeyMaterialId) so old ciphertext decrypts.
// Differs: material ids are 64 hex chars from the Random port; imported material plugs in later as another version.

export type RotationType = 'AUTOMATIC' | 'ON_DEMAND';

/** One generation of key material. `bytes` never leaves the engine except in the state document. */
export interface KeyMaterial {
  /** KeyMaterialId (64 lower-case hex). */
  id: string;
  bytes: Uint8Array;
  createdAt: number;
  /** How this generation came to be; absent for the first one. */
  rotationType?: RotationType;
  /** For imported material (later issue). */
  origin?: 'AWS_KMS' | 'EXTERNAL';
}

/** A ListKeyRotations entry. */
export interface RotationEntry {
  KeyId: string;
  KeyMaterialId: string;
  RotationDate: Date;
  RotationType: RotationType;
  KeyMaterialState: 'CURRENT' | 'NON_CURRENT';
}
