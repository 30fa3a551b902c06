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

/**
 * The yaml library's node classes mark each instance with Object.defineProperty, which is slow and makes every node
 * a dictionary-mode object: the bank fast reader (quiz/yaml-subset.ts) makes hundreds of thousands of them for a
 * large bank. So its nodes are made as the library's own (same prototype, same marker, read off a real instance,
 * so the library's isMap/isScalar/... and methods work) with plain assignments. The marker is then enumerable,
 * which nothing reading these nodes looks at.
 */
type Kind = { proto: object; marker: symbol; tag: unknown };
let kinds: { scalar: Kind; pair: Kind; map: Kind; seq: Kind } | undefined;

function kindsOf(): NonNullable<typeof kinds> {
  if (!kinds) {
    const y = yaml();
    const of = (node: object): Kind => {
      const marker = Object.getOwnPropertySymbols(node)[0];
      return { proto: Object.getPrototypeOf(node) as object, marker, tag: (node as Record<symbol, unknown>)[marker] };
    };
    kinds = { scalar: of(new y.Scalar(null)), pair: of(new y.Pair(null)), map: of(new y.YAMLMap()), seq: of(new y.YAMLSeq()) };
  }
  return kinds;
}

function make<T>(kind: Kind, fields: Record<string, unknown>): T {
  const node = Object.create(kind.proto) as Record<string | symbol, unknown>;
  node[kind.marker] = kind.tag;
  for (const k in fields) node[k] = fields[k];
  return node as T;
}

export const newScalar = (value: unknown): Scalar => make(kindsOf().scalar, { value });
export const newPair = (key: unknown, value: unknown): Pair => make(kindsOf().pair, { key, value });
export const newMap = (): YAMLMap => make(kindsOf().map, { schema: undefined, items: [] });
export const newSeq = (): YAMLSeq => make(kindsOf().seq, { schema: undefined, items: [] });
