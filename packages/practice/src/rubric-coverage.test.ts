/**
 * The grader grades what each question asks for, and nothing it does not (issue 15): the graded fields of a few
 * generated questions, listed here from reading the question texts.
 */
import { describe, expect, it } from 'vitest';
import { type Difficulty, generateExercise } from './generator.js';
import { grade } from './grade.js';
import { generators, rubrics } from './index.js';
import { registry } from './test-registry.test-util.js';

const graded = (id: string, seed: number, difficulty: Difficulty) => {
  const e = generateExercise(registry, generators, id, seed, difficulty);
  const fields = rubrics.find((r) => r.id === id)?.fields ?? [];
  return { question: e.question, paths: fields.filter((f) => f.when?.(e.input) ?? true).map((f) => f.path) };
};

describe('graded fields follow the question', () => {
  it('rnn/forward, scalar: "Compute the hidden states" grades h only (no pre-activations asked)', () => {
    const g = graded('rnn/forward', 11, 'easy');
    expect(g.question).toMatch(/Compute the hidden states for/);
    expect(g.paths).toEqual(['h']);
  });

  it('rnn/forward, matrix: "the pre-activations, hidden states and outputs" grades z, h and y', () => {
    const g = graded('rnn/forward', 11, 'hard');
    expect(g.question).toMatch(/Compute the pre-activations, hidden states and outputs/);
    expect(g.paths.sort()).toEqual(['h', 'y', 'z']);
  });

  it('optim/learning-rate: "Compute the Hessian and its eigenvalues, …" grades the Hessian too', () => {
    const g = graded('optim/learning-rate', 11, 'hard');
    expect(g.question).toMatch(/Compute the Hessian and its eigenvalues/);
    expect(g.paths.sort()).toEqual(['hessian', 'hessianEigenvalues', 'maxConvergent', 'optimal']);
  });

  it('logic/region-mlp: "Give its weights and biases" grades the layers besides the counts', () => {
    const g = graded('logic/region-mlp', 11, 'easy');
    expect(g.question).toMatch(/Give its weights and biases/);
    expect(g.paths).toEqual(['layers', 'hiddenUnits', 'perceptrons', 'depth']);
  });

  it('conv/summary: "the output shape and the number of parameters of every layer" grades them per layer', () => {
    const g = graded('conv/summary', 11, 'hard');
    expect(g.question).toMatch(/output shape and the number of parameters of every layer/);
    expect(g.paths).toEqual(['layers[*].outputShape', 'layers[*].params', 'totalParams', 'totalMacs']);
  });

  it('conv/backprop: "every layer\'s gradient" grades each layer\'s input gradient, the conv and dense parameters', () => {
    const g = graded('conv/backprop', 3, 'hard');
    expect(g.question).toMatch(/a dense unit with weights .* Compute the forward pass, every layer's gradient/);
    expect(g.paths).toEqual([
      'gradients[0].weight',
      'gradients[0].bias',
      'gradients[*].input',
      'gradients[4].weight',
      'gradients[4].bias',
      'updated[0].weight',
      'activations',
      'loss',
    ]);
    // easy: no bias, no dense head, a given output gradient (no loss)
    expect(graded('conv/backprop', 1, 'easy').paths).toEqual([
      'gradients[0].weight',
      'gradients[*].input',
      'updated[0].weight',
      'activations',
    ]);
  });

  it('conv/backprop: a wrong gradient in one layer is named', () => {
    const e = generateExercise(registry, generators, 'conv/backprop', 3, 'hard');
    const answer = structuredClone(e.solution.answer) as { gradients: { input: unknown }[] };
    const layer2 = answer.gradients[2] as { input: unknown };
    layer2.input = JSON.parse(JSON.stringify(layer2.input, (_k, v) => (typeof v === 'number' ? v + 1 : v)));
    const g = grade(registry, rubrics, 'conv/backprop', e.input, answer);
    const f = g.fields.find((x) => x.path === 'gradients[*].input');
    // 5 of 6 layers right: 2 × 5/6 = 1.67 points
    expect(f).toMatchObject({ verdict: 'partial', points: 1.67 });
    expect(f?.remarks).toContainEqual('right for 5 of 6; not for gradients[2].input');
  });
});
