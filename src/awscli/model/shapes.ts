// The shape language of the hand-kept operation model: member types as the AWS CLI sees them (string,
// integer, boolean, blob, timestamp, list, map, structure), required members, enums and paginators.

export type Shape =
  /** serviceChecked: the enum is for help only; the CLI sends any value and the service validates it (KMS). */
  | { type: 'string'; enum?: readonly string[]; serviceChecked?: boolean }
  | { type: 'integer' }
  | { type: 'double' }
  | { type: 'boolean' }
  | { type: 'blob' }
  | { type: 'timestamp' }
  | { type: 'list'; member: Shape }
  | { type: 'map'; key: Shape; value: Shape }
  | StructureShape;

export interface StructureShape {
  type: 'structure';
  members: Record<string, Shape>;
  required: readonly string[];
}

/** How the CLI pages through a List operation (botocore paginator config). */
export interface Paginator {
  inputToken: string;
  outputToken: string;
  limitKey?: string;
  resultKey: string;
  moreResults?: string | null;
}

export interface OperationModel {
  /** API name, e.g. ScheduleKeyDeletion. */
  name: string;
  /** One line for `help`. */
  doc: string;
  input: StructureShape;
  paginator?: Paginator;
}

export const str = (): Shape => ({ type: 'string' });
export const enm = (values: readonly string[]): Shape => ({ type: 'string', enum: values });
/** An enum the AWS CLI v2 does not check (botocore validates no enums): the service answers ValidationException. */
export const svcEnm = (values: readonly string[]): Shape => ({ type: 'string', enum: values, serviceChecked: true });
export const int = (): Shape => ({ type: 'integer' });
export const num = (): Shape => ({ type: 'double' });
export const bool = (): Shape => ({ type: 'boolean' });
export const blob = (): Shape => ({ type: 'blob' });
export const ts = (): Shape => ({ type: 'timestamp' });
export const list = (member: Shape): Shape => ({ type: 'list', member });
export const map = (key: Shape, value: Shape): Shape => ({ type: 'map', key, value });
export const struct = (members: Record<string, Shape>, required: readonly string[] = []): StructureShape => ({
  type: 'structure',
  members,
  required,
});

export function op(
  name: string,
  doc: string,
  members: Record<string, Shape>,
  required: readonly string[],
  paginator?: Paginator & { moreResults?: string | null },
): OperationModel {
  return { name, doc, input: struct(members, required), ...(paginator ? { paginator } : {}) };
}
