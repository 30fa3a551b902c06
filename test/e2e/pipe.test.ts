// The built binary behaves like a Unix tool when its reader goes away early (`| head`).
import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { BUNDLE } from '../helpers/shipped.js';

describe('kms-study output into a closed pipe', () => {
  it('stops quietly with exit 0 and no stack trace', () => {
    const bin = BUNDLE;
    const r = spawnSync('bash', ['-c', `set -o pipefail; node "${bin}" learn --markdown | head -c 10 >/dev/null`], { encoding: 'utf8', env: { ...process.env, KMS_STUDY_HOME: '/nonexistent-kms-study-home' } });
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
  });
});
