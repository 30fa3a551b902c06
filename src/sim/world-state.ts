// The world's state as one versioned JSON document: KMS's part (keys, aliases, simulated time), IAM's state and
// the CloudTrail event history. Same format and version as the engine documents saved before (sandboxes load).
import type { AuditEvent } from '../aws/cloudtrail.js';
import type { IamState } from '../iam/types.js';
import { STATE_FORMAT, STATE_VERSION, type EngineStateDocument, type StoredStateDocument } from '../kms/state.js';

export type WorldStateDocument = EngineStateDocument & {
  iam: IamState;
  audit: AuditEvent[];
  /** Each registered service's own state (`ServiceHandler.saveState()`), by service name; absent in older sandboxes. */
  services?: Record<string, unknown>;
};

/** The document as the sandbox stores it: keys are references into its key log. */
export type StoredWorldDocument = Omit<WorldStateDocument, 'keys'> & Pick<StoredStateDocument, 'keys'>;

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

export function worldDocument(kms: EngineStateDocument, iam: IamState, audit: readonly AuditEvent[], services?: Record<string, unknown>): WorldStateDocument;
export function worldDocument(kms: StoredStateDocument, iam: IamState, audit: readonly AuditEvent[], services?: Record<string, unknown>): StoredWorldDocument;
export function worldDocument(kms: EngineStateDocument | StoredStateDocument, iam: IamState, audit: readonly AuditEvent[], services: Record<string, unknown> = {}): WorldStateDocument | StoredWorldDocument {
  const { format, version, clockOffsetMs, highWaterMs, settings, keys, aliases, deletedHandles, random } = kms;
  const doc: Omit<WorldStateDocument, 'keys'> & { keys: EngineStateDocument['keys'] | StoredStateDocument['keys'] } = { format, version, clockOffsetMs, highWaterMs, settings, iam: clone(iam), keys, aliases, deletedHandles, audit: audit.slice() };
  if (random) doc.random = random;
  if (Object.keys(services).length) doc.services = clone(services);
  return doc as WorldStateDocument | StoredWorldDocument; // keys are of the kind `kms` holds
}

function bad(what: string): never {
  throw new Error(`Invalid KMS engine state document: ${what}`);
}

/** Splits a saved document into its parts; KMS checks its own part when it loads it. */
export function readWorldDocument(raw: unknown): { kms: unknown; iam?: IamState; audit: AuditEvent[]; services: Record<string, unknown> } {
  if (!raw || typeof raw !== 'object') bad('not an object');
  const doc = raw as Partial<WorldStateDocument>;
  if (doc.format === STATE_FORMAT && doc.version === STATE_VERSION && Array.isArray(doc.keys) && Array.isArray(doc.aliases) && !Array.isArray(doc.audit)) {
    bad('keys, aliases and audit must be arrays');
  }
  if (doc.services !== undefined && (typeof doc.services !== 'object' || doc.services === null || Array.isArray(doc.services))) bad('services must be an object');
  // The audit events are not cloned (they can be many, and nothing changes a recorded event).
  return { kms: raw, iam: doc.iam ? clone(doc.iam) : undefined, audit: Array.isArray(doc.audit) ? doc.audit : [], services: doc.services ? clone(doc.services) : {} };
}
