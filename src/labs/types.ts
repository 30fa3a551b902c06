// The lab format as data (labs/<id>.yaml; docs/lab-format.md): setup fixtures, steps with declarative
// checks, progressive hints, a machine-runnable reference solution and an explanation, end-of-lab questions
// and pitfalls (plausible wrong fixes the checks must reject).

export type Check =
  | { type: 'command_ran'; operation: string; service?: string; outcome?: string; profile?: string; contains?: string; request?: Record<string, unknown>; fail: string }
  | { type: 'key_state'; key: string; state: string; fail: string }
  | { type: 'key_deleted'; key: string; fail: string }
  | { type: 'key_exists'; key: string; spec?: string; usage?: string; description?: string; fail: string }
  | { type: 'rotation'; key: string; enabled?: boolean; period?: number; rotations_at_least?: number; fail: string }
  | { type: 'alias'; alias: string; target: string; fail: string }
  | { type: 'deletion_scheduled'; key: string; window_days?: number; fail: string }
  | { type: 'tag'; key: string; tag: string; value?: string; fail: string }
  | { type: 'grant'; key: string; grantee: string; operations?: string[]; constraint?: 'EncryptionContextEquals' | 'EncryptionContextSubset'; constraint_context?: Record<string, string>; count?: number; present?: boolean; fail: string }
  | { type: 'policy_contains'; key: string; text: string; present?: boolean; fail: string }
  | { type: 'policy_statement'; key: string; effect?: 'Allow' | 'Deny'; principal?: string; action?: string; sid?: string; condition_key?: string; present?: boolean; fail: string }
  | { type: 'simulate'; profile: string; action: string; key: string; context?: Record<string, string>; encryption_context?: Record<string, string>; expect: 'allowed' | 'denied'; fail: string }
  | { type: 'audit_has'; eventName: string; errorCode?: string; eventType?: string; user?: string; fail: string }
  | { type: 'answered'; question: string; fail: string }
  | { type: 'policy_not_broader_than'; key: string; forbid: string[]; fail: string }
  | { type: 'load_result'; op?: string; max_throttled?: number; min_requests?: number; min_from_cache?: number; fail: string }
  | { type: 'service_state'; service: string; query: string; equals?: unknown; contains?: string; present?: boolean; fail: string };

export type CheckType = Check['type'];

export interface Step {
  id: string;
  title: string;
  goal: string;
  checks: Check[];
  hints: string[];
  solution: string[];
  explain: string;
  /** Conditions under which this step can no longer complete, each with our explanation (see stranded.ts). */
  stranded?: StrandedWhen[];
}

/** A declared dead end: when every `when` check passes and no `unless` check does, the step cannot complete. */
export interface StrandedWhen {
  when: Check[];
  unless: Check[];
  message: string;
}

export interface LabQuestion {
  id: string;
  text: string;
  options: Record<string, string>;
  answer: string;
  why: string;
}

export interface Pitfall {
  step: string;
  /** The variant the pitfall is tried in (default: the lab's first variant). */
  variant?: string;
  /** Lines run after the solutions of the earlier steps. */
  lines: string[];
  /** The failure message (a check's `fail`) the step must show afterwards. */
  fails: string;
}

export interface SetupKey {
  ref: string;
  account: string;
  region: string;
  description?: string;
  policy?: string;
  aliases: string[];
  tags: Record<string, string>;
  state?: 'Enabled' | 'Disabled' | 'PendingDeletion';
  rotation?: number;
  spec?: string;
  usage?: string;
}

export interface SetupPrincipal {
  kind: 'user' | 'role';
  name: string;
  account: string;
  policies: Record<string, string>;
}

export interface Setup {
  start: number;
  profiles: Record<string, { principal: string; region: string }>;
  profile: string;
  principals: SetupPrincipal[];
  keys: SetupKey[];
  ciphertexts: { file: string; key: string; plaintext: string; context: Record<string, string> }[];
  grants: { key: string; grantee: string; operations: string[]; retiring?: string; name?: string }[];
  history: { profile: string; line: string }[];
  advance?: string;
  /** Request quotas for the lab (engine.settings.throttling, enabled); absent: no throttling. */
  throttling?: { symmetricPerSecond?: number; rsaPerSecond?: number; eccPerSecond?: number; burstSeconds?: number; perOperation?: Record<string, number> };
}

export interface Variant {
  id: string;
  title: string;
  /** Replaces parts of the base setup (keys by ref, principals by name, profiles). */
  setup: Partial<Pick<Setup, 'keys' | 'principals' | 'profiles' | 'grants'>>;
  steps: Record<string, Partial<Pick<Step, 'hints' | 'solution' | 'explain' | 'checks'>>>;
  answer?: Record<string, string>;
}

export interface Lab {
  file: string;
  id: string;
  title: string;
  tips: string[];
  topics: string[];
  level: 'guided' | 'advanced' | 'expert';
  summary: string;
  setup: Setup;
  variants: Variant[];
  steps: Step[];
  questions: LabQuestion[];
  pitfalls: Pitfall[];
}
