// After tsc and the lab index: bundles the CLI (src/cli/bin.ts) into dist/cli/, one file per lazily loaded
// part (code splitting keeps every dynamic import() lazy), so start-up reads a few files instead of ~200 modules.
import { build } from 'esbuild';
import { chmodSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

// node:crypto and node:zlib cost a few milliseconds to load, and most commands import them for a function they may
// never call (a temp-file name, a CRC, gzip for trail log files): in the bundle, our sources' imports of them get a
// stand-in whose functions load the real module on first call. Only lower-case (plain function) exports are
// offered, so an import of anything else (a class, a constant) fails the build instead of misbehaving.
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(b) {
    b.onResolve({ filter: /^node:(crypto|zlib)$/ }, (args) =>
      args.kind === 'import-statement' && /[\\/]src[\\/]/.test(args.importer) ? { path: args.path, namespace: 'lazy-builtin' } : undefined,
    );
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
