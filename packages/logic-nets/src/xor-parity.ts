/**
 * logic/xor-parity — n-input XOR / XNOR networks: the lecture's tree of
 * 2-input gates, its single-hidden-layer minterm count, and the counting
 * network with n hidden units, constructed and verified on every row.
 */
import { a, ceil, defineSolver, eq, frac, LIMITS, mul, pow, type Step, s, step, sub, sym, tex, words } from '@dnn/core';
import * as z from 'zod/mini';
import { thresholdNetwork } from './answer-fields.js';
import { type BoolFunction, encodingField, fireWhenField } from './boolean-function.js';
import { countingNetwork, onesAmong } from './constructions.js';
import { failingRows, type Layer } from './network.js';

const input = s.object({
  n: s.int('Number of inputs n ≥ 2.').check(z.minimum(2), z.maximum(1000)),
  kind: z._default(s.oneOf(['xor', 'xnor'], 'xor: x₁ ⊕ … ⊕ xₙ (default); xnor: see xnorMeaning.'), 'xor'),
  xnorMeaning: z._default(
    s.oneOf(
      ['chain', 'not-xor'],
      'For kind xnor: chain = x₁ ⊙ x₂ ⊙ … ⊙ xₙ of 2-input XNORs (the exam’s, default), which equals XOR for odd n; not-xor = ¬(x₁ ⊕ … ⊕ xₙ).',
    ),
    'chain',
  ),
  fireWhen: fireWhenField,
  encoding: encodingField,
});

const answer = a.answer({
  multiLayer: a.record(
    {
      perceptrons: a.count('Perceptrons', '3(n − 1): n − 1 gates of 3 perceptrons (2 hidden + 1 output) each.'),
      layers: a.count('Layers', '2⌈log₂ n⌉: each level of gates is 2 layers of units deep.'),
      width: a.count('Width', 'Units in the first layer: 2 per gate, ⌊n/2⌋ gates.'),
      relayUnits: a.count(
        'Relay units',
        'Copy units a strictly layered tree needs when a level has an odd number of signals (0 when n is a power of two).',
      ),
    },
    'Tree of 2-input gates',
    'The lecture’s network: a tree of 2-input XOR/XNOR gates of 3 perceptrons each.',
  ),
  singleHiddenLayer: a.record(
    {
      hidden: a.count('Hidden units', 'n counting units: unit j fires when at least j inputs are 1.'),
      perceptrons: a.count('Perceptrons', 'n + 1: the hidden units and the output.'),
    },
    'Single hidden layer',
    'The smallest single-hidden-layer construction: n counting units plus the output, with alternating output weights.',
  ),
  // 2ⁿ⁻¹ passes 2⁵³ from n = 54 on: still a whole number (a power of two is exact in a double), but not a safe integer.
  mintermHidden: a.field(
    'count',
    z.number(),
    'Minterm hidden units',
    'The lecture’s single-hidden-layer count 2ⁿ⁻¹: one AND unit per row where f = 1 (not minimal). Exact for every n ≤ 1000, though above 2⁵³ (n ≥ 54) it is not a safe integer.',
  ),
  oddParity: a.flag('Odd parity', 'True when the function is 1 on an odd number of ones (else on an even number).'),
  network: z.nullable(
    a.record(
      {
        layers: thresholdNetwork('Network', 'The n counting units, then the output:'),
        verified: a.flag('Verified', 'True when the network reproduces f on all 2ⁿ rows.'),
      },
      'Single-hidden-layer network',
      'The counting network, built and checked on every row; null when n > 12.',
    ),
  ),
  networkReason: z.optional(
    a.text('Why no network', 'Present when `network` is null: n is too large to check all 2ⁿ rows.'),
  ),
});

/** The answer of logic/xor-parity. */
export type XorParityAnswer = z.output<typeof answer>;

/** Gate levels ⌈log₂ n⌉ and the relay units a strictly layered tree needs when a level has an odd count. */
function treeShape(n: number): { levels: number; relays: number } {
  let levels = 0;
  let relays = 0;
  for (let m = n; m > 1; m = Math.ceil(m / 2)) {
    if (m % 2 === 1) relays += 2;
    levels++;
  }
  return { levels, relays };
}

/** logic/xor-parity: parity networks, the lecture's counts and the n-unit construction. */
export const xorParity = defineSolver({
  id: 'logic/xor-parity',
  title: 'n-input XOR / XNOR as threshold networks',
  description:
    'Perceptron counts for n-input XOR or XNOR: the lecture’s tree of 2-input gates (3(n − 1) perceptrons in 2⌈log₂ n⌉ layers), the lecture’s 2ⁿ⁻¹ minterm units, and the n-unit single-hidden-layer counting network, built and verified on all rows for n ≤ 12.',
  input,
  answer,
  solveParsed(inp) {
    const { n } = inp;
    // The chain of n − 1 XNORs flips the parity n − 1 times.
    const oddParity = inp.kind === 'xor' || (inp.xnorMeaning === 'chain' && n % 2 === 1);
    const { levels, relays } = treeShape(n);
    const gate = inp.kind === 'xor' ? 'XOR' : 'XNOR';
    const steps: Step[] = [];
    if (inp.kind === 'xnor') {
      steps.push(
        inp.xnorMeaning === 'chain'
          ? step(
              `a ⊙ b = ¬(a ⊕ b) = a ⊕ b ⊕ 1, so the chain of ${n - 1} XNORs is the XOR of the inputs, complemented ${n - 1} times: ${oddParity ? 'an even number, so it equals the XOR' : 'an odd number, so it is the complement of the XOR'}`,
              words(oddParity ? 'f = 1 when the number of ones is odd' : 'f = 1 when the number of ones is even'),
            )
          : step('¬(x₁ ⊕ … ⊕ xₙ) is 1 when the number of ones is even', words('even parity')),
      );
    } else {
      steps.push(step('x₁ ⊕ … ⊕ xₙ is 1 when the number of ones is odd', words('odd parity')));
    }
    steps.push(
      step(
        `Lecture tree: ${n - 1} two-input ${gate} gate${n === 2 ? '' : 's'} of 3 perceptrons each (2 hidden + 1 output)`,
        eq('perceptrons', mul(3, sub('n', 1)), mul(3, n - 1), 3 * (n - 1)),
      ),
      step(
        `The gates form ${levels} level${levels === 1 ? '' : 's'} (⌈log₂ ${n}⌉), each 2 layers deep`,
        eq('layers', mul(2, ceil(sym(`log_2 ${n}`))), 2 * levels),
      ),
      step(
        `Lecture single hidden layer: one unit per row with f = 1, half of the 2ⁿ rows`,
        eq('hidden', frac(pow(2, 'n'), 2), pow(2, n - 1), 2 ** (n - 1)),
      ),
      step(
        'Counting network: hidden unit j fires when at least j inputs are 1 (weights 1), for j = 1…n; with c ones exactly h₁…h_c fire',
        eq(sym('h_j'), tex('[x_1 + … + x_n ≥ j]', '[x_1 + \\dots + x_n \\ge j]')),
      ),
      step(
        `Output weights alternate ${oddParity ? '+1, −1, +1, …' : '−1, +1, −1, …'}, so the weighted sum of the c firing units is ${oddParity ? '1 for odd c and 0 for even c' : '−1 for odd c and 0 for even c'}`,
        eq(
          sym('y'),
          oddParity
            ? tex('[h_1 − h_2 + h_3 − … > 0]', '[h_1 - h_2 + h_3 - \\dots > 0]')
            : tex('[−h_1 + h_2 − h_3 + … + 1 > 0]', '[-h_1 + h_2 - h_3 + \\dots + 1 > 0]'),
        ),
        eq('perceptrons', sym('n + 1'), n + 1),
      ),
    );
    let network: XorParityAnswer['network'] = null;
    let networkReason: string | undefined;
    if (n <= LIMITS.booleanVariables) {
      const vars = Array.from({ length: n }, (_, i) => i);
      const values = new Int8Array(2 ** n).map((_, r) => Number(onesAmong(r, n, vars) % 2 === (oddParity ? 1 : 0)));
      const f: BoolFunction = { variables: vars.map((i) => `x${i + 1}`), n, values };
      const g = Array.from({ length: n + 1 }, (_, c) => Number(c % 2 === (oddParity ? 1 : 0)));
      const changes = vars.map((i) => i + 1);
      const layers = countingNetwork(f, vars, changes, g, inp.fireWhen, inp.encoding, {}) as Layer[];
      const verified = failingRows(layers, f, inp.fireWhen, inp.encoding).length === 0;
      network = { layers, verified };
      steps.push(
        step(
          `Built with biases for fireWhen "${inp.fireWhen}" and ${inp.encoding} encoding, and evaluated on all 2^${n} = ${2 ** n} rows`,
          words(verified ? 'every row reproduced' : 'MISMATCH (bug)'),
        ),
      );
    } else {
      networkReason = `n = ${n} is above the limit of ${LIMITS.booleanVariables} inputs for building and checking all 2ⁿ rows; the counts above still hold.`;
    }
    const notes = [
      `The lecture’s 2ⁿ⁻¹ = ${2 ** (n - 1)} hidden units come from one AND unit per true minterm; they are not minimal, because a threshold unit can count: n units [x₁ + … + xₙ ≥ j] with alternating output weights suffice.`,
      'Minimality: n hidden units is the standard single-hidden-layer construction for parity; it is proven minimal here only for n = 2 (a non-separable function needs at least 2 hidden units). For larger n the solver verifies the construction, not a lower bound.',
      relays > 0
        ? `The tree is not strictly layered when n is not a power of two: an input or gate output skips a gate level. With relay (copy) units the strictly layered tree has ${3 * (n - 1) + relays} perceptrons (${relays} relays).`
        : 'n is a power of two, so the tree is strictly layered as it stands.',
      inp.kind === 'xnor'
        ? inp.xnorMeaning === 'chain'
          ? 'xnor means the chain x₁ ⊙ x₂ ⊙ … ⊙ xₙ of 2-input XNORs (equal to XOR for odd n); set xnorMeaning to "not-xor" for ¬(x₁ ⊕ … ⊕ xₙ).'
          : 'xnor means ¬(x₁ ⊕ … ⊕ xₙ).'
        : 'xor means x₁ ⊕ … ⊕ xₙ (odd parity).',
    ];
    return {
      answer: {
        multiLayer: { perceptrons: 3 * (n - 1), layers: 2 * levels, width: 2 * Math.floor(n / 2), relayUnits: relays },
        singleHiddenLayer: { hidden: n, perceptrons: n + 1 },
        mintermHidden: 2 ** (n - 1),
        oddParity,
        network,
        ...(networkReason ? { networkReason } : {}),
      } satisfies XorParityAnswer,
      steps,
      notes,
    };
  },
  examples: [
    {
      title: 'XOR of 6 inputs: layers and perceptrons (tree and single hidden layer)',
      source:
        'Exam problem. By hand: tree 3(6 − 1) = 15 perceptrons in 2⌈log₂ 6⌉ = 2·3 = 6 layers (matches the rubric); single hidden layer: 6 counting units + 1 output = 7 perceptrons, not the rubric’s 2⁵ = 32 minterm units.',
      input: { n: 6 },
      answer: {
        multiLayer: { perceptrons: 15, layers: 6 },
        singleHiddenLayer: { hidden: 6, perceptrons: 7 },
        mintermHidden: 32,
        network: { verified: true },
      },
    },
    {
      title: '5-input XNOR chain A ⊙ B ⊙ C ⊙ D ⊙ E',
      source:
        'Exam problem (rubric: "width" 3(n − 1) = 12, depth 2⌈log₂ 5⌉ = 6). By hand: the tree has 3·4 = 12 perceptrons in 6 layers, but 12 is its perceptron count, not its width (the first layer has 2·2 = 4 gate units). Four XNORs complement the parity an even number of times, so the chain is the 5-input XOR: 5 counting units + 1 output, depth 2, width 5.',
      input: { n: 5, kind: 'xnor' },
      answer: {
        multiLayer: { perceptrons: 12, layers: 6, width: 4 },
        singleHiddenLayer: { hidden: 5, perceptrons: 6 },
        oddParity: true,
        network: { verified: true },
      },
    },
    {
      title: 'Two-input XOR: the classic 3-perceptron network',
      source:
        'By hand: h₁ = [x₁ + x₂ > 0] (OR), h₂ = [x₁ + x₂ − 1 > 0] (AND), y = [h₁ − h₂ > 0]: rows 00, 01, 10, 11 give y = 0, 1, 1, 0.',
      input: { n: 2 },
      answer: {
        singleHiddenLayer: { hidden: 2, perceptrons: 3 },
        network: {
          layers: [
            {
              weights: [
                [1, 1],
                [1, 1],
              ],
              bias: [0, -1],
            },
            { weights: [[1, -1]], bias: [0] },
          ],
          verified: true,
        },
      },
    },
  ],
});
