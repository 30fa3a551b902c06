// The executable's randomness: the operating system's generator. On Linux and macOS it is read from /dev/urandom
// (the kernel's CSPRNG, what Node's own crypto uses underneath), 4 KB at a time; elsewhere, or when that device
// cannot be read, from Web Crypto's getRandomValues. Reading the device directly spares a command the few
// milliseconds that loading Web Crypto costs at start-up (every simulated call draws random event ids).
import { closeSync, openSync, readSync } from 'node:fs';

const POOL = 4096;

/** A randomBytes(n) function; `device` is the path to read (tests point it elsewhere). */
export function osRandom(device: string | undefined = process.platform === 'win32' ? undefined : '/dev/urandom'): (n: number) => Uint8Array {
  let pool: Uint8Array = new Uint8Array(0);
  let at = 0;
  let useDevice = device !== undefined;
  const webCrypto = (n: number) => {
    const out = new Uint8Array(n);
    // getRandomValues fills at most 65,536 bytes per call.
    for (let i = 0; i < n; i += 65_536) globalThis.crypto.getRandomValues(out.subarray(i, Math.min(n, i + 65_536)));
    return out;
  };
  const fromDevice = (n: number): Uint8Array | undefined => {
    const buf = new Uint8Array(n);
    try {
      const fd = openSync(device!, 'r');
      try {
        let got = 0;
        while (got < n) {
          const r = readSync(fd, buf, got, n - got, null);
          if (r === 0) return undefined; // not a random device (a regular file ran out)
          got += r;
        }
      } finally {
        closeSync(fd);
      }
      return buf;
    } catch {
      return undefined;
    }
  };
  return (n: number) => {
    if (useDevice) {
      if (n > POOL) {
        const big = fromDevice(n);
        if (big) return big;
      } else {
        if (at + n > pool.length) {
          const fresh = fromDevice(POOL);
          if (fresh) {
            pool = fresh;
            at = 0;
          }
        }
        if (at + n <= pool.length) {
          const out = pool.slice(at, at + n);
          pool.fill(0, at, at + n); // handed out once
          at += n;
          return out;
        }
      }
      useDevice = false; // the device failed: Web Crypto from now on
    }
    return webCrypto(n);
  };
}
