// Bank loading at scale: generate banks of 1,000 and 10,000 questions in a temp dir (50 per file), load and
// lint them with loadBanks, and report time, heap growth and the 10k/1k ratio. Target: linear, 10,000 < 1 s.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadBanks } from '../src/storage/banks.js';
import { EXAM_TIPS, TOPICS } from '../src/content/taxonomy.js';

const PER_FILE = 50;

function question(i: number): string {
  const tips = Object.keys(EXAM_TIPS);
  const multiple = i % 3 === 0;
  const letters = multiple ? ['A', 'B', 'C', 'D', 'E'] : ['A', 'B', 'C', 'D'];
  const opts = letters.map((l) => `      ${l}:\n        text: Generated option ${l} for question ${i}, long enough to look like a real distractor.\n        why: ${l === 'A' || (multiple && l === 'C') ? 'Right' : 'Wrong'}. A generated explanation for option ${l}.\n`).join('');
  return `  - id: bench-q-${i}
    tips: [${tips[i % tips.length]}]
    scenarios: []
    task: "4.2.2"
    difficulty: ${['easy', 'medium', 'hard'][i % 3]}
    type: ${multiple ? 'multiple' : 'single'}
${multiple ? '    choose: 2\n' : ''}    stem: |
      Generated benchmark stem number ${i}. A team uses a customer managed key for an application and
      needs to decide what happens to the key material when the requirement in scenario ${i} applies.
    options:
${opts}    answer: ${multiple ? '[A, C]' : 'A'}
    takeaway: Generated takeaway ${i}.
    sources:
      - https://docs.aws.amazon.com/kms/latest/developerguide/overview.html
    verified: 2026-11-01
`;
}

function generate(dir: string, n: number): void {
  mkdirSync(dir, { recursive: true });
  const topics = Object.keys(TOPICS);
  for (let f = 0; f * PER_FILE < n; f++) {
    const body = [];
    for (let i = f * PER_FILE; i < Math.min(n, (f + 1) * PER_FILE); i++) body.push(question(i));
    writeFileSync(join(dir, `bank-${String(f).padStart(4, '0')}.yaml`), `topic: ${topics[f % topics.length]}\nquestions:\n${body.join('\n')}`);
  }
}

interface Run {
  n: number;
  ms: number;
  heapMb: number;
}

function measure(dir: string, n: number, cacheDir?: string): Run {
  const t0 = performance.now();
  const { questions, errors } = loadBanks([dir], { today: '2026-11-28', cacheDir });
  const ms = performance.now() - t0;
  // Heap in use right after the load, the questions still referenced (a delta is meaningless without --expose-gc).
  const heapMb = process.memoryUsage().heapUsed / 1048576;
  if (questions.length !== n || errors.length) throw new Error(`bench bank of ${n}: loaded ${questions.length}, ${errors.length} errors (${errors[0]?.message})`);
  return { n, ms, heapMb };
}

const row = (label: string, r: Run) =>
  `  ${label.padEnd(6)} ${String(r.n).padStart(6)} questions: ${r.ms.toFixed(0).padStart(5)} ms, ${((r.ms / r.n) * 1000).toFixed(1)} µs/question, heap in use ${r.heapMb.toFixed(0)} MB`;

/** `sizes` defaults to the target sizes; the smoke test passes small ones. */
export async function benchBanks(sizes: [number, number] = [1000, 10000]): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'kms-bench-banks-'));
  try {
    const cold: Run[] = [];
    const warm: Run[] = [];
    for (const n of sizes) generate(join(root, String(n)), n);
    // Warm-up on every size first (JIT, the OS file cache), so the smaller size is not measured half-compiled.
    for (const n of sizes) loadBanks([join(root, String(n))], { today: '2026-11-28' });
    for (const n of sizes) {
      const dir = join(root, String(n));
      const cache = join(root, `cache-${n}`);
      cold.push(measure(dir, n));
      measure(dir, n, cache); // fills the cache
      warm.push(measure(dir, n, cache));
    }
    const growth = (runs: Run[]) => runs[1].ms / runs[0].ms;
    const linear = sizes[1] / sizes[0];
    const verdict = (runs: Run[]) =>
      `growth ${sizes[1]}/${sizes[0]} ${growth(runs).toFixed(1)}x (linear = ${linear}x: ${growth(runs) < linear * 1.5 ? 'linear' : 'WORSE THAN LINEAR'}); ` +
      `${sizes[1]} in ${runs[1].ms.toFixed(0)} ms${sizes[1] === 10000 ? `, target < 1000 ms: ${runs[1].ms < 1000 ? 'met' : 'MISSED'}` : ''}`;
    return [
      'Question banks: loadBanks = read, parse YAML, check every rule, cross-file lint (50 questions per file)',
      'cold (no cache; what bank lint does):',
      ...cold.map((r) => row('cold', r)),
      `  ${verdict(cold)}`,
      'warm (parse cache in the data dir; what quiz and stats do when the files are unchanged):',
      ...warm.map((r) => row('warm', r)),
      `  ${verdict(warm)}`,
    ].join('\n');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
