import { describe, expect, it } from 'vitest';
import { score } from './compare.js';
import { grade } from './grade.js';
import { rubrics } from './index.js';
import {
  ANSWER_LIMITS,
  answerLimitProblem,
  readStudentJson,
  readStudentList,
  readStudentNumber,
} from './read-answer.js';
import { registry } from './test-registry.test-util.js';

describe('readStudentNumber', () => {
  it.each([
    // plain decimals and signs
    ['3', 3],
    [' -0.25 ', -0.25],
    ['−0.25', -0.25], // U+2212 MINUS SIGN
    ['–2', -2], // en dash, as word processors turn "-"
    ['1e-3', 0.001],
    ['2.5E2', 250],
    ['.5', 0.5],
    // thousands separators: exactly three digits per group, 1–3 before the first separator
    ['44,865', 44865],
    ['44 865', 44865],
    ['44\u202f865', 44865], // narrow no-break space, as French typography groups
    ['1,234,567', 1234567],
    ['-1,234.5', -1234.5],
    // fractions, also unreduced and with signs
    ['4/1', 4],
    ['1/9', 1 / 9],
    ['28 / 6', 28 / 6],
    ['−3/4', -0.75],
    // exact forms: by hand 2 ln 2 = ln 4 ≈ 1.386294, √2 ≈ 1.414214, e^-1 ≈ 0.367879, π/2 ≈ 1.570796
    ['2 ln 2', 2 * Math.log(2)],
    ['√2', Math.SQRT2],
    ['√(2)', Math.SQRT2],
    ['e^-1', Math.exp(-1)],
    ['π/2', Math.PI / 2],
    ['sqrt(8)/2', Math.SQRT2],
  ])('%j reads as %d', (text, value) => {
    expect(readStudentNumber(text)).toBeCloseTo(value, 12);
  });

  it.each([
    ['1,5'], // a decimal comma is not guessed
    ['4,86'], // a group of two digits
    ['1234,567'], // four digits before the separator
    ['44,8650'], // four after
    ['4, 5, 5'], // a list, not a number
    ['4 5'], // two numbers
    ['3/0'],
    ['x'],
    ['2x'], // a variable has no value
    [''],
    ['Infinity'],
    ['1/2/3'],
  ])('%j is not a number', (text) => {
    expect(readStudentNumber(text)).toBeUndefined();
  });

  it('says when a comma was read as a thousands separator, and suggests a point for a decimal comma', () => {
    const notes: string[] = [];
    expect(readStudentNumber('128,256,512', notes)).toBe(128256512);
    expect(notes.join(' ')).toMatch(/thousands separators/);
    const decimal: string[] = [];
    expect(readStudentNumber('1,5', decimal)).toBeUndefined();
    expect(decimal.join(' ')).toMatch(/decimal comma: write "1\.5"/);
  });

  it('reads a 100,000-digit number followed by a letter as no number (one linear pass, no backtracking)', () => {
    // The regular expression this replaced backtracked quadratically on exactly this text (116 s in the CLI).
    expect(readStudentNumber(`${'1'.repeat(100_000)}x`)).toBeUndefined();
    expect(readStudentNumber(`${'1'.repeat(100_000)}/7x`)).toBeUndefined();
    // 100,000 digits are a number too large for a float: no value, not Infinity.
    expect(readStudentNumber('9'.repeat(100_000))).toBeUndefined();
    expect(readStudentNumber('x'.repeat(ANSWER_LIMITS.textLength + 1))).toBeUndefined();
  });
});

describe('readStudentList', () => {
  it.each([
    ['(4, 5, 5)', ['4', '5', '5']],
    ['[4, 5, 5]', ['4', '5', '5']],
    ['{4, 5, 5}', ['4', '5', '5']],
    ['4×5×5', ['4', '5', '5']],
    ['4x5x5', ['4', '5', '5']],
    ['4 X 5 X 5', ['4', '5', '5']],
    ['4,5,5', ['4', '5', '5']], // "5,5" is not a group of three digits
    ['4 5 5', ['4', '5', '5']], // spaces separate items where a list is asked
    ['4/1, 5, 5', ['4/1', '5', '5']],
    ['44,865, 3', ['44,865', '3']], // a comma with three digits and no space stays in the number
    ['2 ln 2, √2', ['2 ln 2', '√2']],
    ['sqrt(2), exp(1)', ['sqrt(2)', 'exp(1)']], // parentheses of a call stay in the item
    [
      '[[1, 2], [3, 4]]',
      [
        ['1', '2'],
        ['3', '4'],
      ],
    ],
    [
      '1, 2; 3, 4',
      [
        ['1', '2'],
        ['3', '4'],
      ],
    ],
    [
      '4×5×5\n8×2×2\n',
      [
        ['4', '5', '5'],
        ['8', '2', '2'],
      ],
    ],
    [
      '(4, 5, 5), (8, 2, 2)',
      [
        ['4', '5', '5'],
        ['8', '2', '2'],
      ],
    ],
    ['7', ['7']],
    ['4, 5,', ['4', '5']], // a trailing comma ends the row
    ['1,,2', ['1', '', '2']], // a blank in the middle stays a blank (graded wrong, not skipped)
  ])('%j reads as %j', (text, list) => {
    expect(readStudentList(text)).toEqual(list);
  });

  it.each([['(4, 5'], ['4, 5)'], ['[4, 5)'], ['(4, 5) 6']])('%j is not a list', (text) => {
    expect(readStudentList(text)).toBeUndefined();
  });

  it('stops at the depth limit with a reason instead of overflowing the stack', () => {
    const notes: string[] = [];
    expect(readStudentList(`${'['.repeat(100_000)}1${']'.repeat(100_000)}`, notes)).toBeUndefined();
    expect(notes[0]).toMatch(/nested more than 32 levels/);
  });
});

describe('limits of structured answers', () => {
  it('answerLimitProblem measures depth, size and text without recursion', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(answerLimitProblem(deep)).toMatch(/nested more than 32/);
    expect(answerLimitProblem([[[1, 2]], { a: 'x' }])).toBeUndefined();
    expect(answerLimitProblem('y'.repeat(ANSWER_LIMITS.textLength + 1))).toMatch(/over the limit/);
  });

  it('readStudentJson reads JSON text within the limits only', () => {
    expect(readStudentJson('[{"weights": [[1, 0]], "bias": [2]}]')).toEqual([{ weights: [[1, 0]], bias: [2] }]);
    expect(readStudentJson('(1, 2)')).toBeUndefined();
    const notes: string[] = [];
    expect(readStudentJson(`${'['.repeat(1000)}${']'.repeat(1000)}`, notes)).toBeUndefined();
    expect(notes[0]).toMatch(/nested more than 32/);
  });
});

describe('score reads text answers against the expected shape', () => {
  it.each([
    // expected, got, fraction: by hand, mean of the per-item scores
    [[4, 5, 5], '(4, 5, 5)', 1],
    [[4, 5, 5], '4×5×5', 1],
    [[4, 5, 5], '4x5x5', 1],
    [[4, 5, 5], '[4, 5, 5]', 1],
    [[4, 5, 5], '4/1, 5, 5', 1],
    [[4, 5, 5], '(4, 5, 6)', 2 / 3],
    [[44865], '44,865', 1],
    [44865, '44 865', 1],
    [44865, '44,865', 1],
    [[44865, 3], '44,865, 3', 1],
    [1 / 9, '1/9', 1],
    [2 * Math.log(2), '2 ln 2', 1],
    [
      [
        [1, 2],
        [3, 4],
      ],
      '1, 2; 3, 4',
      1,
    ],
    [[{ a: 1 }], '[{"a": 1}]', 1],
    [{ a: 1, b: 2 }, '{"a": 1, "b": 5}', 0.5],
  ])('expected %j, got %j → %d', (expected, got, fraction) => {
    expect(score(expected, got)).toBeCloseTo(fraction as number, 12);
  });

  it('matches a set of numbers in any order when unordered, and only then', () => {
    expect(score([-2, 0, 3], '{3, -2, 0}', undefined, { unordered: true })).toBe(1);
    // in order, only the middle 0 lines up: 1/3
    expect(score([-2, 0, 3], '{3, 0, -2}')).toBeCloseTo(1 / 3, 12);
    expect(score([-2, 0, 3], [3, 0, 'x'], undefined, { unordered: true })).toBeCloseTo(1 / 3, 12);
  });
});

describe('grade: the notations of issue 15 on conv/output-shape', () => {
  // [3, 8, 8] with 4 filters 5×5, stride 1, padding 0: (8 − 5)/1 + 1 = 4, so [4, 4, 4]… use a non-cube instead:
  // [3, 9, 9], 4 filters 5×5, stride 2, padding 0: ⌊(9 − 5)/2⌋ + 1 = 3 → [4, 3, 3] (by hand).
  const input = { inputShape: [3, 9, 9], outChannels: 4, kernel: 5, stride: 2, padding: 0 };
  const points = (outputShape: unknown) =>
    grade(registry, rubrics, 'conv/output-shape', input, { outputShape }).fields[0];

  it.each(['(4, 3, 3)', '4×3×3', '4x3x3', '[4, 3, 3]', '4/1, 3, 3', '4 3 3', '[4,3,3]'])('%j: 2/2', (text) => {
    expect(points(text)).toMatchObject({ verdict: 'correct', points: 2 });
  });

  it('H×W×C as text: half the points and the layout named', () => {
    // [3, 3, 4] against [4, 3, 3]: position by position 1 of 3 match (0.67); the layout slip earns ½ × 2 = 1.
    const f = points('3×3×4');
    expect(f).toMatchObject({ verdict: 'partial', points: 1 });
    expect(f?.remarks?.[0]).toMatch(/channels-last layout H×W×C/);
  });

  it('a wrong shape gets per-position credit; junk and hostile values a fair zero', () => {
    expect(points('(4, 3, 4)')).toMatchObject({ points: 1.33 }); // 2 of 3 right: 2 × 2/3
    for (const junk of ['abc', '(((', '{"__proto__": 1}', Number.NaN, [[[[]]]], { outputShape: 1 }, true, ''])
      expect(points(junk)?.points).toBe(0);
  });

  it('an answer nested 10^5 deep is a fair zero with a remark, and the grade stays printable', () => {
    let deep: unknown = 4;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const f = points(deep);
    expect(f).toMatchObject({ verdict: 'wrong', points: 0 });
    expect(f?.remarks?.[0]).toMatch(/nested more than 32 levels/);
    expect(() => JSON.stringify(f)).not.toThrow();
  });
});
