// The simulated services beyond KMS, IAM, STS and CloudTrail's event history that the world registers: one line
// per service. Each is a ServiceFactory (src/aws/service.ts) from its own folder under src/.
import type { ServiceFactory } from '../aws/service.js';
import { s3Service } from '../s3/service.js';

export const SERVICE_FACTORIES: readonly ServiceFactory[] = [s3Service];
