/** Questions for optim/dropout: active units, train/test scaling, a masked output, the number of thinned networks. */
import { defineGenerator } from '../generator.js';
import { defineRubric } from '../rubric.js';
import { nonZero } from './non-trivial.js';
import { byDifficulty, show } from './numbers.js';

/** Generator of optim/dropout questions: counts at `easy`, a masked or test-time output from `medium` on. */
export const optimDropoutGenerator = defineGenerator<Record<string, unknown>>({
  id: 'optim/dropout',
  generate(rng, difficulty) {
    const p = rng.pick(byDifficulty(difficulty, [0.5, 0.2, 0.25], [0.2, 0.25, 0.4, 0.5], [0.1, 0.3, 0.4, 0.5, 0.6]));
    const variant = difficulty === 'hard' && rng.chance(0.5) ? 'standard' : 'inverted';
    const variantText =
      variant === 'standard'
        ? 'standard dropout (no scaling while training, outputs scaled at test time)'
        : 'inverted dropout (as PyTorch and Keras)';
    if (difficulty === 'easy') {
      const units = rng.pick([10, 20, 40, 60, 100, 120]);
      return {
        question: `A dropout layer with rate p = ${p} follows a dense layer of ${units} units. How many of its units are active on average during training, and how many at test time? Does dropout change the number of parameters?`,
        input: { units, p },
      };
    }
    if (difficulty === 'hard' && rng.chance(0.4)) {
      const layerUnits = rng.list(rng.int(1, 3), () => rng.pick([2, 4]));
      const units = layerUnits[0] as number;
      return {
        question: `Dropout with p = ${p} is applied to hidden layers of widths ${show(layerUnits)}. How many thinned sub-networks can dropout produce, and how many of them keep exactly the expected number of units in every layer?`,
        input: { units, p: 0.5, layerUnits },
      };
    }
    const units = rng.int(3, byDifficulty(difficulty, 4, 5, 6));
    const activations = rng.list(units, () => rng.int(-4, 6) + 0);
    const testTime = rng.chance(0.3);
    const mask = rng.list(units, () => (rng.chance(1 - p) ? 1 : 0) as 0 | 1);
    return {
      question: testTime
        ? `A layer outputs ${show(activations)} and is followed by ${variantText} with p = ${p}. What does the dropout layer output at test time, and what is the expected output while training?`
        : `A layer outputs ${show(activations)} and is followed by ${variantText} with p = ${p}. With the mask ${show(mask)} (1 = kept), what is the output while training, and what is its expectation over all masks?`,
      input: testTime ? { units, p, variant, activations, training: false } : { units, p, variant, activations, mask },
    };
  },
  /** Non-trivial: some count or output is not 0. */
  nonTrivial: (a) => nonZero(a),
});

const has = (key: string) => (input: unknown) => (input as Record<string, unknown>)[key] !== undefined;
const lacks = (key: string) => (input: unknown) => !has(key)(input);

/** Grading weights of optim/dropout: the counts, the scaling, the output when asked for. */
export const optimDropoutRubric = defineRubric({
  id: 'optim/dropout',
  fields: [
    { path: 'expectedActiveTraining', points: 2, when: (i) => lacks('activations')(i) && lacks('layerUnits')(i) },
    { path: 'activeTesting', points: 1, when: (i) => lacks('activations')(i) && lacks('layerUnits')(i) },
    { path: 'paramsChange', points: 1, when: (i) => lacks('activations')(i) && lacks('layerUnits')(i) },
    { path: 'output', points: 3, when: has('activations') },
    { path: 'expectedOutput', points: 2, when: has('activations') },
    { path: 'subnetworks', points: 2, when: has('layerUnits') },
    { path: 'subnetworksAtExpectedSize', points: 2, when: has('layerUnits') },
  ],
});
