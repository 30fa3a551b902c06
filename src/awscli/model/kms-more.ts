// KMS operations added to the API since the first model (key agreement, key usage tracking) and the custom key store
// operations, as the AWS CLI reads them. Shapes follow the KMS API reference; docs are our own one-liners.
import type { OperationModel } from './shapes.js';
import { op, str, int, bool, blob, list, struct, svcEnm as enm } from './shapes.js';

const KeyAgreementAlgorithmSpec = ['ECDH'] as const;
const CustomKeyStoreType = ['AWS_CLOUDHSM', 'EXTERNAL_KEY_STORE'] as const;
const XksProxyConnectivityType = ['PUBLIC_ENDPOINT', 'VPC_ENDPOINT_SERVICE'] as const;
const KeyEncryptionMechanism = ['RSAES_OAEP_SHA_256'] as const;
const xksCredential = () => struct({ AccessKeyId: str(), RawSecretAccessKey: str() }, ['AccessKeyId', 'RawSecretAccessKey']);

export const kmsMoreOperations: OperationModel[] = [
  op("DeriveSharedSecret", "Derive an ECDH shared secret from a KEY_AGREEMENT key and another party's public key.", {
    KeyId: str(),
    KeyAgreementAlgorithm: enm(KeyAgreementAlgorithmSpec),
    PublicKey: blob(),
    GrantTokens: list(str()),
    DryRun: bool(),
    Recipient: struct({ KeyEncryptionAlgorithm: enm(KeyEncryptionMechanism), AttestationDocument: blob() }),
  }, ["KeyId", "KeyAgreementAlgorithm", "PublicKey"]),
  op("GetKeyLastUsage", "Show the last successful cryptographic use of a key (operation, time, CloudTrail event ID).", {
    KeyId: str(),
  }, ["KeyId"]),
  op("DescribeCustomKeyStores", "List the custom key stores (CloudHSM or external) in the account and Region.", {
    CustomKeyStoreId: str(),
    CustomKeyStoreName: str(),
    Limit: int(),
    Marker: str(),
  }, [], {inputToken: "Marker", outputToken: "NextMarker", limitKey: "Limit", resultKey: "CustomKeyStores", moreResults: "Truncated"}),
  op("CreateCustomKeyStore", "Create a custom key store backed by a CloudHSM cluster or an external key store proxy.", {
    CustomKeyStoreName: str(),
    CloudHsmClusterId: str(),
    TrustAnchorCertificate: str(),
    KeyStorePassword: str(),
    CustomKeyStoreType: enm(CustomKeyStoreType),
    XksProxyUriEndpoint: str(),
    XksProxyUriPath: str(),
    XksProxyVpcEndpointServiceName: str(),
    XksProxyVpcEndpointServiceOwner: str(),
    XksProxyAuthenticationCredential: xksCredential(),
    XksProxyConnectivity: enm(XksProxyConnectivityType),
  }, ["CustomKeyStoreName"]),
  op("ConnectCustomKeyStore", "Connect a custom key store to its CloudHSM cluster or external key store proxy.", {
    CustomKeyStoreId: str(),
  }, ["CustomKeyStoreId"]),
  op("DisconnectCustomKeyStore", "Disconnect a custom key store; its KMS keys become unusable until reconnected.", {
    CustomKeyStoreId: str(),
  }, ["CustomKeyStoreId"]),
  op("UpdateCustomKeyStore", "Change the name or connection settings of a custom key store.", {
    CustomKeyStoreId: str(),
    NewCustomKeyStoreName: str(),
    KeyStorePassword: str(),
    CloudHsmClusterId: str(),
    XksProxyUriEndpoint: str(),
    XksProxyUriPath: str(),
    XksProxyVpcEndpointServiceName: str(),
    XksProxyVpcEndpointServiceOwner: str(),
    XksProxyAuthenticationCredential: xksCredential(),
    XksProxyConnectivity: enm(XksProxyConnectivityType),
  }, ["CustomKeyStoreId"]),
  op("DeleteCustomKeyStore", "Delete a disconnected custom key store that has no KMS keys.", {
    CustomKeyStoreId: str(),
  }, ["CustomKeyStoreId"]),
];
