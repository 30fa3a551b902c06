// AWS CLI shorthand syntax: `Key=Value,Key2=a,b` (a value followed by bare words is a list),
// `Key=[a,b]`, `Key={Nested=x}`, quoted values 'a,b' or "a,b". Returns plain strings, lists and objects;
// the model gives them types afterwards (coerce.ts).
import { CliUsageError } from './errors.js';

export type ShorthandValue = string | ShorthandValue[] | { [k: string]: ShorthandValue };

class Parser {
  i = 0;
  constructor(
    readonly s: string,
    readonly param: string,
  ) {}

  fail(what: string): never {
    const got = this.i < this.s.length ? `'${this.s[this.i]}'` : 'end of input';
    throw new CliUsageError(
      `aws: error: Error parsing parameter '${this.param}': Expected: ${what}, received: ${got} at position ${this.i} of ${JSON.stringify(this.s)}`,
    );
  }

  ws(): void {
    while (this.s[this.i] === ' ') this.i++;
  }

  parameter(closer?: string): Record<string, ShorthandValue> {
    const out: Record<string, ShorthandValue> = {};
    for (;;) {
      this.ws();
      const key = this.key();
      this.ws();
      if (this.s[this.i] !== '=') this.fail("'='");
      this.i++;
      out[key] = this.values(closer);
      this.ws();
      if (this.i >= this.s.length || this.s[this.i] === closer) return out;
      if (this.s[this.i] !== ',') this.fail("','");
      this.i++;
    }
  }

  key(): string {
    const m = /^[A-Za-z0-9\-_.#/:@*]+/.exec(this.s.slice(this.i));
    if (!m) this.fail('a key name');
    this.i += m[0].length;
    return m[0];
  }

  values(closer?: string): ShorthandValue {
    this.ws();
    const c = this.s[this.i];
    if (c === '[') return this.explicitList();
    if (c === '{') {
      this.i++;
      const v = this.s[this.i] === '}' ? {} : this.parameter('}');
      if (this.s[this.i] !== '}') this.fail("'}'");
      this.i++;
      return v;
    }
    const first = this.value(closer ? `,${closer}` : ',');
    const rest: string[] = [];
    // `a,b,c` after `Key=`: the following comma-separated words without '=' belong to this value as a list.
    while (this.s[this.i] === ',' && this.nextIsBareValue(closer)) {
      this.i++;
      rest.push(this.value(closer ? `,${closer}` : ','));
    }
    return rest.length ? [first, ...rest] : first;
  }

  nextIsBareValue(closer?: string): boolean {
    const after = this.s.slice(this.i + 1);
    const stop = after.search(closer ? new RegExp(`[,${closer === ']' ? '\\]' : closer}]`) : /,/);
    const chunk = stop < 0 ? after : after.slice(0, stop);
    if (/^\s*['"]/.test(chunk)) return true;
    return !/^\s*[A-Za-z0-9\-_.#/:@*]+\s*=/.test(chunk);
  }

  value(stops: string): string {
    this.ws();
    const q = this.s[this.i];
    if (q === "'" || q === '"') {
      const end = this.s.indexOf(q, this.i + 1);
      if (end < 0) this.fail(`closing ${q}`);
      const v = this.s.slice(this.i + 1, end);
      this.i = end + 1;
      return v;
    }
    let v = '';
    while (this.i < this.s.length && !stops.includes(this.s[this.i])) {
      if (this.s[this.i] === '\\' && this.i + 1 < this.s.length) this.i++;
      v += this.s[this.i++];
    }
    return v.trimEnd();
  }

  explicitList(): ShorthandValue[] {
    this.i++; // [
    const out: ShorthandValue[] = [];
    this.ws();
    if (this.s[this.i] === ']') {
      this.i++;
      return out;
    }
    for (;;) {
      this.ws();
      if (this.s[this.i] === '{') out.push(this.values(']'));
      else if (this.s[this.i] === '[') out.push(this.explicitList());
      else out.push(this.value(',]'));
      this.ws();
      if (this.s[this.i] === ']') {
        this.i++;
        return out;
      }
      if (this.s[this.i] !== ',') this.fail("',' or ']'");
      this.i++;
    }
  }
}

/** Parse `K=V,K2=V2` into an object. `param` is the option name for messages (--tags). */
export function parseShorthand(text: string, param: string): Record<string, ShorthandValue> {
  const p = new Parser(text, param);
  const v = p.parameter();
  if (p.i < text.length) p.fail('end of input');
  return v;
}

/** A shorthand list of scalars: `a,b,c` or `[a,b,c]`. */
export function parseShorthandList(text: string, param: string): ShorthandValue[] {
  const p = new Parser(text.trim(), param);
  if (p.s.startsWith('[')) {
    const v = p.explicitList();
    if (p.i < p.s.length) p.fail('end of input');
    return v;
  }
  const out: string[] = [p.value(',')];
  while (p.s[p.i] === ',') {
    p.i++;
    out.push(p.value(','));
  }
  return out;
}
