// Key policy validation as PutKeyPolicy/CreateKey do it: syntax, size (32 KB) and principals that must exist.
// Principals in accounts the simulator does not know are accepted (AWS would check them; we cannot).
import type { IdentityDirectory } from '../aws/access.js';
import { parsePolicyCached } from './parse.js';
import { KeyPolicyError, PolicyParseError, type PolicyDocument } from './types.js';

export const KEY_POLICY_MAX_BYTES = 32768;
export const INVALID_PRINCIPALS = 'Policy contains a statement with one or more invalid principals.';

/** Throws KeyPolicyError (AWS's MalformedPolicyDocumentException message) saying what is wrong; returns the parsed document otherwise. */
export function validateKeyPolicy(document: string, _keyAccountId: string, identities: IdentityDirectory): PolicyDocument {
  if (new TextEncoder().encode(document).length > KEY_POLICY_MAX_BYTES) {
    throw new KeyPolicyError(`The key policy is larger than ${KEY_POLICY_MAX_BYTES} bytes.`);
  }
  let doc: PolicyDocument;
  try {
    doc = parsePolicyCached(document, 'key');
  } catch (e) {
    if (e instanceof PolicyParseError) throw new KeyPolicyError(e.message);
    throw e;
  }
  for (const st of doc.statements) {
    const spec = st.principal ?? st.notPrincipal;
    if (!spec) continue;
    const bad = spec.aws.find((p) => !identities.principalExists(p)) ?? spec.service.find((s) => !/^[a-z0-9.-]+\.amazonaws\.com$/.test(s));
    if (bad !== undefined) throw new KeyPolicyError(`${INVALID_PRINCIPALS} (Statement ${st.index}: ${bad})`);
  }
  return doc;
}

/** The AccessControl port's form: the problem's message, or undefined for a valid key policy. */
export function keyPolicyProblem(document: string, keyAccountId: string, identities: IdentityDirectory): string | undefined {
  try {
    validateKeyPolicy(document, keyAccountId, identities);
    return undefined;
  } catch (e) {
    if (e instanceof KeyPolicyError) return e.message;
    throw e;
  }
}
