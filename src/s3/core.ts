// What every S3 operation shares: the state, the envelope, bucket lookup, S3's authorization (IAM identity policies
// plus the bucket policy, through the world's policy engine) and CloudTrail management events (data events are not
// recorded: CloudTrail's event history holds management events only, as in AWS).
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/cloudtrail-logging-s3-info.html
import { recordedCall } from '../aws/api-call-event.js';
import type { Caller } from '../aws/caller.js';
import type { ConditionContext } from '../aws/access.js';
import type { ServiceContext } from '../aws/service.js';
import { Envelope } from './envelope.js';
import { accessDenied, invalidArgument, noSuchBucket } from './errors.js';
import type { Bucket, S3State } from './model.js';

export type Req = Record<string, unknown>;

export class S3Core {
  readonly envelope: Envelope;
  constructor(
    readonly ctx: ServiceContext,
    public state: S3State,
  ) {
    this.envelope = new Envelope(ctx, () => this.state);
  }

  now(): number {
    return this.ctx.now();
  }

  bucket(name: unknown): Bucket {
    const b = this.state.buckets.find((x) => x.name === name);
    if (!b) throw noSuchBucket();
    return b;
  }

  /** Whether `action` on `resourceArn` is allowed for the caller by its IAM policies and the bucket's policy. */
  allowed(caller: Caller, action: string, resourceArn: string, bucket: Bucket | undefined, context: ConditionContext = {}): boolean {
    const decision = this.ctx.access.authorize({
      action,
      caller,
      resourceArn,
      grants: [],
      context,
      now: this.now(),
      ...(resourceArn === '*' ? {} : { resourcePolicy: { document: bucket?.policy, accountId: bucket?.accountId ?? caller.accountId } }),
    });
    return decision.allowed;
  }

  /** Throws S3's AccessDenied ("Access Denied") when not allowed. */
  authorize(caller: Caller, action: string, resourceArn: string, bucket: Bucket | undefined, context: ConditionContext = {}): void {
    if (!this.allowed(caller, action, resourceArn, bucket, context)) throw accessDenied();
  }

  /** Runs a management operation and records its CloudTrail event, failed or not. */
  managed(operation: string, params: Req, caller: Caller, region: string, run: () => Req): Req {
    return recordedCall({ now: () => this.now(), random: this.ctx.random, trail: this.ctx.trail }, 's3', operation, params, { ...caller, region }, run);
  }
}

export function str(req: Req, name: string, required = true): string | undefined {
  const v = req[name];
  if (v === undefined || v === null) {
    if (required) throw invalidArgument(`${name} is required`);
    return undefined;
  }
  if (typeof v !== 'string') throw invalidArgument(`${name} must be a string`);
  return v;
}
