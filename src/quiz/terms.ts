// Wording rules for bank text: "CMK" is the retired general term (AWS now says "KMS key"); it may appear
// only inside a quoted name or a real AWS API/event name that still contains it.

/** AWS names that still contain CMK and may appear unquoted (EventBridge detail-types). */
const ALLOWED_NAMES = /KMS CMK (Rotation|Deletion)/g;
const QUOTED = /`[^`\n]*`|"[^"\n]*"|“[^”\n]*”/g;
const CMK = /\bCMKs?\b/g;

/**
 * The occurrences of "CMK" (0-based, counting every "CMK" substring in the text) that use it as a general
 * term. Occurrences inside quotes or inside an allowed AWS name are fine.
 */
export function cmkProblems(text: string): number[] {
  const allowed: [number, number][] = [];
  for (const re of [ALLOWED_NAMES, QUOTED]) for (const m of text.matchAll(re)) allowed.push([m.index, m.index + m[0].length]);
  const all: number[] = [];
  for (let i = text.indexOf('CMK'); i >= 0; i = text.indexOf('CMK', i + 1)) all.push(i);
  const bad: number[] = [];
  for (const m of text.matchAll(CMK)) {
    if (allowed.some(([a, b]) => m.index >= a && m.index < b)) continue;
    bad.push(all.indexOf(m.index));
  }
  return bad;
}
