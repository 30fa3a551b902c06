import { describe, expect, it } from '@jest/globals';
import { questionTitle } from '../../src/quiz/title.js';

describe('questionTitle', () => {
  it('keeps a short stem whole, on one line', () => {
    expect(questionTitle({ stem: 'What does\n  rotation change?' })).toBe('What does rotation change?');
  });

  it('cuts a long stem at a word boundary with an ellipsis, within the limit', () => {
    const t = questionTitle({ stem: 'A company wants every IAM role in its organization to use one KMS key for encryption.' }, 40);
    expect(t).toBe('A company wants every IAM role in its…');
    expect(t.length).toBeLessThanOrEqual(40);
  });

  it('drops trailing punctuation before the ellipsis and cuts inside a single very long word', () => {
    expect(questionTitle({ stem: 'An administrator, on Monday, schedules deletion of a key' }, 30)).toBe('An administrator, on Monday…');
    expect(questionTitle({ stem: 'x'.repeat(60) }, 10)).toBe(`${'x'.repeat(9)}…`);
  });
});
