// `kms-study bank lint [paths]` checks banks against docs/bank-format.md (file:line:column, non-zero exit on
// any problem or near-duplicate pair; cue warnings fail only with --strict); `kms-study bank coverage` counts
// questions per exam tip, scenario, topic and exam-guide domain, task statement and skill.
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { EXIT } from '../../exit-codes.js';
import type { ProgramContext } from '../context.js';
import { escapeControls } from '../../text/terminal.js';

function pathsOf(ctx: ProgramContext, paths: string[]): string[] {
  return paths.length ? paths.map((p) => resolve(ctx.deps.cwd, p)) : [join(ctx.deps.packageRoot, 'questions')];
}

const today = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function register(program: Command, ctx: ProgramContext): void {
  const bank = program.command('bank').description('tools for question bank authors (lint, coverage)');
  bank
    .command('lint')
    .description('check question banks (files or folders; default: the packaged questions/) and report file:line:column problems: format errors, near-duplicate questions, and cue warnings')
    .argument('[paths...]', 'bank files or folders')
    .option('--strict', 'exit 1 on cue warnings too')
    .action(async (paths: string[], opts: { strict?: boolean }) => {
      const { loadBanks } = await import('../../storage/banks.js');
      const { nearDuplicates } = await import('../../quiz/lint-similar.js');
      const { cueWarnings } = await import('../../quiz/lint-cues.js');
      const loaded = loadBanks(pathsOf(ctx, paths), { today: today(ctx.deps.now()) });
      const { questions } = loaded;
      const errors = [...loaded.errors, ...nearDuplicates(questions)];
      for (const w of loaded.warnings) ctx.deps.stderr.write(`${escapeControls(w)}\n`);
      const warnings = cueWarnings(questions);
      for (const e of errors) ctx.deps.stderr.write(`${escapeControls(e.message)}\n`);
      for (const w of warnings) ctx.deps.stderr.write(`${w.file}:${w.line}:${w.column}: warning: ${w.what}\n`);
      const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
      if (errors.length || (opts.strict && warnings.length)) {
        ctx.deps.stderr.write(`${plural(errors.length, 'problem')}${warnings.length ? ` and ${plural(warnings.length, 'warning')}` : ''} found (${questions.length} valid questions).\n`);
        ctx.exit.code = EXIT.FAILURE;
      } else ctx.deps.stdout.write(`OK: ${questions.length} questions, no problems${warnings.length ? `; ${plural(warnings.length, 'cue warning')} (see above)` : ''}.\n`);
    });
  bank
    .command('coverage')
    .description('questions per exam tip, scenario and topic; the single/multiple mix; tips and scenarios under 5 questions')
    .argument('[paths...]', 'bank files or folders')
    .option('--json', 'machine-readable output')
    .action(async (paths: string[], opts: { json?: boolean }) => {
      const { loadBanks } = await import('../../storage/banks.js');
      const { coverage, MAX_SKILL_SHARE, MIN_PER_ITEM } = await import('../../quiz/coverage.js');
      const { barChart } = await import('../../text/charts.js');
      const { questions, errors, warnings } = loadBanks(pathsOf(ctx, paths), { today: today(ctx.deps.now()) });
      for (const w of warnings) ctx.deps.stderr.write(`${w}\n`);
      if (errors.length) ctx.deps.stderr.write(`kms-study: warning: ${errors.length} problem(s) in the banks (run kms-study bank lint); counting the ${questions.length} valid questions\n`);
      const c = coverage(questions);
      const { loadNotes } = await import('../../storage/notes.js');
      const { loadLabs } = await import('../../storage/lab-session.js');
      const { notesCoverage } = await import('../../notes/coverage.js');
      const root = ctx.deps.packageRoot;
      const notes = notesCoverage(loadNotes(join(root, 'notes'), '9999-12-31').notes, questions, loadLabs(join(root, 'labs')).labs);
      const out = ctx.deps.stdout;
      if (opts.json) {
        out.write(JSON.stringify({ ...c, notes }, null, 2) + '\n');
        return;
      }
      const max = Math.max(MIN_PER_ITEM, ...Object.values(c.byTip), ...Object.values(c.byScenario), ...Object.values(c.byTopic));
      const rows = (rec: Record<string, number>) => barChart(Object.entries(rec).map(([k, n]) => ({ label: k, value: n, max, suffix: `${n}${n < MIN_PER_ITEM ? '  (under 5)' : ''}` })));
      out.write(`${c.total} questions: ${c.single} single, ${c.multiple} multiple (${Math.round(c.multipleRatio * 100)}% multiple), ${c.outOfScope} out of SOA-C03 scope\n`);
      out.write(`\nBy exam tip:\n${rows(c.byTip)}\n\nBy scenario:\n${rows(c.byScenario)}\n\nBy topic:\n${barChart(Object.entries(c.byTopic).map(([k, n]) => ({ label: k, value: n, max, suffix: String(n) })))}\n`);
      const { EXAM_DOMAINS, EXAM_TASKS, EXAM_TASK_STATEMENTS } = await import('../../content/taxonomy.js');
      const share = (n: number) => `${n} (${c.total ? Math.round((n / c.total) * 100) : 0}%)`;
      const top = Math.max(1, ...Object.values(c.byDomain), ...Object.values(c.bySkill));
      const guideRows = (rec: Record<string, number>, title: (k: string) => string) =>
        barChart(Object.entries(rec).map(([k, n]) => ({ label: `${k} ${title(k)}`.slice(0, 40), value: n, max: top, suffix: share(n) })));
      out.write(`\nBy exam-guide domain (exam weight):\n${guideRows(c.byDomain, (k) => `(${EXAM_DOMAINS[k as keyof typeof EXAM_DOMAINS]?.weight ?? '?'}%) ${EXAM_DOMAINS[k as keyof typeof EXAM_DOMAINS]?.title ?? ''}`)}\n`);
      out.write(`\nBy task statement:\n${guideRows(c.byTaskStatement, (k) => EXAM_TASK_STATEMENTS[k as keyof typeof EXAM_TASK_STATEMENTS] ?? '')}\n`);
      out.write(`\nBy skill:\n${guideRows(c.bySkill, (k) => EXAM_TASKS[k as keyof typeof EXAM_TASKS] ?? '')}\n`);
      if (c.overweightSkills.length) out.write(`\nOver ${Math.round(MAX_SKILL_SHARE * 100)}% of the bank on one skill: ${c.overweightSkills.map((k) => `${k} ${share(c.bySkill[k])}`).join(', ')}\n`);
      if (c.thinTips.length || c.thinScenarios.length)
        out.write(`\nUnder ${MIN_PER_ITEM} questions: ${[...c.thinTips.map((t) => `tip ${t}`), ...c.thinScenarios.map((s) => `scenario ${s}`)].join(', ')}\n`);
      out.write(`\nStudy notes: ${notes.rows.length} note tips, ${notes.gaps.length} without questions or a lab yet\n`);
      for (const g of notes.gaps)
        out.write(`  ${g.topic.padEnd(22)} ${g.tip.padEnd(24)} ${g.questions ? `${g.questions} questions` : 'no questions'}, ${g.labs.length ? `labs ${g.labs.join(', ')}` : 'no lab'}\n`);
    });
}
