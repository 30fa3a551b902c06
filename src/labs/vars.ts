// Variables a lab sets from what the learner just did, so solutions (and learners) can name new things:
// $CREATED / $CREATED_ARN after CreateKey, $GRANT_ID / $GRANT_TOKEN after CreateGrant, $VOLUME_ID / $SNAPSHOT_ID after
// EC2's CreateVolume / CreateSnapshot and CopySnapshot (the newest in EC2's state document), $SHARED_SNAPSHOT_ID after
// ModifySnapshotAttribute (the newest snapshot shared with another account).
import type { KmsEngine } from '../kms/engine.js';
import { findKey, type CheckContext } from './checks.js';

export function capturedVars(operation: string, engine: KmsEngine, ctx: CheckContext): Record<string, string> {
  if (operation === 'CreateKey') {
    const k = findKey(ctx, 'created');
    return k ? { CREATED: String(k.KeyMetadata.KeyId), CREATED_ARN: String(k.KeyMetadata.Arn) } : {};
  }
  if (operation === 'CreateGrant') {
    const grants = engine.listKeyViews().flatMap((k) => k.Grants);
    const g = grants.reduce((a, b) => (b.CreationDate >= a.CreationDate ? b : a), grants[0]);
    return g ? { GRANT_ID: g.GrantId, GRANT_TOKEN: g.token } : {};
  }
  if (operation === 'CreateVolume' || operation === 'CreateSnapshot' || operation === 'CopySnapshot') {
    const doc = ctx.world.serviceState('ec2') as { volumes?: { VolumeId: string }[]; snapshots?: { SnapshotId: string }[] } | undefined;
    const id = operation === 'CreateVolume' ? doc?.volumes?.at(-1)?.VolumeId : doc?.snapshots?.at(-1)?.SnapshotId;
    if (id) return operation === 'CreateVolume' ? { VOLUME_ID: id } : { SNAPSHOT_ID: id };
  }
  if (operation === 'ModifySnapshotAttribute') {
    const doc = ctx.world.serviceState('ec2') as { snapshots?: { SnapshotId: string; sharedWith: string[] }[] } | undefined;
    const shared = doc?.snapshots?.filter((x) => x.sharedWith.length > 0).at(-1);
    if (shared) return { SHARED_SNAPSHOT_ID: shared.SnapshotId };
  }
  return {};
}
