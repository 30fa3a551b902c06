// The base of every simulated AWS service error: the AWS error code (the `__type` on the JSON wire and the
// code in the CLI's "An error occurred (<Code>)" line), the HTTP status and the service that answered.
// Each service closes its own union of codes (src/kms/errors.ts, src/iam/errors.ts, src/cloudtrail/errors.ts).

export class ServiceException<Code extends string = string> extends Error {
  /** The AWS error code, e.g. "NotFoundException". */
  readonly code: Code;
  /** HTTP status on the wire (400 for client errors, 500 for internal). */
  readonly httpStatus: number;
  /** The service that raised it: "kms", "iam", "cloudtrail"..., or "simulator" for the world's own answers. */
  readonly service: string;
  constructor(service: string, code: Code, message: string, httpStatus = 400) {
    super(message);
    this.service = service;
    this.code = code;
    this.name = code;
    this.httpStatus = httpStatus;
  }
}

/**
 * A class per error code: `const NotFoundException = errorClass('kms', 'NotFoundException')`, thrown as
 * `new NotFoundException(message)`; instances are `ServiceException`s of the service's code union.
 */
export function errorClass<Code extends string>(service: string, code: Code, httpStatus = 400) {
  return class extends ServiceException<Code> {
    constructor(message = '') {
      super(service, code, message, httpStatus);
    }
  };
}

/** The world's answer to an operation (or service) it does not simulate. */
export const UnknownOperationException = errorClass('simulator', 'UnknownOperationException');
