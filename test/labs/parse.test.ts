// A broken lab file is refused with file:line:column and what was expected.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parseLab } from '../../src/labs/parse.js';
import { PACKAGE_ROOT } from '../helpers/cli.js';

const good = readFileSync(`${PACKAGE_ROOT}/labs/key-deletion.yaml`, 'utf8');
const errs = (text: string, file = 'labs/key-deletion.yaml') => parseLab(text, file).errors.map((e) => e.message);
const lineOf = (needle: string) => good.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('lab file validation', () => {
  it('accepts the shipped example', () => {
    expect(errs(good)).toEqual([]);
  });
  it.each([
    ['an unknown check type', good.replace('type: deletion_scheduled', 'type: deletion_planned'), 'type: deletion_scheduled', /"type" must be one of command_ran, key_state/],
    ['a check without its failure message', good.replace(/\n {8}fail: The reports key is not pending deletion[^\n]*/, ''), 'type: deletion_scheduled', /missing "fail"/],
    ['a step without a solution', good.replace(/ {4}solution:\n {6}- aws kms schedule-key-deletion --key-id \$REPORTS --pending-window-in-days 7\n {6}- aws kms encrypt --key-id alias\/reports --plaintext aGVsbG8=\n/, ''), '  - id: schedule-by-mistake', /missing "solution"/],
    ['an unknown exam tip', good.replace('tips: [deletion-wait-period]', 'tips: [deletion-window]'), 'tips: [deletion', /unknown tip "deletion-window"/],
    ['a start profile that does not exist', good.replace('  profile: admin', '  profile: operator'), '  profile: admin', /"profile" names "operator", which is not among the profiles/],
    ['a ciphertext for an unknown key', good.replace('      key: legacy\n      plaintext', '      key: payments\n      plaintext'), 'key: legacy', /key "payments" is not a key ref of the setup/],
    ['a question answer that is not an option', good.replace('    answer: B', '    answer: E'), '    answer: B', /answer "E" is not one of the options A, B, C, D/],
    ['a pitfall for a step that does not exist', good.replace('  - step: cancel', '  - step: cancelling'), '  - step: cancel', /step "cancelling" is not a step of the lab/],
    ['a misspelt field', good.replace('    hints:\n      - "The operation is', '    hint:\n      - "The operation is'), '      - "The operation is schedule', /unknown field "hint"/],
    ['a bad key state', good.replace('        state: Enabled', '        state: On'), '        state: Enabled', /"state" must be one of Enabled, Disabled/],
  ])('refuses %s with its position', (_what, text, needle, re) => {
    const e = errs(text);
    expect(e.join('\n')).toMatch(re);
    const hit = e.find((m) => re.test(m))!;
    const [, line] = /^labs\/key-deletion\.yaml:(\d+):(\d+): /.exec(hit) ?? [];
    expect(Math.abs(Number(line) - lineOf(needle))).toBeLessThanOrEqual(2);
  });
  it('refuses YAML that does not parse, with the position', () => {
    expect(errs('id: key-deletion\ntitle: [unclosed\n')[0]).toMatch(/^labs\/key-deletion\.yaml:\d+:\d+: /);
  });
  it('refuses a lab whose id does not match its file name', () => {
    expect(errs(good, 'labs/create-key.yaml').join('\n')).toMatch(/lab id "key-deletion" does not match the file name "create-key.yaml"/);
  });
});
