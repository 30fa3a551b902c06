// Multi-Region key relationships kept on each related key (same key id and material, one key per Region).
// Differs: the configuration is copied to every related key at each change (AWS propagates it asynchronously).
import { keyArn } from '../arn.js';
import type { KeyRecord } from './key.js';

export interface MultiRegionLinks {
  primaryRegion: string;
  /** Regions of the replicas, in replication order. */
  replicaRegions: string[];
}

/** KeyMetadata.MultiRegionConfiguration of a multi-Region key. */
export function multiRegionConfiguration(key: KeyRecord): Record<string, unknown> {
  const links = key.mrk ?? { primaryRegion: key.region, replicaRegions: [] };
  const arnIn = (region: string) => keyArn(region, key.accountId, key.keyId);
  return {
    MultiRegionKeyType: links.primaryRegion === key.region ? 'PRIMARY' : 'REPLICA',
    PrimaryKey: { Arn: arnIn(links.primaryRegion), Region: links.primaryRegion },
    ReplicaKeys: links.replicaRegions.map((r) => ({ Arn: arnIn(r), Region: r })),
  };
}

export function isReplica(key: KeyRecord): boolean {
  return key.multiRegion && key.mrk !== undefined && key.mrk.primaryRegion !== key.region;
}
