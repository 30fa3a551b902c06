// The smoke run on the Node.js versions learners use (22 and 24): each version's binary comes from the npm
// registry's `node` package (installed once into scripts/smoke/node<N>/ from its lockfile), then runs the built
// CLI through its launcher (bin/kms-study.js, which runs the bundle): --version, a piped quiz, a lab's reference
// solution, and `serve` answering one KMS request.
// Needs `npm run build` first (npm test's pretest does it). Usage: node scripts/smoke.mjs [22 24]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const versions = process.argv.slice(2).length ? process.argv.slice(2) : ['22', '24'];
const bin = join(root, 'bin/kms-study.js');
let failed = 0;

function fail(version, what) {
  failed += 1;
  process.stderr.write(`smoke on Node ${version}: FAILED: ${what}\n`);
}

function nodeBinary(version) {
  const dir = join(root, 'scripts/smoke', `node${version}`);
  const node = join(dir, 'node_modules/node/bin/node');
  if (!existsSync(node)) {
    process.stdout.write(`smoke on Node ${version}: installing node@${version} from the npm registry...\n`);
    const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, encoding: 'utf8' });
    if (r.status !== 0 || !existsSync(node)) throw new Error(`could not install node@${version} into ${dir}: ${(r.stderr || r.stdout).trim().split('\n').pop()}`);
  }
  return node;
}

function runCli(node, args, home, input = '') {
  return spawnSync(node, [bin, ...args], { input, encoding: 'utf8', env: { ...process.env, KMS_STUDY_HOME: home, NO_COLOR: '1' }, timeout: 60_000 });
}

async function serveOneRequest(node, home) {
  const child = spawn(node, [bin, 'serve', '--port', '0', '--quiet'], { env: { ...process.env, KMS_STUDY_HOME: home, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const url = await new Promise((ok, no) => {
      let out = '';
      const timer = setTimeout(() => no(new Error('serve did not start within 20 s')), 20_000);
      child.stdout.on('data', (d) => {
        out += d;
        const m = /listening on (http:\/\/\S+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          ok(m[1]);
        }
      });
      child.once('exit', (code) => no(new Error(`serve exited with ${code}`)));
    });
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': 'TrentService.CreateKey',
        Authorization: 'AWS4-HMAC-SHA256 Credential=default/20261205/us-east-1/kms/aws4_request, SignedHeaders=host, Signature=x',
      },
      body: JSON.stringify({ Description: 'smoke' }),
    });
    const body = await res.json();
    if (res.status !== 200 || !body.KeyMetadata?.KeyId) throw new Error(`CreateKey answered ${res.status} ${JSON.stringify(body)}`);
  } finally {
    child.kill('SIGTERM');
    await new Promise((ok) => (child.exitCode === null ? child.once('exit', ok) : ok()));
  }
}

// The launcher runs the bundle when there is one: the smoke run tests that, not a fallback to tsc's output.
if (!existsSync(join(root, 'dist/cli/bin.js'))) {
  process.stderr.write('smoke: dist/cli/bin.js (the bundle) is missing: run npm run build first\n');
  process.exit(1);
}

for (const version of versions) {
  const home = mkdtempSync(join(tmpdir(), `kms-study-smoke-${version}-`));
  const before = failed;
  try {
    const node = nodeBinary(version);
    const actual = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
    if (!actual.startsWith(`v${version}.`)) fail(version, `the binary is ${actual}`);
    const v = runCli(node, ['--version'], home);
    if (v.status !== 0) fail(version, `--version exited ${v.status}: ${v.stderr}`);
    const quiz = runCli(node, ['quiz', '--count', '2', '--seed', '1'], home, 'A\nA,C\nA\nA,C\n'); // each question takes the first line it accepts (one letter, or two)
    if (quiz.status !== 0 || !/Score/.test(quiz.stdout)) fail(version, `piped quiz exited ${quiz.status}: ${quiz.stderr.trim()}`);
    const lab = runCli(node, ['lab', 'create-key', '--solve'], home);
    if (lab.status !== 0 || !/Lab complete/.test(lab.stdout)) fail(version, `lab create-key --solve exited ${lab.status}: ${lab.stderr.trim()}`);
    await serveOneRequest(node, home);
    if (failed === before) process.stdout.write(`smoke on Node ${actual}: --version, piped quiz, lab --solve, serve: ok\n`);
  } catch (e) {
    fail(version, e.message);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
process.exit(failed ? 1 : 0);
