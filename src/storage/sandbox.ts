// The persistent sandbox behind `kms-study aws` and `kms-study sandbox`: engine state, profiles and the
// current profile in <dataDir>/sandbox/state.json, written atomically (last writer wins, never torn).
// A file that does not parse or load is moved aside and reported, never silently replaced.
import { join } from 'node:path';
import { homedir } from 'node:os';
import { existsSync, readFileSync } from 'node:fs';
import { dataDir } from './paths.js';
import { DataError } from '../errors.js';
import { STATE_VERSION } from '../kms/state.js';
import { readJsonFile, writeFileAtomic } from './atomic.js';
import type { KmsEngine } from '../kms/engine.js';
import type { Clock, Random } from '../aws/ports.js';
import type { Caller } from '../aws/caller.js';
import { freshWorld, loadWorld, type World } from '../sim/world.js';
import { DEFAULT_PROFILES, callerFor, type Profile } from '../awscli/profiles.js';

export const SANDBOX_FORMAT = 'kms-study-sandbox';
export const SANDBOX_VERSION = 1;

export interface SandboxFile {
  format: typeof SANDBOX_FORMAT;
  version: typeof SANDBOX_VERSION;
  profile: string;
  profiles: Record<string, Profile>;
  engine: unknown;
}

export interface SandboxDeps {
  env: Record<string, string | undefined>;
  now(): number;
  randomBytes(n: number): Uint8Array;
}

export interface Sandbox {
  path: string;
  /** The sandbox's world: every `aws` call goes through `world.call`. */
  world: World;
  /** The world's KMS (keys, simulated time) for status and clock commands. */
  engine: KmsEngine;
  profile: string;
  profiles: Record<string, Profile>;
  /** Problems found while opening (a corrupt file moved aside), for stderr. */
  warnings: string[];
  callerFor(profile?: string, region?: string): Caller;
  save(): void;
}

export function sandboxPath(env: Record<string, string | undefined>): string {
  return join(dataDir(env), 'sandbox', 'state.json');
}

function shapeProblem(v: unknown): string | undefined {
  if (!v || typeof v !== 'object') return 'not a JSON object';
  const f = v as Partial<SandboxFile>;
  if (f.format !== SANDBOX_FORMAT) return `format is not ${SANDBOX_FORMAT}`;
  if (f.version !== SANDBOX_VERSION) return `unknown version ${JSON.stringify(f.version)} (this build reads ${SANDBOX_VERSION})`;
  if (typeof f.profile !== 'string' || !f.profiles || typeof f.profiles !== 'object') return 'profiles missing';
  if (!f.engine || typeof f.engine !== 'object') return 'engine state missing';
  return undefined;
}

/**
 * A state file written by a newer kms-study is left alone (DataError) rather than moved aside: the data is
 * fine, this build just cannot read it.
 */
function refuseNewer(path: string): void {
  if (!existsSync(path)) return;
  let doc: { version?: unknown; engine?: { version?: unknown } };
  try {
    doc = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return; // corrupt: readJsonFile moves it aside and reports it
  }
  const newer = (v: unknown, mine: number) => typeof v === 'number' && v > mine;
  if (doc && (newer(doc.version, SANDBOX_VERSION) || newer(doc.engine?.version, STATE_VERSION)))
    throw new DataError(`the sandbox state ${path} was written by a newer kms-study; it was left as it is. Upgrade kms-study, or run \`kms-study sandbox reset\` to start a new sandbox.`);
}

/** Opens the sandbox (creating a fresh one when there is none, or when the old file was corrupt). */
export function openSandbox(deps: SandboxDeps, opts: { fresh?: boolean; path?: string } = {}): Sandbox {
  const path = opts.path ?? sandboxPath(deps.env);
  const clock: Clock = { now: () => deps.now() };
  const random: Random = { bytes: (n) => deps.randomBytes(n) };
  const warnings: string[] = [];
  let world: World | undefined;
  let file: SandboxFile | undefined;
  if (!opts.fresh) {
    refuseNewer(path);
    const read = readJsonFile<SandboxFile>(
      path,
      (v) => {
        const problem = shapeProblem(v);
        if (problem) return problem;
        try {
          world = loadWorld((v as SandboxFile).engine, clock, random, { serviceRandom: random });
          return undefined;
        } catch (e) {
          return `engine state does not load (${(e as Error).message})`;
        }
      },
      deps.now(),
    );
    if (read.status === 'ok') file = read.value;
    else if (read.status === 'corrupt') {
      world = undefined;
      warnings.push(
        `kms-study: the sandbox state ${path} could not be read (${read.problem}); it was moved to ${read.movedTo} and a fresh sandbox was started.`,
      );
    }
  }
  if (!file || !world) {
    world = freshWorld(clock, random, { serviceRandom: random });
    file = { format: SANDBOX_FORMAT, version: SANDBOX_VERSION, profile: 'default', profiles: { ...DEFAULT_PROFILES }, engine: {} };
  }
  const w = world;
  const sandbox: Sandbox = {
    path,
    world: w,
    engine: w.kms,
    profile: file.profile,
    profiles: file.profiles,
    warnings,
    callerFor(profile?: string, region?: string) {
      return callerFor(w, sandbox.profiles, profile ?? sandbox.profile, region);
    },
    save() {
      const doc: SandboxFile = { format: SANDBOX_FORMAT, version: SANDBOX_VERSION, profile: sandbox.profile, profiles: sandbox.profiles, engine: w.toJSON() };
      writeFileAtomic(path, `${JSON.stringify(doc)}\n`);
    },
  };
  return sandbox;
}

/** File reads for file:// and fileb:// parameters; a leading ~ is the user's home directory, as in the AWS CLI. */
export function readParamFile(path: string, env: Record<string, string | undefined> = {}): Uint8Array {
  const home = env.HOME || env.USERPROFILE || homedir();
  const full = path === '~' || path.startsWith('~/') ? join(home, path.slice(1)) : path;
  return new Uint8Array(readFileSync(full));
}
