// Golden transcripts: a .txt file is both the script (its `$ aws ...` lines and `# advance <n>` lines)
// and the expected output of running it in a fresh seeded sandbox. `$KEY`, `$KEY2`, `$BLOB`, `$GRANT_ID`,
// `$GRANT_TOKEN` stand for values from earlier output, so the commands read as a learner would type them.
import { ManualClock, SeededRandom } from '../../src/aws/ports.js';
import { runAws } from '../../src/awscli/run.js';
import { DEFAULT_PROFILES, callerFor } from '../../src/awscli/profiles.js';
import { freshWorld } from '../../src/sim/world.js';
import { parseDuration } from '../../src/sim/status.js';
import { splitCommandLine } from '../../src/awscli/index.js';

export const GOLDEN_START = Date.UTC(2026, 10, 28, 13, 48, 25, 123);

/** The script lines of a transcript: commands and directives, in order. */
export function scriptOf(text: string): string[] {
  return text.split('\n').filter((l) => l.startsWith('$ ') || l.startsWith('# '));
}

function capture(stdout: string, vars: Record<string, string>): void {
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(stdout) as Record<string, unknown>;
  } catch {
    return;
  }
  const md = doc.KeyMetadata as Record<string, unknown> | undefined;
  if (md && typeof md.KeyId === 'string' && !Object.values(vars).includes(md.KeyId)) {
    if (!vars.KEY) vars.KEY = md.KeyId;
    else if (!vars.KEY2) vars.KEY2 = md.KeyId;
  }
  if (typeof doc.CiphertextBlob === 'string') vars.BLOB = doc.CiphertextBlob;
  if (typeof doc.GrantId === 'string') vars.GRANT_ID = doc.GrantId;
  if (typeof doc.GrantToken === 'string') vars.GRANT_TOKEN = doc.GrantToken;
}

export async function runTranscript(name: string, script: string[], files: Record<string, string> = {}): Promise<string> {
  const clock = new ManualClock(GOLDEN_START);
  const sim = freshWorld(clock, new SeededRandom(`golden:${name}`), { serviceRandom: new SeededRandom(`golden:${name}:iam`) });
  const engine = sim.kms;
  const io = {
    cwd: '/golden',
    readFile(path: string): Uint8Array {
      const rel = path.replace(/^\/golden\//, '');
      if (!(rel in files)) throw new Error(`[Errno 2] No such file or directory: '${rel}'`);
      return new TextEncoder().encode(files[rel]);
    },
  };
  const vars: Record<string, string> = {};
  let out = '';
  for (const line of script) {
    if (line.startsWith('# ')) {
      out += `${line}\n`;
      const adv = /^# advance (\S+)/.exec(line);
      if (adv) engine.advance(parseDuration(adv[1]) ?? 0);
      continue;
    }
    const command = line.slice(2).replace(/\$([A-Z_0-9]+)/g, (m, v: string) => vars[v] ?? m);
    const argv = splitCommandLine(command).slice(1); // drop 'aws'
    const r = await runAws(sim, argv, (g) => callerFor(sim, DEFAULT_PROFILES, g.profile ?? 'default', g.region), io);
    capture(r.stdout, vars);
    out += `${line}\n${r.stdout}${r.stderr ? `--- stderr\n${r.stderr}` : ''}[exit ${r.exitCode}]\n\n`;
  }
  return out;
}
