// A small typed reader over a YAML document that records ContentErrors at file:line:column, so every
// content loader can say exactly where and what was expected.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';
import { controlCharacterProblems } from '../text/yaml-controls.js';
import { ContentError } from '../errors.js';

export class Reader {
  readonly errors: ContentError[] = [];
  private readonly lc = new LineCounter();
  readonly root: Node | null;

  constructor(
    text: string,
    readonly file: string,
  ) {
    const doc = parseDocument(text, { lineCounter: this.lc, uniqueKeys: true, prettyErrors: false });
    for (const e of doc.errors) {
      const { line, col } = this.lc.linePos(e.pos[0]);
      this.errors.push(new ContentError(file, line, col, e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')));
    }
    if (!doc.errors.length) for (const p of controlCharacterProblems(doc, this.lc)) this.errors.push(new ContentError(file, p.line, p.column, p.what));
    this.root = doc.errors.length ? null : (doc.contents as Node | null);
  }

  at(node: Node | null | undefined, what: string): void {
    const { line, col } = this.lc.linePos(node?.range?.[0] ?? 0);
    this.errors.push(new ContentError(this.file, line, col, what));
  }

  map(node: Node | null | undefined, what: string, known?: string[]): YAMLMap | undefined {
    if (!isMap(node)) {
      this.at(node, `expected ${what} to be a mapping`);
      return undefined;
    }
    if (known)
      for (const p of node.items) {
        const k = String((p.key as { value?: unknown })?.value);
        if (!known.includes(k)) this.at(p.key as Node, `unknown field "${k}" in ${what}; expected one of: ${known.join(', ')}`);
      }
    return node;
  }

  child(m: YAMLMap, key: string): Node | undefined {
    return m.get(key, true) as Node | undefined;
  }

  str(m: YAMLMap, key: string, what: string, required = true): string | undefined {
    const n = this.child(m, key);
    if (n === undefined) {
      if (required) this.at(m, `${what}: missing "${key}" (a non-empty string)`);
      return undefined;
    }
    const v = isScalar(n) ? n.value : undefined;
    if ((typeof v === 'string' && v.trim()) || typeof v === 'number') return String(v).trim();
    this.at(n, `${what}: expected "${key}" to be a non-empty string`);
    return undefined;
  }

  num(m: YAMLMap, key: string, what: string): number | undefined {
    const n = this.child(m, key);
    if (n === undefined) return undefined;
    const v = isScalar(n) ? n.value : undefined;
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    this.at(n, `${what}: expected "${key}" to be a number`);
    return undefined;
  }

  bool(m: YAMLMap, key: string, what: string): boolean | undefined {
    const n = this.child(m, key);
    if (n === undefined) return undefined;
    const v = isScalar(n) ? n.value : undefined;
    if (typeof v === 'boolean') return v;
    this.at(n, `${what}: expected "${key}" to be true or false`);
    return undefined;
  }

  oneOf<T extends string>(m: YAMLMap, key: string, what: string, allowed: readonly T[], required = true): T | undefined {
    const v = this.str(m, key, what, required);
    if (v === undefined) return undefined;
    if ((allowed as readonly string[]).includes(v)) return v as T;
    this.at(this.child(m, key), `${what}: "${key}" must be one of ${allowed.join(', ')}, got "${v}"`);
    return undefined;
  }

  seq(m: YAMLMap, key: string, what: string, required = false): Node[] {
    const n = this.child(m, key);
    if (n === undefined) {
      if (required) this.at(m, `${what}: missing "${key}" (a list)`);
      return [];
    }
    if (!isSeq(n)) {
      this.at(n, `${what}: expected "${key}" to be a list`);
      return [];
    }
    return n.items as Node[];
  }

  strings(m: YAMLMap, key: string, what: string, opts: { required?: boolean; allowed?: readonly string[] } = {}): string[] {
    const out: string[] = [];
    for (const item of this.seq(m, key, what, opts.required)) {
      const v = isScalar(item) ? item.value : undefined;
      if (typeof v !== 'string' || !v.trim()) this.at(item, `${what}: expected the items of "${key}" to be strings`);
      else if (opts.allowed && !opts.allowed.includes(v)) this.at(item, `${what}: unknown ${key.replace(/s$/, '')} "${v}"; expected one of: ${opts.allowed.join(', ')}`);
      else out.push(v);
    }
    if (opts.required && !out.length && !this.seq(m, key, what).length) this.at(this.child(m, key) ?? m, `${what}: "${key}" must not be empty`);
    return out;
  }

  /** A mapping of string to string (tags, encryption context, options). */
  dict(m: YAMLMap, key: string, what: string): Record<string, string> {
    const n = this.child(m, key);
    if (n === undefined) return {};
    const mm = this.map(n, `${what} "${key}"`);
    const out: Record<string, string> = {};
    for (const p of mm?.items ?? []) {
      const v = isScalar(p.value) ? p.value.value : undefined;
      if (typeof v !== 'string' && typeof v !== 'number') this.at(p.value as Node, `${what}: expected the values of "${key}" to be strings`);
      else out[String((p.key as { value?: unknown }).value)] = String(v);
    }
    return out;
  }

  /** A string that holds JSON (policies): accepts a YAML mapping too and stores it as JSON text. */
  json(m: YAMLMap, key: string, what: string): string | undefined {
    const n = this.child(m, key);
    if (n === undefined) return undefined;
    if (isMap(n)) return JSON.stringify(n.toJSON());
    const v = isScalar(n) ? n.value : undefined;
    if (typeof v === 'string') {
      try {
        JSON.parse(v);
        return v;
      } catch (e) {
        this.at(n, `${what}: "${key}" is not valid JSON (${(e as Error).message})`);
        return undefined;
      }
    }
    this.at(n, `${what}: expected "${key}" to be a policy document (a mapping or JSON text)`);
    return undefined;
  }
}
