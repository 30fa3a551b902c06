// Enumerations of the KMS API as the service model lists them (same values, same order), so that KMS itself
// answers an unknown value with ValidationException "... Member must satisfy enum value set: [...]" (the CLI sends anything).

export const KEY_USAGE_TYPES = ['SIGN_VERIFY', 'ENCRYPT_DECRYPT', 'GENERATE_VERIFY_MAC', 'KEY_AGREEMENT'] as const;
export const KEY_SPECS = [
  'RSA_2048', 'RSA_3072', 'RSA_4096', 'ECC_NIST_P256', 'ECC_NIST_P384', 'ECC_NIST_P521', 'ECC_SECG_P256K1', 'SYMMETRIC_DEFAULT',
  'HMAC_224', 'HMAC_256', 'HMAC_384', 'HMAC_512', 'SM2', 'ML_DSA_44', 'ML_DSA_65', 'ML_DSA_87', 'ECC_NIST_EDWARDS25519',
] as const;
/** The deprecated CustomerMasterKeySpec lists only the specs that existed when it was replaced by KeySpec. */
export const CUSTOMER_MASTER_KEY_SPECS = [
  'RSA_2048', 'RSA_3072', 'RSA_4096', 'ECC_NIST_P256', 'ECC_NIST_P384', 'ECC_NIST_P521', 'ECC_SECG_P256K1', 'SYMMETRIC_DEFAULT',
  'HMAC_224', 'HMAC_256', 'HMAC_384', 'HMAC_512', 'SM2',
] as const;
export const ORIGIN_TYPES = ['AWS_KMS', 'EXTERNAL', 'AWS_CLOUDHSM', 'EXTERNAL_KEY_STORE'] as const;
export const DATA_KEY_PAIR_SPECS = [
  'RSA_2048', 'RSA_3072', 'RSA_4096', 'ECC_NIST_P256', 'ECC_NIST_P384', 'ECC_NIST_P521', 'ECC_SECG_P256K1', 'SM2', 'ECC_NIST_EDWARDS25519',
] as const;
export const KEY_AGREEMENT_ALGORITHMS = ['ECDH'] as const;
export const CUSTOM_KEY_STORE_TYPES = ['AWS_CLOUDHSM', 'EXTERNAL_KEY_STORE'] as const;
export const XKS_PROXY_CONNECTIVITY_TYPES = ['PUBLIC_ENDPOINT', 'VPC_ENDPOINT_SERVICE'] as const;

/** Key specs offered only in the AWS China Regions (SM2, "China Regions only" in the CreateKey reference). */
export const CHINA_ONLY_SPECS = new Set(['SM2']);
export const CHINA_REGIONS = new Set(['cn-north-1', 'cn-northwest-1']);
