// The most a member can hold, from the API references' length constraints, so file:// and fileb:// read no
// more than a parameter can use. Members not listed get GENERIC_MAX_BYTES.

/** Member name -> its maximum: bytes for blobs, characters for strings. */
export const MEMBER_MAX: Readonly<Record<string, number>> = {
  // https://docs.aws.amazon.com/kms/latest/APIReference/API_Encrypt.html (Plaintext 1..4096 bytes)
  Plaintext: 4096,
  // https://docs.aws.amazon.com/kms/latest/APIReference/API_Decrypt.html and API_ReEncrypt.html (1..6144 bytes)
  CiphertextBlob: 6144,
  // https://docs.aws.amazon.com/kms/latest/APIReference/API_Sign.html, API_GenerateMac.html (Message 1..4096)
  Message: 4096,
  // https://docs.aws.amazon.com/kms/latest/APIReference/API_Verify.html (Signature 1..6144), API_VerifyMac.html (Mac 1..6144)
  Signature: 6144,
  Mac: 6144,
  // https://docs.aws.amazon.com/kms/latest/APIReference/API_ImportKeyMaterial.html (1..6144 bytes each)
  EncryptedKeyMaterial: 6144,
  ImportToken: 6144,
  // https://docs.aws.amazon.com/kms/latest/APIReference/API_DeriveSharedSecret.html (PublicKey 1..8192 bytes)
  PublicKey: 8192,
  // https://docs.aws.amazon.com/kms/latest/APIReference/API_PutKeyPolicy.html and API_CreateKey.html (Policy 1..32768)
  Policy: 32768,
  // https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateKey.html (Description 0..8192)
  Description: 8192,
  // https://docs.aws.amazon.com/IAM/latest/APIReference/API_PutUserPolicy.html, API_CreateRole.html,
  // API_CreatePolicy.html (policy documents 1..131072 characters)
  PolicyDocument: 131072,
  AssumeRolePolicyDocument: 131072,
  PolicyInputList: 131072,
};

/** For members without a listed limit (JSON and shorthand structures, lists): generous, but bounded. */
export const GENERIC_MAX_BYTES = 1024 * 1024;

/** How many bytes file:// or fileb:// may read for a member (a character can take 4 bytes of UTF-8). */
export function fileReadLimit(member: string, binary: boolean): { bytes: number; listed: boolean } {
  const max = MEMBER_MAX[member];
  if (max === undefined) return { bytes: GENERIC_MAX_BYTES, listed: false };
  return { bytes: binary ? max : max * 4, listed: true };
}
