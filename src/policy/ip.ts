// IPv4 and IPv6 addresses and CIDR blocks for the IpAddress / NotIpAddress condition operators.
// Addresses become BigInts; a CIDR matches when the top `prefix` bits agree. IPv4-mapped IPv6 is not unified.

interface Parsed {
  v6: boolean;
  value: bigint;
}

function parseV4(s: string): bigint | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  let v = 0n;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return undefined;
    v = (v << 8n) | BigInt(Number(p));
  }
  return v;
}

function parseV6(s: string): bigint | undefined {
  if (!/^[0-9a-fA-F:.]+$/.test(s)) return undefined;
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const groups = (h: string): string[] => (h === '' ? [] : h.split(':'));
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  const all = [...head, ...tail];
  let words: number[] = [];
  for (const g of all) {
    if (g.includes('.')) {
      const v4 = parseV4(g);
      if (v4 === undefined) return undefined;
      words.push(Number(v4 >> 16n), Number(v4 & 0xffffn));
    } else {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
      words.push(parseInt(g, 16));
    }
  }
  if (halves.length === 2) {
    const fill = 8 - words.length;
    if (fill < 1) return undefined;
    const headWords = head.reduce((n, g) => n + (g.includes('.') ? 2 : 1), 0);
    words = [...words.slice(0, headWords), ...new Array<number>(fill).fill(0), ...words.slice(headWords)];
  }
  if (words.length !== 8) return undefined;
  return words.reduce((acc, w) => (acc << 16n) | BigInt(w), 0n);
}

export function parseIp(s: string): Parsed | undefined {
  const v4 = parseV4(s);
  if (v4 !== undefined) return { v6: false, value: v4 };
  const v6 = parseV6(s);
  return v6 === undefined ? undefined : { v6: true, value: v6 };
}

interface Block {
  v6: boolean;
  shift: bigint;
  prefix: bigint;
}

const blocks = new Map<string, Block | null>();
const addresses = new Map<string, Parsed | null>();

function parseBlock(cidr: string): Block | null {
  const [net, bitsText] = cidr.split('/');
  const n = parseIp(net.trim());
  if (!n) return null;
  const width = n.v6 ? 128 : 32;
  const bits = bitsText === undefined ? width : Number(bitsText);
  if (!Number.isInteger(bits) || bits < 0 || bits > width) return null;
  const shift = BigInt(width - bits);
  return { v6: n.v6, shift, prefix: n.value >> shift };
}

function cached<T>(map: Map<string, T | null>, key: string, make: (k: string) => T | null | undefined): T | null {
  let v = map.get(key);
  if (v === undefined) {
    v = make(key) ?? null;
    if (map.size > 2000) map.clear();
    map.set(key, v);
  }
  return v;
}

/** True when `ip` lies in `cidr` ("10.0.0.0/8", "2001:db8::/32", or a bare address = /32 or /128). */
export function ipInCidr(ip: string, cidr: string): boolean {
  const a = cached(addresses, ip, (k) => parseIp(k.trim()));
  const b = cached(blocks, cidr, parseBlock);
  if (!a || !b || a.v6 !== b.v6) return false;
  return a.value >> b.shift === b.prefix;
}
