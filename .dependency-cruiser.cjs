// The allowed import direction of src/, enforced by dependency-cruiser (`npm run lint:arch`).
// docs/architecture.md draws the same table. Each folder may import only the folders listed for it (and
// itself); every other arrow is forbidden. The rules below are generated from ALLOWED, so the table is the
// one place to change.
//
//   shared (errors.ts, exit-codes.ts, content/, text/)  <- everything; imports only each other
//   aws  <- policy  <- services (kms, iam, sts, cloudtrail, ...)  <- sim  <- awscli  <- quiz  <- labs, notes
//        <- storage  <- server  <- cli
//
// A service never imports another service: it calls it through the world (src/aws/service.ts ServiceContext).

/** Every simulated service: one folder each, all on the same level (they may not import each other). */
const SERVICES = ['kms', 'iam', 'sts', 'cloudtrail', 's3', 'ec2', 'logs', 'sns', 'events', 'cloudwatch'];
/** Vocabulary and utilities usable from every folder above aws; they import nothing of ours but each other. */
const SHARED = ['errors', 'exit-codes', 'content', 'text'];

const below = {};
below.aws = [];
below.policy = ['aws'];
for (const s of SERVICES) below[s] = ['aws', 'policy'];
below.sim = ['aws', 'policy', ...SERVICES];
below.awscli = ['sim', ...below.sim];
below.quiz = ['awscli', ...below.awscli];
below.labs = ['quiz', ...below.quiz];
below.notes = ['quiz', ...below.quiz];
below.storage = ['labs', 'notes', ...below.labs];
below.server = ['storage', ...below.storage];
below.cli = ['server', ...below.server];

/** folder -> folders it may import (besides itself). */
const ALLOWED = {};
for (const s of SHARED) ALLOWED[s] = SHARED.filter((x) => x !== s);
for (const [folder, deps] of Object.entries(below)) ALLOWED[folder] = [...new Set([...deps, ...(folder === 'aws' ? [] : SHARED)])];

/** A folder under src/ or a top-level src/<name>.ts module. */
const unit = (names) => `^src/(${names.map((n) => n.replace(/[.-]/g, (c) => `\\${c}`)).join('|')})(/|\\.ts$)`;

const directionRules = Object.entries(ALLOWED).map(([folder, allowed]) => ({
  name: `direction-${folder}`,
  comment: `src/${folder} may import only: ${allowed.length ? allowed.join(', ') : 'nothing of ours'} (docs/architecture.md)`,
  severity: 'error',
  from: { path: unit([folder]) },
  to: { path: '^src/', pathNot: unit([folder, ...allowed]) },
}));

/** Folders that never touch the outside world (test/architecture.test.ts checks wall clock and randomness too). */
const PURE = ['aws', 'policy', ...SERVICES, 'sim', 'awscli', 'labs', 'quiz', 'notes', 'content', 'text'];

module.exports = {
  forbidden: [
    ...directionRules,
    {
      name: 'no-src-outside-src',
      comment: 'src/ never imports tests, benchmarks or scripts',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(test|bench|scripts)/' },
    },
    {
      name: 'no-circular',
      comment:
        'No import cycles between modules that exist at run time. A cycle of type-only imports (erased by tsc) does not ' +
        'change load order and is tolerated; any other cycle needs a comment here saying why it must be.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'pure-no-io',
      comment: 'The pure folders take values and return values: no file system, network, process or terminal modules',
      severity: 'error',
      from: { path: unit(PURE) },
      to: { dependencyTypes: ['core'], path: '^(node:)?(fs|fs/promises|child_process|net|http|https|http2|os|readline|process|tty|worker_threads|cluster|dgram|dns)$' },
    },
    {
      name: 'pure-no-cli-or-storage-libraries',
      comment: 'conf, @inquirer/prompts and chalk belong to src/storage and src/cli',
      severity: 'error',
      from: { path: unit(PURE) },
      to: { path: '(^|/)node_modules/(conf|@inquirer/prompts|chalk)/' },
    },
    {
      name: 'inquirer-only-in-prompter',
      comment: 'src/cli/prompter.ts is the only importer of @inquirer/prompts',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/cli/prompter\\.ts$' },
      to: { path: '(^|/)node_modules/@inquirer/prompts/' },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that does not resolve is a typo or a missing file',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], mainFields: ['module', 'main', 'types'] },
  },
};
