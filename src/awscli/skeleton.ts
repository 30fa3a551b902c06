// --generate-cli-skeleton (a JSON template of an operation's input) and --cli-input-json (the request
// read from such a document; options given on the command line take precedence), as AWS CLI v2 offers.
import type { Shape, StructureShape } from './model/index.js';
import { coerce, type CoerceContext } from './coerce.js';
import { CliUsageError } from './errors.js';

function placeholder(shape: Shape, depth: number): unknown {
  switch (shape.type) {
    case 'string':
      return shape.enum ? shape.enum[0] : '';
    case 'integer':
    case 'double':
      return 0;
    case 'boolean':
      return true;
    case 'blob':
    case 'timestamp':
      return '';
    case 'list':
      return depth > 5 ? [] : [placeholder(shape.member, depth + 1)];
    case 'map':
      return { KeyName: depth > 5 ? '' : placeholder(shape.value, depth + 1) };
    case 'structure':
      return Object.fromEntries(Object.entries(shape.members).map(([k, v]) => [k, depth > 5 ? null : placeholder(v, depth + 1)]));
  }
}

export function skeleton(input: StructureShape): string {
  return `${JSON.stringify(placeholder(input, 0), null, 4)}\n`;
}

/** The members of a --cli-input-json document, typed by the model. */
export function inputFromJson(input: StructureShape, text: string, ctx: CoerceContext): Record<string, unknown> {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new CliUsageError(`aws: error: Error parsing parameter '--cli-input-json': Invalid JSON: ${(e as Error).message}`);
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc))
    throw new CliUsageError("aws: error: Error parsing parameter '--cli-input-json': the document must be a JSON object");
  const relaxed: StructureShape = { ...input, required: [] };
  return coerce(relaxed, doc, 'input', ctx) as Record<string, unknown>;
}
