/** Questions for conv/receptive-field: stacks of 3×3/5×5 convolutions and 2×2 poolings, dilation at `hard`. */
import { defineGenerator } from '../generator.js';
import { defineRubric } from '../rubric.js';
import { byDifficulty } from './numbers.js';

interface FieldLayer {
  kernel: number;
  stride: number;
  padding: number;
  dilation?: number;
  name: string;
}

/** Generator of conv/receptive-field questions. */
export const convReceptiveFieldGenerator = defineGenerator({
  id: 'conv/receptive-field',
  generate(rng, difficulty) {
    const count = byDifficulty(difficulty, rng.int(2, 3), rng.int(3, 4), rng.int(4, 6));
    const layers: FieldLayer[] = [];
    let convs = 0;
    let pools = 0;
    for (let i = 0; i < count; i++) {
      if (i > 0 && rng.chance(0.35)) {
        const kernel = rng.pick(difficulty === 'easy' ? [2] : [2, 3]);
        layers.push({ kernel, stride: 2, padding: kernel === 3 ? rng.int(0, 1) : 0, name: `pool${++pools}` });
        continue;
      }
      const kernel = rng.pick(difficulty === 'easy' ? [3, 5] : [3, 5, 7]);
      const stride = difficulty === 'easy' ? 1 : rng.pick([1, 1, 2]);
      const dilation = difficulty === 'hard' && rng.chance(0.3) ? rng.pick([2, 4]) : 1;
      const padding = rng.chance(0.5) ? (dilation * (kernel - 1)) / 2 : 0;
      layers.push({ kernel, stride, padding, ...(dilation > 1 ? { dilation } : {}), name: `conv${++convs}` });
    }
    const text = layers
      .map(
        (l) =>
          `${l.name}: ${l.kernel}×${l.kernel}, stride ${l.stride}, padding ${l.padding}${l.dilation ? `, dilation ${l.dilation}` : ''}`,
      )
      .join('; ');
    return {
      question: `A CNN applies, in this order, ${text}. How large is the receptive field of one unit after each layer, and what are the jump (effective stride) and the centre of the first unit's field, in input pixels?`,
      input: { layers },
    };
  },
  /** Non-trivial: the receptive field is wider than one pixel. */
  nonTrivial: (a) => Number(a.receptiveField) > 1,
});

/** A square field r also written as the tuple [r, r] (the exam asks for "7×7") or the text "7×7"/"7x7". */
function squareForms(expected: unknown): unknown[] {
  return typeof expected === 'number'
    ? [[expected, expected], `${expected}×${expected}`, `${expected}x${expected}`]
    : [];
}

/** Every layer's field also written as a tuple [r, r]. */
function squareFormsEach(expected: unknown): unknown[] {
  return Array.isArray(expected) ? [expected.map((r) => [r, r])] : [];
}

/** Grading weights of conv/receptive-field: the last layer's field counts most (as r or the tuple [r, r]). */
export const convReceptiveFieldRubric = defineRubric({
  id: 'conv/receptive-field',
  fields: [
    { path: 'receptiveField', points: 2, equivalents: squareForms },
    { path: 'layers[*].receptiveField', points: 1, equivalents: squareFormsEach },
    { path: 'layers[*].jump', points: 1 },
    { path: 'layers[*].start', points: 0.5 },
  ],
});
