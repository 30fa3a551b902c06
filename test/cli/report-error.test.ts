// One error-reporting path: every kind of thrown error becomes one line on stderr and a named exit code.
import { describe, expect, it } from '@jest/globals';
import { CommanderError, InvalidArgumentError } from 'commander';
import { CliConfigError, CliUsageError } from '../../src/awscli/errors.js';
import { reportError } from '../../src/cli/report-error.js';
import { ContentError, DataError, UsageError } from '../../src/errors.js';
import { EXIT } from '../../src/exit-codes.js';
import { NotFoundException } from '../../src/kms/errors.js';
import { runCli } from '../helpers/cli.js';

function report(err: unknown, opts: { debug?: boolean; env?: Record<string, string> } = {}) {
  let stderr = '';
  const code = reportError(err, { stderr: { write: (s) => void (stderr += s) }, env: opts.env ?? {}, debug: opts.debug ?? false });
  return { code, stderr };
}

describe('the exit-code map', () => {
  it('keeps the numbers scripts rely on', () => {
    expect(EXIT).toEqual({ OK: 0, FAILURE: 1, USAGE: 2, CONTENT: 65, INTERNAL: 70, ENVIRONMENT: 74, INTERRUPTED: 130, AWS_USAGE: 252, AWS_CONFIG: 253, AWS_SERVICE: 254 });
  });
});

describe('reportError', () => {
  it('prints a usage error as one line with its code', () => {
    expect(report(new UsageError('--count expects a whole number'))).toEqual({ code: EXIT.USAGE, stderr: 'kms-study: --count expects a whole number\n' });
    expect(report(new UsageError('no questions match', EXIT.FAILURE)).code).toBe(EXIT.FAILURE);
  });

  it('prints a data error with its code', () => {
    expect(report(new DataError('progress.json: bad'))).toEqual({ code: EXIT.FAILURE, stderr: 'kms-study: progress.json: bad\n' });
  });

  it('prints a content error with file:line:column', () => {
    expect(report(new ContentError('labs/x.yaml', 3, 7, 'expected a map'))).toEqual({ code: EXIT.CONTENT, stderr: 'kms-study: labs/x.yaml:3:7: expected a map\n' });
  });

  it('prints a service error with its AWS code', () => {
    expect(report(new NotFoundException('Key not found'))).toEqual({ code: EXIT.AWS_SERVICE, stderr: 'kms-study: NotFoundException: Key not found\n' });
  });

  it('prints an aws command-line error as the AWS CLI does, with 252 or 253', () => {
    expect(report(new CliUsageError('aws: error: bad'))).toEqual({ code: EXIT.AWS_USAGE, stderr: 'aws: error: bad\n' });
    expect(report(new CliConfigError('The config profile (x) could not be found')).code).toBe(EXIT.AWS_CONFIG);
  });

  it('leaves commander messages to commander: help and version are OK, the rest USAGE', () => {
    expect(report(new CommanderError(0, 'commander.helpDisplayed', '(outputHelp)'))).toEqual({ code: EXIT.OK, stderr: '' });
    expect(report(new CommanderError(1, 'commander.unknownOption', "error: unknown option '--x'"))).toEqual({ code: EXIT.USAGE, stderr: '' });
    expect(report(new InvalidArgumentError('not a number'))).toEqual({ code: EXIT.USAGE, stderr: '' });
    // Known by shape (a commander.* code and an exit code), not by class: an error with only a look-alike code is a bug.
    const lookalike = Object.assign(new Error('odd'), { code: 'commander.x' });
    expect(report(lookalike).code).toBe(EXIT.INTERNAL);
  });

  it('calls anything else a bug: one line and the advice, the stack only with --debug or KMS_STUDY_DEBUG', () => {
    const plain = report(new TypeError('x is undefined'));
    expect(plain.code).toBe(EXIT.INTERNAL);
    expect(plain.stderr).toBe('kms-study: unexpected error: x is undefined\nkms-study: run again with --debug to see the stack trace, and report it as a bug.\n');
    const debug = report(new TypeError('x is undefined'), { debug: true });
    expect(debug.stderr).toMatch(/^kms-study: unexpected error: x is undefined\nTypeError: x is undefined\n\s+at /);
    expect(report(new Error('boom'), { env: { KMS_STUDY_DEBUG: '1' } }).stderr).toContain('Error: boom\n    at ');
    expect(report('a string').stderr).toContain('unexpected error: a string');
  });

  it('an EADDRINUSE without a port still says it is the machine, not a bug', () => {
    const e = Object.assign(new Error('listen EADDRINUSE: address already in use 127.0.0.1:4599'), { code: 'EADDRINUSE' });
    expect(report(e)).toEqual({ code: EXIT.ENVIRONMENT, stderr: 'kms-study: the port is already in use (EADDRINUSE); choose another with --port\n' });
  });
});

describe('every command reports through it', () => {
  it('a bad option value and an unknown lab end the same way', async () => {
    const count = await runCli(['quiz', '--count', 'x']);
    expect(count.code).toBe(EXIT.USAGE);
    expect(count.stderr).toBe('kms-study: --count expects a whole number of at least 1, got "x"\n');
    const lab = await runCli(['lab', 'key-deleton']);
    expect(lab.code).toBe(EXIT.USAGE);
    expect(lab.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });


});

function sysErr(code: string, extra: Record<string, unknown>): Error {
  return Object.assign(new Error(`${code}: raw node message`), { code, ...extra });
}

describe('errors of the learner\'s machine', () => {
  it('names the path and the cause in plain words, exit ENVIRONMENT, never "a bug"', () => {
    const r = report(sysErr('EACCES', { syscall: 'open', path: '/home/u/.local/share/kms-study/state.json' }));
    expect(r).toEqual({ code: EXIT.ENVIRONMENT, stderr: 'kms-study: cannot open /home/u/.local/share/kms-study/state.json: permission denied (EACCES)\n' });
    expect(report(sysErr('ENOSPC', { syscall: 'write', path: '/d/progress.json' })).stderr).toBe('kms-study: cannot write /d/progress.json: no space left on the device (ENOSPC)\n');
    expect(report(sysErr('EROFS', { syscall: 'rename', path: '/d/x.tmp', dest: '/d/state.json' })).stderr).toBe('kms-study: cannot write /d/state.json: read-only file system (EROFS)\n');
    expect(report(sysErr('ENOTDIR', { syscall: 'mkdir', path: '/f/data' })).stderr).toBe('kms-study: cannot create the directory /f/data: a part of the path is not a directory (ENOTDIR)\n');
    expect(report(sysErr('EISDIR', { syscall: 'read', path: '/d/state.json' })).stderr).toContain('/d/state.json: it is a directory (EISDIR)');
    expect(report(sysErr('EMFILE', { syscall: 'open' })).stderr).toBe('kms-study: too many open files (EMFILE)\n');
    for (const code of ['EPERM', 'EDQUOT', 'ENOENT']) {
      const x = report(sysErr(code, { syscall: 'open', path: '/p' }));
      expect(x.code).toBe(EXIT.ENVIRONMENT);
      expect(x.stderr).not.toContain('bug');
      expect(x.stderr).toContain(`(${code})`);
    }
  });

  it('names the port for a listen error and says how to choose another', () => {
    const inUse = report(sysErr('EADDRINUSE', { syscall: 'listen', address: '127.0.0.1', port: 4599 }));
    expect(inUse).toEqual({ code: EXIT.ENVIRONMENT, stderr: 'kms-study: port 4599 is already in use (EADDRINUSE); choose another with --port\n' });
    expect(report(sysErr('EADDRNOTAVAIL', { syscall: 'listen', address: '10.9.9.9', port: 4599 })).stderr).toBe(
      'kms-study: cannot listen on 10.9.9.9: not an address of this machine (EADDRNOTAVAIL); choose another with --host\n',
    );
    expect(report(sysErr('EACCES', { syscall: 'listen', address: '127.0.0.1', port: 80 })).stderr).toBe(
      'kms-study: cannot listen on 127.0.0.1 port 80: permission denied (EACCES); choose another with --port\n',
    );
  });

  it('keeps an unknown code, or a machine code without a path, a bug', () => {
    expect(report(sysErr('EWHATEVER', { syscall: 'open', path: '/p' })).code).toBe(EXIT.INTERNAL);
    expect(report(sysErr('EACCES', {})).code).toBe(EXIT.INTERNAL);
  });

  it('shows the stack of a machine error only with --debug', () => {
    const r = report(sysErr('EACCES', { syscall: 'open', path: '/p' }), { debug: true });
    expect(r.stderr).toMatch(/^kms-study: cannot open \/p: permission denied \(EACCES\)\nError: EACCES: raw node message\n\s+at /);
  });
});
