// The AWS CLI's automatic pagination (botocore paginators): fetch every page and merge the result key,
// or stop at --max-items and print a NextToken that --starting-token resumes from. Tokens are
// base64 JSON {"<InputToken>": ..., "boto_truncate_amount": n} as botocore writes them.
import { decodeBase64, encodeBase64 } from './b64.js';
import { CliUsageError } from './errors.js';
import type { Paginator } from './model/index.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

interface ResumeToken {
  token?: unknown;
  skip: number;
}

function decodeToken(text: string, p: Paginator): ResumeToken {
  const bytes = decodeBase64(text);
  let doc: unknown;
  try {
    doc = bytes ? JSON.parse(new TextDecoder().decode(bytes)) : undefined;
  } catch {
    doc = undefined;
  }
  if (!doc || typeof doc !== 'object') throw new CliUsageError(`aws: error: argument --starting-token: Bad starting token: ${text}`);
  const d = doc as Record<string, unknown>;
  const skip = typeof d.boto_truncate_amount === 'number' ? d.boto_truncate_amount : 0;
  return { token: d[p.inputToken], skip };
}

function encodeToken(p: Paginator, token: unknown, skip: number): string {
  const doc: Record<string, unknown> = {};
  if (token !== undefined) doc[p.inputToken] = token;
  if (skip) doc.boto_truncate_amount = skip;
  return encodeBase64(utf8(JSON.stringify(doc)));
}

export interface PageOptions {
  maxItems?: number;
  startingToken?: string;
  pageSize?: number;
}

/** Calls `fetch` page by page and returns the merged result as the CLI prints it. */
export function paginate(
  p: Paginator,
  request: Record<string, unknown>,
  opts: PageOptions,
  fetch: (req: Record<string, unknown>) => Record<string, unknown>,
): Record<string, unknown> {
  const start = opts.startingToken ? decodeToken(opts.startingToken, p) : { token: undefined, skip: 0 };
  let token = start.token;
  let skip = start.skip;
  const items: unknown[] = [];
  let nextToken: string | undefined;
  for (let page = 0; page < 10_000; page++) {
    const req = { ...request };
    if (token !== undefined) req[p.inputToken] = token;
    if (opts.pageSize !== undefined && p.limitKey) req[p.limitKey] = opts.pageSize;
    const res = fetch(req);
    const pageItems = ((res[p.resultKey] as unknown[] | undefined) ?? []).slice(skip);
    const consumedBefore = skip;
    skip = 0;
    const next = res[p.outputToken];
    const more = p.moreResults ? Boolean(res[p.moreResults]) && next !== undefined : next !== undefined && next !== '';
    if (opts.maxItems !== undefined && items.length + pageItems.length > opts.maxItems) {
      const take = opts.maxItems - items.length;
      items.push(...pageItems.slice(0, take));
      nextToken = encodeToken(p, token, consumedBefore + take);
      break;
    }
    items.push(...pageItems);
    if (!more) break;
    if (opts.maxItems !== undefined && items.length === opts.maxItems) {
      nextToken = encodeToken(p, next, 0);
      break;
    }
    token = next;
  }
  const out: Record<string, unknown> = { [p.resultKey]: items };
  if (nextToken) out.NextToken = nextToken;
  return out;
}
