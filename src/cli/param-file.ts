// The file reader behind file:// and fileb:// for `kms-study aws` and the lab shell: a leading ~ is the user's
// home directory, as in the AWS CLI; only regular files, and no more than the parameter can hold.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { GENERIC_MAX_BYTES } from '../awscli/model/limits.js';
import { readRegularFile } from '../storage/regular-file.js';

export function paramFileReader(env: Record<string, string | undefined>, cwd: string): (path: string, maxBytes?: number) => Uint8Array {
  return (path, maxBytes) => {
    const home = env.HOME || env.USERPROFILE || homedir();
    const full = path === '~' || path.startsWith('~/') ? join(home, path.slice(1)) : resolve(cwd, path);
    return readRegularFile(full, maxBytes ?? GENERIC_MAX_BYTES);
  };
}
