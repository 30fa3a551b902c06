// The parsed form of one `aws <service> <operation> ...` command line.

export type Service = 'kms' | 'iam' | 'sts' | 'cloudtrail' | 's3api';

export interface GlobalOptions {
  region?: string;
  profile?: string;
  output?: 'json' | 'text' | 'table';
  query?: string;
  /** false with --no-paginate. */
  paginate: boolean;
  maxItems?: number;
  startingToken?: string;
  pageSize?: number;
  binaryFormat: 'base64' | 'raw-in-base64-out';
  endpointUrl?: string;
}

export interface ParsedCommand {
  service: Service;
  /** API name, e.g. 'ScheduleKeyDeletion' ('' for `aws kms help`). */
  operation: string;
  /** CLI name, e.g. 'schedule-key-deletion' ('' for `aws kms help`). */
  cliOperation: string;
  /** The request with AWS member names; blobs are Uint8Array, timestamps Date. */
  request: Record<string, unknown>;
  globals: GlobalOptions;
  help?: boolean;
  /** For help: 'aws' when the whole CLI's help was asked for (`aws help`). */
  helpScope?: 'aws';
  /** Set by --generate-cli-skeleton: the JSON template to print instead of calling the service. */
  skeleton?: string;
  /** Remarks for stderr (an accepted but ignored option such as --endpoint-url). */
  notes?: string[];
}

export interface ParseIo {
  /**
   * Read a file for file:// and fileb:// (the path as written, relative to cwd): at most maxBytes + 1 bytes
   * when maxBytes is given. Throws when unreadable or not a regular file.
   */
  readFile(path: string, maxBytes?: number): Uint8Array;
  cwd: string;
}
