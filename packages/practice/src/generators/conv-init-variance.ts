/** Questions for conv/init-variance: Xavier/Glorot/He weight variance of a dense or conv layer. */
import { defineGenerator } from '../generator.js';
import { defineRubric } from '../rubric.js';
import { positive } from './non-trivial.js';

/** Generator of conv/init-variance questions. */
export const convInitVarianceGenerator = defineGenerator({
  id: 'conv/init-variance',
  generate(rng, difficulty) {
    const scheme =
      difficulty === 'easy' ? rng.pick(['xavier', 'he'] as const) : rng.pick(['xavier', 'glorot', 'he'] as const);
    const activation = rng.pick(['linear', 'tanh', 'sigmoid', 'relu'] as const);
    const conv = difficulty !== 'easy' && rng.chance(0.5);
    let fanIn: number;
    let fanOut: number;
    let layer: string;
    if (conv) {
      const [cin, cout, k] = [rng.pick([1, 3, 16, 32, 64]), rng.pick([8, 16, 32, 64, 128]), rng.pick([1, 3, 5, 7])];
      [fanIn, fanOut] = [cin * k * k, cout * k * k];
      layer = `a convolution layer with ${cout} filters of size ${k}×${k} on ${cin} input channels (fan-in Cin·k·k, fan-out Cout·k·k)`;
    } else {
      // easy: perfect-square fan-ins, so the standard deviation is a simple fraction.
      fanIn = difficulty === 'easy' ? rng.pick([4, 16, 25, 64, 100, 400, 2500, 10000]) : rng.int(10, 4096);
      fanOut = difficulty === 'easy' ? rng.pick([10, 50, 100, 1024]) : rng.int(2, 4096);
      layer = `a dense layer with ${fanIn} inputs and ${fanOut} outputs`;
    }
    const rule = {
      xavier: 'Xavier (Var = 1/fan_in)',
      glorot: 'Glorot (Var = 2/(fan_in + fan_out))',
      he: 'He (Var = 2/fan_in)',
    }[scheme];
    return {
      question: `The weights of ${layer}, followed by a ${activation} activation, are initialised with the ${rule} rule. What are the variance and the standard deviation of the weights, and the bound a of the equivalent uniform distribution U(−a, a)?`,
      input: { fanIn, fanOut, scheme, activation },
    };
  },
  /** Non-trivial: the variance is above 0. */
  nonTrivial: (a) => positive(a.variance),
});

/** Variances like 1/2500 are small: three significant figures, without the default absolute slack. */
const SMALL = { absolute: 1e-12 };

/** Grading weights of conv/init-variance: the variance, then the std and the uniform bound. */
export const convInitVarianceRubric = defineRubric({
  id: 'conv/init-variance',
  fields: [
    { path: 'variance', points: 2, tolerance: SMALL },
    { path: 'std', points: 1, tolerance: SMALL },
    { path: 'uniformBound', points: 1, tolerance: SMALL },
  ],
});
