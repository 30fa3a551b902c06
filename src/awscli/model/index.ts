// The operation model by service: lookup by CLI name (kebab-case) and the CLI's name transformation
// (botocore's xform_name: CreateKey -> create-key, PolicyArn -> policy-arn).
import type { OperationModel } from './shapes.js';
import { kmsKeyOperations } from './kms-keys.js';
import { kmsCryptoOperations } from './kms-crypto.js';
import { kmsAdminOperations } from './kms-admin.js';
import { kmsMoreOperations } from './kms-more.js';
import { iamOperations } from './iam.js';
import { stsOperations } from './sts.js';
import { cloudtrailOperations } from './cloudtrail.js';
import { ec2Operations } from './ec2.js';
import { logsOperations } from './logs.js';
import { snsOperations } from './sns.js';
import { cloudwatchOperations } from './cloudwatch.js';
import { eventsOperations } from './events.js';
import { cloudtrailTrailOperations } from './cloudtrail-trails.js';
import { s3Operations } from './s3.js';

export type { OperationModel, Shape, StructureShape, Paginator } from './shapes.js';

export type ServiceName = 'kms' | 'iam' | 'sts' | 'cloudtrail' | 's3api' | 'ec2' | 'logs' | 'sns' | 'cloudwatch' | 'events';

export const SERVICES: Record<ServiceName, { title: string; operations: OperationModel[] }> = {
  kms: { title: 'AWS Key Management Service', operations: [...kmsKeyOperations, ...kmsCryptoOperations, ...kmsAdminOperations, ...kmsMoreOperations] },
  iam: { title: 'AWS Identity and Access Management (the slice the labs use)', operations: iamOperations },
  sts: { title: 'AWS Security Token Service', operations: stsOperations },
  cloudtrail: { title: 'AWS CloudTrail (event history and trails of the simulated account)', operations: [...cloudtrailOperations, ...cloudtrailTrailOperations] },
  s3api: { title: 'Amazon S3 (buckets, objects, SSE-KMS; `aws s3 cp|ls` for the everyday path)', operations: s3Operations },
  ec2: { title: 'Amazon EC2 (the EBS encryption slice: volumes, snapshots, seeded instances)', operations: ec2Operations },
  logs: { title: 'Amazon CloudWatch Logs (log groups, KMS keys, metric filters)', operations: logsOperations },
  cloudwatch: { title: 'Amazon CloudWatch (metrics, alarms, alarm history)', operations: cloudwatchOperations },
  events: { title: 'Amazon EventBridge (rules on the default bus, KMS events, SNS and log group targets)', operations: eventsOperations },
  sns: { title: 'Amazon Simple Notification Service (topics, KMS encryption, email inboxes)', operations: snsOperations },
};

export function isService(name: string): name is ServiceName {
  return Object.prototype.hasOwnProperty.call(SERVICES, name);
}

/** botocore's xform_name with '-' as separator. */
export function kebab(name: string): string {
  let n = name;
  const special = /[A-Z]{2,}s$/.exec(n);
  if (special) n = `${n.slice(0, -special[0].length)}-${special[0].toLowerCase()}`;
  n = n.replace(/(.)([A-Z][a-z]+)/g, '$1-$2');
  return n.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

const byCliName = new Map<ServiceName, Map<string, OperationModel>>();

/** The operation a CLI name (`create-key`) names; the service's name table is built on first use. */
export function findOperation(service: ServiceName, cliName: string): OperationModel | undefined {
  let names = byCliName.get(service);
  if (!names) {
    names = new Map();
    for (const o of SERVICES[service].operations) if (!names.has(kebab(o.name))) names.set(kebab(o.name), o);
    byCliName.set(service, names);
  }
  return names.get(cliName);
}

export function cliOperationNames(service: ServiceName): string[] {
  return SERVICES[service].operations.map((o) => kebab(o.name));
}
