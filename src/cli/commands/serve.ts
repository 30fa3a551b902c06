// `kms-study serve`: the simulated KMS on a local port for the real AWS CLI and SDKs (--endpoint-url).
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import type { ProgramContext } from '../context.js';

export interface ServeOptions {
  port: string;
  host: string;
  state?: string;
  quiet?: boolean;
}

export function register(program: Command, ctx: ProgramContext): void {
  program
    .command('serve')
    .description('serve the simulated KMS (AWS JSON 1.1) for the real AWS CLI and SDKs')
    .option('--port <n>', 'TCP port (0 picks a free one)', '4599')
    .option('--host <address>', 'address to bind (loopback unless you really mean it)', '127.0.0.1')
    .option('--state <file>', 'use this state file instead of the sandbox\'s')
    .option('--quiet', 'do not log one line per request')
    .addHelpText(
      'after',
      '\nThe access key id of each request names the sandbox profile that makes the call (default, dev, auditor, analytics);\nany other key id (test, AKIA..., what you already use with local endpoints) acts as the default profile, and the\nlog says so once per key id. Signatures are not checked.\n\nExample:\n  kms-study serve --port 4599\n  AWS_ACCESS_KEY_ID=default AWS_SECRET_ACCESS_KEY=x aws kms list-keys --endpoint-url http://127.0.0.1:4599 --region us-east-1\n',
    )
    .action(async (opts: ServeOptions) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535, got "${opts.port}"`);
      const { serve } = await import('../serve.js');
      ctx.exit.code = await serve({ ...opts, port }, ctx);
    });
}
