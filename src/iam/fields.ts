// Request-field checks and value formats shared by the IAM operations: required names with IAM's patterns,
// paths, ISO timestamps, unique ids (AIDA/AROA/ANPA + 17 characters) and policy documents parsed by src/policy.
import type { Random } from '../aws/ports.js';
import { IamValidationError, MalformedPolicyDocumentIamException } from './errors.js';
import { parsePolicyCached } from '../policy/parse.js';
import { PolicyParseError, type PolicyKind } from '../policy/types.js';

const NAME_RE = /^[\w+=,.@-]+$/;

/** A required name field (UserName, RoleName, PolicyName) checked against IAM's pattern and length. */
export function nameField(req: Record<string, unknown>, field: string, max: number): string {
  const v = req[field];
  const member = field[0].toLowerCase() + field.slice(1);
  if (v === undefined || v === null) throw new IamValidationError(`1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`);
  if (typeof v !== 'string' || v.length < 1 || v.length > max) {
    throw new IamValidationError(`1 validation error detected: Value '${String(v)}' at '${member}' failed to satisfy constraint: Member must have length between 1 and ${max}`);
  }
  if (!NAME_RE.test(v)) {
    throw new IamValidationError(`1 validation error detected: Value '${v}' at '${member}' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+`);
  }
  return v;
}

export function stringField(req: Record<string, unknown>, field: string): string {
  const v = req[field];
  const member = field[0].toLowerCase() + field.slice(1);
  if (typeof v !== 'string' || v === '') throw new IamValidationError(`1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`);
  return v;
}

export function pathField(req: Record<string, unknown>): string {
  const v = req.Path ?? '/';
  if (typeof v !== 'string' || !/^\/([\x21-\x7e]*\/)?$/.test(v) || v.length > 512) {
    throw new IamValidationError(`The specified value for path is invalid. It must begin and end with / and contain only alphanumeric characters and/or / characters.`);
  }
  return v;
}

/** A policy document field parsed as `kind`; IAM's MalformedPolicyDocument names what is wrong. */
export function policyDocumentField(req: Record<string, unknown>, field: string, kind: PolicyKind): string {
  const text = stringField(req, field);
  try {
    parsePolicyCached(text, kind);
  } catch (e) {
    if (e instanceof PolicyParseError) throw new MalformedPolicyDocumentIamException(e.message);
    throw e;
  }
  return text;
}

export function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** An IAM unique id such as AIDA + 17 characters (users), AROA (roles), ANPA (managed policies). */
export function uniqueId(prefix: string, random: Random): string {
  return prefix + Array.from(random.bytes(17), (b) => ID_CHARS[b & 31]).join('');
}
