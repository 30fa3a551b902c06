// Which Host headers the local endpoint answers: a loopback name or address, or the --host it was bound to.
// A page in a browser that rebinds its own domain name to 127.0.0.1 still sends its own name, so it is refused.
import { isIP } from 'node:net';

/** 127.0.0.1 and its short forms (127.1, 127.0.1), the rest of 127/8, ::1 in any spelling, ::ffff:127.x, localhost. */
export function isLoopback(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (/^127(\.\d{1,3}){0,3}$/.test(h) && isIPv4Loose(h)) return true;
  if (isIP(h) !== 6) return false;
  const groups = expandIPv6(h);
  if (!groups) return false;
  if (groups.slice(0, 7).every((g) => g === 0) && groups[7] === 1) return true;
  // ::ffff:127.x.y.z (IPv4-mapped)
  return groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff && groups[6] >> 8 === 127;
}

function isIPv4Loose(h: string): boolean {
  return h.split('.').every((p) => Number(p) <= 255);
}

/** Eight 16-bit groups of an IPv6 address (with an optional dotted IPv4 tail). */
function expandIPv6(h: string): number[] | undefined {
  let text = h.replace(/%.*$/, '');
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number);
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const fill = tail === undefined ? [] : new Array(8 - left.length - right.length).fill('0');
  const all = [...left, ...fill, ...right];
  return all.length === 8 ? all.map((g) => parseInt(g, 16)) : undefined;
}

/** The host part of a Host header ('[::1]:4599' -> '::1', 'localhost:80' -> 'localhost'). */
export function hostOf(header: string): string {
  const h = header.trim();
  const bracket = /^\[([^\]]*)\](?::\d*)?$/.exec(h);
  if (bracket) return bracket[1];
  // A bare IPv6 address (several colons) has no port.
  if ((h.match(/:/g) ?? []).length > 1) return h;
  return h.replace(/:\d*$/, '');
}

/** True when a request's Host header names this endpoint: loopback, or the address it was bound to. */
export function hostAllowed(header: string | undefined, boundHost?: string): boolean {
  if (!header) return false;
  const host = hostOf(header).toLowerCase();
  if (isLoopback(host)) return true;
  return boundHost !== undefined && host === hostOf(boundHost).toLowerCase();
}
