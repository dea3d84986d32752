/**
 * logic/mlp — the strictly layered threshold network with the fewest
 * perceptrons we can construct for a boolean function, verified on every row,
 * with an honest lower bound.
 */
import { a, DnnInputError, defineSolver, eq, type Step, s, step, sym, tex, vec, words } from '@dnn/core';
import type * as z from 'zod/mini';
import { depthField, perceptronsField, thresholdNetwork } from './answer-fields.js';
import { type BoolFunction, booleanFunctionFields, encodeBit, encodedRow } from './boolean-function.js';
import {
  allRows,
  andUnit,
  countingNetwork,
  encodedRows,
  relevantVariables,
  rowSets,
  symmetricProfile,
  withOutput,
} from './constructions.js';
import { rowLabel, SHOWN_ROWS, samplesOf, tuple } from './inequalities.js';
import { failingRows, type Layer, layerOf, runNetwork, unitStep } from './network.js';
import { type Implicant, implicantText, minimumCover, primeImplicants } from './quine-mccluskey.js';
import { analyseSeparability, domainWords } from './separability.js';
import { type Domains, type Sample, separate, type Unit } from './threshold.js';

const answer = a.answer({
  layers: thresholdNetwork('Network', 'Layers of threshold units, input side first:'),
  perceptrons: perceptronsField,
  hiddenUnits: a.count('Hidden units', 'Units not in the output layer.'),
  depth: depthField,
  width: a.count('Width', 'Units in the largest layer.'),
  verified: a.flag(
    'Verified',
    'True when the network was evaluated on all 2ⁿ rows and reproduces every specified one.',
  ),
  construction: a.text('Construction', 'How the network was built.', [
    'single-perceptron',
    'negated-perceptron',
    'sum-of-products',
    'product-of-sums',
    'counting',
  ]),
  lowerBound: a.count('Lower bound', 'A proven lower bound on the number of perceptrons.'),
  minimal: a.flag('Proven minimal', 'True when the number of perceptrons equals the proven lower bound.'),
  hidden: a.list(
    a.text('Hidden unit'),
    'Hidden units compute',
    'What each unit of the first hidden layer computes, e.g. `x & !y` or `at least 2 of x, y, z`; empty for a single perceptron.',
  ),
});

/** The answer of logic/mlp. */
export type MlpAnswer = z.output<typeof answer>;

type Construction = MlpAnswer['construction'];

interface Candidate {
  construction: Construction;
  layers: Layer[];
  hidden: string[];
  steps: Step[];
  notes: string[];
}

/** A construction whose size is known but which was not built because a smaller one exists. */
interface Skipped {
  construction: Construction;
  skipped: number;
}

const perceptronsOf = (layers: readonly Layer[]) => layers.reduce((s, l) => s + l.bias.length, 0);
const isBuilt = (c: Candidate | Skipped | undefined): c is Candidate => c !== undefined && 'layers' in c;

/** Greedily merges implicant groups whose OR is itself one perceptron (fewer hidden units). */
function mergeGroups(
  groups: Implicant[][],
  f: BoolFunction,
  inp: { fireWhen: '>0' | '>=0'; encoding: 'binary' | 'bipolar' },
  domains: Domains,
  xs: number[][],
) {
  const units = new Map<Implicant[], Unit>();
  const cheap = (domains.weights ? domains.weights.length ** f.n : 1) * 2 ** f.n * f.n <= 2e6;
  if (!cheap || groups.length > 12) return units;
  // The encoded rows (xs, from encodedRows) are shared by every pair's samples: separate() only reads them.
  const rows = (terms: Implicant[]): Sample[] =>
    allRows(f.n, inp.encoding, (r) => terms.some((t) => (r & ~t.mask) === t.value), xs);
  for (let merged = true; merged; ) {
    merged = false;
    outer: for (let i = 0; i < groups.length; i++) {
      for (let j = i + 1; j < groups.length; j++) {
        const terms = [...(groups[i] as Implicant[]), ...(groups[j] as Implicant[])];
        const sep = separate(rows(terms), f.n, inp.fireWhen, domains, 'weightDomain', false);
        if (sep.separable) {
          groups.splice(j, 1);
          groups.splice(i, 1, terms);
          units.set(terms, sep.unit);
          merged = true;
          break outer;
        }
      }
    }
  }
  return units;
}

/** Sum of products of f (or of ¬f, for the product-of-sums form): AND units, then OR (or NOR). */
function sumOfProducts(
  f: BoolFunction,
  complement: boolean,
  inp: { fireWhen: '>0' | '>=0'; encoding: 'binary' | 'bipolar' },
  domains: Domains,
  limit: number,
): Candidate | Skipped | undefined {
  const sets = rowSets(f);
  const on = complement ? sets.off : sets.on;
  if (on.length === 0) return undefined;
  const primes = primeImplicants(on, sets.dc, f.n);
  const cover = minimumCover(primes, on, f.n);
  const construction = complement ? 'product-of-sums' : 'sum-of-products';
  // Beyond 12 terms no merging is tried, so the count is final: skip building a network that cannot win.
  if (cover.cover.length > 12 && cover.cover.length + 1 > limit)
    return { construction, skipped: cover.cover.length + 1 };
  const rows = encodedRows(f.n, inp.encoding);
  const groups = cover.cover.map((p) => [p]);
  const mergedUnits = mergeGroups(groups, f, inp, domains, rows);
  const hidden: Unit[] = [];
  const names: string[] = [];
  for (const g of groups) {
    const u = mergedUnits.get(g) ?? andUnit(g[0] as Implicant, f.n, inp.fireWhen, inp.encoding, domains, rows);
    if (!u) return undefined;
    hidden.push(u);
    names.push(g.map((t) => implicantText(t, f.variables)).join(' | '));
  }
  const layers = withOutput(
    hidden,
    hidden.map(() => (complement ? -1 : 1)),
    f,
    inp.fireWhen,
    inp.encoding,
    domains,
  );
  if (!layers) return undefined;
  const fname = complement ? '¬f' : 'f';
  const sop = cover.cover.map((p) => implicantText(p, f.variables)).join(' | ');
  const steps: Step[] = [
    step(
      `Quine–McCluskey on the ${on.length} rows where ${fname} = 1${sets.dc.length ? ` (${sets.dc.length} don't-cares may be used)` : ''}: ${primes.length} prime implicant${primes.length === 1 ? '' : 's'}`,
      words(
        primes.length <= 24 ? primes.map((p) => implicantText(p, f.variables)).join(';  ') : `${primes.length} primes`,
      ),
    ),
    step(
      `Essential prime implicants (the only prime covering some row)`,
      words(cover.essential.map((p) => implicantText(p, f.variables)).join(';  ') || 'none'),
    ),
  ];
  if (cover.petrick.length > 0) {
    const usefulPrimes = cover.useful;
    const sum = (list: number[]) => `(${list.map((i) => `P${i + 1}`).join(' + ')})`;
    steps.push(
      step(
        `Petrick’s method on the ${cover.petrick.length} rows left (Pi = i-th useful prime; pick one prime from every sum, fewest primes)`,
        words(
          cover.petrick.length <= 8 ? cover.petrick.map((p) => sum(p.primes)).join('') : `${cover.petrick.length} sums`,
        ),
        words(
          usefulPrimes
            .slice(0, 12)
            .map((p, i) => `P${i + 1} = ${implicantText(p, f.variables)}`)
            .join(', '),
        ),
      ),
    );
  }
  steps.push(
    step(
      `Minimal sum of products${cover.exact ? '' : ' (search budget reached: not proven minimal)'}`,
      eq(sym(fname), words(sop)),
    ),
  );
  if (groups.some((g) => g.length > 1)) {
    steps.push(
      step(
        'Terms whose OR is itself linearly separable share one hidden unit',
        words(
          groups
            .filter((g) => g.length > 1)
            .map((g) => g.map((t) => implicantText(t, f.variables)).join(' | '))
            .join(';  '),
        ),
      ),
    );
  }
  const notes = cover.exact
    ? []
    : ['The prime-implicant cover search hit its budget: the sum of products is not proven minimal.'];
  return {
    construction,
    layers,
    hidden: names,
    steps,
    notes,
  };
}

/** The counting network for a function of the number of ones (XOR, parity, majority, …). */
function counting(
  f: BoolFunction,
  inp: { fireWhen: '>0' | '>=0'; encoding: 'binary' | 'bipolar' },
  domains: Domains,
): Candidate | undefined {
  const vars = relevantVariables(f);
  const profile = symmetricProfile(f, vars);
  if (!profile || profile.changes.length < 2) return undefined;
  const layers = countingNetwork(f, vars, profile.changes, profile.g, inp.fireWhen, inp.encoding, domains);
  if (!layers) return undefined;
  const names = vars.map((i) => f.variables[i] as string);
  return {
    construction: 'counting',
    layers,
    hidden: profile.changes.map((t) => `at least ${t} of ${names.join(', ')}`),
    steps: [
      step(
        `f depends only on c, the number of ones among ${tuple(names)}; it changes value at c = ${profile.changes.join(', ')}`,
        eq(tex(`[f(0), …, f(${vars.length})]`, `[f(0), \\dots, f(${vars.length})]`), vec(profile.g)),
      ),
    ],
    notes: [],
  };
}

/** Two units: a perceptron for ¬f, then a NOT unit (only when the domains rule out f itself). */
function negatedChain(
  f: BoolFunction,
  inp: { fireWhen: '>0' | '>=0'; encoding: 'binary' | 'bipolar' },
  domains: Domains,
): Candidate | undefined {
  const neg: BoolFunction = { ...f, values: f.values.map((v) => (v < 0 ? v : 1 - v)) };
  const sep = separate(samplesOf(neg, inp.encoding), f.n, inp.fireWhen, domains, 'weightDomain', false);
  if (!sep.separable) return undefined;
  const layers = withOutput([sep.unit], [-1], f, inp.fireWhen, inp.encoding, domains);
  if (!layers) return undefined;
  return {
    construction: 'negated-perceptron',
    layers,
    hidden: ['¬f'],
    steps: [step(`¬f is separable with ${domainWords(domains)}; a second unit negates it`)],
    notes: [],
  };
}

/** Letters naming the units of hidden layers 1, 2, … (h1, h2 in layer 1; g1, g2 in layer 2). */
const UNIT_LETTERS = ['h', 'g'];

/** Steps: every unit, then the check on each row. */
function networkSteps(
  layers: readonly Layer[],
  f: BoolFunction,
  hidden: readonly string[],
  inp: { fireWhen: '>0' | '>=0'; encoding: 'binary' | 'bipolar' },
): Step[] {
  const steps: Step[] = [];
  let inputs = f.variables;
  layers.forEach((layer, li) => {
    const last = li === layers.length - 1;
    const names = layer.bias.map((_, k) => (last ? 'y' : `${UNIT_LETTERS[li] ?? 'u'}${k + 1}`));
    layer.bias.forEach((b, k) => {
      const what = li === 0 && !last ? ` = ${hidden[k]}` : '';
      steps.push(
        unitStep(
          `${last ? 'Output unit' : `Layer ${li + 1}, unit ${k + 1}`}${what}`,
          names[k] as string,
          { weights: layer.weights[k] as number[], bias: b },
          inputs,
        ),
      );
    });
    inputs = names;
  });
  const rows = f.values.length;
  if (rows <= SHOWN_ROWS) {
    f.values.forEach((v, r) => {
      if (v < 0) return;
      const x = encodedRow(r, f.n, inp.encoding);
      const outs = runNetwork(layers, x, inp.fireWhen, inp.encoding);
      const y = outs.at(-1)?.[0] as number;
      steps.push(
        step(
          `Row ${rowLabel(f.variables, x)}`,
          ...outs.slice(0, -1).map((o, i) => eq(UNIT_LETTERS[i] ?? 'u', vec(o))),
          eq('y', y),
          words(y === encodeBit(v, inp.encoding) ? 'matches f' : 'WRONG'),
        ),
      );
    });
  }
  return steps;
}

/** logic/mlp: the fewest-perceptron layered threshold network we can build, verified on all rows. */
export const mlp = defineSolver({
  id: 'logic/mlp',
  title: 'Fewest-perceptron threshold network for a boolean function',
  description:
    'Builds a strictly layered network of threshold units for a boolean function: one perceptron when it is separable, else the smallest of a minimal sum of products (Quine–McCluskey + Petrick), its complement form, and a counting network for symmetric functions such as XOR/parity; verified on every row, with a proven lower bound.',
  input: s.object(booleanFunctionFields),
  answer,
  solveParsed(inp) {
    const a = analyseSeparability(inp);
    const { f, domains } = a;
    const steps: Step[] = [...a.steps];
    const notes = [...a.notes];
    let best: Candidate;
    let lowerBound: number;
    if (a.separation.separable) {
      best = {
        construction: 'single-perceptron',
        layers: [layerOf([a.separation.unit])],
        hidden: [],
        steps: [],
        notes: [],
      };
      lowerBound = 1;
      steps.push(step('One perceptron suffices, so this is the minimal network', words('1 perceptron, depth 1')));
    } else {
      const chain = domains.weights ? negatedChain(f, inp, domains) : undefined;
      const constant = !f.values.includes(0) || !f.values.includes(1);
      lowerBound = chain || constant ? 2 : 3;
      if (lowerBound === 3) {
        steps.push(
          step(
            'Lower bound: a layered network of 2 units is one unit feeding the output, which computes that unit’s function h, its negation ¬h or a constant — all ruled out above (f and ¬f are not single perceptrons), so at least 3 perceptrons are needed',
            words('perceptrons ≥ 3'),
          ),
        );
      }
      const count = counting(f, inp, domains);
      let limit = Math.min(...[chain, count].filter(isBuilt).map((c) => perceptronsOf(c.layers)));
      const sop = sumOfProducts(f, false, inp, domains, limit);
      if (isBuilt(sop)) limit = Math.min(limit, perceptronsOf(sop.layers));
      const pos = sumOfProducts(f, true, inp, domains, limit);
      const tried = [chain, sop, pos, count].filter((c): c is Candidate | Skipped => c !== undefined);
      const size = (c: Candidate | Skipped) => ('layers' in c ? perceptronsOf(c.layers) : c.skipped);
      const first = tried.filter(isBuilt).sort((x, y) => perceptronsOf(x.layers) - perceptronsOf(y.layers))[0];
      if (!first) {
        throw new DnnInputError(
          'weightDomain',
          `no AND/OR or counting network fits ${domainWords(domains)}; allow more values (a positive c with −c, 0, and biases that are multiples of c)`,
        );
      }
      best = first;
      steps.push(
        step(
          'Constructions compared (perceptrons)',
          words(tried.map((c) => `${c.construction}: ${size(c)}${'layers' in c ? '' : ' (not built)'}`).join(';  ')),
        ),
      );
      steps.push(...best.steps);
      notes.push(...best.notes);
    }
    const { layers } = best;
    const perceptrons = perceptronsOf(layers);
    if (!a.separation.separable) steps.push(...networkSteps(layers, f, best.hidden, inp));
    const verified = failingRows(layers, f, inp.fireWhen, inp.encoding).length === 0;
    steps.push(
      step(
        verified
          ? `Verified: the network was evaluated on all ${f.values.length} rows and reproduces every specified one`
          : 'The network does NOT reproduce every row (this is a bug; please report it)',
        eq('perceptrons', perceptrons),
      ),
    );
    const minimal = perceptrons === lowerBound;
    notes.push(
      minimal
        ? `${perceptrons} perceptron${perceptrons === 1 ? '' : 's'} is proven minimal (it meets the lower bound).`
        : `${perceptrons} perceptrons is an upper bound (the best of the constructions tried); the proven lower bound is ${lowerBound}. Finding the true minimum of a threshold network is a hard combinatorial problem in general.`,
      'Networks are strictly layered (no skip connections); depth counts layers of units, width the largest layer.',
    );
    return {
      answer: {
        layers,
        perceptrons,
        hiddenUnits: perceptrons - 1,
        depth: layers.length,
        width: Math.max(...layers.map((l) => l.bias.length)),
        verified,
        construction: best.construction,
        lowerBound,
        minimal,
        hidden: best.hidden,
      } satisfies MlpAnswer,
      steps,
      notes,
    };
  },
  examples: [
    {
      title: 'XOR with weights and biases from {−1, 0, 1} (2-layer, 3 neurons)',
      source:
        'Exam problem (step fires when z > 0). By hand: h₁ = −x + y + 0 fires only on (0, 1), h₂ = x − y + 0 only on (1, 0), y = h₁ + h₂ + 0 fires when either does (the rubric lists the same two units in the other order); XOR is not separable, so 3 is minimal.',
      input: { expression: 'x ^ y', weightDomain: [-1, 0, 1], biasDomain: [-1, 0, 1] },
      answer: {
        perceptrons: 3,
        depth: 2,
        width: 2,
        verified: true,
        minimal: true,
        layers: [
          {
            weights: [
              [-1, 1],
              [1, -1],
            ],
            bias: [0, 0],
          },
          { weights: [[1, 1]], bias: [0] },
        ],
      },
    },
    {
      title: 'f = yz + xy with weights ±10 or 0 and biases multiples of 10 (fires when w·x + b ≥ 0)',
      source:
        'Exam problem. By hand: with these weights f is no single perceptron (all three weights would be 10, and rows 011 and 101 then have the same sum), nor is ¬f; so ≥ 3 units. Hidden units yz: 10y + 10z − 20 ≥ 0 and xy: 10x + 10y − 20 ≥ 0; output OR: 10h₁ + 10h₂ − 10 ≥ 0.',
      input: {
        expression: 'y & z | x & y',
        weightDomain: [-10, 0, 10],
        biasDomain: [-30, -20, -10, 0, 10, 20, 30],
        fireWhen: '>=0',
      },
      answer: {
        perceptrons: 3,
        hiddenUnits: 2,
        depth: 2,
        verified: true,
        minimal: true,
        layers: [
          {
            weights: [
              [0, 10, 10],
              [10, 10, 0],
            ],
            bias: [-20, -20],
          },
          { weights: [[10, 10]], bias: [-10] },
        ],
      },
    },
    {
      title: 'f = yz + xy with real weights: a single perceptron',
      source: 'By hand: f = y(x + z) = [2x + 4y + 2z − 5 > 0] (see logic/perceptron); one unit, depth 1.',
      input: { expression: 'y & z | x & y' },
      answer: { perceptrons: 1, hiddenUnits: 0, depth: 1, width: 1, verified: true, minimal: true },
    },
    {
      title: 'The 5-minterm function AB̄CD̄ + ABCD̄ + AB̄C̄D + AB̄CD + AB̄C̄D̄: depth and width',
      source:
        'Exam problem (rubric: one hidden unit per minterm, depth 2, width 5). By hand: Y = AB̄ + ACD̄ = [4A − 2B + C − D ≥ 3]: the five minterms score 5, 3, 3, 4, 4 and every other row at most 2. So one perceptron: depth 1, width 1.',
      input: { expression: 'A&!B&C&!D | A&B&C&!D | A&!B&!C&D | A&!B&C&D | A&!B&!C&!D' },
      answer: { perceptrons: 1, depth: 1, width: 1, verified: true },
    },
    {
      title: '5-input XNOR chain A ⊙ B ⊙ C ⊙ D ⊙ E',
      source:
        'Exam problem (rubric: 3(n − 1) = 12 units, depth 2⌈log₂5⌉ = 6). By hand: four XNORs flip parity an even number of times, so the chain equals A ⊕ B ⊕ C ⊕ D ⊕ E; five "at least j ones" units (j = 1…5) and an output with weights +1, −1, +1, −1, +1 compute it: 6 perceptrons, depth 2, width 5.',
      input: { expression: 'A xnor B xnor C xnor D xnor E' },
      answer: { perceptrons: 6, hiddenUnits: 5, depth: 2, width: 5, verified: true, construction: 'counting' },
    },
    {
      title: 'The 5-minterm exam as a truth table listing only its five true rows (the other 11 are 0)',
      source:
        'Exam problem (A B C D Y table with the rows 1010, 1110, 1001, 1011, 1000 → 1; the rubric writes Y as their sum of minterms, so the unlisted rows are 0). By hand as above: Y = AB̄ + ABCD̄ = [4A − 2B + C − D ≥ 3], one perceptron. Read as don’t-cares (v1), the constant 1 would fit the five rows.',
      input: {
        truthTable: {
          inputs: [
            [1, 0, 1, 0],
            [1, 1, 1, 0],
            [1, 0, 0, 1],
            [1, 0, 1, 1],
            [1, 0, 0, 0],
          ],
          outputs: [1, 1, 1, 1, 1],
        },
        variables: ['A', 'B', 'C', 'D'],
      },
      answer: { perceptrons: 1, depth: 1, width: 1, verified: true, minimal: true },
    },
  ],
});
