// After tsc and the lab index: bundles the CLI (src/cli/bin.ts) into dist/cli/, one file per lazily loaded
// part (code splitting keeps every dynamic import() lazy), so start-up reads a few files instead of ~200 modules.
import { build } from 'esbuild';
import { chmodSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

// node:crypto, node:zlib and node:child_process cost a few milliseconds each to load, and most commands import them
// for a function they may never call (a temp-file name, a CRC, gzip for trail log files, commander's support for
// executable subcommands): in the bundle, those imports get a stand-in that loads the real module on first use.
// Our sources' ES imports get plain functions (only lower-case exports are offered, so importing a class or a
// constant fails the build instead of misbehaving); a bundled library's require() gets a proxy object.
const LAZY = /^(node:)?(crypto|zlib|child_process)$/;
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(b) {
    b.onResolve({ filter: LAZY }, (args) => {
      const path = args.path.startsWith('node:') ? args.path : `node:${args.path}`;
      if (args.kind === 'import-statement' && /[\\/]src[\\/]/.test(args.importer)) return { path, namespace: 'lazy-builtin' };
      if (args.kind === 'require-call') return { path, namespace: 'lazy-builtin-cjs' };
      return undefined;
    });
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, async (args) => {
      const names = Object.entries(await import(args.path))
        .filter(([n, v]) => typeof v === 'function' && /^[a-z]/.test(n) && n !== 'default')
        .map(([n]) => n);
      const lines = [
        `import { createRequire } from 'node:module';`,
        `let m;`,
        `const real = () => (m ??= createRequire(import.meta.url)(${JSON.stringify(args.path)}));`,
        ...names.map((n) => `export const ${n} = (...a) => real().${n}(...a);`),
      ];
      return { contents: lines.join('\n'), loader: 'js', resolveDir: root };
    });
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin-cjs' }, (args) => ({
      contents: [
        `let m;`,
        `const real = () => (m ??= require(${JSON.stringify(args.path)}));`,
        `module.exports = new Proxy({}, {`,
        `  get: (_, k) => real()[k],`,
        `  has: (_, k) => k in real(),`,
        `  ownKeys: () => Reflect.ownKeys(real()),`,
        `  getOwnPropertyDescriptor: (_, k) => ({ ...Reflect.getOwnPropertyDescriptor(real(), k), configurable: true }),`,
        `});`,
      ].join('\n'),
      loader: 'js',
      resolveDir: root,
    }));
  },
};
rmSync(new URL('../dist/cli', import.meta.url), { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { bin: 'src/cli/bin.ts' },
  outdir: 'dist/cli',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // The lazily required libraries (noble, yaml) stay in node_modules: createRequire(import.meta.url) finds them
  // by walking up from dist/cli/, as it does from dist/src/.
  external: ['@noble/*', 'yaml'],
  chunkNames: 'chunks/[name]-[hash]',
  sourcemap: true,
  sourcesContent: false,
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [lazyBuiltins],
  banner: { js: "import { createRequire as __kmsStudyRequire } from 'node:module'; const require = __kmsStudyRequire(import.meta.url);" },
});
chmodSync(new URL('../dist/cli/bin.js', import.meta.url), 0o755);
