import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { generateExercise } from '../generator.js';
import { generators } from '../index.js';
import { registry } from '../test-registry.test-util.js';
import type { QuestionBank } from './bank.js';
import {
  allBanks,
  bankQuestion,
  decodeHtml,
  type ExpectedLeaf,
  expectedQuestion,
  stemText,
  textWith,
  words,
} from './lms-fixtures.test-util.js';
import { moodleXml } from './moodle-xml.js';

type Node = Record<string, unknown>;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => name === 'question' || name === 'answer',
});

/** Parses a Moodle XML file with fast-xml-parser after checking it is well-formed XML. */
function parseQuiz(xml: string): Node[] {
  expect(XMLValidator.validate(xml)).toBe(true);
  const doc = parser.parse(xml) as { quiz: { question: Node[] } };
  return doc.quiz.question;
}

const text = (node: unknown): string => String((node as Node | undefined)?.text ?? '');

/** The Moodle XML elements every question type needs, per the format documentation. */
function checkStructure(q: Node): void {
  const type = q['@type'];
  if (type === 'category') {
    expect(text(q.category)).toMatch(/^\$course\$\/top\//);
    return;
  }
  expect(text(q.name).length).toBeGreaterThan(0);
  expect((q.questiontext as Node)['@format']).toBe('html');
  expect(text(q.questiontext).length).toBeGreaterThan(0);
  expect((q.generalfeedback as Node)['@format']).toBe('html');
  const answers = (q.answer ?? []) as Node[];
  if (type !== 'cloze') expect(Number(q.defaultgrade)).toBeGreaterThan(0);
  switch (type) {
    case 'numerical':
      expect(answers.length).toBeGreaterThanOrEqual(1);
      for (const a of answers) {
        expect(Number.isFinite(Number(text(a)))).toBe(true);
        expect(Number(a.tolerance)).toBeGreaterThanOrEqual(0);
        expect(['100', '50']).toContain(a['@fraction']);
      }
      break;
    case 'truefalse':
      expect(answers.map(text).sort()).toEqual(['false', 'true']);
      expect(answers.map((a) => a['@fraction']).sort()).toEqual(['0', '100']);
      break;
    case 'shortanswer':
      expect(q.usecase).toBe('0');
      expect(answers.length).toBeGreaterThanOrEqual(1);
      break;
    case 'cloze':
      expect(text(q.questiontext)).toMatch(/\{\d+:(NUMERICAL|MULTICHOICE|SHORTANSWER):/);
      expect(q.defaultgrade).toBeUndefined(); // Moodle sums the blank weights
      break;
    case 'essay':
      expect(q.responseformat).toBe('editor');
      expect((q.graderinfo as Node)['@format']).toBe('html');
      expect(text(q.graderinfo)).toContain('<pre>');
      break;
    default:
      throw new Error(`unexpected question type ${String(type)}`);
  }
}

// Moodle's Cloze grammar (question/type/multianswer/questiontype.php), transcribed: an answer ends at
// ~, # or } unless a backslash, & or &amp; comes just before; "=" is full credit, %n% n percent.
const ALT_ANSWER = String.raw`.+?(?<!\\|&|&amp;)(?=[~#}]|$)`;
const ALT = String.raw`(?:=|%(?:-?[0-9]+)%)?(?:${ALT_ANSWER})(?:#(?:.*?(?<!\\)(?=[~}]|$)))?`;
const CLOZE = new RegExp(String.raw`\{([0-9]*):(NUMERICAL|MULTICHOICE|SHORTANSWER):(${ALT}(?:~${ALT})*)\}`, 'gs');
const ONE_ALT = new RegExp(`^~?((?:=|%-?[0-9]+%)?)(${ALT_ANSWER})`, 's');

/** A Cloze question's embedded answers, read as Moodle's importer reads them. */
function clozeBlanks(html: string): { weight: number; type: string; alternatives: string[] }[] {
  return [...html.matchAll(CLOZE)].map((m) => {
    const alternatives: string[] = [];
    let rest = m[3] as string;
    for (let alt = ONE_ALT.exec(rest); alt && rest; alt = ONE_ALT.exec(rest)) {
      alternatives.push(`${alt[1]}${alt[2]}`);
      rest = rest.slice(alt[0].length);
    }
    return { weight: Number(m[1]), type: m[2] as string, alternatives };
  });
}

/**
 * A short answer as Moodle stores it (entities decoded, then PHP's str_replace of \} and of \#, in that
 * order), then as its pattern matches (\* a literal star).
 */
const shortAnswerText = (answer: string) =>
  decodeHtml(answer).replaceAll('\\}', '}').replaceAll('\\#', '#').replaceAll('\\*', '*');

function checkNumber(
  leaf: ExpectedLeaf,
  full: { value: string; tolerance: string },
  half: { value: string; tolerance: string },
) {
  expect(Number(full.value)).toBe(leaf.value);
  expect(Number(half.value)).toBe(leaf.value);
  expect(Number(full.tolerance)).toBeCloseTo(leaf.tolerance, 15);
  expect(Number(full.tolerance) / leaf.tolerance).toBeCloseTo(1, 12);
  expect(Number(half.tolerance) / (10 * leaf.tolerance)).toBeCloseTo(1, 12);
}

/** Reads one cloze blank against the leaf the solver's answer has there. */
function checkClozeBlank(leaf: ExpectedLeaf, blank: { type: string; alternatives: string[] }) {
  const [first = '', second = ''] = blank.alternatives;
  if (typeof leaf.value === 'number') {
    expect(blank.type).toBe('NUMERICAL');
    const full = /^=([^:]+):(.+)$/.exec(first);
    const half = /^%50%([^:]+):(.+)$/.exec(second);
    expect(full && half).toBeTruthy();
    checkNumber(
      leaf,
      { value: full?.[1] ?? '', tolerance: full?.[2] ?? '' },
      { value: half?.[1] ?? '', tolerance: half?.[2] ?? '' },
    );
  } else if (typeof leaf.value === 'boolean') {
    expect(blank.type).toBe('MULTICHOICE');
    expect(blank.alternatives.filter((a) => a.startsWith('='))).toEqual([`=${leaf.value}`]);
  } else {
    expect(blank.type).toBe('SHORTANSWER');
    expect(shortAnswerText(first)).toBe(`=${leaf.value}`);
  }
}

describe('moodleXml round trip over every generator and difficulty', () => {
  const banks = allBanks([11, 2024]);
  const questions = parseQuiz(moodleXml(banks));

  it('every element follows the Moodle XML format', () => {
    for (const q of questions) checkStructure(q);
    const types = new Set(questions.map((q) => q['@type']));
    for (const t of ['category', 'numerical', 'cloze', 'essay']) expect(types).toContain(t);
  });

  it('every bank is a category and every answer and tolerance is the solver’s', () => {
    let at = 0;
    const next = () => questions[at++] as Node;
    for (const bank of banks) {
      expect(text(next().category)).toBe(`$course$/top/${bank.name.replace('/', '//')}`);
      for (const question of bank.questions) {
        const expected = expectedQuestion(question);
        const label = `${question.exercise.id} ${question.exercise.difficulty} ${question.exercise.seed}`;
        const total = expected.autoPoints + expected.handPoints;
        if (expected.leaves.length === 1) {
          const q = next();
          const [leaf] = expected.leaves as [ExpectedLeaf];
          expect(Number(q.defaultgrade), label).toBeCloseTo((question.points * expected.autoPoints) / total, 6);
          const answers = q.answer as Node[];
          if (typeof leaf.value === 'number') {
            expect(q['@type'], label).toBe('numerical');
            const [full, half] = answers as [Node, Node];
            expect([full['@fraction'], half['@fraction']]).toEqual(['100', '50']);
            checkNumber(
              leaf,
              { value: text(full), tolerance: String(full.tolerance) },
              { value: text(half), tolerance: String(half.tolerance) },
            );
          } else if (typeof leaf.value === 'boolean') {
            expect(q['@type'], label).toBe('truefalse');
            expect(answers.find((a) => a['@fraction'] === '100')?.text).toBe(String(leaf.value));
          } else {
            expect(q['@type'], label).toBe('shortanswer');
            expect(text(answers[0])).toBe(leaf.value);
          }
        } else if (expected.leaves.length > 1) {
          const q = next();
          expect(q['@type'], label).toBe('cloze');
          const blanks = clozeBlanks(text(q.questiontext));
          expect(blanks.length, label).toBe(expected.leaves.length);
          expected.leaves.forEach((leaf, i) => {
            checkClozeBlank(leaf, blanks[i] as (typeof blanks)[number]);
          });
          const weightSum = blanks.reduce((s, b) => s + b.weight, 0);
          const shareSum = expected.leaves.reduce((s, l) => s + l.share, 0);
          expected.leaves.forEach((leaf, i) => {
            expect((blanks[i]?.weight ?? 0) / weightSum, label).toBeCloseTo(leaf.share / shareSum, 12);
          });
        }
        if (expected.hand.length > 0) {
          const q = next();
          expect(q['@type'], label).toBe('essay');
          expect(Number(q.defaultgrade), label).toBeCloseTo((question.points * expected.handPoints) / total, 6);
          const keys = [...text(q.graderinfo).matchAll(/<pre>([\s\S]*?)<\/pre>/g)].map((m) =>
            JSON.parse(decodeHtml(m[1] ?? '')),
          );
          expect(keys, label).toEqual(expected.hand.map((h) => JSON.parse(JSON.stringify(h.key) ?? 'null')));
        }
      }
    }
    expect(at).toBe(questions.length);
  });

  it('the general feedback is the worked solution: every step title, maths between \\( and \\)', () => {
    const [bank] = banks as [QuestionBank];
    const first = questions.find((q) => q['@type'] !== 'category') as Node;
    const steps = bank.questions[0]?.exercise.solution.steps ?? [];
    const feedback = decodeHtml(text(first.generalfeedback));
    for (const step of steps) {
      expect(feedback).toContain(step.title);
      if (step.latex) expect(feedback).toContain(`\\(${step.latex}\\)`);
    }
  });
});

describe('moodleXml escapes what it writes', () => {
  const hostile = textWith([
    ']]>',
    ']]',
    '<',
    '&',
    '&amp;',
    '</text>',
    '{1:NUMERICAL:=5:0}',
    '{#1}',
    '~',
    '=',
    '#',
    '{',
    '}',
    ':',
    '\\',
    '\n\n',
    '"',
    "'",
  ]);
  const cloze = generateExercise(registry, generators, 'conv/output-shape', 5, 'easy');
  const numerical = generateExercise(registry, generators, 'rnn/solve-hidden-size', 5, 'easy');
  it('question text and bank names survive: well-formed XML, the same words, no stray embedded answers', () => {
    fc.assert(
      fc.property(hostile, hostile, (question, name) => {
        const banks = [
          { name, questions: [bankQuestion({ ...cloze, question }, 2), bankQuestion({ ...numerical, question }, 3)] },
        ];
        const [category, c, n] = parseQuiz(moodleXml(banks)) as [Node, Node, Node];
        expect(text(category.category)).toBe(`$course$/top/${name.replace(/\//g, '//')}`);
        expect(stemText(text(c.questiontext))).toBe(words(question));
        expect(stemText(text(n.questiontext))).toBe(words(question));
        expect(clozeBlanks(text(c.questiontext))).toHaveLength(3);
      }),
      { numRuns: 100 },
    );
  });

  // Any code points, weighted to C0 controls, lone surrogates and U+FFFE/U+FFFF (fc.string's binary unit is slow).
  const anyCodePoints = fc
    .array(
      fc.oneof(
        fc.integer({ min: 0, max: 0x1f }),
        fc.integer({ min: 0xd800, max: 0xdfff }),
        fc.integer({ min: 0xfffe, max: 0xffff }),
        fc.integer({ min: 0, max: 0x10ffff }),
      ),
      { maxLength: 24 },
    )
    .map((points) => String.fromCodePoint(...points));

  it('characters XML cannot carry become U+FFFD and the file stays well-formed', () => {
    fc.assert(
      fc.property(anyCodePoints, (question) => {
        const xml = moodleXml([{ name: question, questions: [bankQuestion({ ...numerical, question }, 1)] }]);
        const [, n] = parseQuiz(xml) as [Node, Node];
        // \v and \f are whitespace to a reader; the rest outside XML 1.0's Char production becomes U+FFFD.
        const expected = words(
          words(question).replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD'),
        );
        expect(stemText(text(n.questiontext))).toBe(expected);
      }),
      { numRuns: 100 },
    );
  });
});

describe('moodleXml question types of a single answer', () => {
  const only = (id: string, path: string, seed = 3) => {
    const question = bankQuestion(generateExercise(registry, generators, id, seed, 'medium'), 2);
    const field = question.rubric.fields.find((f) => f.path === path);
    if (!field) throw new Error(`${id} has no ${path} field`);
    return { ...question, rubric: { id, fields: [field] } };
  };
  const single = (question: ReturnType<typeof only>) => {
    const [, q] = parseQuiz(moodleXml([{ name: 'one', questions: [question] }])) as [Node, Node];
    checkStructure(q);
    return q;
  };

  it('a true/false answer is a truefalse question whose right answer is the solver’s', () => {
    const question = only('optim/divergence', 'defined');
    const q = single(question);
    expect(q['@type']).toBe('truefalse');
    expect(text((q.answer as Node[]).find((a) => a['@fraction'] === '100'))).toBe(
      String(question.exercise.solution.answer.defined),
    );
  });

  it('a word is a case-insensitive shortanswer with the rubric’s other accepted words as right answers too', () => {
    const question = only('optim/hessian', 'classification');
    const q = single(question);
    expect(q['@type']).toBe('shortanswer');
    const key = question.exercise.solution.answer.classification as string;
    const field = question.rubric.fields[0];
    const accepted = [key, ...(field?.equivalents?.(key, question.exercise.input) ?? [])].map(String);
    const answers = (q.answer as Node[]).map((a) => text(a).replace(/\\\*/g, '*'));
    expect(answers[0]).toBe(key);
    expect(accepted).toEqual(expect.arrayContaining(answers));
    expect(answers.length).toBe(new Set(accepted.map((a) => a.toLowerCase())).size);
    expect((q.answer as Node[]).every((a) => a['@fraction'] === '100')).toBe(true);
  });

  it('a question whose only field a rubric judge grades is one essay worth all its points, the key in the grader information', () => {
    const question = only('optim/derivative', 'derivatives');
    const [, q, extra] = parseQuiz(moodleXml([{ name: 'one', questions: [question] }])) as [Node, Node, Node?];
    expect(extra).toBeUndefined();
    expect(q['@type']).toBe('essay');
    expect(Number(q.defaultgrade)).toBe(2);
    const [, key] = /<pre>([\s\S]*?)<\/pre>/.exec(text(q.graderinfo)) ?? [];
    expect(JSON.parse(decodeHtml(key ?? ''))).toEqual(question.exercise.solution.answer.derivatives);
  });
});

describe('moodleXml escapes text answers', () => {
  const answerText = fc
    .array(
      fc.oneof(
        fc.constantFrom('~', '#', '}', '{', '*', '\\', '&', '&amp;', '<', '"', '=', '%50%', ':'),
        fc.string({ unit: 'grapheme' }),
      ),
      { minLength: 1, maxLength: 8 },
    )
    .map((parts) => parts.join('').replace(/[^\t\n\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, ''))
    .filter((s) => s.trim() !== '');
  const base = generateExercise(registry, generators, 'optim/hessian', 1, 'easy');
  const withAnswer = (classification: string) =>
    bankQuestion({ ...base, solution: { ...base.solution, answer: { ...base.solution.answer, classification } } }, 2);

  it('a word with Cloze, wildcard and HTML specials reads back whole from a Cloze blank and from a shortanswer', () => {
    fc.assert(
      fc.property(answerText, (word) => {
        const question = withAnswer(word);
        const cloze = {
          ...question,
          rubric: {
            id: base.id,
            fields: [
              { path: 'hessian', points: 1 },
              { path: 'classification', points: 1 },
            ],
          },
        };
        const single = { ...question, rubric: { id: base.id, fields: [{ path: 'classification', points: 1 }] } };
        const [, c, s] = parseQuiz(moodleXml([{ name: 'b', questions: [cloze, single] }])) as [Node, Node, Node];
        const blanks = clozeBlanks(text(c.questiontext));
        expect(blanks.map((b) => b.type)).toEqual(['NUMERICAL', 'NUMERICAL', 'NUMERICAL', 'NUMERICAL', 'SHORTANSWER']);
        expect(blanks[4]?.alternatives.map(shortAnswerText)).toEqual([`=${word}`]);
        expect(s['@type']).toBe('shortanswer');
        expect((s.answer as Node[]).map((a) => text(a).replace(/\\\*/g, '*'))).toEqual([word]);
      }),
      { numRuns: 100 },
    );
  });
});

describe('moodleXml on odd banks', () => {
  const exercise = generateExercise(registry, generators, 'rnn/params', 9, 'easy');

  it('a question whose rubric grades nothing here is not dropped: an essay worth its points with the whole answer as key', () => {
    const question = { ...bankQuestion(exercise, 3), rubric: { id: exercise.id, fields: [] } };
    const [, q, extra] = parseQuiz(moodleXml([{ name: 'b', questions: [question] }])) as [Node, Node, Node?];
    expect(extra).toBeUndefined();
    expect(q['@type']).toBe('essay');
    expect(Number(q.defaultgrade)).toBe(3);
    const [, key] = /<pre>([\s\S]*?)<\/pre>/.exec(text(q.graderinfo)) ?? [];
    expect(JSON.parse(decodeHtml(key ?? ''))).toEqual(exercise.solution.answer);
  });

  it('points that are not a number ≥ 0 are refused, naming the bank and question', () => {
    for (const points of [-1, Number.NaN, Number.POSITIVE_INFINITY])
      expect(() => moodleXml([{ name: 'Midterm', questions: [bankQuestion(exercise, points)] }])).toThrow(
        /bank "Midterm", question 1 \(rnn\/params\): points must be a number ≥ 0/,
      );
  });

  it('no banks is an empty quiz, and an empty bank is its category alone', () => {
    expect(parseQuiz(moodleXml([])) ?? []).toEqual([]);
    const [category, ...rest] = parseQuiz(moodleXml([{ name: 'empty', questions: [] }])) as Node[];
    expect(text(category?.category)).toBe('$course$/top/empty');
    expect(rest).toEqual([]);
  });
});
