// STS GetCallerIdentity: who am I in the sandbox.
import type { OperationModel } from './shapes.js';
import { op } from './shapes.js';

export const stsOperations: OperationModel[] = [
  op("GetCallerIdentity", "Show the account, user id and ARN of the caller.", {}, []),
];
