// The noble cryptography libraries, each loaded the first time an operation needs it: importing them costs
// tens of milliseconds (AES tables, curve precomputation), which a command like list-keys must not pay.
// The engine stays synchronous: Node (>= 20.19) loads these ES modules with require(); a host that cannot do
// that (a test runner's module sandbox) imports them ahead with preloadNoble().
import { createRequire } from 'node:module';

interface Libraries {
  '@noble/ciphers/aes.js': typeof import('@noble/ciphers/aes.js');
  '@noble/ciphers/chacha.js': typeof import('@noble/ciphers/chacha.js');
  '@noble/curves/abstract/edwards.js': typeof import('@noble/curves/abstract/edwards.js');
  '@noble/curves/ed25519.js': typeof import('@noble/curves/ed25519.js');
  '@noble/curves/nist.js': typeof import('@noble/curves/nist.js');
  '@noble/curves/secp256k1.js': typeof import('@noble/curves/secp256k1.js');
  '@noble/hashes/hmac.js': typeof import('@noble/hashes/hmac.js');
  '@noble/hashes/legacy.js': typeof import('@noble/hashes/legacy.js');
  '@noble/hashes/sha2.js': typeof import('@noble/hashes/sha2.js');
  '@noble/post-quantum/ml-dsa.js': typeof import('@noble/post-quantum/ml-dsa.js');
}
export type NobleLibrary = keyof Libraries;

const loaded = new Map<NobleLibrary, unknown>();
let requireModule: ((id: string) => unknown) | undefined;

/** The library's exports, loaded on the first call. */
export function noble<K extends NobleLibrary>(name: K): Libraries[K] {
  let lib = loaded.get(name);
  if (lib === undefined) {
    requireModule ??= createRequire(import.meta.url);
    lib = requireModule(name);
    loaded.set(name, lib);
  }
  return lib as Libraries[K];
}

/** Imports every library ahead, for hosts whose require() cannot load ES modules. */
export async function preloadNoble(): Promise<void> {
  const all: { [K in NobleLibrary]: () => Promise<Libraries[K]> } = {
    '@noble/ciphers/aes.js': () => import('@noble/ciphers/aes.js'),
    '@noble/ciphers/chacha.js': () => import('@noble/ciphers/chacha.js'),
    '@noble/curves/abstract/edwards.js': () => import('@noble/curves/abstract/edwards.js'),
    '@noble/curves/ed25519.js': () => import('@noble/curves/ed25519.js'),
    '@noble/curves/nist.js': () => import('@noble/curves/nist.js'),
    '@noble/curves/secp256k1.js': () => import('@noble/curves/secp256k1.js'),
    '@noble/hashes/hmac.js': () => import('@noble/hashes/hmac.js'),
    '@noble/hashes/legacy.js': () => import('@noble/hashes/legacy.js'),
    '@noble/hashes/sha2.js': () => import('@noble/hashes/sha2.js'),
    '@noble/post-quantum/ml-dsa.js': () => import('@noble/post-quantum/ml-dsa.js'),
  };
  for (const [name, load] of Object.entries(all) as [NobleLibrary, () => Promise<unknown>][]) if (!loaded.has(name)) loaded.set(name, await load());
}
