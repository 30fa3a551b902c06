// How the CLI is bundled (scripts/bundle.mjs runs it; test/e2e/bundle-lib.test.ts builds small fixtures with it):
// esbuild with code splitting (every dynamic import() stays a lazily loaded chunk), source maps beside the output,
// lazy stand-ins for costly Node builtins, and a require() only in the chunks that call one.
import { build } from 'esbuild';
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

// node:crypto, node:zlib and node:child_process cost a few milliseconds each to load, and most commands import them
// for a function they may never call (a temp-file name, a CRC, gzip for trail log files, commander's support for
// executable subcommands): in the bundle, those imports get a stand-in that loads the real module on first use.
// ES imports from `sourceDir` get plain functions (only lower-case exports are offered, so importing a class or a
// constant fails the build instead of misbehaving); a require() (bundled CommonJS libraries) gets a proxy object.
const LAZY = /^(node:)?(crypto|zlib|child_process)$/;

/** The esbuild plugin for the stand-ins; `sourceDir` is the folder whose ES imports get function stand-ins. */
export function lazyBuiltins(sourceDir) {
  return {
    name: 'lazy-builtins',
    setup(b) {
      b.onResolve({ filter: LAZY }, (args) => {
        // The stand-ins' own loads of the real module are left to Node.
        if (args.namespace === 'lazy-builtin' || args.namespace === 'lazy-builtin-cjs') return undefined;
        const path = args.path.startsWith('node:') ? args.path : `node:${args.path}`;
        if (args.kind === 'import-statement' && args.importer.startsWith(sourceDir)) return { path, namespace: 'lazy-builtin' };
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
        return { contents: lines.join('\n'), loader: 'js', resolveDir: sourceDir };
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
        resolveDir: sourceDir,
      }));
    },
  };
}

// Bundled CommonJS code calls require(): the chunks that do get one, made with createRequire. Only those: the others
// (bin.js on the --version path among them) skip the extra import. The line goes after the shebang, and the source
// map's mappings move down one line to match.
const BANNER = "import { createRequire as __kmsStudyRequire } from 'node:module'; const require = __kmsStudyRequire(import.meta.url);";
const usesRequire = (code) => /typeof require\b|(?<![\w$.])require\(/.test(code);

async function buildOne(options, plugins) {
  const result = await build({
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    sourcesContent: false,
    legalComments: 'none',
    // Less to read and parse at every start (a few ms on the aws path); names are kept, so a stack trace still
    // says which function, and the source maps map it back to src/ (bin.ts turns them on for --debug).
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'warning',
    write: false,
    ...options,
    plugins,
  });
  const needsBanner = new Set(result.outputFiles.filter((f) => f.path.endsWith('.js') && usesRequire(f.text)).map((f) => f.path));
  for (const f of result.outputFiles) {
    mkdirSync(dirname(f.path), { recursive: true });
    if (needsBanner.has(f.path)) {
      const shebang = f.text.startsWith('#!') ? f.text.slice(0, f.text.indexOf('\n') + 1) : '';
      writeFileSync(f.path, `${shebang}${BANNER}\n${f.text.slice(shebang.length)}`);
    } else if (f.path.endsWith('.js.map') && needsBanner.has(f.path.slice(0, -4))) {
      const map = JSON.parse(f.text);
      writeFileSync(f.path, JSON.stringify({ ...map, mappings: `;${map.mappings}` }));
    } else writeFileSync(f.path, f.contents);
  }
  return result.outputFiles.filter((f) => /\.c?js$/.test(f.path)).map((f) => f.path);
}

/**
 * Bundles `entry` (a path relative to `root`) into `outdir` (cleared first) as `<outdir>/<name>.js` plus chunks/;
 * `external` packages stay in node_modules. Returns the written .js and .cjs files.
 *
 * `standalone` lists hot paths that also get a bundle of their own, `{ entry, name }` -> `<outdir>/<name>.cjs`: one
 * CommonJS file with everything the entry reaches (its dynamic imports included) instead of a chain of chunks, which
 * src/cli/standalone.ts loads with V8's code cache (Node pays for every module file it loads, and compiles all of
 * it at every start). A standalone bundle shares no module with the chunks, so a process that loads one must not
 * load the chunks for the same work as well (two copies of a class would not be one class).
 */
export async function bundle({ root, entry, name, outdir, sourceDir, external = [], standalone = [] }) {
  rmSync(outdir, { recursive: true, force: true });
  const common = { absWorkingDir: root, outdir, external };
  const files = await buildOne({ ...common, entryPoints: { [name]: entry }, splitting: true, chunkNames: 'chunks/[name]-[hash]' }, [lazyBuiltins(sourceDir)]);
  for (const s of standalone)
    files.push(
      ...(await buildOne(
        {
          ...common,
          entryPoints: { [s.name]: s.entry },
          splitting: false,
          format: 'cjs',
          outExtension: { '.js': '.cjs' },
          // import.meta.url (createRequire for the lazily required libraries) is the bundle file's URL.
          define: { 'import.meta.url': '__kmsStudyImportMetaUrl' },
          banner: { js: 'var __kmsStudyImportMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
        },
        [lazyBuiltins(sourceDir)],
      )),
    );
  chmodSync(join(outdir, `${name}.js`), 0o755);
  return files;
}
