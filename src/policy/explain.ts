// Human-readable lines for a decision: the verdict, then every policy statement and grant considered
// with what matched or failed. Used by labs, `simulate-principal-policy` and the quiz's drills.
import type { Decision, TraceEntry } from '../aws/access.js';

const SOURCE: Record<TraceEntry['source'], string> = {
  'key-policy': 'Key policy',
  'resource-policy': 'Bucket policy',
  'identity-policy': 'IAM policy',
  grant: 'Grant',
  rule: 'Rule',
};

export function explainDecision(d: Decision): string[] {
  const head = d.allowed ? `ALLOWED (by ${d.allowedBy})` : `DENIED (${d.reason}): ${d.message ?? ''}`.trimEnd();
  const lines = [head];
  for (const t of d.trace) {
    if (t.source === 'rule') {
      lines.push(`  => ${t.detail}`);
      continue;
    }
    const label = t.source === 'grant' ? `${SOURCE.grant} ${t.id}` : `${SOURCE[t.source]} ${t.id}${t.sid ? ` [${t.sid}]` : ''}`;
    const verdict = t.matched ? `${t.effect ?? 'Allow'} statement applies` : 'does not apply';
    lines.push(`  ${label}: ${verdict}: ${t.detail}`);
  }
  return lines;
}
