// CloudWatch Logs filter patterns: term patterns ("ERROR", "?A ?B", -term, quoted phrases) and JSON patterns
// ({ $.a.b = "x*" && $.n > 3 }). https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html
// Differs: no space-delimited [w1, w2] patterns, no regular expressions, no IS NULL / EXISTS / NOT EXISTS.

export type Matcher = (message: string) => boolean;

/** A matcher for `pattern`, or throws Error with Logs' message for a pattern it cannot parse. */
export function compilePattern(pattern: string): Matcher {
  const p = pattern.trim();
  if (p === '') return () => true;
  if (p.startsWith('{')) return jsonMatcher(p);
  if (p.startsWith('[')) throw new Error('Invalid metric filter pattern');
  return termMatcher(p);
}

function termMatcher(p: string): Matcher {
  const terms = [...p.matchAll(/([?-]?)(?:"((?:[^"\\]|\\.)*)"|(\S+))/g)].map((m) => ({ op: m[1], text: m[2] ?? m[3] }));
  const any = terms.filter((t) => t.op === '?');
  const all = terms.filter((t) => t.op === '');
  const none = terms.filter((t) => t.op === '-');
  return (msg) =>
    (any.length === 0 || any.some((t) => msg.includes(t.text))) && all.every((t) => msg.includes(t.text)) && none.every((t) => !msg.includes(t.text));
}

type Cmp = { kind: 'cmp'; path: string[]; op: string; value: string | number; quoted: boolean };
type Node = { kind: 'and' | 'or'; left: Node; right: Node } | Cmp;

function tokenize(s: string): string[] {
  const re = /\s*(\|\||&&|!=|<=|>=|=|<|>|\(|\)|"(?:[^"\\]|\\.)*"|\$[^\s=!<>&|()]*|[^\s=!<>&|()"]+)/y;
  const out: string[] = [];
  let pos = 0;
  for (;;) {
    re.lastIndex = pos;
    const m = re.exec(s);
    if (!m) break;
    out.push(m[1]);
    pos = re.lastIndex;
  }
  if (s.slice(pos).trim() !== '') throw new Error('Invalid metric filter pattern');
  return out;
}

function jsonMatcher(p: string): Matcher {
  if (!p.endsWith('}')) throw new Error('Invalid metric filter pattern');
  const toks = tokenize(p.slice(1, -1));
  let i = 0;
  const fail = (): never => {
    throw new Error('Invalid metric filter pattern');
  };
  const primary = (): Node => {
    if (toks[i] === '(') {
      i++;
      const n = orExpr();
      if (toks[i++] !== ')') fail();
      return n;
    }
    const sel = toks[i++];
    if (!sel?.startsWith('$.')) fail();
    const op = toks[i++];
    if (!['=', '!=', '<', '>', '<=', '>='].includes(op)) fail();
    const raw = toks[i++];
    if (raw === undefined) fail();
    const quoted = raw.startsWith('"');
    const text = quoted ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw;
    const num = !quoted && /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : undefined;
    if (op !== '=' && op !== '!=' && num === undefined) fail();
    return { kind: 'cmp', path: sel.slice(2).split('.'), op, value: num ?? text, quoted };
  };
  const andExpr = (): Node => {
    let n = primary();
    while (toks[i] === '&&') {
      i++;
      n = { kind: 'and', left: n, right: primary() };
    }
    return n;
  };
  const orExpr = (): Node => {
    let n = andExpr();
    while (toks[i] === '||') {
      i++;
      n = { kind: 'or', left: n, right: andExpr() };
    }
    return n;
  };
  const tree = orExpr();
  if (i !== toks.length) fail();
  return (msg) => {
    let doc: unknown;
    try {
      doc = JSON.parse(msg);
    } catch {
      return false;
    }
    return evalNode(tree, doc);
  };
}

function wildcard(pattern: string, text: string): boolean {
  const re = new RegExp(
    `^${pattern
      .split('*')
      .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
    's',
  );
  return re.test(text);
}

function evalNode(node: Node, doc: unknown): boolean {
  if (node.kind === 'and') return evalNode(node.left, doc) && evalNode(node.right, doc);
  if (node.kind === 'or') return evalNode(node.left, doc) || evalNode(node.right, doc);
  const n = node as Cmp;
  let v: unknown = doc;
  for (const k of n.path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  if (v === undefined || v === null || typeof v === 'object') return false;
  if (typeof n.value === 'number') {
    const x = Number(v);
    if (!Number.isFinite(x)) return false;
    const y = n.value;
    const r: Record<string, boolean> = { '=': x === y, '!=': x !== y, '<': x < y, '>': x > y, '<=': x <= y, '>=': x >= y };
    return r[n.op] ?? false;
  }
  const eq = wildcard(n.value, String(v));
  return n.op === '=' ? eq : !eq;
}

/** The value a metric transformation publishes for a matching event: a number, or `$.field` of a JSON event. */
export function metricValueOf(spec: string, message: string): number | undefined {
  if (!spec.startsWith('$.')) return Number.isFinite(Number(spec)) ? Number(spec) : undefined;
  try {
    let v: unknown = JSON.parse(message);
    for (const k of spec.slice(2).split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
    return typeof v === 'number' ? v : Number.isFinite(Number(v)) ? Number(v) : undefined;
  } catch {
    return undefined;
  }
}
