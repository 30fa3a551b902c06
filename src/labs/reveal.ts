// No spoilers: the step of a lab that classifies its drawn root cause (variant). The variant's title stays
// hidden until that step is complete; afterwards it is shown as a summary.
import type { Lab, Variant } from './types.js';

/**
 * The index of the step that classifies the variant: the first step with an `answered` check on a question
 * the variant answers (or else on any question); the lab's last step when no step asks one.
 */
export function classifyingStep(lab: Lab, variant: Variant | undefined): number {
  const qs = Object.keys(variant?.answer ?? {});
  const asks = (any: boolean) => lab.steps.findIndex((s) => s.checks.some((c) => c.type === 'answered' && (any || qs.includes(c.question))));
  const own = asks(false);
  const any = own >= 0 ? own : asks(true);
  return any >= 0 ? any : lab.steps.length - 1;
}
