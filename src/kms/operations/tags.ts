// TagResource, UntagResource, ListResourceTags with KMS's TagException rules (duplicates, > 50 tags, aws: prefix).
// Differs: tag key/value character set is not checked (AWS allows Unicode letters, digits, spaces and _.:/=+-@).
import type { Call } from '../call.js';
import { TagException, invalidMarker } from '../errors.js';
import type { KeyRecord, Tag } from '../model/key.js';
import { page, pageFields } from '../../aws/paging.js';
import { optInt, optString, optStringList, reqString, required, type Req } from '../validate.js';
import { register } from './registry.js';
import type { ConditionContext } from '../../aws/access.js';

export const MAX_TAGS = 50;

/** Validates a Tags list (TagKey 1–128, TagValue 0–256, unique keys, no aws: prefix). */
export function readTags(req: Req, name = 'Tags'): Tag[] | undefined {
  const v = req[name];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) throw new TagException('Tags must be a list of {TagKey, TagValue}');
  const seen = new Set<string>();
  const tags: Tag[] = [];
  for (const t of v as Record<string, unknown>[]) {
    const key = t?.TagKey;
    const value = t?.TagValue;
    if (typeof key !== 'string' || typeof value !== 'string') throw new TagException('Each tag needs a TagKey and a TagValue string');
    if (key.length < 1 || key.length > 128) throw new TagException('Tag keys must be between 1 and 128 characters long');
    if (value.length > 256) throw new TagException('Tag values must be at most 256 characters long');
    if (key.toLowerCase().startsWith('aws:')) throw new TagException('Tags beginning with aws: are reserved');
    if (seen.has(key)) throw new TagException('Duplicate tag keys');
    seen.add(key);
    tags.push({ TagKey: key, TagValue: value });
  }
  return tags;
}

/** aws:RequestTag/<key> and aws:TagKeys condition keys for a request carrying tags. */
export function tagContext(tags: Tag[]): ConditionContext {
  if (tags.length === 0) return {};
  const ctx: ConditionContext = { 'aws:TagKeys': tags.map((t) => t.TagKey) };
  for (const t of tags) ctx[`aws:RequestTag/${t.TagKey}`] = t.TagValue;
  return ctx;
}

/** Merges new tags into a key's tags (same key = new value), enforcing the 50-tag limit. */
export function mergeTags(key: KeyRecord, tags: Tag[]): void {
  const merged = key.tags.map((t) => ({ ...t }));
  for (const t of tags) {
    const existing = merged.find((m) => m.TagKey === t.TagKey);
    if (existing) existing.TagValue = t.TagValue;
    else merged.push({ ...t });
  }
  if (merged.length > MAX_TAGS) throw new TagException('Too many tags');
  key.tags = merged;
}

register('TagResource', false, (c: Call, req: Req) => {
  const keyId = reqString(req, 'KeyId', { max: 2048 });
  const tags = required(readTags(req), 'Tags');
  const key = c.key(keyId, { context: tagContext(tags) });
  mergeTags(key, tags);
  return {};
});

register('UntagResource', false, (c: Call, req: Req) => {
  const keyId = reqString(req, 'KeyId', { max: 2048 });
  const keys = required(optStringList(req, 'TagKeys'), 'TagKeys');
  for (const k of keys) if (k.toLowerCase().startsWith('aws:')) throw new TagException('Tags beginning with aws: are reserved');
  const key = c.key(keyId, { context: { 'aws:TagKeys': keys } });
  key.tags = key.tags.filter((t) => !keys.includes(t.TagKey));
  return {};
});

register('ListResourceTags', true, (c: Call, req: Req) => {
  const keyId = reqString(req, 'KeyId', { max: 2048 });
  const limit = optInt(req, 'Limit', 1, 50) ?? 50;
  const marker = optString(req, 'Marker', { min: 1, max: 1024 });
  const key = c.key(keyId);
  const p = page(key.tags, limit, marker, invalidMarker);
  return { Tags: p.items.map((t) => ({ ...t })), ...pageFields(p) };
});
