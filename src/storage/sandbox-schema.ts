// The sandbox state file's shape (<dataDir>/sandbox/state.json), checked on load before anything uses it: a
// file that parses but would fail later commands (a profile naming nothing, `iam.accounts: 42`) is moved aside.
// KMS checks its own part (clock offsets within 1970..9999, keys) when the world loads it.

export const SANDBOX_FORMAT = 'kms-study-sandbox';
/**
 * 3: the keys' rows are one index text (StoredKeys in src/kms/state.ts); 2: keys live in a key log beside the state
 * file (key-log.ts), listed as an array of rows; 1 kept them inline. 1 and 2 are still read, and written as 3.
 */
export const SANDBOX_VERSION = 3;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const ARN = /^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:\d{12}:.+$/;

function iamProblem(iam: unknown): string | undefined {
  if (iam === undefined) return undefined;
  if (!isObj(iam)) return '"engine.iam" is not an object';
  for (const k of ['accounts', 'users', 'roles', 'policies'] as const) {
    const list = iam[k];
    if (!Array.isArray(list)) return `"engine.iam.${k}" is not a list`;
    if (list.some((x) => !isObj(x))) return `"engine.iam.${k}" holds an entry that is not an object`;
  }
  const accounts = iam.accounts as Record<string, unknown>[];
  if (accounts.some((a) => typeof a.id !== 'string')) return 'an account in "engine.iam.accounts" has no id';
  for (const k of ['users', 'roles'] as const) {
    if ((iam[k] as Record<string, unknown>[]).some((u) => typeof u.arn !== 'string')) return `an entry of "engine.iam.${k}" has no arn`;
  }
  return undefined;
}

/** A reason the state file cannot be used (it is then moved aside), or undefined. */
export function sandboxFileProblem(v: unknown): string | undefined {
  if (!isObj(v)) return 'not a JSON object';
  if (v.format !== SANDBOX_FORMAT) return `format is not ${SANDBOX_FORMAT}`;
  if (v.version !== SANDBOX_VERSION && v.version !== 2 && v.version !== 1) return `unknown version ${JSON.stringify(v.version)} (this build reads 1 to ${SANDBOX_VERSION})`;
  if (v.version !== 1 && typeof v.keyLog !== 'string') return 'the key log is not named';
  if (!isObj(v.profiles)) return 'profiles missing';
  if (typeof v.profile !== 'string') return 'the current profile is missing';
  for (const [name, p] of Object.entries(v.profiles)) {
    if (!isObj(p)) return `profile ${JSON.stringify(name)} is not an object`;
    if (typeof p.principalArn !== 'string' || !ARN.test(p.principalArn)) return `profile ${JSON.stringify(name)} names no principal (principalArn ${JSON.stringify(p.principalArn)})`;
    if (typeof p.region !== 'string' || !/^[a-z]{2}(-[a-z]+)+-\d+$/.test(p.region)) return `profile ${JSON.stringify(name)} has no valid region`;
    if (p.description !== undefined && typeof p.description !== 'string') return `profile ${JSON.stringify(name)} has a description that is not text`;
  }
  if (!Object.prototype.hasOwnProperty.call(v.profiles, v.profile)) return `the current profile ${JSON.stringify(v.profile)} is not one of the profiles`;
  if (!isObj(v.engine)) return 'engine state missing';
  const e = v.engine;
  for (const k of ['clockOffsetMs', 'highWaterMs'] as const) {
    if (e[k] !== undefined && (typeof e[k] !== 'number' || !Number.isFinite(e[k]))) return `"engine.${k}" is not a finite number`;
  }
  if (e.audit !== undefined && !Array.isArray(e.audit)) return '"engine.audit" is not a list';
  if (e.services !== undefined && !isObj(e.services)) return '"engine.services" is not an object';
  return iamProblem(e.iam);
}

/** Whether the file was written by a newer kms-study (left alone, never moved aside). */
export function isNewer(v: unknown, engineVersion: number): boolean {
  if (!isObj(v)) return false;
  const newer = (x: unknown, mine: number) => typeof x === 'number' && x > mine;
  return newer(v.version, SANDBOX_VERSION) || (isObj(v.engine) && newer(v.engine.version, engineVersion));
}
