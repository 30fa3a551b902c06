// Key policy validation as PutKeyPolicy/CreateKey do it: syntax, size (32 KB) and principals that must exist.
// Principals in accounts the simulator does not know are accepted (AWS would check them; we cannot).
import { MalformedPolicyDocumentException } from '../kms/errors.js';
import type { IamState } from '../iam/types.js';
import { parsePolicyCached } from './parse.js';
import { PolicyParseError, type PolicyDocument } from './types.js';

export const KEY_POLICY_MAX_BYTES = 32768;
export const INVALID_PRINCIPALS = 'Policy contains a statement with one or more invalid principals.';

function principalExists(iam: IamState, entry: string): boolean {
  if (entry === '*' || /^\d{12}$/.test(entry) || /^arn:aws:iam::\d{12}:root$/.test(entry)) return true;
  const m = /^arn:aws:(iam|sts)::(\d{12}):(user|role|assumed-role)\/(.+)$/.exec(entry);
  if (!m) return false;
  const [, , account, type, rest] = m;
  if (!iam.accounts.some((a) => a.id === account)) return true;
  if (type === 'user') return iam.users.some((u) => u.arn === entry);
  if (type === 'role') return iam.roles.some((r) => r.arn === entry);
  const roleName = rest.split('/')[0];
  return iam.roles.some((r) => r.accountId === account && r.name === roleName);
}

/** Throws MalformedPolicyDocumentException saying what is wrong; returns the parsed document otherwise. */
export function validateKeyPolicy(document: string, _keyAccountId: string, iam: IamState): PolicyDocument {
  if (new TextEncoder().encode(document).length > KEY_POLICY_MAX_BYTES) {
    throw new MalformedPolicyDocumentException(`The key policy is larger than ${KEY_POLICY_MAX_BYTES} bytes.`);
  }
  let doc: PolicyDocument;
  try {
    doc = parsePolicyCached(document, 'key');
  } catch (e) {
    if (e instanceof PolicyParseError) throw new MalformedPolicyDocumentException(e.message);
    throw e;
  }
  for (const st of doc.statements) {
    const spec = st.principal ?? st.notPrincipal;
    if (!spec) continue;
    const bad = spec.aws.find((p) => !principalExists(iam, p)) ?? spec.service.find((s) => !/^[a-z0-9.-]+\.amazonaws\.com$/.test(s));
    if (bad !== undefined) throw new MalformedPolicyDocumentException(`${INVALID_PRINCIPALS} (Statement ${st.index}: ${bad})`);
  }
  return doc;
}
