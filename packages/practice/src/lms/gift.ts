/**
 * GIFT writer. GIFT has no embedded answers and no question marks, so a
 * question with several blanks becomes a description (the question text)
 * followed by one question per blank; a rubric judge's field becomes an essay
 * with the key in its general feedback (GIFT has no grader information).
 */

import { escapeHtml } from '../exam/html.js';
import { allBlanks, answerBlanks, type Blank } from './answer-blanks.js';
import { type BankQuestion, checkBanks, type QuestionBank } from './bank.js';
import { handKeyHtml, handQuestionHtml, questionHtml, solutionHtml } from './html.js';
import { decimalText } from './number-text.js';
import { handName, questionName, shortAnswerPattern } from './question-parts.js';

/** Writes the banks as one GIFT file: each bank a `$CATEGORY: $course$/top/<name>` with its questions; throws a RangeError for points that are not a number ≥ 0. */
export function gift(banks: readonly QuestionBank[]): string {
  checkBanks(banks);
  return banks
    .flatMap((bank) => [
      `$CATEGORY: $course$/top/${oneLine(bank.name).replace(/\//g, '//')}`, // the line's rest, read raw by Moodle
      ...bank.questions.flatMap((question, i) => questionGift(question, questionName(question, i))),
    ])
    .join('\n\n')
    .concat('\n');
}

function questionGift(question: BankQuestion, name: string): string[] {
  const blanks = answerBlanks(question);
  const all = allBlanks(blanks);
  const steps = solutionHtml(question.exercise.solution);
  const text = questionHtml(question.exercise.question);
  const notes = blanks.auto.flatMap((f) => (f.note ? [`<p><em>${escapeHtml(f.note)}</em></p>`] : []));
  const out: string[] = [];
  const [only] = all;
  if (all.length === 1 && only) {
    out.push(item(name, `${text}<p>Answer: <code>${escapeHtml(only.label)}</code></p>`, answerBlock(only, steps)));
  } else if (all.length > 1) {
    out.push(item(name, text + notes.join('')));
    all.forEach((blank, k) => {
      const stem = `<p>${escapeHtml(name)}, part ${k + 1} of ${all.length}: <code>${escapeHtml(blank.label)}</code></p>`;
      out.push(item(`${name} part ${k + 1}`, stem, answerBlock(blank, k === 0 ? steps : '')));
    });
  }
  if (blanks.hand.length > 0) {
    const essayName = all.length > 0 ? handName(name) : name;
    const key = handKeyHtml(blanks.hand) + steps;
    out.push(item(essayName, handQuestionHtml(question.exercise.question, blanks.hand), `{${feedback(key)}}`));
  }
  return out;
}

/** One GIFT item: `::title::[html]text{answers}` (no answer block: a description). */
function item(title: string, html: string, answers = ''): string {
  return `::${escapeGift(oneLine(title))}::[html]${escapeGift(oneLine(html))}${answers}`;
}

/** The answer block of one blank: `{#=v:t =%50%v:10t}`, `{TRUE}`, `{=word}`, with the worked steps as general feedback. */
function answerBlock(blank: Blank, steps: string): string {
  if (blank.kind === 'number') {
    const answers = blank.answers.flatMap((a) => [
      `=${decimalText(a.value)}:${decimalText(a.tolerance)}`,
      `=%50%${decimalText(a.value)}:${decimalText(10 * a.tolerance)}`,
    ]);
    return `{#${answers.join(' ')}${feedback(steps)}}`;
  }
  if (blank.kind === 'boolean') return `{${blank.value ? 'TRUE' : 'FALSE'}${feedback(steps)}}`;
  return `{${blank.answers.map((a) => `=${weightSafe(escapeGift(oneLine(shortAnswerPattern(a))))}`).join(' ')}${feedback(steps)}}`;
}

/** An answer starting with `%` would read as a weight (`%50%`): an explicit full weight goes first. */
function weightSafe(answer: string): string {
  return answer.startsWith('%') ? `%100%${answer}` : answer;
}

function feedback(html: string): string {
  return html ? `####${escapeGift(oneLine(html))}` : '';
}

/** GIFT's specials `~ = # { } :` and the backslash escaped with a backslash. */
function escapeGift(s: string): string {
  return s.replace(/[\\~=#{}:]/g, (c) => `\\${c}`);
}

/** A blank line ends a GIFT question and `//` starts a comment line: text stays on one line. */
function oneLine(s: string): string {
  return s.replace(/\r?\n|\r/g, ' ');
}
