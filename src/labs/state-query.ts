// The `service_state` lab check's query: a JMESPath expression over a simulated service's own state document
// (`World.serviceState(name)`, e.g. S3's buckets or EC2's volumes), with the lab's $VARIABLES expanded.
import { compile, search } from '../text/jmespath-lazy.js';
import { expandVars } from './setup.js';

const OPTIONS = { enable_legacy_literals: true };

/** Why `expression` is not a JMESPath expression, or undefined when it compiles. */
export function queryProblem(expression: string): string | undefined {
  try {
    compile(expression, OPTIONS);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

/** The expression's result over `state` (null when the service keeps no state or the path is missing). */
export function stateQuery(state: unknown, expression: string): unknown {
  if (state === undefined) return null;
  return search(state as Parameters<typeof search>[0], expression, OPTIONS);
}

/** The check's expected value with $VARIABLES expanded in every string. */
export function expandEquals(v: unknown, vars: Record<string, string>): unknown {
  if (typeof v === 'string') return expandVars(v, vars);
  if (Array.isArray(v)) return v.map((x) => expandEquals(x, vars));
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, expandEquals(x, vars)]));
  return v;
}
