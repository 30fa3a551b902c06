// `--output text` as AWS CLI v2 writes it (awscli/text.py): scalars of a dict on one tab-separated line
// in sorted key order, nested lists/dicts on following lines prefixed with their upper-cased key.
import { type Json, pyStr } from './normalize.js';

type Obj = { [k: string]: Json };
const isObj = (v: Json): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isScalar = (v: Json) => !(typeof v === 'object' && v !== null);

export function formatText(data: Json): string {
  const out: string[] = [];
  emit(data, out);
  return out.join('');
}

function emit(item: Json, out: string[], identifier?: string, scalarKeys?: string[]): void {
  if (isObj(item)) formatDict(item, out, identifier, scalarKeys);
  else if (Array.isArray(item)) formatList(item, out, identifier);
  else out.push(`${pyStr(item)}\n`);
}

function formatList(item: Json[], out: string[], identifier?: string): void {
  if (item.length === 0) return;
  if (item.some(isObj)) {
    const keys = new Set<string>();
    for (const el of item) if (isObj(el)) for (const [k, v] of Object.entries(el)) if (isScalar(v)) keys.add(k);
    const all = [...keys].sort();
    for (const el of item) emit(el, out, identifier, all);
  } else if (item.some(Array.isArray)) {
    const scalars = item.filter(isScalar);
    if (scalars.length) scalarList(scalars, out, identifier);
    for (const el of item.filter((x) => !isScalar(x))) emit(el, out, identifier);
  } else scalarList(item, out, identifier);
}

function scalarList(items: Json[], out: string[], identifier?: string): void {
  if (identifier !== undefined) for (const x of items) out.push(`${identifier.toUpperCase()}\t${pyStr(x)}\n`);
  else out.push(`${items.map(pyStr).join('\t')}\n`);
}

function formatDict(item: Obj, out: string[], identifier?: string, scalarKeys?: string[]): void {
  const scalars: string[] = [];
  const nonScalars: [string, Json][] = [];
  if (scalarKeys === undefined) {
    for (const k of Object.keys(item).sort()) {
      if (isScalar(item[k])) scalars.push(pyStr(item[k]));
      else nonScalars.push([k, item[k]]);
    }
  } else {
    for (const k of scalarKeys) scalars.push(k in item ? pyStr(item[k]) : '');
    for (const k of Object.keys(item).filter((k) => !scalarKeys.includes(k)).sort()) nonScalars.push([k, item[k]]);
  }
  if (scalars.length) {
    if (identifier !== undefined) scalars.unshift(identifier.toUpperCase());
    out.push(`${scalars.join('\t')}\n`);
  }
  for (const [k, v] of nonScalars) emit(v, out, k);
}
