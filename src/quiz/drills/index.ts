// Public entry of the generated policy-evaluation drills (`kms-study quiz --generated`).
export { generateDrills, decide, DRILL_SOURCES, VARIANTS_PER_BASE } from './generate.js';
export type { Drill, DrillOptions } from './generate.js';
export { OUTCOMES, OUTCOME_IDS, outcomeOf, whyFor, verdictOf, decisionLabel } from './outcomes.js';
export type { OutcomeId } from './outcomes.js';
export { SCENARIO_ELEMENTS, authzRequestOf, iamStateOf, keyPolicyOf, identityPolicyOf } from './scenario.js';
export type { DrillScenario, ScenarioElement } from './scenario.js';
export { stemOf } from './stem.js';
