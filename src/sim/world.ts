// The world: the only place that assembles the simulated AWS. It owns the identities (IAM's state), the
// access control bound to them, the CloudTrail event history and the service registry, and is the public
// call interface for the CLI, the labs, `serve`, the tests and for services calling each other.
import type { AccessControl, IdentityDirectory } from '../aws/access.js';
import { servicePrincipal, viaServiceName, type Caller, type Principal } from '../aws/caller.js';
import { EventHistory } from '../aws/cloudtrail.js';
import { SeededRandom, type Clock, type Random } from '../aws/ports.js';
import type { ServiceContext, ServiceFactory } from '../aws/service.js';
import { cloudTrailService } from '../cloudtrail/service.js';
import { identityDirectory } from '../iam/directory.js';
import { IamService } from '../iam/service.js';
import { KmsEngine, type EngineStateDocument, type KeyStorage } from '../kms/engine.js';
import { kmsService } from '../kms/service.js';
import { createAccessControl, type AccessControlOptions } from '../policy/index.js';
import { stsService } from '../sts/service.js';
import { ServiceRegistry } from './registry.js';
import { SERVICE_FACTORIES } from './services.js';
import { simulatePrincipalPolicy } from './simulate-policy.js';
import { studyIdentities } from './identities.js';
import { readWorldDocument, worldDocument, type StoredWorldDocument, type WorldStateDocument } from './world-state.js';

export interface WorldOptions {
  /** Wall clock; simulated time = clock + the saved offset (kept with KMS's state). */
  clock: Clock;
  /** KMS's randomness (key ids, key material, its event ids). */
  random: Random;
  /** Randomness for IAM ids and the IAM/STS event ids; by default seeded from the state, so runs repeat. */
  serviceRandom?: Random;
  /** A saved world document to continue from. */
  state?: unknown;
  /** Options of the policy-based access control (e.g. AWS's newer deny message with the policy ARN). */
  accessOptions?: Omit<AccessControlOptions, 'identities'>;
  /** Replaces the policy-based access control: only for tests of non-access behaviour. */
  access?: (identities: IdentityDirectory) => AccessControl;
  /** Services beyond the built-in ones (a test registers a test-only service here). */
  services?: ServiceFactory[];
  /** The event history to record into (the sandbox's persistent event log); in memory by default. */
  history?: EventHistory;
  /** Where a saved document's keys are kept when it holds references to them (the sandbox's key log). */
  keyStorage?: KeyStorage;
}

export class World {
  readonly trail: EventHistory;
  readonly identities: IdentityDirectory;
  readonly access: AccessControl;
  readonly kms: KmsEngine;
  readonly iam: IamService;
  readonly services = new ServiceRegistry();
  private readonly serviceRandom: Random;

  constructor(opts: WorldOptions) {
    const saved = opts.state === undefined ? undefined : readWorldDocument(opts.state);
    this.trail = opts.history ?? new EventHistory();
    this.identities = identityDirectory(() => this.iam.state);
    this.access = opts.access ? opts.access(this.identities) : createAccessControl({ ...opts.accessOptions, identities: this.identities });
    this.kms = new KmsEngine({ clock: opts.clock, random: opts.random, access: this.access, trail: this.trail, state: saved?.kms as EngineStateDocument | undefined, keyStorage: opts.keyStorage });
    if (saved) for (const e of saved.audit) this.trail.events.push(e);
    this.serviceRandom = opts.serviceRandom ?? new SeededRandom(`simulator:${this.kms.now()}:${this.trail.events.length}`);
    const base = { now: () => this.kms.now(), random: this.serviceRandom, trail: this.trail };
    this.iam = new IamService(base, saved?.iam, { SimulatePrincipalPolicy: (req, caller) => simulatePrincipalPolicy(this, req, caller) });
    // The registry: one line per service.
    this.services.register(kmsService(this.kms));
    this.services.register(this.iam);
    this.services.register(stsService(this.contextFor(() => 'sts')));
    const cloudtrail = cloudTrailService(() => this.trail.newestFirst(), this.contextFor(() => 'cloudtrail'));
    this.services.register(cloudtrail);
    if (saved?.services.cloudtrail !== undefined) cloudtrail.restoreState?.(saved.services.cloudtrail);
    for (const factory of [...SERVICE_FACTORIES, ...(opts.services ?? [])]) {
      let name = '';
      const handler = factory(this.contextFor(() => name));
      name = handler.name;
      this.services.register(handler);
      const doc = saved?.services[name];
      if (doc !== undefined) handler.restoreState?.(doc);
    }
  }

  /** One API call as `caller`: the service answers it, records its CloudTrail event, or throws its AWS error. */
  call(service: string, operation: string, request: Record<string, unknown>, caller: Caller): Record<string, unknown> {
    return this.services.call(service, operation, request, caller);
  }

  /** The principal an ARN names in this world (IAM's NoSuchEntity / InvalidInput otherwise). */
  principal(arn: string): Principal {
    return this.iam.principal(arn);
  }

  /** The caller a principal ARN stands for, in its own account (service principals: in `accountId`). */
  callerOf(arn: string, region: string, accountId?: string): Caller {
    const principal = this.principal(arn);
    return { principal, accountId: principal.accountId || (accountId ?? ''), region };
  }

  /** Simulated epoch ms. */
  now(): number {
    return this.kms.now();
  }

  /** Moves simulated time, running every due deletion and rotation in time order. */
  advance(ms: number): void {
    const from = this.kms.now();
    this.kms.advance(ms);
    const to = this.kms.now();
    for (const name of this.services.names()) this.services.get(name)?.onAdvance?.(from, to);
  }

  /** A registered service's own state document (what lab checks query); undefined for a stateless service. */
  serviceState(name: string): unknown {
    return this.services.get(name)?.saveState?.();
  }

  toJSON(): WorldStateDocument;
  /** With `keyStorage`: the keys go there and the document refers to them (what the sandbox writes). */
  toJSON(keyStorage: KeyStorage): StoredWorldDocument;
  toJSON(keyStorage?: KeyStorage): WorldStateDocument | StoredWorldDocument {
    const services: Record<string, unknown> = {};
    for (const name of this.services.names()) {
      const doc = this.services.get(name)?.saveState?.();
      if (doc !== undefined) services[name] = doc;
    }
    // A persistent history keeps its events in its own store: the document then carries none.
    const audit = this.trail.persistent ? [] : this.trail.events;
    if (keyStorage) return worldDocument(this.kms.toStoredJSON(keyStorage), this.iam.state, audit, services);
    return worldDocument(this.kms.toJSON(), this.iam.state, audit, services);
  }

  /** The context a registered service gets; `name()` is the service the calls it makes come from. */
  private contextFor(name: () => string): ServiceContext {
    return {
      now: () => this.kms.now(),
      random: this.serviceRandom,
      trail: this.trail,
      access: this.access,
      callFor: (target, operation, request, onBehalfOf) =>
        this.call(target, operation, request, { ...onBehalfOf, viaService: viaServiceName(name(), onBehalfOf.region) }),
      callAsService: (target, operation, request, as) =>
        this.call(target, operation, request, {
          principal: servicePrincipal(as.principal),
          accountId: as.accountId,
          region: as.region,
          sourceIp: as.principal,
          userAgent: as.principal,
          ...(as.sourceArn ? { sourceArn: as.sourceArn } : {}),
        }),
      serviceState: (service) => this.serviceState(service),
    };
  }
}

export type { StoredWorldDocument, WorldStateDocument };

/** A new world with the study identities (admin, dev, auditor, analyst) and no keys. */
export function freshWorld(clock: Clock, random: Random, opts: Omit<WorldOptions, 'clock' | 'random' | 'state'> = {}): World {
  const world = new World({ clock, random, ...opts });
  world.iam.state = studyIdentities();
  return world;
}

/** A world continued from a saved document; throws a clear Error on a bad or unknown-version document. */
export function loadWorld(doc: unknown, clock: Clock, random: Random, opts: Omit<WorldOptions, 'clock' | 'random' | 'state'> = {}): World {
  return new World({ clock, random, state: doc, ...opts });
}
