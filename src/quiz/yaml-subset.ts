// A fast reader for the plain subset of YAML our content files use (block mappings and sequences, plain,
// quoted and block scalars, one-line flow lists), building the yaml library's own nodes with source ranges.
// Anything outside that subset returns undefined and the caller parses with the full yaml parser instead.
import type { Node, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { newMap, newPair, newScalar, newSeq } from '../text/yaml-lazy.js';

/** Thrown inside the reader when the text leaves the subset; never escapes readYamlSubset. */
class OutsideSubset extends Error {}

interface Line {
  /** Offset of the line's first character in the text. */
  start: number;
  /** Column where the content starts (spaces before it). */
  indent: number;
  /** The content from `indent` to the end of the line (no newline). */
  body: string;
  /** Only spaces, or a comment. */
  blank: boolean;
}

const KEY_RE = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +|$)/;
/** Plain scalars the core schema resolves to something other than a string (null, booleans, numbers). */
const SPECIAL_PLAIN = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const FLOW_ITEM_RE = /^[A-Za-z0-9_][A-Za-z0-9_./-]*$/;

const outside = (): never => {
  throw new OutsideSubset();
};

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const raw = text.slice(start, end);
    let indent = 0;
    while (raw.charCodeAt(indent) === 32) indent++;
    if (raw.charCodeAt(indent) === 9) outside(); // a tab in the indentation
    const body = raw.slice(indent);
    lines.push({ start, indent, body, blank: body === '' || body[0] === '#' });
    start = end + 1;
  }
  return lines;
}

function scalar(value: unknown, start: number, end: number): Scalar {
  const s = newScalar(value);
  s.range = [start, end, end];
  return s;
}

/** A plain scalar's value under the core schema, or outside the subset when it is not a plain string. */
function plainValue(s: string): string | number {
  if (/^[0-9]{1,15}$/.test(s)) return Number(s);
  if (SPECIAL_PLAIN.test(s)) outside();
  return s;
}

class Reader {
  private i = 0;
  constructor(
    private readonly text: string,
    private readonly lines: Line[],
  ) {}

  root(): Node {
    const first = this.peek();
    if (!first || first.indent !== 0) outside();
    const node = this.block(-1);
    if (this.peek()) outside();
    return node;
  }

  /** The next line that is neither blank nor a comment, without consuming it. */
  private peek(): Line | undefined {
    while (this.i < this.lines.length && this.lines[this.i].blank) this.i++;
    return this.lines[this.i];
  }

  /** A block node whose lines are indented more than `parent`. */
  private block(parent: number): Node {
    const line = this.peek()!;
    if (line.indent <= parent) outside();
    return line.body === '-' || line.body.startsWith('- ') ? this.seq(line.indent) : this.map(line.indent);
  }

  private map(indent: number): YAMLMap {
    const map = newMap();
    const seen = new Set<string>();
    for (let line = this.peek(); line && line.indent >= indent; line = this.peek()) {
      if (line.indent > indent) outside();
      const m = KEY_RE.exec(line.body);
      if (!m || SPECIAL_PLAIN.test(m[1]) || seen.has(m[1])) outside();
      seen.add(m![1]);
      const keyStart = line.start + line.indent;
      const key = scalar(m![1], keyStart, keyStart + m![1].length);
      this.i++;
      const rest = line.body.slice(m![0].length);
      map.items.push(newPair(key, this.value(rest, keyStart + m![0].length, indent, true)));
    }
    const first = map.items[0]?.key as Scalar | undefined;
    if (first?.range) map.range = [first.range[0], this.end(), this.end()];
    return map;
  }

  private seq(indent: number): YAMLSeq {
    const seq = newSeq();
    const start = this.peek()!.start + indent;
    for (let line = this.peek(); line && line.indent >= indent; line = this.peek()) {
      if (line.indent > indent || !(line.body === '-' || line.body.startsWith('- '))) break;
      const after = line.body.slice(1).replace(/^ +/, '');
      const col = line.indent + line.body.length - after.length;
      if (KEY_RE.test(after)) {
        // `- key: value` opens a mapping whose keys sit at the column of `key`.
        this.lines[this.i] = { start: line.start, indent: col, body: after, blank: false };
        seq.items.push(this.map(col));
      } else {
        this.i++;
        seq.items.push(this.value(after, line.start + col, indent, false));
      }
    }
    seq.range = [start, this.end(), this.end()];
    return seq;
  }

  private end(): number {
    return this.i < this.lines.length ? this.lines[this.i].start : this.text.length;
  }

  /** The value after `key:` or `- ` (text `rest` at offset `at`); `indent` is the key's or dash's column. */
  private value(rest: string, at: number, indent: number, inMap: boolean): Node {
    const body = rest.replace(/[ \t]+$/, '');
    if (body === '' || body[0] === '#') {
      const next = this.peek();
      if (next && next.indent > indent) return this.block(indent);
      if (inMap && next && next.indent === indent && (next.body === '-' || next.body.startsWith('- '))) return this.seq(indent);
      return scalar(null, at, at);
    }
    const c = body[0];
    let node: Node;
    if (c === '|' || c === '>') return this.blockScalar(body, at, indent);
    if (c === '"' || c === "'") node = quoted(body, at);
    else if (c === '[') node = flowList(body, at);
    else {
      if ('{&*!%@`,?:-#'.includes(c) || body.includes(' #') || body.includes(': ') || body.endsWith(':')) outside();
      node = scalar(plainValue(body), at, at + body.length);
    }
    // A more-indented line after a one-line value would continue it (a multi-line scalar): not in the subset.
    const next = this.peek();
    if (next && next.indent > indent) outside();
    for (let k = this.i - 1; k >= 0 && this.lines[k].blank; k--) if (this.lines[k].body !== '' && this.lines[k].indent > indent) outside();
    return node;
  }

  /** `|`, `|-`, `>` and `>-` with auto-detected indentation, every line at that indentation when folded. */
  private blockScalar(header: string, at: number, parent: number): Node {
    const hm = /^([|>])(-?)$/.exec(header);
    if (!hm) outside();
    const folded = hm![1] === '>';
    const raw: string[] = [];
    let m = -1;
    for (; this.i < this.lines.length; this.i++) {
      const l = this.lines[this.i];
      if (l.body === '') {
        if (m < 0 || l.indent > m) outside(); // leading empty lines, or spaces beyond the indentation
        raw.push('');
        continue;
      }
      if (m < 0) {
        if (l.indent <= parent) outside(); // an empty block scalar
        m = l.indent;
      }
      if (l.indent < m) break;
      if (folded && (l.indent > m || l.body[0] === '\t')) outside();
      raw.push(' '.repeat(l.indent - m) + l.body);
    }
    if (m < 0) outside();
    let trailing = 0;
    while (raw.length && raw[raw.length - 1] === '') {
      raw.pop();
      trailing++;
    }
    // The last content line must end with a newline, as every content file does.
    if (this.i >= this.lines.length && trailing === 0 && !this.text.endsWith('\n')) outside();
    let value = '';
    if (folded) {
      for (let k = 0; k < raw.length; k++) {
        if (k === 0) value = raw[0];
        else if (raw[k] === '') value += '\n';
        else value += raw[k - 1] === '' ? raw[k] : ` ${raw[k]}`;
      }
    } else value = raw.join('\n');
    if (hm![2] !== '-') value += '\n';
    return scalar(value, at, this.end());
  }
}

function quoted(body: string, at: number): Scalar {
  const q = body[0];
  let value = '';
  let k = 1;
  for (;;) {
    const j = body.indexOf(q, k);
    if (j < 0) outside();
    if (q === '"' && body.slice(k, j).includes('\\')) outside();
    value += body.slice(k, j);
    if (q === "'" && body[j + 1] === "'") {
      value += "'";
      k = j + 2;
      continue;
    }
    k = j + 1;
    break;
  }
  const after = body.slice(k).trimStart();
  if (after !== '' && !(after[0] === '#' && /[ \t]/.test(body[k]))) outside();
  return scalar(value, at, at + k);
}

/** `[]` or `[a, b-c]` of plain strings on one line. */
function flowList(body: string, at: number): YAMLSeq {
  if (!body.endsWith(']')) outside();
  const seq = newSeq();
  seq.flow = true;
  const inner = body.slice(1, -1);
  if (inner.trim() !== '') {
    let off = 1;
    for (const part of inner.split(',')) {
      const item = part.trim();
      if (!FLOW_ITEM_RE.test(item)) outside();
      const start = at + off + part.indexOf(item);
      seq.items.push(scalar(plainValue(item), start, start + item.length));
      off += part.length + 1;
    }
  }
  seq.range = [at, at + body.length, at + body.length];
  return seq;
}

/**
 * The document's root node built from `text` when it stays inside the subset, else undefined. Whatever it
 * returns has the values, types and start offsets the yaml parser gives the same text (test/quiz pins it).
 */
export function readYamlSubset(text: string): Node | undefined {
  if (text.includes('\r') || text.charCodeAt(0) === 0xfeff) return undefined;
  try {
    return new Reader(text, splitLines(text)).root();
  } catch (e) {
    if (e instanceof OutsideSubset) return undefined;
    throw e;
  }
}
