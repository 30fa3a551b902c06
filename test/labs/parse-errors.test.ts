// A broken lab file is refused with file:line:column and what was expected, one error per mistake.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ContentError } from '../../src/errors.js';
import { parseLab } from '../../src/labs/parse.js';
import { PACKAGE_ROOT } from '../helpers/cli.js';

const fixture = (name: string) => readFileSync(join(PACKAGE_ROOT, 'test/fixtures/labs', name), 'utf8');

describe('parseLab on a file with several mistakes', () => {
  const r = parseLab(fixture('broken.yaml'), 'broken.yaml');
  const at = (line: number, column: number) => r.errors.filter((e) => e.line === line && e.column === column).map((e) => e.what);

  it('returns no lab, only ContentErrors with positions', () => {
    expect(r.lab).toBeUndefined();
    expect(r.errors.length).toBeGreaterThanOrEqual(7);
    for (const e of r.errors) expect(e).toBeInstanceOf(ContentError);
    expect(r.errors[0].message).toMatch(/^broken\.yaml:\d+:\d+: /);
  });
  it('names an unknown lab id at its value and lists the expected ids', () => {
    expect(at(1, 5).join('\n')).toMatch(/unknown lab id "key-deletoin"; expected one of: create-key, .*key-deletion/);
  });
  it('refuses a level outside guided/advanced/expert', () => {
    expect(at(5, 8)).toEqual([expect.stringMatching(/"level" must be one of guided, advanced, expert, got "expert-ish"/)]);
  });
  it('refuses a start that is not a date-time', () => {
    expect(at(8, 10)).toEqual([expect.stringMatching(/"start" must be an ISO date-time/)]);
  });
  it('refuses an unknown check type and lists the known ones', () => {
    expect(at(21, 15)).toEqual([expect.stringMatching(/step 1 check 1: "type" must be one of command_ran, key_state, .*got "key_sate"/)]);
  });
  it('asks for hints on a step without them', () => {
    expect(at(17, 5)).toContain('step 1: missing "hints" (a list)');
  });
  it('refuses a check naming a key the setup does not have', () => {
    expect(at(32, 14)).toEqual([expect.stringMatching(/key "nosuchkey" is not a key ref of the setup; expected one of: reports, created/)]);
  });
  it('refuses an empty reference solution', () => {
    expect(at(35, 15)).toEqual([expect.stringMatching(/step 2: "solution" must not be empty/)]);
  });
});

describe('parseLab on invalid YAML', () => {
  it('reports the YAML error with its position', () => {
    const r = parseLab(fixture('bad-yaml.yaml'), 'bad-yaml.yaml');
    expect(r.lab).toBeUndefined();
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0].message).toMatch(/^bad-yaml\.yaml:3:1: .*\]/);
  });
});
