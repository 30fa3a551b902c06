// The study map shared by question banks, labs and study notes: topics, the ten exam tips and the four
// common exam scenarios of the study text, and the SOA-C03 tasks. Content files refer to these ids;
// loaders reject ids that are not listed here.

export const TOPICS = {
  'key-types': 'Key types and ownership',
  'key-policies-iam': 'Key policies and IAM',
  grants: 'Grants',
  rotation: 'Key rotation',
  deletion: 'Deletion and disabling',
  aliases: 'Aliases',
  'envelope-encryption': 'Envelope encryption and data keys',
  'encryption-context': 'Encryption context',
  'multi-region': 'Multi-Region keys',
  'imported-material': 'Imported key material',
  'asymmetric-hmac': 'Asymmetric and HMAC keys',
  monitoring: 'Monitoring: CloudTrail, CloudWatch, EventBridge',
  'service-integration': 'Service integration (S3, EBS, RDS, EFS, Secrets Manager, Parameter Store, Lambda)',
  'cross-account': 'Cross-account access',
  'troubleshooting-access': 'Troubleshooting access',
  cost: 'Cost',
  'quotas-throttling': 'Quotas and throttling',
  'custom-key-stores': 'Custom key stores and CloudHSM',
} as const;
export type TopicId = keyof typeof TOPICS;

/** The study text's ten exam tips, in its order, corrected where the facts changed. */
export const EXAM_TIPS = {
  'deletion-wait-period': '1. Deletion waits 7–30 days (default 30) in PendingDeletion and can be cancelled (the key returns Disabled).',
  'key-policy-requirements': '2. Every KMS key has exactly one key policy; the default policy gives the account full access so IAM policies can work.',
  'imported-key-material': '3. Imported key material: no automatic rotation (on-demand rotation for symmetric keys since 2025); material can expire.',
  'cross-region': '4. KMS keys are Regional: use multi-Region keys or re-encrypt in the target Region.',
  'service-integration': '5. Know the integrated services: S3, EBS, RDS, EFS, Secrets Manager, Parameter Store, Lambda environment variables.',
  'troubleshooting-access': '6. Cannot use a key? Check the key policy, IAM policies, grants, the key state, and conditions.',
  'cost-optimization': '7. AWS managed keys have no monthly fee; customer managed keys cost $1/month plus requests.',
  'compliance-auditing': '8. CloudTrail logs every KMS API call for auditing.',
  'key-rotation': '9. Rotation creates new key material but keeps the key ID and ARN; old data stays readable.',
  'cloudhsm-vs-kms': '10. CloudHSM for single-tenant HSMs you control; KMS itself is FIPS 140-3 Level 3.',
} as const;
export type ExamTipId = keyof typeof EXAM_TIPS;

/** The study text's common exam scenarios. */
export const SCENARIOS = {
  'cross-region-encryption': 'Encrypting data across Regions: consider multi-Region keys.',
  'key-compromise': 'A key is compromised: disable it or schedule its deletion.',
  'cross-account-sharing': 'Sharing encrypted resources across accounts needs key policy changes.',
  'throttling-performance': 'KMS performance problems are usually throttling: consider data key caching.',
} as const;
export type ScenarioId = keyof typeof SCENARIOS;

/** SOA-C03 exam guide tasks and skills where KMS appears. */
export const EXAM_TASKS = {
  '4.1.1': 'IAM features, resource policies and policy conditions',
  '4.1.2': 'Troubleshoot and audit access (CloudTrail, IAM Access Analyzer, policy simulator)',
  '4.1.3': 'Multi-account strategies',
  '4.1.5': 'Enforce compliance requirements',
  '4.2.2': 'Implement, configure and troubleshoot encryption at rest (AWS KMS)',
  '4.2.4': 'Store secrets securely',
  '1.1.1': 'Monitoring and logging (CloudWatch, CloudTrail, EventBridge)',
  '2.3.1': 'Backups (encrypted snapshots)',
  '3.1.4': 'Sharing resources across accounts and Regions',
  '1.1.5': 'Send service notifications and alarms to Amazon SNS',
  '1.2.2': 'Route and deliver events with EventBridge, and troubleshoot event bus rules',
  '1.2.3': 'Create or run Systems Manager Automation runbooks',
  '2.3.4': 'Follow disaster recovery procedures',
  '3.1.2': 'Create and manage stacks of resources (CloudFormation, AWS CDK)',
  '3.1.3': 'Identify and remediate deployment issues',
  '3.2.1': 'Automate operational processes (Systems Manager)',
  '4.2.5': 'Configure reports and remediate findings (AWS Config, Security Hub)',
  '5.1.2': 'Configure private networking connectivity (VPC endpoints)',
  '5.1.4': 'Optimize the cost of network architectures',
  '5.3.4': 'Troubleshoot hybrid and private connectivity',
} as const;
export type ExamTaskId = keyof typeof EXAM_TASKS;

export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

/** Lab ids the content may point learners to (labs/<id>.yaml). */
export const LAB_IDS = [
  'create-key',
  'key-rotation',
  'key-deletion',
  'access-denied',
  'access-denied-beyond-policies',
  'envelope-encryption',
  'alias-manual-rotation',
  'grants',
  'cloudtrail-investigation',
  'multi-region-keys',
  'imported-key-material',
  'cross-account',
  'key-policy-conditions',
  'throttling-and-caching',
] as const;
export type LabId = (typeof LAB_IDS)[number];
