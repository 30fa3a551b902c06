// Where the package's files (questions/, labs/, notes/, dist/lab-index.json) are, from the running program's own
// file: dist/cli/bin.js (the bundle), dist/src/cli/bin.js (tsc's output) or an installed copy of either.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const PACKAGE_NAME = 'kms-study';

/** Reads a package.json's name, or undefined where there is none (or it is not JSON). */
function nameAt(dir: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown }).name as string | undefined;
  } catch {
    return undefined;
  }
}

/**
 * The nearest directory at or above `from` whose package.json is named kms-study. Walks at most `maxUp` levels (the
 * program sits two or three below the root); throws if none is found, since no command can work without it.
 */
export function findPackageRoot(from: string, readName: (dir: string) => string | undefined = nameAt, maxUp = 6): string {
  let dir = from;
  for (let i = 0; i <= maxUp; i++) {
    if (readName(dir) === PACKAGE_NAME) return dir;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  throw new Error(`kms-study: cannot find the package root (a package.json named "${PACKAGE_NAME}") above ${from}`);
}
