// IAM policy documents in responses, printed as AWS CLI v2 prints them: IAM returns each document as a
// URL-encoded JSON string, and the CLI decodes it and prints the policy as a JSON object (json, text, table).
//
// AWS CLI v2 behaviour: botocore registers `json_decode_policies` for `after-call.iam`
// (botocore/handlers.py, boto/botocore): every member whose shape is IAM's `policyDocumentType` (a role's
// AssumeRolePolicyDocument, GetRolePolicy/GetUserPolicy/GetGroupPolicy's PolicyDocument, a PolicyVersion's
// Document) is URL-decoded and parsed with json.loads; a value that does not parse is left as it is. The
// documented example output of `aws iam get-role-policy` shows "PolicyDocument" as an object:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/iam_example_iam_GetRolePolicy_section.html
// Our IAM keeps documents as plain JSON text (not URL-encoded): both forms decode to the same object.

/** IAM response members of the `policyDocumentType` shape, by name; `Document` only inside a policy version. */
const DOCUMENT_MEMBERS = new Set(['PolicyDocument', 'AssumeRolePolicyDocument']);

/** A URL-encoded (or plain) JSON policy as an object; the text itself when it does not parse. */
export function decodePolicyDocument(text: string): unknown {
  let plain = text;
  try {
    plain = /%[0-9A-Fa-f]{2}/.test(text) ? decodeURIComponent(text) : text;
  } catch {
    return text;
  }
  try {
    return JSON.parse(plain) as unknown;
  } catch {
    return text;
  }
}

/** The response with every IAM policy document decoded (other services' responses are returned unchanged). */
export function decodePolicyDocuments(service: string, response: unknown): unknown {
  if (service !== 'iam') return response;
  const walk = (v: unknown, parent: string | undefined): unknown => {
    if (Array.isArray(v)) return v.map((x) => walk(x, parent));
    if (v === null || typeof v !== 'object' || v instanceof Date || v instanceof Uint8Array) return v;
    return Object.fromEntries(
      Object.entries(v).map(([k, x]) => [
        k,
        typeof x === 'string' && (DOCUMENT_MEMBERS.has(k) || (k === 'Document' && /^(PolicyVersion|Versions|PolicyVersionList)$/.test(parent ?? '')))
          ? decodePolicyDocument(x)
          : walk(x, k),
      ]),
    );
  };
  return walk(response, undefined);
}
