// On a terminal, lab prose (summary, goals, hints, explanations) wraps at word boundaries; command output
// (JSON) is printed as the AWS CLI prints it.
import { describe, expect, it } from '@jest/globals';
import { runCli } from '../helpers/cli.js';

describe('lab text on a narrow terminal', () => {
  it('wraps prose to the terminal width and leaves JSON alone', async () => {
    const r = await runCli(['lab', 'key-deletion', '--solve', '--seed', '1'], { tty: true, columns: 60, now: Date.UTC(2026, 11, 1) });
    expect(r.code).toBe(0);
    const lines = r.stdout.replace(/\x1b\[[0-9;]*m/g, '').split('\n');
    const longProse = lines.filter((l) => l.length > 60 && /\s/.test(l.trim()) && !/^\s*["{}[\]]/.test(l) && !l.startsWith('$ '));
    expect(longProse).toEqual([]);
    expect(lines.some((l) => /^\s+"KeyState": "PendingDeletion",$/.test(l))).toBe(true);
  });
});
