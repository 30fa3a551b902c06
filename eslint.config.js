// ESLint 9 flat config: JavaScript's and typescript-eslint's recommended rules (the fast set without type
// information; `tsc` does the type checking) for the sources, tests, benchmarks and scripts, plus a few rules
// the code already follows. Layout is Prettier's job (`npm run format:check`): no rule here is about spacing,
// quotes, semicolons or line breaks, so the two never disagree (eslint-config-prettier is not needed).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** The Node globals the plain JavaScript files use (the TypeScript files get theirs from @types/node). */
const nodeGlobals = { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' };

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', 'node_modules/', '.kms-study-home/'] },
  {
    files: ['**/*.ts', '**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    // A warning, not an error: a disable comment for a rule that is off here (no-control-regex) is harmless.
    linterOptions: { reportUnusedDisableDirectives: 'warn' },
    rules: {
      // Unused names are errors, except those marked deliberately unused with a leading underscore (a
      // parameter an interface requires) and fields left out of a rest object (`const { a, ...rest } = x`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Off: the terminal code matches ANSI colour sequences (/\x1b\[[0-9;]*m/) on purpose, which is the only
      // thing this rule reports here.
      'no-control-regex': 'off',
      // Already the code's habits, kept that way.
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'object-shorthand': 'error',
      '@typescript-eslint/array-type': 'error',
    },
  },
  {
    // Commands write to the injected stdout/stderr so that tests capture every line; a console call would
    // bypass them.
    files: ['src/**/*.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: nodeGlobals },
  },
  {
    // CommonJS configuration files (tools that read `module.exports`).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...nodeGlobals, module: 'writable', require: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
