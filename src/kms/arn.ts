// Key ID, key ARN, alias name and alias ARN parsing/formatting as KMS accepts them in KeyId parameters.
// Differs: only the `aws` partition is simulated.

export type KeyRef =
  | { kind: 'keyId'; keyId: string }
  | { kind: 'keyArn'; keyId: string; region: string; accountId: string }
  | { kind: 'aliasName'; aliasName: string }
  | { kind: 'aliasArn'; aliasName: string; region: string; accountId: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MRK = /^mrk-[0-9a-f]{32}$/;
const ARN = /^arn:aws:kms:([a-z0-9-]+):(\d{12}):(key|alias)\/(.+)$/;

export function isKeyId(s: string): boolean {
  return UUID.test(s) || MRK.test(s);
}

/** Parses a KeyId parameter; undefined when it is none of the four forms. */
export function parseKeyRef(s: string): KeyRef | undefined {
  if (s.startsWith('alias/')) return { kind: 'aliasName', aliasName: s };
  const m = ARN.exec(s);
  if (m) {
    const [, region, accountId, type, rest] = m;
    if (type === 'key') return isKeyId(rest) ? { kind: 'keyArn', keyId: rest, region, accountId } : undefined;
    return { kind: 'aliasArn', aliasName: `alias/${rest}`, region, accountId };
  }
  if (isKeyId(s)) return { kind: 'keyId', keyId: s };
  return undefined;
}

export function keyArn(region: string, accountId: string, keyId: string): string {
  return `arn:aws:kms:${region}:${accountId}:key/${keyId}`;
}

export function aliasArn(region: string, accountId: string, aliasName: string): string {
  return `arn:aws:kms:${region}:${accountId}:${aliasName}`;
}
