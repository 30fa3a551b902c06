// IAM policy variables in Resource and condition values: ${aws:username}, ${aws:PrincipalTag/team},
// ${key, 'default'}; only in Version 2012-10-17 documents. ${*}, ${?} and ${$} give the bare character (no escaping).
import type { NormalContext } from './conditions.js';

const VAR_RE = /\$\{([^}]*)\}/g;

export function hasVariables(s: string): boolean {
  return s.includes('${');
}

/** The value with its variables replaced; undefined when a variable has no value and no default (no match). */
export function expandVariables(s: string, ctx: NormalContext): string | undefined {
  let missing = false;
  const out = s.replace(VAR_RE, (_all, inner: string) => {
    const body = inner.trim();
    if (body === '*' || body === '?' || body === '$') return body;
    const m = /^([^,]+?)\s*,\s*'([^']*)'$/.exec(body);
    const key = (m ? m[1] : body).trim().toLowerCase();
    const values = ctx.get(key);
    if (values && values.length === 1) return values[0];
    if (m) return m[2];
    missing = true;
    return '';
  });
  return missing ? undefined : out;
}

/** Expands every value; values whose variables are missing drop out. */
export function expandAll(values: string[], ctx: NormalContext): string[] {
  const out: string[] = [];
  for (const v of values) {
    const e = expandVariables(v, ctx);
    if (e !== undefined) out.push(e);
  }
  return out;
}
