/**
 * The grader grades what each question asks for, and nothing it does not (issue 15): the graded fields of a few
 * generated questions, listed here from reading the question texts.
 */
import { describe, expect, it } from 'vitest';
import { type Difficulty, generateExercise } from './generator.js';
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
});
