// `--output table` following awscli's TableFormatter/MultiTable (80 columns when not a terminal, wide
// tables turned vertical). Differs: character width is the string length (no East Asian wide glyphs),
// and a scalar result (e.g. from --query) is shown as one row instead of a bare title.
import { type Json, pyStr } from './normalize.js';

type Obj = { [k: string]: Json };
const isObj = (v: Json): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isScalar = (v: Json) => !(typeof v === 'object' && v !== null);
const truthy = (v: Json) => !(v === null || v === false || v === 0 || v === '' || (Array.isArray(v) && !v.length) || (isObj(v) && !Object.keys(v).length));
const rep = (s: string, n: number) => (n > 0 ? s.repeat(n) : '');

function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const d = x - f;
  if (Math.abs(d - 0.5) < 1e-9) return f % 2 === 0 ? f : f + 1;
  return Math.round(x);
}

class Section {
  title = '';
  headers: string[] = [];
  rows: string[][] = [];
  widths: number[] = [];
  constructor(public indent = 0) {}
  private update(row: string[]) {
    if (!this.widths.length) this.widths = row.map((x) => x.length);
    else row.forEach((x, i) => (this.widths[i] = Math.max(x.length, this.widths[i] ?? 0)));
  }
  addHeader(h: string[]) {
    this.update(h);
    this.headers = h;
  }
  addRow(r: Json[]) {
    const row = r.map(pyStr);
    this.rows.push(row);
    this.update(row);
  }
  columnWidths(padding = 0, maxWidth?: number): number[] {
    const unscaled = this.widths.map((w) => w + padding);
    if (maxWidth === undefined || !unscaled.length) return unscaled;
    const total = unscaled.reduce((a, b) => a + b, 0);
    const scaled = unscaled.map((w) => roundHalfEven((maxWidth / total) * w));
    let off = scaled.reduce((a, b) => a + b, 0) - maxWidth;
    while (off !== 0) {
      const order = [...scaled.keys()];
      if (off < 0) order.reverse();
      for (const i of order) {
        if (off > 0) { scaled[i] -= 1; off -= 1; }
        else { scaled[i] += 1; off += 1; }
        if (off === 0) break;
      }
    }
    return scaled;
  }
  totalWidth(padding: number, outer: number): number {
    const total = this.columnWidths().reduce((a, w) => a + w + padding, 0) + 2 + 2 * outer;
    return Math.max(this.title.length + 2 + 2 * outer, total);
  }
}

function center(text: string, length: number, left = '|', right = '|'): string {
  const start = Math.floor(length / 2) - Math.floor(text.length / 2) - 1;
  const sofar = left.length + Math.max(start, 0) + text.length;
  return left + rep(' ', start) + text + rep(' ', length - right.length - sofar) + right;
}

function alignLeft(text: string, length: number, left: string, right: string): string {
  const padding = length - (text.length + 2 + left.length + right.length) >= 0 ? 2 : 0;
  return left + rep(' ', padding) + text + rep(' ', length - (left.length + padding + text.length) - right.length) + right;
}

export class TableBuilder {
  sections: Section[] = [];
  private cur = new Section();
  newSection(title: string, indent: number) {
    this.cur = new Section(indent);
    this.cur.title = title;
    this.sections.push(this.cur);
  }
  build(title: string | undefined, current: Json, indent = 0): boolean {
    if (!truthy(current)) return false;
    if (title !== undefined) this.newSection(title, indent);
    if (Array.isArray(current)) {
      if (isObj(current[0])) this.fromList(current as Obj[], indent, title);
      else
        for (const item of current) {
          if (isScalar(item)) this.cur.addRow([item]);
          else if (Array.isArray(item) && item.every(isScalar)) this.cur.addRow(item);
          else this.build(undefined, item);
        }
    } else if (isObj(current)) this.fromDict(current, indent);
    else this.cur.addRow([current]);
    return true;
  }
  private split(o: Obj): [string[], string[]] {
    const keys = Object.keys(o);
    return [keys.filter((k) => isScalar(o[k])).sort(), keys.filter((k) => !isScalar(o[k])).sort()];
  }
  private fromDict(o: Obj, indent: number) {
    const [headers, more] = this.split(o);
    if (headers.length === 1) this.cur.addRow([headers[0], o[headers[0]]]);
    else if (headers.length) {
      this.cur.addHeader(headers);
      this.cur.addRow(headers.map((k) => o[k]));
    }
    for (const k of more) this.build(k, o[k], indent + 1);
  }
  private fromList(list: Obj[], indent: number, title: string | undefined) {
    const hs = new Set<string>();
    const ms = new Set<string>();
    for (const el of list) {
      if (!isObj(el)) continue;
      const [h, m] = this.split(el);
      h.forEach((x) => hs.add(x));
      m.forEach((x) => ms.add(x));
    }
    const headers = [...hs].sort();
    const more = [...ms].sort();
    this.cur.addHeader(headers);
    list.forEach((el, i) => {
      if (i > 0 && more.length) {
        this.newSection(title ?? '', indent);
        this.cur.addHeader(headers);
      }
      this.cur.addRow(headers.map((h) => (isObj(el) && h in el ? el[h] : '')));
      for (const k of more) if (isObj(el) && k in el) this.build(k, el[k], indent + 1);
    });
  }
  render(terminalWidth = 80): string {
    let max = Math.max(...this.sections.map((s) => s.totalWidth(4, s.indent)));
    if (max > terminalWidth) {
      this.sections = this.sections.map((s) => {
        if (s.rows.length !== 1 || !s.headers.length) return s;
        const v = new Section(s.indent);
        v.title = s.title;
        s.headers.forEach((h, i) => v.addRow([h, s.rows[0][i]]));
        return v;
      });
      max = Math.max(...this.sections.map((s) => s.totalWidth(4, s.indent)));
    }
    let out = `${'-'.repeat(max)}\n`;
    for (const s of this.sections) out += renderSection(s, max);
    return out;
  }
}

function renderSection(s: Section, total: number): string {
  const bar = '|'.repeat(s.indent);
  const lines: string[] = [];
  const max = total - s.indent * 2;
  const lineBreak = (widths: number[]) => widths.map((w, i) => (i === 0 ? `+${rep('-', w - 2)}+` : `${rep('-', w - 1)}+`)).join('');
  if (s.title) {
    lines.push(center(s.title, max));
    if (!s.headers.length && !s.rows.length) lines.push(`+${rep('-', max - 2)}+`);
  }
  if (s.headers.length) {
    const widths = s.columnWidths(4, max);
    lines.push(lineBreak(widths));
    lines.push(widths.map((w, i) => center(s.headers[i], w, i === 0 ? '|' : '', '|')).join(''));
  }
  if (s.rows.length) {
    const widths = s.columnWidths(4, max);
    if (widths.length) {
      lines.push(lineBreak(widths));
      for (const row of s.rows) lines.push(widths.map((w, i) => alignLeft(row[i] ?? '', w, i === 0 ? '|' : '', '|')).join(''));
      lines.push(lineBreak(widths));
    }
  }
  return lines.map((l) => `${bar}${l}${bar}\n`).join('');
}

export function formatTable(title: string, data: Json): string {
  const t = new TableBuilder();
  return t.build(title, data) ? t.render() : '';
}
