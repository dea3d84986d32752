/**
 * Moodle XML writer: a category per bank; a question with one number as
 * `numerical`, one true/false as `truefalse`, one word as `shortanswer`,
 * several as `cloze` (embedded answers); fields a rubric judge grades as an
 * `essay` with the key in the grader information.
 */

import { escapeHtml } from '../exam/html.js';
import {
  type AnswerBlanks,
  allBlanks,
  answerBlanks,
  type Blank,
  integerWeights,
  type Layout,
} from './answer-blanks.js';
import { type BankQuestion, checkBanks, type QuestionBank } from './bank.js';
import { escapeBraces, handKeyHtml, handQuestionHtml, questionHtml, solutionHtml } from './html.js';
import { decimalText } from './number-text.js';
import { handName, pointsSplit, questionName, shortAnswerPattern } from './question-parts.js';
import { cdata, escapeXml } from './xml-text.js';

/** Writes the banks as one Moodle XML question file: each bank a category `$course$/top/<name>` with its questions; throws a RangeError for points that are not a number ≥ 0. */
export function moodleXml(banks: readonly QuestionBank[]): string {
  checkBanks(banks);
  const body = banks.flatMap((bank) => [
    category(bank.name),
    ...bank.questions.flatMap((question, i) => questionXml(question, questionName(question, i))),
  ]);
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<quiz>', ...body, '</quiz>', ''].join('\n');
}

/** Moodle writes a `/` inside a category name as `//` (a single one separates levels). */
function category(name: string): string {
  const path = `$course$/top/${name.replace(/\//g, '//')}`;
  return `<question type="category"><category><text>${escapeXml(path)}</text></category></question>`;
}

function questionXml(question: BankQuestion, name: string): string[] {
  const blanks = answerBlanks(question);
  const points = pointsSplit(question, blanks);
  const all = allBlanks(blanks);
  const out: string[] = [];
  const [only] = all;
  if (all.length === 1 && only) out.push(single(question, name, blanks, only, points.auto));
  else if (all.length > 0) out.push(cloze(question, name, blanks, points.auto));
  if (blanks.hand.length > 0) out.push(essay(question, all.length > 0 ? handName(name) : name, blanks, points.hand));
  return out;
}

function common(type: string, name: string, text: string, feedback: string, grade?: number): string {
  return [
    `<question type="${type}">`,
    `<name><text>${escapeXml(name)}</text></name>`,
    `<questiontext format="html"><text>${cdata(text)}</text></questiontext>`,
    `<generalfeedback format="html"><text>${cdata(feedback)}</text></generalfeedback>`,
    ...(grade === undefined ? [] : [`<defaultgrade>${decimalText(grade)}</defaultgrade>`]),
    '<penalty>0</penalty>',
    '<hidden>0</hidden>',
  ].join('\n');
}

function answerXml(fraction: number, text: string, extra = ''): string {
  return `<answer fraction="${fraction}" format="moodle_auto_format"><text>${escapeXml(text)}</text>${extra}<feedback format="html"><text></text></feedback></answer>`;
}

/** The question's text, with a line naming what a one-blank question asks for and what is graded by hand. */
function stem(question: BankQuestion, name: string, blanks: AnswerBlanks, asks?: string): string {
  const parts = [questionHtml(question.exercise.question)];
  if (asks) parts.push(`<p>Answer: <code>${escapeHtml(asks)}</code></p>`);
  for (const field of blanks.auto) if (field.note) parts.push(`<p><em>${escapeHtml(field.note)}</em></p>`);
  if (blanks.hand.length && blanks.auto.length)
    parts.push(
      `<p><em>${escapeHtml(blanks.hand.map((f) => f.path).join(', '))}: answered in the hand-graded question “${escapeHtml(handName(name))}”.</em></p>`,
    );
  return parts.join('');
}

function single(question: BankQuestion, name: string, blanks: AnswerBlanks, blank: Blank, grade: number): string {
  const head = common(
    blank.kind === 'number' ? 'numerical' : blank.kind === 'boolean' ? 'truefalse' : 'shortanswer',
    name,
    stem(question, name, blanks, blank.label),
    solutionHtml(question.exercise.solution),
    grade,
  );
  const body =
    blank.kind === 'number'
      ? [
          ...blank.answers.flatMap((a) => [
            answerXml(100, decimalText(a.value), `<tolerance>${decimalText(a.tolerance)}</tolerance>`),
            answerXml(50, decimalText(a.value), `<tolerance>${decimalText(10 * a.tolerance)}</tolerance>`),
          ]),
          '<unitgradingtype>0</unitgradingtype>',
          '<unitpenalty>0</unitpenalty>',
          '<showunits>3</showunits>',
          '<unitsleft>0</unitsleft>',
        ]
      : blank.kind === 'boolean'
        ? [answerXml(blank.value ? 100 : 0, 'true'), answerXml(blank.value ? 0 : 100, 'false')]
        : ['<usecase>0</usecase>', ...blank.answers.map((a) => answerXml(100, shortAnswerPattern(a)))];
  return [head, ...body, '</question>'].join('\n');
}

/**
 * A Cloze question: the text, then a line of blanks per answer field. Its mark
 * in Moodle is the sum of the blank weights (whole numbers in the rubric's
 * proportions, equal to the question's points when whole numbers allow).
 */
function cloze(question: BankQuestion, name: string, blanks: AnswerBlanks, grade: number): string {
  const all = allBlanks(blanks);
  const ints = integerWeights(
    all.map((b) => b.weight),
    grade,
  );
  const weights = new Map(all.map((b, i) => [b, ints[i] ?? 1]));
  const lines = blanks.auto.flatMap((f) =>
    f.lines.map(
      (line) => `<p><code>${escapeBraces(escapeHtml(line.label))}</code> = ${layoutHtml(line.layout, weights)}</p>`,
    ),
  );
  const text = escapeBraces(stem(question, name, blanks)) + lines.join('');
  return [common('cloze', name, text, solutionHtml(question.exercise.solution)), '</question>'].join('\n');
}

function layoutHtml(layout: Layout, weights: Map<Blank, number>): string {
  if ('blank' in layout) return subQuestion(layout.blank, weights.get(layout.blank) ?? 1);
  if ('list' in layout) {
    const nested = layout.list.some((item) => 'list' in item);
    return `[${layout.list.map((item) => layoutHtml(item, weights)).join(nested ? ',<br>' : ', ')}]`;
  }
  return `&#123;${layout.entries.map(([k, item]) => `${escapeBraces(escapeHtml(k))}: ${layoutHtml(item, weights)}`).join(', ')}&#125;`;
}

/** One embedded answer, e.g. `{2:NUMERICAL:=32:0.032~%50%32:0.32}`. */
function subQuestion(blank: Blank, weight: number): string {
  if (blank.kind === 'number') {
    const answers = blank.answers.flatMap((a) => [
      `=${decimalText(a.value)}:${decimalText(a.tolerance)}`,
      `%50%${decimalText(a.value)}:${decimalText(10 * a.tolerance)}`,
    ]);
    return `{${weight}:NUMERICAL:${answers.join('~')}}`;
  }
  if (blank.kind === 'boolean') return `{${weight}:MULTICHOICE:${blank.value ? '=true~false' : 'true~=false'}}`;
  return `{${weight}:SHORTANSWER:${blank.answers.map((a) => `=${clozeText(a)}`).join('~')}}`;
}

/**
 * A Cloze short answer. Moodle ends an answer at `~`, `#` or `}` unless `&`
 * or a backslash comes just before, decodes HTML entities, then turns `\}`
 * and `\#` into `}` and `#`: so a backslash before those is doubled, and
 * specials and backslashes go as numeric entities.
 */
function clozeText(answer: string): string {
  return shortAnswerPattern(answer)
    .replace(/\\(?=[#}])/g, '\\\\')
    .replace(/[&<>"~#{}\\]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function essay(question: BankQuestion, name: string, blanks: AnswerBlanks, grade: number): string {
  const text = handQuestionHtml(question.exercise.question, blanks.hand);
  const info = handKeyHtml(blanks.hand);
  return [
    common('essay', name, text, solutionHtml(question.exercise.solution), grade),
    '<responseformat>editor</responseformat>',
    '<responserequired>1</responserequired>',
    '<responsefieldlines>10</responsefieldlines>',
    '<attachments>0</attachments>',
    '<attachmentsrequired>0</attachmentsrequired>',
    `<graderinfo format="html"><text>${cdata(info)}</text></graderinfo>`,
    '<responsetemplate format="html"><text></text></responsetemplate>',
    '</question>',
  ].join('\n');
}
