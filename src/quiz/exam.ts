// Exam mode: the SOA-C03 format scaled to the bank (2 minutes a question), a visible timer, flags and free
// movement (n, p, f, g 12, r, submit), no feedback until the end, then a scaled score, a per-domain
// rating like AWS's score report and a topic breakdown.
import type { Random } from '../aws/ports.js';
import { domainResults } from './exam-draw.js';
import { isCorrect, parseAnswerText } from './grade.js';
import { displayLetters, present, toBank, toDisplay, type Presented } from './present.js';
import { QuizStop, type AnswerEvent, type SessionIO } from './ports.js';
import { ratingFor, review, type StoredCard } from './schedule.js';
import { breakdown, examMinutes, PASS_SCORE, scaledScore, SCALING_EXPLAINED } from './score.js';
import type { SessionResult } from './session.js';
import { percent, questionText } from './text.js';
import { fit } from '../text/wrap.js';
import { questionTitle } from './title.js';
import type { Question } from './types.js';

const HELP = 'Commands: a letter answer (B, A,C, B?), n next, p previous, f flag, g 12 go to, r review list, submit.';

export function clock(ms: number): string {
  const t = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(t / 60)}:${String(t % 60).padStart(2, '0')}`;
}

interface Slot {
  p: Presented;
  chosen?: string[]; // display letters
  guessed: boolean;
  flagged: boolean;
  spentMs: number;
}

export async function runExam(questions: Question[], cards: Record<string, StoredCard>, io: SessionIO, random: Random | undefined): Promise<SessionResult> {
  const { prompter, style: s } = io;
  const startedAt = io.now();
  const minutes = examMinutes(questions.length);
  const deadline = startedAt + minutes * 60_000;
  const slots: Slot[] = questions.map((q) => ({ p: present(q, random), guessed: false, flagged: false, spentMs: 0 }));
  io.write(fit(s.bold(`Exam: ${questions.length} question${questions.length === 1 ? '' : 's'} in ${minutes} minute${minutes === 1 ? '' : 's'}`) + s.dim(` (the real exam: 65 in 130). No feedback until you submit. ${HELP}`), io.width) + '\n');
  let i = 0;
  let ended: SessionResult['ended'] = 'submitted';
  const reviewList = () =>
    slots.map((sl, k) => `  ${String(k + 1).padStart(2)}. ${sl.chosen ? sl.chosen.join(',') : s.warn('—')}${sl.chosen && sl.guessed ? s.dim(' (guessed)') : ''}${sl.flagged ? s.warn(' (flagged)') : ''}`).join('\n') + '\n';
  try {
    for (;;) {
      const t = io.now();
      if (t >= deadline) throw new QuizStop('time-up');
      const sl = slots[i];
      const q = sl.p.question;
      const letters = displayLetters(sl.p);
      const status = `${s.warn(`time left ${clock(deadline - t)}`)}${sl.flagged ? s.warn(' [flagged]') : ''}${sl.chosen ? s.dim(` [answered: ${sl.chosen.join(',')}]`) : ''}`;
      io.write(questionText(sl.p, i + 1, slots.length, s, true, status, io.width)); // answers are typed: always list the options
      const raw = (await prompter.answer({ mode: 'exam', number: i + 1, total: slots.length, stem: q.stem, options: sl.p.options.map((o, k) => ({ letter: letters[k], text: o.text })), type: q.type, choose: q.choose, deadline, current: sl.chosen, flagged: sl.flagged })).trim();
      const after = io.now();
      sl.spentMs += after - t;
      if (after >= deadline) throw new QuizStop('time-up');
      const cmd = raw.toLowerCase();
      const go = /^g(?:o)?\s*(\d+)$/.exec(cmd);
      if (cmd === 'n' || cmd === 'next' || cmd === '') {
        if (i < slots.length - 1) i++;
        else io.write(s.dim('This is the last question: type submit to finish, or r to review.') + '\n');
      } else if (cmd === 'p' || cmd === 'prev') {
        if (i > 0) i--;
        else io.write(s.dim('This is the first question.') + '\n');
      } else if (cmd === 'f' || cmd === 'flag') {
        sl.flagged = !sl.flagged;
        io.write(s.dim(sl.flagged ? `Flagged question ${i + 1}.` : `Unflagged question ${i + 1}.`) + '\n');
      } else if (go) {
        const k = Number(go[1]);
        if (k >= 1 && k <= slots.length) i = k - 1;
        else io.write(s.warn(`No question ${k}: choose 1–${slots.length}.`) + '\n');
      } else if (cmd === 'r' || cmd === 'review') {
        io.write(reviewList());
      } else if (cmd === 'submit') {
        const blank = slots.filter((x) => !x.chosen).length;
        const flagged = slots.filter((x) => x.flagged).length;
        if ((blank || flagged) && !(await prompter.confirm(`Submit with ${blank} unanswered and ${flagged} flagged?`, false))) continue;
        break;
      } else {
        const parsed = parseAnswerText(raw, letters, q.choose);
        if (parsed.kind === 'invalid') {
          io.write(fit(s.warn(`${parsed.why}.`) + s.dim(` ${HELP}`), io.width) + '\n');
          continue;
        }
        sl.chosen = parsed.letters;
        sl.guessed = parsed.guessed;
        if (i < slots.length - 1) i++;
        else io.write(s.dim('That was the last question: type submit to finish, r to review, g N to go back.') + '\n');
      }
    }
  } catch (e) {
    if (!(e instanceof QuizStop)) throw e;
    ended = e.reason;
    io.write('\n' + s.warn(e.reason === 'time-up' ? 'Time is up: the exam is submitted as it stands.' : `Stopped (${e.message}); your answers so far are saved.`) + '\n');
  }
  return finish(slots, cards, io, startedAt, ended);
}

function finish(slots: Slot[], cards: Record<string, StoredCard>, io: SessionIO, startedAt: number, ended: SessionResult['ended']): SessionResult {
  const s = io.style;
  const at = io.now();
  const scored = ended === 'submitted' || ended === 'time-up';
  const answers: AnswerEvent[] = [];
  const results: { question: Question; correct: boolean }[] = [];
  for (const sl of slots) {
    const q = sl.p.question;
    const chosen = sl.chosen ? toBank(sl.p, sl.chosen) : [];
    const correct = sl.chosen ? isCorrect(q, chosen) : false;
    results.push({ question: q, correct });
    // An interrupted exam keeps only what was answered; a submitted one counts blanks as wrong.
    if (!sl.chosen && !scored) continue;
    const card = review(cards[q.id], at, ratingFor(correct, sl.guessed));
    cards[q.id] = card;
    const ev: AnswerEvent = { question: q, chosen, correct, guessed: sl.guessed, durationMs: sl.spentMs, at, card };
    answers.push(ev);
    io.onAnswer(ev);
  }
  const correct = answers.filter((a) => a.correct).length;
  const base: SessionResult = { mode: 'exam', startedAt, finishedAt: at, questions: slots.length, answered: slots.filter((x) => x.chosen).length, correct, ended, answers };
  if (!scored) {
    io.write(s.dim(`Not scored: ${base.answered} of ${slots.length} answered.`) + '\n');
    return base;
  }
  const score = scaledScore(correct, slots.length);
  const passed = score >= PASS_SCORE;
  const lines = [
    '',
    fit(s.bold(`Result: ${correct}/${slots.length} correct (${percent(correct, slots.length)}), scaled score ${score} — ${passed ? s.ok('PASS') : s.bad('FAIL')} (720 to pass)`), io.width, '', '  '),
    s.dim(fit(SCALING_EXPLAINED, io.width)),
    fit(s.bold('By exam domain') + s.dim(' (like the section table of AWS\'s score report; our rating: 72% or more meets):'), io.width),
    ...domainResults(results).map((d) =>
      fit(`${d.domain}. ${d.title}: ${d.correct}/${d.total} (${percent(d.correct, d.total)}) — ${d.rating === 'Meets competencies' ? s.ok(d.rating) : s.warn(d.rating)}`, io.width, '  ', '     '),
    ),
    s.bold('By topic:'),
    ...breakdown(results).map((t) => `  ${t.topic.padEnd(24)} ${t.correct}/${t.total} (${percent(t.correct, t.total)})`),
  ];
  const missed = slots.filter((_sl, k) => !results[k].correct);
  if (missed.length) {
    lines.push(s.bold('Review these:'));
    for (const sl of missed) {
      const q = sl.p.question;
      lines.push(fit(`${questionTitle(q)}: answer ${toDisplay(sl.p, q.answer).join(',')}${sl.chosen ? `, you chose ${sl.chosen.join(',')}${sl.guessed ? ' (guessed)' : ''}` : ', not answered'}. ${q.takeaway}`, io.width, `  ${slots.indexOf(sl) + 1}. `, '     '));
      if (q.lab) lines.push(s.warn(`     Practise this: kms-study lab ${q.lab}`));
    }
  }
  io.write(lines.join('\n') + '\n');
  return { ...base, scaledScore: score, passed };
}
