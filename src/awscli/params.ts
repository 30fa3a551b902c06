// One operation option's words -> the member's typed value: file:// and fileb:// contents, JSON or
// shorthand for lists, maps and structures, then the model's types (coerce.ts).
import type { Shape } from './model/index.js';
import type { ParseIo } from './types.js';
import { coerce, type CoerceContext } from './coerce.js';
import { CliUsageError } from './errors.js';
import { fromUtf8 } from './b64.js';
import { parseShorthand, parseShorthandList } from './shorthand.js';
import { fileReadLimit, MEMBER_MAX } from './model/limits.js';

function resolvePath(path: string, cwd: string): string {
  // Absolute paths and ~ (expanded by the reader, which knows HOME) stay as written.
  return path.startsWith('/') || path.startsWith('~') || /^[A-Za-z]:[\\/]/.test(path) ? path : `${cwd.replace(/\/$/, '')}/${path}`;
}

/**
 * file://path -> text, fileb://path -> bytes; other words unchanged. Reads at most what `member` can hold
 * (model/limits.ts) plus one byte: a blob one byte too long goes on to the service, which refuses it with its
 * own ValidationException as AWS does; text or a structure beyond its bound is refused here.
 */
export function loadParamFile(word: string, option: string, io: ParseIo, member = '', binaryMember = false): string | Uint8Array {
  const m = /^(fileb?):\/\/(.*)$/s.exec(word);
  if (!m) return word;
  const binary = m[1] === 'fileb' && binaryMember;
  const limit = fileReadLimit(member, binary);
  const fail = (why: string) => new CliUsageError(`aws: error: Error parsing parameter '${option}': Unable to load paramfile ${word}: ${why}`);
  let bytes: Uint8Array;
  try {
    bytes = io.readFile(resolvePath(m[2], io.cwd), limit.bytes);
  } catch (e) {
    throw fail(e instanceof Error ? e.message : String(e));
  }
  if (bytes.length > limit.bytes) {
    if (!(binary && limit.listed)) {
      const what = limit.listed ? `the ${MEMBER_MAX[member]} characters ${member} can hold` : `${limit.bytes} bytes, more than this parameter takes`;
      throw fail(`the file is larger than ${what}`);
    }
    bytes = bytes.subarray(0, limit.bytes + 1);
  }
  return m[1] === 'fileb' ? bytes : fromUtf8(bytes);
}

function parseJson(text: string, option: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new CliUsageError(`aws: error: Error parsing parameter '${option}': Invalid JSON: ${(e as Error).message} (JSON received: ${text})`);
  }
}

function complexValue(shape: Shape, text: string, ctx: CoerceContext): unknown {
  if (/^\s*[{[]/.test(text)) {
    try {
      return JSON.parse(text);
    } catch {
      if (/^\s*\{/.test(text)) return parseJson(text, ctx.option);
    }
  }
  if (shape.type === 'list') {
    return shape.member.type === 'structure' || shape.member.type === 'map'
      ? [parseShorthand(text, ctx.option)]
      : parseShorthandList(text, ctx.option);
  }
  return parseShorthand(text, ctx.option);
}

export function paramValue(member: string, shape: Shape, words: string[], ctx: CoerceContext, io: ParseIo): unknown {
  const loaded = words.map((w) => loadParamFile(w, ctx.option, io, member, shape.type === 'blob'));
  if (shape.type === 'list' && loaded.length > 1) {
    const items = loaded.map((w) =>
      typeof w === 'string' && (shape.member.type === 'structure' || shape.member.type === 'map') ? complexValue(shape.member, w, ctx) : w,
    );
    return coerce(shape, items, member, ctx);
  }
  const first = loaded[0];
  if (first instanceof Uint8Array && shape.type === 'blob') return first;
  const v = first instanceof Uint8Array ? fromUtf8(first) : first;
  if (shape.type === 'list' || shape.type === 'map' || shape.type === 'structure') return coerce(shape, complexValue(shape, v, ctx), member, ctx);
  return coerce(shape, v, member, ctx);
}
