// Worked examples shown by `aws kms <operation> help` for the operations learners use most, with the
// traps the exam likes (base64 blobs, encryption context, waiting periods) spelled out.
export const EXAMPLES: Record<string, string[]> = {
  'kms create-key': [
    'aws kms create-key --description "app data" --tags TagKey=env,TagValue=prod',
    'aws kms create-key --key-spec RSA_2048 --key-usage SIGN_VERIFY',
    'aws kms create-key --multi-region --description "replicated key"',
  ],
  'kms encrypt': [
    '# v2 reads --plaintext as base64; send text as-is with --cli-binary-format raw-in-base64-out',
    'aws kms encrypt --key-id alias/app --plaintext "hello" --cli-binary-format raw-in-base64-out --encryption-context Dept=IT',
    'aws kms encrypt --key-id alias/app --plaintext fileb://secret.bin --query CiphertextBlob --output text',
  ],
  'kms decrypt': [
    '# the key is found from the ciphertext; the encryption context must match exactly',
    'aws kms decrypt --ciphertext-blob fileb://secret.enc --encryption-context Dept=IT --query Plaintext --output text',
  ],
  'kms generate-data-key': [
    'aws kms generate-data-key --key-id alias/app --key-spec AES_256',
    '# keep CiphertextBlob next to your data; use Plaintext in memory only, then discard it',
  ],
  'kms schedule-key-deletion': [
    'aws kms schedule-key-deletion --key-id alias/app --pending-window-in-days 7',
    '# 7 to 30 days (default 30); cancel with cancel-key-deletion, the key comes back Disabled',
  ],
  'kms enable-key-rotation': ['aws kms enable-key-rotation --key-id alias/app --rotation-period-in-days 180'],
  'kms create-grant': [
    'aws kms create-grant --key-id alias/app --grantee-principal arn:aws:iam::111122223333:role/app --operations Decrypt --constraints EncryptionContextSubset={Dept=IT}',
  ],
  'kms put-key-policy': ['aws kms put-key-policy --key-id alias/app --policy-name default --policy file://policy.json'],
  'kms create-alias': ['aws kms create-alias --alias-name alias/app --target-key-id 1234abcd-12ab-34cd-56ef-1234567890ab'],
  'cloudtrail lookup-events': [
    'aws cloudtrail lookup-events --lookup-attributes AttributeKey=EventName,AttributeValue=Decrypt --max-results 5',
  ],
  'iam simulate-principal-policy': [
    'aws iam simulate-principal-policy --policy-source-arn arn:aws:iam::111122223333:user/dev --action-names kms:Decrypt --resource-arns <key ARN>',
  ],
};
