// CreateAlias, UpdateAlias, DeleteAlias, ListAliases: names unique per account and Region, alias/aws/ reserved.
// Differs: the predefined alias/aws/<service> names are the services the simulator knows (core.AWS_MANAGED_SERVICES).
import { aliasArn } from '../arn.js';
import type { Call } from '../call.js';
import { AccessDeniedException, AlreadyExistsException, LimitExceededException, NotAuthorizedException, NotFoundException, ValidationException, invalidMarker } from '../errors.js';
import type { AliasRecord } from '../store.js';
import { page, pageFields } from '../../aws/paging.js';
import { optString, paging, reqString, type Req } from '../validate.js';
import { register } from './registry.js';
import { AWS_MANAGED_SERVICES } from '../core.js';

export const MAX_ALIASES_PER_KEY = 50;

function aliasName(req: Req, reserved: 'forbid' | 'allow'): string {
  const name = reqString(req, 'AliasName', { max: 256 });
  if (!name.startsWith('alias/')) {
    throw new ValidationException('Alias must start with the prefix "alias/". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html');
  }
  if (!/^[a-zA-Z0-9:/_-]+$/.test(name)) {
    throw new ValidationException(`1 validation error detected: Value '${name}' at 'aliasName' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9:/_-]+$`);
  }
  if (reserved === 'forbid' && name.startsWith('alias/aws/')) {
    throw new NotAuthorizedException(`${name} is reserved: the alias/aws/ prefix belongs to AWS managed keys.`);
  }
  return name;
}

/** kms:<Action> on the alias itself (an IAM-policy matter: aliases have no key policy). */
function authorizeAlias(c: Call, action: string, name: string): void {
  const arn = aliasArn(c.caller.region, c.caller.accountId, name);
  const d = c.core.decide(action, undefined, c.caller, { resourceArn: arn });
  if (!d.allowed) throw new AccessDeniedException(d.message ?? c.core.denyMessage(c.caller, action, arn));
}

function existing(c: Call, name: string): AliasRecord {
  const a = c.core.store.getAlias(c.caller.accountId, c.caller.region, name);
  if (!a) throw new NotFoundException(`Alias ${aliasArn(c.caller.region, c.caller.accountId, name)} is not found.`);
  return a;
}

register('CreateAlias', false, (c: Call, req: Req) => {
  const name = aliasName(req, 'forbid');
  const target = reqString(req, 'TargetKeyId', { max: 2048 });
  const key = c.key(target);
  const arn = aliasArn(c.caller.region, c.caller.accountId, name);
  authorizeAlias(c, 'kms:CreateAlias', name);
  if (c.core.store.getAlias(c.caller.accountId, c.caller.region, name)) throw new AlreadyExistsException(`An alias with the name ${arn} already exists`);
  if (c.core.store.aliasesOf(key).length >= MAX_ALIASES_PER_KEY) throw new LimitExceededException(`A KMS key can have at most ${MAX_ALIASES_PER_KEY} aliases.`);
  const now = c.now();
  c.core.store.putAlias({ aliasName: name, accountId: c.caller.accountId, region: c.caller.region, targetKeyId: key.keyId, creationDate: now, lastUpdatedDate: now });
  return {};
});

register('UpdateAlias', false, (c: Call, req: Req) => {
  const name = aliasName(req, 'forbid');
  const target = reqString(req, 'TargetKeyId', { max: 2048 });
  const alias = existing(c, name);
  authorizeAlias(c, 'kms:UpdateAlias', name);
  const current = c.key(alias.targetKeyId);
  const next = c.key(target, { stateOp: 'UpdateAlias:target' });
  if (current.keyUsage !== next.keyUsage || (current.keySpec === 'SYMMETRIC_DEFAULT') !== (next.keySpec === 'SYMMETRIC_DEFAULT')) {
    throw new ValidationException(`${next.arn} is not the same key type and key usage as the current target of ${name}.`);
  }
  alias.targetKeyId = next.keyId;
  alias.lastUpdatedDate = c.now();
  return {};
});

register('DeleteAlias', false, (c: Call, req: Req) => {
  const name = aliasName(req, 'forbid');
  const alias = existing(c, name);
  authorizeAlias(c, 'kms:DeleteAlias', name);
  c.key(alias.targetKeyId);
  c.core.store.deleteAlias(alias);
  return {};
});

// https://docs.aws.amazon.com/kms/latest/APIReference/API_ListAliases.html: without KeyId the list includes the
// predefined alias/aws/<service> aliases; those whose AWS managed key does not exist yet have no TargetKeyId (nor dates).
register('ListAliases', true, (c: Call, req: Req) => {
  const keyId = optString(req, 'KeyId', { min: 1, max: 2048 });
  const { limit, marker } = paging(req, 100, 50);
  let aliases = c.core.store.aliasesIn(c.caller.accountId, c.caller.region);
  if (keyId !== undefined) {
    const key = c.resolve(keyId);
    aliases = aliases.filter((a) => a.targetKeyId === key.keyId);
  }
  c.authorize('kms:ListAliases', undefined);
  const entries: Record<string, unknown>[] = aliases.map((a) => ({
    AliasName: a.aliasName,
    AliasArn: aliasArn(a.region, a.accountId, a.aliasName),
    TargetKeyId: a.targetKeyId,
    CreationDate: new Date(a.creationDate),
    LastUpdatedDate: new Date(a.lastUpdatedDate),
  }));
  if (keyId === undefined) {
    for (const service of AWS_MANAGED_SERVICES) {
      const name = `alias/aws/${service}`;
      if (!aliases.some((a) => a.aliasName === name)) entries.push({ AliasName: name, AliasArn: aliasArn(c.caller.region, c.caller.accountId, name) });
    }
  }
  const p = page(entries, limit, marker, invalidMarker);
  return { Aliases: p.items, ...pageFields(p) };
});
