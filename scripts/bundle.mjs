// After tsc and the lab index: bundles the CLI (src/cli/bin.ts) into dist/cli/ (scripts/bundle-lib.mjs says how):
// one file per lazily loaded part, so start-up reads a few files instead of ~200 modules; the commands people run
// most (`aws ...`, the lab list and stats) each get one standalone CommonJS file, which bin.js loads instead of the
// chunks, with V8's code cache (src/cli/standalone.ts).
import { fileURLToPath } from 'node:url';
import { bundle } from './bundle-lib.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
await bundle({
  root,
  entry: 'src/cli/bin.ts',
  name: 'bin',
  outdir: fileURLToPath(new URL('../dist/cli', import.meta.url)),
  sourceDir: fileURLToPath(new URL('../src/', import.meta.url)),
  // The lazily required libraries (noble, yaml) stay in node_modules: createRequire(import.meta.url) finds them
  // by walking up from dist/cli/, as it does from dist/src/.
  external: ['@noble/*', 'yaml'],
  standalone: [
    { entry: 'src/cli/aws-run.ts', name: 'aws' },
    { entry: 'src/cli/fast-lab.ts', name: 'lab-list' },
    { entry: 'src/cli/fast-stats.ts', name: 'stats' },
  ],
});
