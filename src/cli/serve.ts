// Runs the endpoint until SIGINT/SIGTERM, then saves the state and closes.
import { resolve } from 'node:path';
import { createKmsServer } from '../server/server.js';
import { SandboxBackend } from '../server/sandbox-backend.js';
import { isLoopback } from '../server/host.js';
import type { ProgramContext } from './context.js';
import { chalkFor } from './style.js';
import { EXIT } from '../exit-codes.js';
import { escapeControls } from '../text/terminal.js';
import { DataError } from '../errors.js';
import { acquireLock, holderOf, type Lock } from '../storage/lock.js';
import { sandboxPath } from '../storage/sandbox.js';

/** One `serve` per sandbox: a second one would answer from a state the first keeps overwriting in memory. */
function claimSandbox(statePath: string, url: string): Lock {
  const path = `${statePath}.serve.lock`;
  try {
    return acquireLock(path, { timeoutMs: 0, staleMs: Number.POSITIVE_INFINITY, note: url });
  } catch (e) {
    if (!(e instanceof DataError)) throw e;
    const h = holderOf(path);
    throw new DataError(
      `serve: the sandbox ${statePath} is already served by process ${h?.pid ?? '?'}${h?.note ? ` at ${h.note}` : ''}; use that endpoint, stop it first, or serve another sandbox with --state FILE`,
      EXIT.ENVIRONMENT,
    );
  }
}

export async function serve(opts: { port: number; host: string; state?: string; quiet?: boolean }, ctx: ProgramContext): Promise<number> {
  const { deps } = ctx;
  const c = chalkFor({ env: deps.env, stdout: deps.stderr }, !ctx.color());
  if (!isLoopback(opts.host)) {
    deps.stderr.write(
      c.red.bold(`WARNING: binding ${opts.host} exposes the simulated KMS to other machines. It checks no signatures: anyone who can reach it acts as any sandbox profile.\n`),
    );
  }
  const statePath = opts.state ? resolve(deps.cwd, opts.state) : sandboxPath(deps.env);
  const hostText = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  const claim = claimSandbox(statePath, `http://${hostText}:${opts.port}`);
  let backend: SandboxBackend;
  try {
    backend = new SandboxBackend(deps, statePath);
  } catch (e) {
    claim.release();
    throw e;
  }
  for (const w of backend.warnings) deps.stderr.write(`${w}\n`);
  backend.problem = (line) => deps.stderr.write(`${escapeControls(line, { oneLine: true })}\n`);
  // Said once per key id, even with --quiet: it explains every later request from that key.
  backend.notice = (line) => deps.stderr.write(`${escapeControls(line, { oneLine: true })}\n`);
  const server = createKmsServer({ backend, host: opts.host, log: opts.quiet ? undefined : (line) => deps.stderr.write(`${line}\n`) });
  await new Promise<void>((ok, fail) => {
    // A listen error (port in use, address not of this machine) goes to the one error path, which names the
    // port and the cause; Node's error carries them, and they are set here should it not.
    server.once('error', (e: NodeJS.ErrnoException & { port?: number; address?: string }) => {
      if (e.port === undefined) e.port = opts.port;
      if (e.address === undefined) e.address = opts.host;
      e.syscall ??= 'listen';
      fail(e);
    });
    server.listen(opts.port, opts.host, () => ok());
  }).catch((e: unknown) => {
    backend.close();
    claim.release();
    throw e;
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : opts.port;
  const host = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  deps.stdout.write(
    `Simulated KMS listening on http://${host}:${port} (state: ${backend.statePath})\n` +
      `Profiles (use as AWS_ACCESS_KEY_ID): ${Object.keys(backend.profiles).join(', ')}; any other key id (test, AKIA...) acts as default\n` +
      `Try: AWS_ACCESS_KEY_ID=default AWS_SECRET_ACCESS_KEY=x aws kms list-keys --endpoint-url http://${host}:${port} --region us-east-1\n` +
      `Stop with Ctrl-C.\n`,
  );
  return new Promise<number>((done) => {
    const stop = (signal: string) => {
      offInt();
      offTerm();
      server.close(() => {
        backend.close();
        try {
          backend.flush();
          deps.stderr.write(`kms-study serve: ${signal}: state saved to ${backend.statePath}; stopped.\n`);
        } catch (e) {
          deps.stderr.write(`kms-study serve: ${signal}: could not save: ${escapeControls((e as Error).message, { oneLine: true })}; stopped.\n`);
        } finally {
          claim.release();
        }
        done(EXIT.OK);
      });
      server.closeAllConnections?.();
    };
    const offInt = deps.signals.on('SIGINT', () => stop('SIGINT'));
    const offTerm = deps.signals.on('SIGTERM', () => stop('SIGTERM'));
  });
}
