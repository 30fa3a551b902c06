// serve: a port already in use is the learner's news, one line naming the port, exit EXIT.ENVIRONMENT.
import { describe, expect, it } from '@jest/globals';
import { createServer } from 'node:net';
import { EXIT } from '../../src/exit-codes.js';
import { runCli, tempHome } from '../helpers/cli.js';

describe('serve on a port already in use', () => {
  it('says the port is in use and how to choose another, exit 74, no "bug"', async () => {
    const taken = createServer();
    await new Promise<void>((ok) => taken.listen(0, '127.0.0.1', () => ok()));
    const addr = taken.address();
    const port = typeof addr === 'object' && addr ? addr.port : 0;
    try {
      const r = await runCli(['serve', '--port', String(port), '--quiet'], { home: tempHome() });
      expect(r.code).toBe(EXIT.ENVIRONMENT);
      expect(r.stderr).toBe(`kms-study: port ${port} is already in use (EADDRINUSE); choose another with --port\n`);
      expect(r.stdout).toBe('');
    } finally {
      await new Promise<void>((ok) => taken.close(() => ok()));
    }
  });
});
