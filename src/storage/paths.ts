// Where the learner's data lives: KMS_STUDY_HOME when set (tests, several sandboxes), otherwise the
// platform's user data directory.
import { homedir } from 'node:os';
import { join } from 'node:path';

export function dataDir(env: Record<string, string | undefined>, platform: NodeJS.Platform = process.platform): string {
  if (env.KMS_STUDY_HOME) return env.KMS_STUDY_HOME;
  const home = env.HOME || env.USERPROFILE || homedir();
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'kms-study');
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), 'kms-study');
  return join(env.XDG_DATA_HOME || join(home, '.local', 'share'), 'kms-study');
}
