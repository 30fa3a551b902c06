// The table of supported KMS operations: handler plus CloudTrail's readOnly flag for each AWS API name.
// Differs: operations not listed here answer UnknownOperationException (the real service knows more).
import type { Call } from '../call.js';
import type { Req } from '../validate.js';

export type Handler = (call: Call, req: Req) => Record<string, unknown>;

export interface OperationDef {
  handler: Handler;
  /** CloudTrail readOnly: true for Describe/Get/List and the cryptographic operations. */
  readOnly: boolean;
}

export const OPERATIONS = new Map<string, OperationDef>();

export function register(name: string, readOnly: boolean, handler: Handler): void {
  OPERATIONS.set(name, { handler, readOnly });
}
