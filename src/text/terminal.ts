// Terminal safety: control characters that come from user input or files (key ids, descriptions, tag values,
// YAML content, messages echoing them) are shown as \uXXXX escapes, never sent raw to a terminal.

/**
 * C0 controls (except newline and tab), DEL, C1 controls, the line and paragraph separators, and the
 * bidirectional overrides and isolates (which can make text read differently from what it is).
 */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_WITH_LAYOUT = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const escape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * Text with unsafe characters replaced by \uXXXX. Newlines and tabs stay (they are layout) unless
 * `oneLine`, for values shown inside a single line. JSON text stays valid JSON: its strings already escape
 * C0 controls, and \uXXXX is a valid JSON escape for the rest.
 */
export function escapeControls(text: string, opts: { oneLine?: boolean } = {}): string {
  return text.replace(opts.oneLine ? UNSAFE_WITH_LAYOUT : UNSAFE, escape);
}

/** True when the text holds a character escapeControls would replace. */
export function hasControls(text: string): boolean {
  return new RegExp(UNSAFE_WITH_LAYOUT.source).test(text);
}
