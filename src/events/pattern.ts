// EventBridge event patterns: fields of the event matched against arrays of allowed values, nested objects for
// nested fields, and the content filters prefix, suffix, anything-but, exists, wildcard and numeric.
// https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns.html
// Differs: no $or, no equals-ignore-case, no cidr.

export type Pattern = Record<string, unknown>;

/** Why `text` is not an event pattern (AWS's "Event pattern is not valid." reason), or the parsed pattern. */
export function parsePattern(text: string): Pattern | string {
  let p: unknown;
  try {
    p = JSON.parse(text);
  } catch {
    return 'Event pattern is not valid. Reason: Filter is not valid JSON';
  }
  if (!p || typeof p !== 'object' || Array.isArray(p)) return 'Event pattern is not valid. Reason: Filter is not an object';
  const bad = check(p as Pattern);
  return bad ? `Event pattern is not valid. Reason: ${bad}` : (p as Pattern);
}

function check(p: Pattern): string | undefined {
  for (const [k, v] of Object.entries(p)) {
    if (Array.isArray(v)) continue;
    if (v && typeof v === 'object') {
      const bad = check(v as Pattern);
      if (bad) return bad;
      continue;
    }
    return `Match value must be String, number, true, false, or null at [Source: (String)"${k}"]`;
  }
  return undefined;
}

const NUM: Record<string, (a: number, b: number) => boolean> = {
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '=': (a, b) => a === b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
};

function matchOne(rule: unknown, value: unknown): boolean {
  if (rule === null || typeof rule !== 'object') return rule === value;
  const r = rule as Record<string, unknown>;
  if ('prefix' in r) return typeof value === 'string' && value.startsWith(String(r.prefix));
  if ('suffix' in r) return typeof value === 'string' && value.endsWith(String(r.suffix));
  if ('wildcard' in r)
    return (
      typeof value === 'string' &&
      new RegExp(
        `^${String(r.wildcard)
          .split('*')
          .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
          .join('.*')}$`,
        's',
      ).test(value)
    );
  if ('anything-but' in r) {
    const ab = r['anything-but'];
    const list = Array.isArray(ab) ? ab : [ab];
    if (value === undefined) return false;
    return !list.some((x) => matchOne(x, value));
  }
  if ('numeric' in r) {
    const n = r.numeric as unknown[];
    if (typeof value !== 'number') return false;
    for (let i = 0; i + 1 < n.length; i += 2) if (!NUM[String(n[i])]?.(value, Number(n[i + 1]))) return false;
    return true;
  }
  return false;
}

function matchField(rules: unknown[], value: unknown): boolean {
  const exists = rules.find((x) => x && typeof x === 'object' && 'exists' in (x as object)) as { exists: boolean } | undefined;
  if (exists) return exists.exists === (value !== undefined);
  const values = Array.isArray(value) ? value : [value];
  return values.some((v) => v !== undefined && rules.some((r) => matchOne(r, v)));
}

/** Whether `event` (an EventBridge event: source, detail-type, detail...) matches `pattern`. */
export function matches(pattern: Pattern, event: unknown): boolean {
  const e = (event ?? {}) as Record<string, unknown>;
  return Object.entries(pattern).every(([k, rule]) => {
    const v = e[k];
    if (Array.isArray(rule)) return matchField(rule, v);
    if (rule && typeof rule === 'object') return v !== null && typeof v === 'object' && matches(rule as Pattern, v);
    return false;
  });
}
