// The program users run, for tests that spawn it: the launcher (bin/kms-study.js, what `npx kms-study` runs) and
// the bundle it runs (dist/cli/bin.js, written by `npm run build`). Tests spawn the bundle itself, so a build
// without it fails them instead of quietly testing tsc's output.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const LAUNCHER = join(ROOT, 'bin', 'kms-study.js');
export const BUNDLE = join(ROOT, 'dist', 'cli', 'bin.js');
