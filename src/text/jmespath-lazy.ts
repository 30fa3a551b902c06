// The JMESPath library (--query, lab state checks), loaded the first time an expression is compiled: a command
// without --query (most of them) does not pay for its 70 KB. The same names as the library's, for its callers.
import { createRequire } from 'node:module';

type JmesPath = typeof import('@jmespath-community/jmespath');
let lib: JmesPath | undefined;

/** The library (its CommonJS build, so require() loads it synchronously everywhere, test runners included). */
function jmespath(): JmesPath {
  return (lib ??= createRequire(import.meta.url)('@jmespath-community/jmespath') as JmesPath);
}

/** Whether the library has been loaded in this process (tests of lazy loading). */
export const jmespathLoaded = (): boolean => lib !== undefined;

export const compile: JmesPath['compile'] = (...args) => jmespath().compile(...args);
export const search: JmesPath['search'] = (...args) => jmespath().search(...args);
