// Test helper: a KMS key with imported key material that expires at `validTo` (as a learner does with openssl).
import { wrapKeyMaterial } from '../../src/kms/crypto/wrap.js';
import type { World } from '../../src/sim/world.js';
import type { Caller } from '../../src/aws/caller.js';

export function importedKey(world: World, admin: Caller, validTo: Date): { keyId: string; keyArn: string } {
  const md = world.call('kms', 'CreateKey', { Origin: 'EXTERNAL' }, admin).KeyMetadata as { KeyId: string; Arn: string };
  const params = world.call('kms', 'GetParametersForImport', { KeyId: md.KeyId, WrappingAlgorithm: 'RSAES_OAEP_SHA_256', WrappingKeySpec: 'RSA_2048' }, admin);
  const material = new Uint8Array(32).fill(7);
  const wrapped = wrapKeyMaterial(params.PublicKey as Uint8Array, 'RSAES_OAEP_SHA_256', material, (n) => new Uint8Array(n).fill(1));
  world.call(
    'kms',
    'ImportKeyMaterial',
    {
      KeyId: md.KeyId,
      ImportToken: params.ImportToken,
      EncryptedKeyMaterial: wrapped.EncryptedKeyMaterial,
      ExpirationModel: 'KEY_MATERIAL_EXPIRES',
      ValidTo: validTo,
    },
    admin,
  );
  return { keyId: md.KeyId, keyArn: md.Arn };
}
