// After tsc and the lab index: bundles the CLI (src/cli/bin.ts) into dist/cli/, one file per lazily loaded
// part (code splitting keeps every dynamic import() lazy), so start-up reads a few files instead of ~200 modules.
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const external = process.env.KMS_STUDY_BUNDLE_EXTERNAL === '1';
await build({
  absWorkingDir: root,
  entryPoints: { bin: 'src/cli/bin.ts' },
  outdir: 'dist/cli',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: external ? 'external' : undefined,
  // The lazily required libraries (noble, yaml) stay in node_modules: createRequire(import.meta.url) finds them
  // by walking up from dist/cli/, as it does from dist/src/.
  external: ['@noble/*', 'yaml'],
  chunkNames: 'chunks/[name]-[hash]',
  sourcemap: true,
  sourcesContent: false,
  legalComments: 'none',
  logLevel: 'warning',
  banner: { js: "import { createRequire as __kmsStudyRequire } from 'node:module'; const require = __kmsStudyRequire(import.meta.url);" },
});
chmodSync(new URL('../dist/cli/bin.js', import.meta.url), 0o755);
