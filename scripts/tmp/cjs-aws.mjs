import { build } from 'esbuild';
import { lazyBuiltins } from '../bundle-lib.mjs';
await build({ absWorkingDir: '/work/main', entryPoints: { 'aws-proto': 'src/cli/aws-run.ts' }, outdir: '/work/main/dist/cli', bundle: true, splitting: false, format: 'cjs',
  platform: 'node', target: 'node20', external: ['@noble/*', 'yaml'], sourcemap: true, sourcesContent: false, legalComments: 'none', minifyWhitespace: true, minifySyntax: true,
  define: { 'import.meta.url': '__kmsImportMetaUrl' }, banner: { js: 'var __kmsImportMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  plugins: [lazyBuiltins('/work/main/src/')], logLevel: 'warning', outExtension: { '.js': '.cjs' } });
