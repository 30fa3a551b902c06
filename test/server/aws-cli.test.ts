// The same serve scenario through the real AWS CLI (scripts/aws-cli-scenario.sh), where one is installed
// (Debian's awscli package gives v2 at /usr/bin/aws). Without a CLI this test is skipped, visibly.
import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../helpers/cli.js';
import { BUNDLE } from '../helpers/shipped.js';

const cli = existsSync('/usr/bin/aws') ? '/usr/bin/aws' : spawnSync('sh', ['-c', 'command -v aws']).stdout.toString().trim();
const built = existsSync(BUNDLE);

describe('kms-study serve with the AWS CLI', () => {
  (cli && built ? it : it.skip)(`runs the scenario script with ${cli || 'no AWS CLI installed'}`, () => {
    const r = spawnSync(join(PACKAGE_ROOT, 'scripts/aws-cli-scenario.sh'), [cli], { encoding: 'utf8', timeout: 90_000 });
    expect({ status: r.status, tail: r.stdout.trim().split('\n').pop(), stderr: r.stderr }).toEqual({ status: 0, tail: 'scenario passed', stderr: '' });
  });
});
