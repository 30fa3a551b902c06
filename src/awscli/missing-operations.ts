// Operations learners expect that the AWS API does not have (aws kms delete-key, rotate-key ...): the CLI
// rejects them as an invalid choice; we say beside that what KMS offers instead (our own words, not AWS's).
// Facts: KMS API reference, Actions (https://docs.aws.amazon.com/kms/latest/APIReference/API_Operations.html),
// checked 2026-12-05: no DeleteKey, RotateKey, RenameAlias, UndeleteKey, DeleteGrant or ExportKey operation.

/** `service` → missing CLI operation name → what to use instead. */
export const MISSING_OPERATIONS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  kms: {
    'delete-key': 'KMS has no DeleteKey: keys are deleted by schedule-key-deletion after a 7–30 day wait (cancel-key-deletion stops it)',
    'rotate-key': 'KMS has no RotateKey: rotate-key-on-demand rotates now; enable-key-rotation turns on automatic rotation',
    'undelete-key': 'KMS has no UndeleteKey: cancel-key-deletion, while the key is still pending deletion, then enable-key',
    'restore-key': 'KMS has no RestoreKey: cancel-key-deletion, while the key is still pending deletion, then enable-key',
    'rename-alias': 'KMS has no RenameAlias: create-alias with the new name, then delete-alias the old one (update-alias points an alias at another key)',
    'delete-grant': "KMS has no DeleteGrant: revoke-grant (by the key's administrators) or retire-grant (by the retiring principal)",
    'update-key-policy': 'KMS has no UpdateKeyPolicy: put-key-policy replaces the whole key policy',
    'set-key-policy': 'KMS has no SetKeyPolicy: put-key-policy replaces the whole key policy',
    'delete-key-policy': 'KMS has no DeleteKeyPolicy: every KMS key has exactly one key policy; put-key-policy replaces it',
    'export-key': 'KMS never exports the key material of a KMS key; get-public-key returns the public key of an asymmetric key',
  },
};

/** What to use instead of an operation the service does not have, or undefined. */
export function missingOperationNote(service: string, operation: string): string | undefined {
  const table = Object.hasOwn(MISSING_OPERATIONS, service) ? MISSING_OPERATIONS[service] : undefined;
  return table && Object.hasOwn(table, operation) ? table[operation] : undefined;
}
