import { describe, expect, it } from 'vitest';
import { getPath } from './compare.js';
import { grade } from './grade.js';
import {
  anyOrder,
  channelsLastEach,
  defineRubric,
  flatSingles,
  isPartialForm,
  LAYOUT_CREDIT,
  squeezed,
  stringSetScore,
  transposed,
  transposedWeights,
} from './rubric.js';
import { registry } from './test-registry.test-util.js';

describe('getPath', () => {
  const answer = { layers: [{ params: 10, shape: [1, 2] }, { params: 0 }], total: 10 };

  it('reads plain and indexed paths as before', () => {
    expect(getPath(answer, 'total')).toBe(10);
    expect(getPath(answer, 'layers[0].shape[1]')).toBe(2);
    expect(getPath(answer, 'layers[2].params')).toBeUndefined();
    expect(getPath(null, 'total')).toBeUndefined();
  });

  it('maps the rest of the path over a list at [*]', () => {
    expect(getPath(answer, 'layers[*].params')).toEqual([10, 0]);
    expect(getPath(answer, 'layers[*].shape')).toEqual([[1, 2], undefined]);
    expect(getPath({ layers: 3 }, 'layers[*].params')).toBeUndefined();
    expect(getPath({}, 'layers[*].params')).toBeUndefined();
  });
});

describe('equivalent-form helpers', () => {
  it('channelsLastEach writes every 3-D shape of a list as [H, W, C] (partial credit) and leaves the others', () => {
    const [form] = channelsLastEach([[5, 8, 8], [320], [4, 2, 3]]);
    expect(isPartialForm(form) && form.value).toEqual([[8, 8, 5], [320], [2, 3, 4]]);
    expect(isPartialForm(form) && form.credit).toBe(LAYOUT_CREDIT);
    expect(channelsLastEach(7)).toEqual([]);
  });

  it('flatSingles writes [[a], [b]] as [a, b], and nothing else', () => {
    expect(flatSingles([[6], [0], [3]])).toEqual([[6, 0, 3]]);
    expect(flatSingles([[1, 2]])).toEqual([]);
    expect(flatSingles(null)).toEqual([]);
  });

  it('transposed and transposedWeights swap [out][in] and [in][out]', () => {
    expect(
      transposed([
        [1, 2, 3],
        [4, 5, 6],
      ]),
    ).toEqual([
      [
        [1, 4],
        [2, 5],
        [3, 6],
      ],
    ]);
    expect(transposed([[1, 2], [3]])).toEqual([]);
    expect(transposedWeights([{ weights: [[1, 2]], bias: [0] }])).toEqual([[{ weights: [[1], [2]], bias: [0] }]]);
  });

  it('squeezed drops a leading axis of length 1', () => {
    expect(squeezed([[[1, 2]]])).toEqual([[[1, 2]]]);
    expect(squeezed([1, 3, 3])).toEqual([[3, 3]]);
    expect(squeezed([2, 3, 3])).toEqual([]);
    expect(squeezed([[1], [2]])).toEqual([]);
  });

  it('anyOrder lists the other permutations of a short list', () => {
    expect(anyOrder([1, 2, 3])).toHaveLength(5);
    expect(anyOrder([1, 2, 3])).toContainEqual([3, 1, 2]);
    expect(anyOrder([1, 2, 3, 4, 5, 6])).toEqual([]);
  });

  it('stringSetScore ignores order and case and gives the shared share of all names', () => {
    expect(stringSetScore(['Sharpen', 'blur'], ['blur', 'sharpen'])).toBe(1);
    expect(stringSetScore(['blur'], ['blur', 'sharpen'])).toBe(0.5);
    expect(stringSetScore('blur', ['blur'])).toBe(1);
    expect(stringSetScore(['blur', 'edge'], ['blur', 'sharpen'])).toBeCloseTo(1 / 3);
    expect(stringSetScore([], [])).toBe(1);
    expect(stringSetScore(3, ['blur'])).toBe(0);
  });
});

describe('rubric fields: judge and when', () => {
  // conv/output-shape, by hand: ⌊(26 + 2 − 7)/3⌋ + 1 = 8, so [5, 8, 8] and divisible (21/3 exact).
  const input = { inputShape: [26, 26, 26], outChannels: 5, kernel: 7, stride: 3, padding: 1 };

  it('judge replaces the comparison; its fraction is clamped, and a judge that throws gives 0', () => {
    const rubric = defineRubric({
      id: 'conv/output-shape',
      fields: [
        { path: 'outputShape', points: 2, judge: (got) => (JSON.stringify(got) === '[1,2,3]' ? 1 : 0) },
        { path: 'padding', points: 1, judge: () => 7 },
        {
          path: 'divisible',
          points: 1,
          judge: () => {
            throw new Error('odd input');
          },
        },
      ],
    });
    const g = grade(registry, [rubric], 'conv/output-shape', input, {
      outputShape: [1, 2, 3],
      padding: 0,
      divisible: true,
    });
    expect(g.fields.map((f) => f.verdict)).toEqual(['correct', 'correct', 'wrong']);
    expect(g.score).toBe(3);
  });

  it('when leaves out fields the problem does not ask for', () => {
    const rubric = defineRubric({
      id: 'conv/output-shape',
      fields: [
        { path: 'outputShape', points: 2 },
        { path: 'divisible', points: 1, when: (i) => (i as { stride?: number }).stride === 1 },
      ],
    });
    const g = grade(registry, [rubric], 'conv/output-shape', input, { outputShape: [5, 8, 8] });
    expect(g).toMatchObject({ score: 2, maxScore: 2 });
    expect(g.fields.map((f) => f.path)).toEqual(['outputShape']);
  });
});
