// The contract between the world and a simulated service: a service answers operations by their AWS names,
// and the world gives it simulated time, randomness, the event history, access control and a way to call
// other services as AWS services call each other (the callee sees kms:ViaService or the service principal).
import type { AccessControl } from './access.js';
import type { Caller } from './caller.js';
import type { EventReader, EventRecorder } from './cloudtrail.js';
import type { Random } from './ports.js';

/** A simulated service as the world's registry holds it: `kms`, `iam`, `sts`, `cloudtrail`... */
export interface ServiceHandler {
  /** The service name in `aws <service> ...` and in the signing name (`kms`, `iam`). */
  readonly name: string;
  /** The API operations it answers (AWS names, e.g. "Encrypt"). */
  operations(): readonly string[];
  /** Runs one operation with an AWS-shaped request; throws a ServiceException for an AWS error. */
  call(operation: string, request: Record<string, unknown>, caller: Caller): Record<string, unknown>;
  /**
   * The service's own state as a JSON-safe document, saved in the world document under `services.<name>` (a sandbox
   * keeps it between commands). Services without state (STS) leave it out. Also what lab checks query.
   */
  saveState?(): unknown;
  /** Continues from a document `saveState()` returned earlier (the world calls it once, right after registering). */
  restoreState?(doc: unknown): void;
  /** Simulated time moved from `from` to `to` (epoch ms): deliver what fell due (log files, alarms, events). */
  onAdvance?(from: number, to: number): void;
}

/** What the world gives each service it registers. */
export interface ServiceContext {
  /** Simulated epoch ms. */
  now(): number;
  random: Random;
  /** The CloudTrail event history; a service records its own events here, and may read what was recorded (in order). */
  /** The CloudTrail event history: services record their events, and may read it newest first. */
  trail: EventRecorder & EventReader;
  access: AccessControl;
  /**
   * Calls another service on behalf of `onBehalfOf` (a forward access session): the callee sees this service as
   * kms:ViaService (`<service>.<region>.amazonaws.com`) and records its own event.
   */
  callFor(target: string, operation: string, request: Record<string, unknown>, onBehalfOf: Caller): Record<string, unknown>;
  /**
   * Calls another service in this service's own name: the caller is the service principal `principal` (for example
   * `logs.us-east-1.amazonaws.com`), which only a resource policy (a key policy) can allow. `sourceArn` is the resource
   * the service acts for (aws:SourceArn; aws:SourceAccount is `accountId`).
   */
  callAsService(
    target: string,
    operation: string,
    request: Record<string, unknown>,
    as: { principal: string; accountId: string; region: string; sourceArn?: string },
  ): Record<string, unknown>;
  /** Another registered service's state document, read only (what lab checks query); undefined when it has none. */
  serviceState?(name: string): unknown;
}

/** How a service folder offers itself to the world: one registration line per service. */
export type ServiceFactory = (ctx: ServiceContext) => ServiceHandler;
