import { describe, expect, it } from '@jest/globals';
import { runCli } from '../helpers/cli.js';

describe('kms-study bank', () => {
  it('lint passes a clean bank', async () => {
    const r = await runCli(['bank', 'lint', 'test/fixtures/banks/small']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('OK: 5 questions, no problems.\n');
  });

  it('lint prints file:line:column problems and exits non-zero', async () => {
    const r = await runCli(['bank', 'lint', 'test/fixtures/banks/broken/answer-unknown.yaml', 'test/fixtures/banks/duplicates']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/broken\/answer-unknown\.yaml:25:13: answer "E" names no option; expected one of: A, B, C, D\n/);
    expect(r.stderr).toMatch(/duplicates\/b\.yaml:4:9: duplicate question id "dup-one"/);
    expect(r.stderr).toMatch(/3 problems found \(3 valid questions\)\.\n$/);
  });

  it('lint checks verified dates against the clock', async () => {
    const r = await runCli(['bank', 'lint', 'test/fixtures/banks/small'], { now: Date.UTC(2026, 8, 1) });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/not to be in the future \(today is 2026-09-01\)/);
  });

  it('coverage counts per tip, scenario and topic, the single/multiple mix, and flags thin tips (--json)', async () => {
    const r = await runCli(['bank', 'coverage', 'test/fixtures/banks/small', '--json']);
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout);
    expect(c).toMatchObject({ total: 5, single: 4, multiple: 1, multipleRatio: 0.2, outOfScope: 1 });
    expect(c.byTip).toMatchObject({ 'key-rotation': 2, 'deletion-wait-period': 2, 'cloudhsm-vs-kms': 1, 'cost-optimization': 0 });
    expect(c.byScenario['key-compromise']).toBe(1);
    expect(c.byTopic).toMatchObject({ rotation: 2, deletion: 2, 'custom-key-stores': 1, grants: 0 });
    expect(c.thinTips).toContain('key-rotation');
    expect(c.thinScenarios).toEqual(['cross-region-encryption', 'key-compromise', 'cross-account-sharing', 'throttling-performance']);
  });

  it('coverage prints bars and the list under 5', async () => {
    const r = await runCli(['bank', 'coverage', 'test/fixtures/banks/small']);
    expect(r.stdout).toContain('5 questions: 4 single, 1 multiple (20% multiple), 1 out of SOA-C03 scope');
    expect(r.stdout).toMatch(/key-rotation +█+·+ 2 {2}\(under 5\)/);
    expect(r.stdout).toMatch(/Under 5 questions: tip deletion-wait-period, .*scenario throttling-performance/);
  });
});

describe('kms-study bank lint: near-duplicates and cues', () => {
  it('reports a near-duplicate pair at file:line:column and exits 1', async () => {
    const r = await runCli(['bank', 'lint', 'test/fixtures/banks/near-dup']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/near-dup\/rotation\.yaml:\d+:9: question "fx-rotation-period-again" is a near-duplicate of "fx-rotation-period" \(.*near-dup\/rotation\.yaml:4:9\)/);
    expect(r.stderr).toMatch(/1 problem found \(2 valid questions\)\.\n$/);
  });

  it('prints cue warnings with file:line:column but passes unless --strict', async () => {
    const r = await runCli(['bank', 'lint', 'test/fixtures/banks/cues']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/cues\/long\.yaml:13:15: warning: question "fx-cue-long": the correct option is longest by a wide margin/);
    expect(r.stdout).toBe('OK: 1 questions, no problems; 1 cue warning (see above).\n');
    const strict = await runCli(['bank', 'lint', '--strict', 'test/fixtures/banks/cues']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/0 problems and 1 warning found \(1 valid questions\)\.\n$/);
  });
});

describe('kms-study bank coverage by exam guide', () => {
  it('counts per domain, task statement and skill (--json) and lists skills over 35%', async () => {
    const r = await runCli(['bank', 'coverage', 'test/fixtures/banks/small', '--json']);
    const c = JSON.parse(r.stdout);
    expect(c.byDomain).toEqual({ '1': 0, '2': 0, '3': 0, '4': 5, '5': 0 });
    expect(c.byTaskStatement).toEqual({ '4.2': 5 });
    expect(c.bySkill).toEqual({ '4.2.2': 5 });
    expect(c.overweightSkills).toEqual(['4.2.2']);
  });

  it('prints the domain table with the exam weights and the over-35% line', async () => {
    const r = await runCli(['bank', 'coverage', 'test/fixtures/banks/small']);
    expect(r.stdout).toMatch(/By exam-guide domain \(exam weight\):\n {2}1 \(22%\) Monitoring, Logging, Analysis/);
    expect(r.stdout).toMatch(/4\.2\.2 Implement, configure and troublesh.* 5 \(100%\)/);
    expect(r.stdout).toContain('Over 35% of the bank on one skill: 4.2.2 5 (100%)');
  });
});
