// IAM's answer to the kernel's IdentityDirectory port: the identity facts an authorization decision needs
// (identity policies, organization ids, unique ids, whether a principal exists), read from IAM's state.
import type { IdentityDirectory } from '../aws/access.js';
import type { IamState } from './types.js';
import { identityPoliciesOf } from './state.js';

/** A directory over `state`; pass a function when the state object may be replaced (a reloaded world). */
export function identityDirectory(state: IamState | (() => IamState)): IdentityDirectory {
  const iam = typeof state === 'function' ? state : () => state;
  return {
    policiesOf: (principal) => identityPoliciesOf(iam(), principal),
    orgIdOf(accountId) {
      let org: string | undefined;
      for (const a of iam().accounts) if (a.id === accountId) org = a.orgId;
      return org;
    },
    uniqueIdOf(arn) {
      const s = iam();
      return s.users.find((u) => u.arn === arn)?.userId ?? s.roles.find((r) => r.arn === arn)?.roleId;
    },
    principalExists(entry) {
      if (entry === '*' || /^\d{12}$/.test(entry) || /^arn:aws:iam::\d{12}:root$/.test(entry)) return true;
      const m = /^arn:aws:(iam|sts)::(\d{12}):(user|role|assumed-role)\/(.+)$/.exec(entry);
      if (!m) return false;
      const [, , account, type, rest] = m;
      const s = iam();
      if (!s.accounts.some((a) => a.id === account)) return true;
      if (type === 'user') return s.users.some((u) => u.arn === entry);
      if (type === 'role') return s.roles.some((r) => r.arn === entry);
      const roleName = rest.split('/')[0];
      return s.roles.some((r) => r.accountId === account && r.name === roleName);
    },
  };
}
