// Generated policy-evaluation drills: seeded scenarios in groups (a base, then variants that change one
// element each), asked as normal Questions whose answer and explanations come from the simulator's decision.
import type { IamState } from '../../iam/types.js';
import { SeededRandom, type Random } from '../../aws/ports.js';
import type { AccessControl, Decision, IdentityDirectory } from '../../aws/access.js';
import { identityDirectory } from '../../iam/directory.js';
import { createAccessControl } from '../../policy/decision.js';
import type { Difficulty, TopicId } from '../../content/taxonomy.js';
import { LETTERS, type Question } from '../types.js';
import { OUTCOME_IDS, OUTCOMES, outcomeOf, verdictOf, whyFor, type OutcomeId } from './outcomes.js';
import { intBelow, pick, randomScenario, shuffled, withNewElement } from './random-scenario.js';
import { SCENARIO_ELEMENTS, authzRequestOf, iamStateOf, type DrillScenario, type ScenarioElement } from './scenario.js';
import { stemOf } from './stem.js';

export const DRILL_SOURCES = [
  'https://docs.aws.amazon.com/kms/latest/developerguide/policy-evaluation.html',
  'https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html',
];
/** A base scenario and this many variants of it form one group. */
export const VARIANTS_PER_BASE = 3;

export interface Drill {
  question: Question;
  scenario: DrillScenario;
  decision: Decision;
  outcome: OutcomeId;
  /** For a variant: the index (in the generated list) of its base, and the one element it changes. */
  variantOf?: { index: number; element: ScenarioElement };
}

export interface DrillOptions {
  seed: string;
  count: number;
  /** The `verified` date the questions carry (YYYY-MM-DD; the caller passes today's date). */
  verified: string;
  /** Defaults to the simulator's access control, so drills and simulator cannot disagree. */
  access?: DrillAccess;
}

/** The access control to ask, bound to a scenario's identities. */
export type DrillAccess = (identities: IdentityDirectory) => AccessControl;

const simulatorAccess: DrillAccess = (identities) => createAccessControl({ identities });

/** Runs the simulator's authorization decision over a scenario. */
export function decide(s: DrillScenario, access: DrillAccess = simulatorAccess): { decision: Decision; iam: IamState } {
  const iam = iamStateOf(s);
  return { decision: access(identityDirectory(iam)).authorize(authzRequestOf(s)), iam };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** A variant of `base` changing one element: a visible change, preferably one that changes the outcome. */
function variantOf(r: Random, base: DrillScenario, baseOutcome: OutcomeId, access: DrillAccess): { scenario: DrillScenario; element: ScenarioElement } {
  const baseStem = stemOf(base);
  let fallback: { scenario: DrillScenario; element: ScenarioElement } | undefined;
  for (let attempt = 0; attempt < 24; attempt++) {
    const element = pick(r, SCENARIO_ELEMENTS);
    const scenario = withNewElement(r, base, element);
    if (same(scenario[element], base[element]) || stemOf(scenario) === baseStem) continue;
    if (outcomeOf(decide(scenario, access).decision) !== baseOutcome) return { scenario, element };
    fallback ??= { scenario, element };
  }
  // `delegation` always flips, so a visible one-element change exists for every base.
  return fallback ?? { scenario: withNewElement(r, base, 'delegation'), element: 'delegation' };
}

function difficultyOf(s: DrillScenario): Difficulty {
  const features = [s.keyDeny, s.identity?.deny, s.identity?.condition, s.named.condition, s.grant, s.grant?.constraint, s.caller === 'other-account' || s.caller === 'partner-account' ? 1 : undefined].filter((x) => x !== undefined).length;
  return features <= 1 ? 'easy' : features <= 3 ? 'medium' : 'hard';
}

/** The three wrong outcomes offered with the right one: one of the same verdict when there is one, then any. */
function distractors(r: Random, right: OutcomeId): OutcomeId[] {
  const others = OUTCOME_IDS.filter((o) => o !== right);
  const sameKind = others.filter((o) => o.slice(0, 5) === right.slice(0, 5));
  const first = pick(r, sameKind);
  return [first, ...shuffled(r, others.filter((o) => o !== first)).slice(0, 2)];
}

function questionOf(id: string, s: DrillScenario, d: Decision, topic: TopicId, verified: string, r: Random): Question {
  const right = outcomeOf(d);
  const outcomes = shuffled(r, [right, ...distractors(r, right)]);
  const options = outcomes.map((o, i) => ({ letter: LETTERS[i], text: OUTCOMES[o], why: whyFor(o, d) }));
  return {
    id,
    file: '(generated drills)',
    line: 0,
    column: 0,
    topic,
    tips: ['troubleshooting-access', 'key-policy-requirements'],
    scenarios: s.caller === 'other-account' || s.caller === 'partner-account' || s.named.principal === 'other-account-root' ? ['cross-account-sharing'] : [],
    task: '4.1.2',
    difficulty: difficultyOf(s),
    type: 'single',
    choose: 1,
    scope: 'in',
    stem: stemOf(s),
    options,
    answer: [LETTERS[outcomes.indexOf(right)]],
    takeaway: `KMS looks for an explicit Deny first (key policy, then IAM policies); then the key policy must allow the caller directly, or name its account so that an IAM policy can allow; otherwise a grant can. Here the simulator decides: ${verdictOf(d)}`,
    sources: [...DRILL_SOURCES],
    verified,
  };
}

/** `count` drills for `seed`: groups of a base scenario and VARIANTS_PER_BASE one-element variants. Same seed, same drills. */
export function generateDrills(opts: DrillOptions): Drill[] {
  if (!Number.isInteger(opts.count) || opts.count < 1) throw new RangeError(`count must be a whole number of at least 1, got ${opts.count}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.verified)) throw new RangeError(`verified must be a YYYY-MM-DD date, got "${opts.verified}"`);
  const access = opts.access ?? simulatorAccess;
  const r = new SeededRandom(`drills:${opts.seed}`);
  const out: Drill[] = [];
  let base: { index: number; scenario: DrillScenario; outcome: OutcomeId; topic: TopicId } | undefined;
  for (let n = 0; n < opts.count; n++) {
    let scenario: DrillScenario;
    let variant: Drill['variantOf'];
    if (!base || n - base.index > VARIANTS_PER_BASE) {
      scenario = randomScenario(r);
      base = { index: n, scenario, outcome: 'deny-no-resource', topic: intBelow(r, 2) === 0 ? 'troubleshooting-access' : 'key-policies-iam' };
    } else {
      const v = variantOf(r, base.scenario, base.outcome, access);
      scenario = v.scenario;
      variant = { index: base.index, element: v.element };
    }
    const { decision } = decide(scenario, access);
    const outcome = outcomeOf(decision);
    if (!variant) base.outcome = outcome;
    const question = questionOf(`drill-${opts.seed}-${n + 1}`, scenario, decision, base.topic, opts.verified, r);
    out.push({ question, scenario, decision, outcome, ...(variant ? { variantOf: variant } : {}) });
  }
  return out;
}
