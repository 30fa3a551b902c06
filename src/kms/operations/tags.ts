// TagResource, UntagResource, ListResourceTags with KMS's TagException rules (duplicates, > 50 tags, aws: prefix).
// Differs: tag key/value character set is not checked (AWS allows Unicode letters, digits, spaces and _.:/=+-@); some wording is ours.
import type { Call } from '../call.js';
import { TagException, ValidationException, invalidMarker } from '../errors.js';
import type { KeyRecord, Tag } from '../model/key.js';
import { page, pageFields } from '../../aws/paging.js';
import { optInt, optString, optStringList, reqString, required, type Req } from '../validate.js';
import { register } from './registry.js';
import type { ConditionContext } from '../../aws/access.js';

export const MAX_TAGS = 50;

/**
 * Validates a Tags list as TagResource and CreateKey/ReplicateKey do: member lengths (TagKey 1–128, TagValue 0–256) are
 * model constraints, answered with ValidationException naming `tags.<n>.member.tagKey`; the reserved aws: prefix is a
 * TagException ("Tags beginning with aws: are reserved", the wording recorded from AWS by LocalStack); duplicate keys
 * are a TagException too (wording ours: AWS's text is undocumented).
 * https://docs.aws.amazon.com/kms/latest/APIReference/API_TagResource.html , API_Tag.html
 */
export function readTags(req: Req, name = 'Tags'): Tag[] | undefined {
  const v = req[name];
  if (v === undefined || v === null) return undefined;
  const field = name.charAt(0).toLowerCase() + name.slice(1);
  if (!Array.isArray(v)) throw new ValidationException(`1 validation error detected: Value at '${field}' failed to satisfy constraint: Member must be a list`);
  const seen = new Set<string>();
  const tags: Tag[] = [];
  (v as Record<string, unknown>[]).forEach((t, i) => {
    const at = `${field}.${i + 1}.member`;
    const key = t?.TagKey;
    const value = t?.TagValue;
    if (typeof key !== 'string') throw new ValidationException(`1 validation error detected: Value null at '${at}.tagKey' failed to satisfy constraint: Member must not be null`);
    if (typeof value !== 'string') throw new ValidationException(`1 validation error detected: Value null at '${at}.tagValue' failed to satisfy constraint: Member must not be null`);
    if (key.length < 1) throw new ValidationException(`1 validation error detected: Value '${key}' at '${at}.tagKey' failed to satisfy constraint: Member must have length greater than or equal to 1`);
    if (key.length > 128) throw new ValidationException(`1 validation error detected: Value '${key}' at '${at}.tagKey' failed to satisfy constraint: Member must have length less than or equal to 128`);
    if (value.length > 256) throw new ValidationException(`1 validation error detected: Value '${value}' at '${at}.tagValue' failed to satisfy constraint: Member must have length less than or equal to 256`);
    if (key.toLowerCase().startsWith('aws:')) throw new TagException('Tags beginning with aws: are reserved');
    if (seen.has(key)) throw new TagException(`Duplicate tag key ${key}`);
    seen.add(key);
    tags.push({ TagKey: key, TagValue: value });
  });
  if (tags.length > MAX_TAGS) throw new TagException(`A KMS key can have at most ${MAX_TAGS} tags.`);
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
  if (merged.length > MAX_TAGS) throw new TagException(`A KMS key can have at most ${MAX_TAGS} tags.`); // wording ours
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
  keys.forEach((k, i) => {
    if (k.length < 1 || k.length > 128) {
      throw new ValidationException(`1 validation error detected: Value '${k}' at 'tagKeys.${i + 1}.member' failed to satisfy constraint: Member must have length ${k.length < 1 ? 'greater than or equal to 1' : 'less than or equal to 128'}`);
    }
  });
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
