// The engine's in-memory state: keys (by ARN and by backing-key handle), aliases, tombstones of deleted keys.
// Differs: one store for every account and Region (AWS keeps them apart); lookups are scoped by the callers.
import type { KeyRecord } from './model/key.js';
import { KeyTable, type KeyRef } from './key-table.js';

export interface AliasRecord {
  aliasName: string;
  accountId: string;
  region: string;
  /** Target key id (not ARN), as ListAliases returns TargetKeyId. */
  targetKeyId: string;
  creationDate: number;
  lastUpdatedDate: number;
}

const aliasKey = (accountId: string, region: string, aliasName: string) => `${accountId}|${region}|${aliasName}`;

export class Store {
  /** In creation order (ListKeys order); keys kept in the sandbox's key log are read on first use. */
  readonly keys = new KeyTable();
  /** Backing-key handle → key ARN (the handle is what a ciphertext names); built on first use. */
  private byHandleMap: Map<string, string> | undefined;
  readonly aliases = new Map<string, AliasRecord>();
  /** Handles of deleted keys: their ciphertexts fail with AWS's "does not exist" AccessDenied. */
  readonly deletedHandles = new Set<string>();

  addKey(key: KeyRecord): void {
    this.keys.set(key.arn, key);
    this.byHandleMap?.set(key.handle, key.arn);
  }

  /** Adds a key that stays in its store until an operation uses it. */
  addStoredKey(ref: KeyRef): void {
    this.keys.setStored(ref);
    this.byHandleMap?.set(ref[1], ref[0]);
  }

  /** The key whose backing-key handle a ciphertext names. */
  keyByHandle(handle: string): KeyRecord | undefined {
    // Keys still in the stored index are found by searching it, without turning ten thousand lines into rows.
    if (!this.byHandleMap && this.keys.indexed) {
      const arn = this.keys.arnByHandle(handle);
      if (arn !== undefined) return this.keys.get(arn);
    }
    if (!this.byHandleMap) {
      this.byHandleMap = new Map();
      for (const k of this.keys.all()) {
        if (Array.isArray(k)) this.byHandleMap.set(k[1], k[0]);
        else this.byHandleMap.set(k.handle, k.arn);
      }
    }
    const arn = this.byHandleMap.get(handle);
    return arn === undefined ? undefined : this.keys.get(arn);
  }

  /** Deletes a key, its material and its aliases. */
  removeKey(key: KeyRecord): string[] {
    this.keys.delete(key.arn);
    if (this.byHandleMap?.get(key.handle) === key.arn) this.byHandleMap.delete(key.handle);
    this.deletedHandles.add(key.handle);
    const gone: string[] = [];
    for (const [k, a] of this.aliases) {
      if (a.accountId === key.accountId && a.region === key.region && a.targetKeyId === key.keyId) {
        this.aliases.delete(k);
        gone.push(a.aliasName);
      }
    }
    key.materials = [];
    return gone;
  }

  getAlias(accountId: string, region: string, aliasName: string): AliasRecord | undefined {
    return this.aliases.get(aliasKey(accountId, region, aliasName));
  }

  putAlias(a: AliasRecord): void {
    this.aliases.set(aliasKey(a.accountId, a.region, a.aliasName), a);
  }

  deleteAlias(a: AliasRecord): void {
    this.aliases.delete(aliasKey(a.accountId, a.region, a.aliasName));
  }

  aliasesOf(key: KeyRecord): AliasRecord[] {
    const out: AliasRecord[] = [];
    for (const a of this.aliases.values()) {
      if (a.accountId === key.accountId && a.region === key.region && a.targetKeyId === key.keyId) out.push(a);
    }
    return out;
  }

  aliasesIn(accountId: string, region: string): AliasRecord[] {
    return [...this.aliases.values()].filter((a) => a.accountId === accountId && a.region === region);
  }
}
