// Did-you-mean: one implementation for `aws` operations and options, lab ids, note topics and quiz filters.
import { describe, expect, it } from '@jest/globals';
import { closest, didYouMean, editDistance } from '../../src/text/suggest.js';

describe('did you mean', () => {
  it('measures edits', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('names up to three close candidates, closest first, and none when nothing is close', () => {
    expect(closest('rotatoin', ['rotation', 'deletion', 'grants'])).toEqual(['rotation']);
    expect(closest('key-deleton', ['key-deletion', 'key-rotation', 'grants'])).toEqual(['key-deletion']);
    expect(closest('zzzzzz', ['rotation'])).toEqual([]);
  });

  it('adds candidates with the same first letters only when asked', () => {
    expect(closest('rotate', ['rotation', 'grants'])).toEqual([]);
    expect(closest('rotate', ['rotation', 'grants'], { samePrefix: 4 })).toEqual(['rotation']);
    expect(closest('rot', ['rotation'], { samePrefix: 4 })).toEqual([]);
  });

  it('writes the sentence the commands print', () => {
    expect(didYouMean('rotatoin', ['rotation'])).toBe('; did you mean rotation?');
    expect(didYouMean('grant', ['grants', 'grant-tokens'])).toBe('; did you mean grant-tokens or grants?');
    expect(didYouMean('zzzzzz', ['rotation'])).toBe('');
  });
});
