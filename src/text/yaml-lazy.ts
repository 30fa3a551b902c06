// The yaml library, loaded the first time a file is really parsed: with the bank parse cache warm (quiz, stats)
// no YAML is parsed and its hundred modules need not load. The same names as the library's, for its callers.
import { createRequire } from 'node:module';
import type { LineCounter, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';

type Yaml = typeof import('yaml');
let lib: Yaml | undefined;

/** The library (a CommonJS package, so require() loads it synchronously everywhere, test runners included). */
export function yaml(): Yaml {
  return (lib ??= createRequire(import.meta.url)('yaml') as Yaml);
}

export const isMap = (node: unknown): node is YAMLMap => yaml().isMap(node);
export const isSeq = (node: unknown): node is YAMLSeq => yaml().isSeq(node);
export const isScalar = (node: unknown): node is Scalar => yaml().isScalar(node);
export const newLineCounter = (): LineCounter => new (yaml().LineCounter)();
export const newScalar = (value: unknown): Scalar => new (yaml().Scalar)(value);
export const newPair = (key: unknown, value: unknown): Pair => new (yaml().Pair)(key, value);
export const newMap = (): YAMLMap => new (yaml().YAMLMap)();
export const newSeq = (): YAMLSeq => new (yaml().YAMLSeq)();
