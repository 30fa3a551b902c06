// IAM wildcard matching: `*` matches any run of characters (including none), `?` exactly one.
// Compiled patterns are cached; actions compare case-insensitively, ARNs and condition values case-sensitively.

const sensitive = new Map<string, RegExp>();
const insensitive = new Map<string, RegExp>();

/** The regular expression of a wildcard pattern (`*` any run, `?` one character), cached. */
export function compiledWildcard(pattern: string, ignoreCase: boolean): RegExp {
  const cache = ignoreCase ? insensitive : sensitive;
  let re = cache.get(pattern);
  if (!re) {
    const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
    re = new RegExp(`^${body}$`, ignoreCase ? 'is' : 's');
    if (cache.size > 5000) cache.clear();
    cache.set(pattern, re);
  }
  return re;
}

export function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
  if (pattern === '*') return true;
  if (!pattern.includes('*') && !pattern.includes('?')) {
    return ignoreCase ? pattern.toLowerCase() === value.toLowerCase() : pattern === value;
  }
  return compiledWildcard(pattern, ignoreCase).test(value);
}

/** IAM action match: "kms:Decrypt" against "kms:De*" or "*"; case-insensitive. */
export function actionMatches(pattern: string, action: string): boolean {
  return wildcardMatch(pattern, action, true);
}

/** ARN match per segment (ArnLike/ArnEquals and Resource): the six colon-separated parts match one by one. */
export function arnMatches(pattern: string, arn: string): boolean {
  if (pattern === '*') return true;
  const p = splitArn(pattern);
  const a = splitArn(arn);
  if (!p || !a) return wildcardMatch(pattern, arn);
  for (let i = 0; i < 6; i++) if (!wildcardMatch(p[i], a[i])) return false;
  return true;
}

/** The six parts of an ARN (the last keeps its colons), or undefined for anything else. */
export function splitArn(s: string): string[] | undefined {
  const parts = s.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  return [...parts.slice(0, 5), parts.slice(5).join(':')];
}
