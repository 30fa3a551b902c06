// The AWS CLI side of the monitoring services: help, --query, --output, usage errors (exit 252) and service
// errors (exit 254) for logs, sns, events and cloudwatch, as for kms.
import { describe, expect, it } from '@jest/globals';
import { aWorld } from '../helpers/world.js';
import { monitorWorld } from './helpers.js';

describe('aws logs | sns | events | cloudwatch on the command line', () => {
  it('offers help for each service and operation', async () => {
    const { aws } = monitorWorld();
    for (const [service, op] of [
      ['logs', 'associate-kms-key'],
      ['sns', 'create-topic'],
      ['events', 'put-rule'],
      ['cloudwatch', 'put-metric-alarm'],
    ]) {
      const all = await aws(`aws ${service} help`);
      expect(all.exitCode).toBe(0);
      expect(all.stdout).toContain(op);
      const one = await aws(`aws ${service} ${op} help`);
      expect(one.exitCode).toBe(0);
      expect(one.stdout.length).toBeGreaterThan(50);
    }
  });

  it('formats with --query and --output text/table, and exits 252 on usage errors and 254 on service errors', async () => {
    const { aws } = monitorWorld();
    await aws('aws logs create-log-group --log-group-name a');
    await aws('aws logs create-log-group --log-group-name b');
    expect((await aws('aws logs describe-log-groups --query "logGroups[].logGroupName" --output text')).stdout).toBe('a\tb\n');
    expect((await aws('aws logs describe-log-groups --output table')).stdout).toMatch(/\|\s+DescribeLogGroups\s+\|/);
    expect((await aws('aws logs create-log-group')).exitCode).toBe(252);
    expect((await aws('aws sns create-topic --name t --bogus 1')).exitCode).toBe(252);
    expect((await aws('aws events describe-rule --name nope')).exitCode).toBe(254);
    expect((await aws('aws cloudwatch describe-alarms --max-records abc')).exitCode).toBe(252);
  });

  it('keeps each service state in the world document (a sandbox continues between commands)', async () => {
    const { aws, world } = monitorWorld();
    await aws('aws logs create-log-group --log-group-name kept');
    await aws('aws sns create-topic --name kept');
    await aws(`aws events put-rule --name kept --event-pattern '{"source":["aws.kms"]}'`);
    await aws('aws cloudwatch put-metric-data --namespace App --metric-name M --value 1');
    const doc = JSON.parse(JSON.stringify(world.toJSON())) as { services: Record<string, unknown> };
    expect(Object.keys(doc.services).sort()).toEqual(['cloudwatch', 'events', 'logs', 'sns']);
    const { world: again } = aWorld({ state: doc });
    expect(again.serviceState('logs')).toMatchObject({ groups: [expect.objectContaining({ name: 'kept' })] });
    expect(again.serviceState('sns')).toMatchObject({ topics: [expect.objectContaining({ name: 'kept' })] });
    expect(again.serviceState('events')).toMatchObject({ rules: [expect.objectContaining({ Name: 'kept' })] });
    expect(again.serviceState('cloudwatch')).toMatchObject({ series: [expect.objectContaining({ name: 'M' })] });
    for (const name of ['logs', 'sns', 'events', 'cloudwatch']) {
      const bad = { ...doc, services: { ...doc.services, [name]: { nothing: true } } };
      expect(() => aWorld({ state: bad })).toThrow(new RegExp(`services\\.${name}: not an? `));
    }
  });
});
