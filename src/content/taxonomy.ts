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

/**
 * The SOA-C03 exam guide's five content domains and their weights (share of scored content).
 * Source: AWS Certified CloudOps Engineer – Associate (SOA-C03) exam guide,
 * https://docs.aws.amazon.com/aws-certification/latest/sysops-administrator-associate-03/sysops-administrator-associate-03.html
 */
export const EXAM_DOMAINS = {
  '1': { title: 'Monitoring, Logging, Analysis, Remediation, and Performance Optimization', weight: 22 },
  '2': { title: 'Reliability and Business Continuity', weight: 22 },
  '3': { title: 'Deployment, Provisioning, and Automation', weight: 22 },
  '4': { title: 'Security and Compliance', weight: 16 },
  '5': { title: 'Networking and Content Delivery', weight: 18 },
} as const;
export type ExamDomainId = keyof typeof EXAM_DOMAINS;

/** The guide's task statements (domain.task) that have KMS-related skills in this bank. */
export const EXAM_TASK_STATEMENTS = {
  '1.1': 'Implement metrics, alarms, and filters by using AWS monitoring and logging services',
  '1.2': 'Identify and remediate issues by using monitoring and availability metrics',
  '2.2': 'Implement highly available and resilient environments',
  '2.3': 'Implement backup and restore strategies',
  '3.1': 'Provision and maintain cloud resources',
  '3.2': 'Automate the management of existing resources',
  '4.1': 'Implement and manage security and compliance tools and policies',
  '4.2': 'Implement strategies to protect data and infrastructure',
  '5.1': 'Implement and optimize networking features and connectivity',
  '5.3': 'Troubleshoot network connectivity issues',
} as const;
export type ExamTaskStatementId = keyof typeof EXAM_TASK_STATEMENTS;

/**
 * The skills (domain.task.skill) where KMS appears, in the guide's words (shortened). A question's `task`
 * names one of these; its domain and task statement are the id's first one and two numbers. Where a skill
 * number could not be checked, a question names the task statement itself (for example "2.2").
 * Domain pages: .../sysops-administrator-associate-03-domain1.html ... -domain5.html under the guide above
 * (skill wording checked 2026-12-05 against the domain pages' text).
 */
export const EXAM_TASKS = {
  '1.1.1': 'Configure AWS monitoring and logging (CloudWatch, CloudTrail)',
  '1.1.3': 'Configure and troubleshoot CloudWatch alarms that invoke AWS services directly or through EventBridge',
  '1.1.5': 'Configure AWS services to send notifications to Amazon SNS, and alarms that notify through SNS',
  '1.2.1': 'Analyze metrics and automate remediation (CloudWatch, Lambda, Systems Manager, CloudTrail)',
  '1.2.2': 'Use EventBridge to route, enrich and deliver events; troubleshoot event bus rules',
  '1.2.3': 'Create or run custom and predefined Systems Manager Automation runbooks',
  '2.2': 'Implement highly available and resilient environments (task statement)',
  '2.3.1': 'Automate snapshots and backups (AWS Backup, EBS, RDS, DynamoDB, S3)',
  '2.3.2': 'Restore databases (for example point-in-time restore) to meet RTO, RPO and cost requirements',
  '3.1.2': 'Create and manage stacks of resources with CloudFormation and the AWS CDK',
  '3.1.4': 'Provision and share resources across multiple Regions and accounts (AWS RAM, StackSets)',
  '3.2.1': 'Use AWS services to automate operational processes (Systems Manager)',
  '3.2.2': 'Implement event-driven automation (Lambda, S3 Event Notifications)',
  '4.1.1': 'IAM features, resource policies and policy conditions',
  '4.1.2': 'Troubleshoot and audit access (CloudTrail, IAM Access Analyzer, policy simulator)',
  '4.1.3': 'Multi-account strategies',
  '4.1.5': 'Enforce compliance requirements',
  '4.2.2': 'Implement, configure and troubleshoot encryption at rest (AWS KMS)',
  '4.2.4': 'Store secrets securely',
  '5.1.2': 'Configure private networking connectivity (VPC endpoints, AWS PrivateLink)',
  '5.3': 'Troubleshoot network connectivity issues (task statement)',
  '2.3.4': 'Follow disaster recovery procedures',
  '3.1.3': 'Identify and remediate deployment issues',
  '4.2.5': 'Configure reports and remediate findings (AWS Config, Security Hub)',
  '5.1.4': 'Optimize the cost of network architectures',
  '5.3.4': 'Troubleshoot hybrid and private connectivity',
} as const;
export type ExamTaskId = keyof typeof EXAM_TASKS;

/** The domain of a skill or task id: its first number ("4.2.2" -> "4"). */
export function domainOf(id: string): ExamDomainId {
  return id.split('.')[0] as ExamDomainId;
}

/** The task statement of a skill or task id: its first two numbers ("4.2.2" -> "4.2"). */
export function taskStatementOf(id: string): ExamTaskStatementId {
  return id.split('.').slice(0, 2).join('.') as ExamTaskStatementId;
}

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
  'ebs-encryption',
  'encrypted-log-group',
  'alarm-to-encrypted-topic',
  'kms-monitoring',
  's3-sse-kms',
  'trail-log-encryption',
] as const;
export type LabId = (typeof LAB_IDS)[number];
