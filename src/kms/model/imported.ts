// What a key with Origin EXTERNAL remembers about its imported key material: the open import parameters, the
// expiration model, and a digest of every material ever imported (reimport must bring the same bytes back).
// Differs: parameters stay valid for exactly 24 hours of simulated time; digests are SHA-256 (AWS does not say how it checks).

export interface PendingImportParameters {
  /** ImportToken (hex). */
  token: string;
  wrappingAlgorithm: string;
  wrappingKeySpec: string;
  /** The wrapping private key (hex of encodeRsaPrivate). */
  privateKey: string;
  /** ParametersValidTo, epoch ms. */
  validTo: number;
}

export interface ImportState {
  parameters?: PendingImportParameters;
  expirationModel?: 'KEY_MATERIAL_EXPIRES' | 'KEY_MATERIAL_DOES_NOT_EXPIRE';
  /** ValidTo of the current material, epoch ms. */
  validTo?: number;
  /** Material imported with ImportType NEW_KEY_MATERIAL, waiting for RotateKeyOnDemand (KeyMaterialState PENDING_ROTATION). */
  pending?: { id: string; material: string /* hex */; expirationModel: 'KEY_MATERIAL_EXPIRES' | 'KEY_MATERIAL_DOES_NOT_EXPIRE'; validTo?: number };
  /** Every material imported into this key: its KeyMaterialId, SHA-256 (hex), description. */
  known: { id: string; digest: string; description?: string }[];
}
