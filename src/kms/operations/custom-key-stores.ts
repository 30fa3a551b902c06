// Custom key stores (AWS CloudHSM key stores and external key stores): the account has none.
// Differs: the simulator does not model CloudHSM clusters or external key store proxies, so creating one is refused.
import type { Call } from '../call.js';
import { CustomKeyStoreNotFoundException, UnsupportedOperationException } from '../errors.js';
import { CUSTOM_KEY_STORE_TYPES, XKS_PROXY_CONNECTIVITY_TYPES } from '../model/enums.js';
import { optString, paging, reqString, type Req } from '../validate.js';
import { register } from './registry.js';

const ID = { min: 1, max: 64 };

/** Wording ours: AWS's text for an unknown custom key store ID is not documented. */
export function customKeyStoreNotFoundMessage(id: unknown): string {
  return typeof id === 'string' ? `Custom key store ${id} does not exist in this account and Region.` : 'The custom key store does not exist in this account and Region.';
}

// https://docs.aws.amazon.com/kms/latest/APIReference/API_DescribeCustomKeyStores.html
register('DescribeCustomKeyStores', true, (c: Call, req: Req) => {
  const id = optString(req, 'CustomKeyStoreId', ID);
  const name = optString(req, 'CustomKeyStoreName', { min: 1, max: 256 });
  paging(req);
  c.authorize('kms:DescribeCustomKeyStores', undefined);
  if (id !== undefined || name !== undefined) throw new CustomKeyStoreNotFoundException(customKeyStoreNotFoundMessage(id ?? name));
  return { CustomKeyStores: [], Truncated: false };
});

// https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateCustomKeyStore.html
register('CreateCustomKeyStore', false, (c: Call, req: Req) => {
  reqString(req, 'CustomKeyStoreName', { max: 256 });
  optString(req, 'CloudHsmClusterId', { min: 19, max: 24 });
  optString(req, 'CustomKeyStoreType', { enum: CUSTOM_KEY_STORE_TYPES });
  optString(req, 'XksProxyConnectivity', { enum: XKS_PROXY_CONNECTIVITY_TYPES });
  c.authorize('kms:CreateCustomKeyStore', undefined);
  // Chosen on purpose: UnsupportedOperationException is KMS's general "not supported" answer, and it names no cause
  // (such as CloudHsmClusterNotFoundException would) that a learner could take for a real configuration mistake.
  throw new UnsupportedOperationException(
    'The simulator does not model custom key stores: it has no AWS CloudHSM clusters and no external key store proxies.',
  );
});

for (const op of ['ConnectCustomKeyStore', 'DisconnectCustomKeyStore', 'DeleteCustomKeyStore', 'UpdateCustomKeyStore']) {
  register(op, false, (c: Call, req: Req) => {
    const id = reqString(req, 'CustomKeyStoreId', ID);
    c.authorize(`kms:${op}`, undefined);
    throw new CustomKeyStoreNotFoundException(customKeyStoreNotFoundMessage(id));
  });
}
