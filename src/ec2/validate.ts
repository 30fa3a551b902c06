// Reading EC2 request members (the CLI has already typed them), EC2-style filters and NextToken paging.
// Messages for bad members are ours where EC2's are not documented.
import { InvalidNextToken, InvalidParameterValue, MissingParameter } from './errors.js';

export type Req = Record<string, unknown>;

export function optStr(req: Req, name: string): string | undefined {
  const v = req[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new InvalidParameterValue(`Invalid value for parameter ${name}.`);
  return v;
}

/** EC2's MissingParameter wording: https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html */
export function reqStr(req: Req, name: string): string {
  const v = optStr(req, name);
  if (v === undefined || v === '') throw new MissingParameter(`The request must contain the parameter ${name}`);
  return v;
}

export function optBool(req: Req, name: string): boolean | undefined {
  const v = req[name];
  return v === undefined || v === null ? undefined : Boolean(v);
}

export function optInt(req: Req, name: string): number | undefined {
  const v = req[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new InvalidParameterValue(`Invalid value '${String(v)}' for ${name}.`);
  return v;
}

export function strList(req: Req, name: string): string[] {
  const v = req[name];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new InvalidParameterValue(`Invalid value for parameter ${name}.`);
  return v.map(String);
}

export interface Filter {
  name: string;
  values: string[];
}

export function filters(req: Req): Filter[] {
  const v = req.Filters;
  if (!Array.isArray(v)) return [];
  return v.map((f: Record<string, unknown>) => ({ name: String(f.Name ?? ''), values: Array.isArray(f.Values) ? f.Values.map(String) : [] }));
}

/** EC2 filter values allow * and ? wildcards. */
function like(pattern: string, value: string): boolean {
  const re = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  );
  return re.test(value);
}

/**
 * Keeps the items every filter matches (values of one filter are ORed). `fields` maps a filter name to the item's
 * values; `tag:<key>` reads Tags. An unknown filter name is EC2's InvalidParameterValue (wording ours).
 */
export function applyFilters<T>(
  items: T[],
  fs: Filter[],
  fields: Record<string, (x: T) => unknown>,
  tags?: (x: T) => { Key: string; Value: string }[] | undefined,
): T[] {
  for (const f of fs) {
    const tagKey = f.name.startsWith('tag:') ? f.name.slice(4) : undefined;
    const get = fields[f.name];
    if (!get && !(tagKey && tags)) throw new InvalidParameterValue(`The filter '${f.name}' is invalid`);
    items = items.filter((x) => {
      const raw = tagKey
        ? tags?.(x)
            ?.filter((t) => t.Key === tagKey)
            .map((t) => t.Value)
        : get(x);
      const vals = (Array.isArray(raw) ? raw : [raw]).filter((r) => r !== undefined).map(String);
      return f.values.some((p) => vals.some((v) => like(p, v)));
    });
  }
  return items;
}

/** MaxResults/NextToken paging; tokens are ours ("ec2-<offset>"). */
export function pageOf<T>(items: T[], req: Req, min = 5, max = 1000): { items: T[]; nextToken?: string } {
  const limit = optInt(req, 'MaxResults');
  const token = optStr(req, 'NextToken');
  let from = 0;
  if (token !== undefined) {
    const m = /^ec2-(\d+)$/.exec(token);
    if (!m || Number(m[1]) > items.length) throw new InvalidNextToken(`The token '${token}' is invalid`);
    from = Number(m[1]);
  }
  if (limit === undefined) return { items: items.slice(from) };
  if (limit < min || limit > max)
    throw new InvalidParameterValue(`Value ( ${limit} ) for parameter maxResults is invalid. Expecting a value between ${min} and ${max}.`);
  const slice = items.slice(from, from + limit);
  return from + limit < items.length ? { items: slice, nextToken: `ec2-${from + limit}` } : { items: slice };
}
