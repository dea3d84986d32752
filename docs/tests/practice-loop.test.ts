/**
 * The practice loop's logic without a browser: hints hide each step's result
 * but keep its formula and substituted numbers; answer fields come in the
 * order a student works, with matrices and layers in the grid and row
 * editors (blank grids of the weights' size); a blank grid cell stays blank.
 */
import { generateExercise, generators } from '@dnn/practice';
import { describe, expect, it } from 'vitest';
import { fromChannels, toChannels } from '../src/components/form/grid';
import { parseNumberText } from '../src/components/schema-fields';
import { answerFields, buildAnswer, parseAnswerText } from '../src/practice/answer-fields';
import { HIDDEN, hideResult, hintSteps, isValue, splitEquals } from '../src/practice/hints';
import { hasEntry, skeleton, structuredField } from '../src/practice/structured-fields';
import { registry } from '../src/registry';

describe('hints', () => {
  it('split LaTeX at top-level = only (not inside braces or \\left…\\right)', () => {
    expect(splitEquals('z = W x + b = \\left[1, 2\\right] = 3')).toEqual(['z', 'W x + b', '\\left[1, 2\\right]', '3']);
    expect(splitEquals('f_{a=1} = 2')).toEqual(['f_{a=1}', '2']);
    expect(splitEquals('\\text{none}')).toEqual(['\\text{none}']);
  });

  it('tell a value (numbers, lists, matrices) from maths with variables', () => {
    expect(isValue('-2.5')).toBe(true);
    expect(isValue('\\left[-2.5, 4\\right]')).toBe(true);
    expect(isValue('\\begin{bmatrix}1 & 2 \\\\ 3 & 4\\end{bmatrix}')).toBe(true);
    expect(isValue('1.5e-3')).toBe(true);
    expect(isValue('\\frac{1}{2}(p - t)^2')).toBe(false);
    expect(isValue('W x + b')).toBe(false);
  });

  it('hide the final value of a step, keep its formula and substitution; a pure formula stays whole', () => {
    expect(hideResult('\\ell = \\frac{1}{2}\\left(11.5 - 1\\right)^2 = 55.125')).toBe(
      `\\ell = \\frac{1}{2}\\left(11.5 - 1\\right)^2 = ${HIDDEN}`,
    );
    expect(hideResult('L = 78.125')).toBe(`L = ${HIDDEN}`);
    expect(hideResult('\\ell = \\frac{1}{2}(p - t)^2')).toBe('\\ell = \\frac{1}{2}(p - t)^2');
    expect(hideResult('')).toBe('');
  });

  it("hide the result of every piece of a step (@dnn/core's step() joins pieces with ,\\quad) and a table of results", () => {
    expect(hideResult('W = 28,\\quad params = (5 \\cdot 3 + 1) \\cdot 16 = 256')).toBe(
      `W = ${HIDDEN},\\quad params = (5 \\cdot 3 + 1) \\cdot 16 = ${HIDDEN}`,
    );
    expect(hideResult('\\begin{array}{l|r}\\text{conv} & 1216\\end{array}')).toBe(HIDDEN);
  });

  it('hint 2 of conv/summary shows no total of the answer', () => {
    const { solution } = generateExercise(registry, generators, 'conv/summary', 42, 'easy');
    const total = String((solution.answer as { totalParams: number }).totalParams);
    const shown = hintSteps(solution.steps).map((h) => h.latex);
    expect(shown.some((l) => l.includes(total))).toBe(false);
    expect(solution.steps.some((s) => s.latex.includes(total))).toBe(true);
  });

  it("no hint of mlp-step shows a number of the answer's loss or updated weights as a result", () => {
    const { solution } = generateExercise(registry, generators, 'optim/mlp-step', 778208, 'easy');
    const hints = hintSteps(solution.steps);
    expect(hints.map((h) => h.title)).toEqual(solution.steps.map((s) => s.title));
    const loss = String(solution.answer.loss);
    for (const h of hints) expect(h.latex.endsWith(`= ${loss}`)).toBe(false);
    expect(hints.some((h) => h.latex.endsWith(HIDDEN))).toBe(true);
  });
});

describe('answer fields', () => {
  it('come in the order a student works (mlp-step: activations, loss, gradients, updated), not the rubric order', () => {
    const { id, input, solution } = generateExercise(registry, generators, 'optim/mlp-step', 1, 'medium');
    const paths = answerFields(id, input, solution.answer).map((f) => f.path);
    expect(paths).toEqual(['activations', 'loss', 'gradients', 'updated']);
  });

  it("put mlp-step's layers in the row editor with a blank grid per layer's weights, the question's size", () => {
    const { id, input, solution } = generateExercise(registry, generators, 'optim/mlp-step', 1, 'medium');
    const gradients = answerFields(id, input, solution.answer).find((f) => f.path === 'gradients')!;
    expect(gradients.editor?.kind).toBe('records');
    expect(gradients.editor?.variants?.[0]?.fields.map((f) => [f.name, f.matrix ?? false])).toEqual([
      ['weights', true],
      ['bias', false],
    ]);
    const layers = (input as { layers: { weights: number[][] }[] }).layers;
    expect(gradients.initial).toEqual(layers.map((l) => ({ weights: l.weights.map((r) => r.map(() => null)) })));
  });

  it('give a top-level matrix a grid of one blank cell (its size is part of the answer) and numbers a text box', () => {
    expect(structuredField('output', 'Output', [[1, 2]])?.matrix).toBe(true);
    expect(skeleton([[1, 2]])).toEqual([[null]]);
    expect(structuredField('loss', 'Loss', 2)).toBeUndefined();
    expect(structuredField('shape', 'Shape', [1, 2])).toBeUndefined();
    expect(structuredField('layers[*].w', 'W', [[1, 2]])).toBeUndefined();
    // A ragged list of lists (activations per layer) is not a grid.
    expect(structuredField('a', 'A', [[1], [1, 2]])).toBeUndefined();
  });

  it('tell records apart by their type tag (a CNN: conv, pooling, dense)', () => {
    const f = structuredField('gradients', 'Gradients', [
      { type: 'conv', weight: [[1]], bias: [0] },
      { type: 'maxpool', input: [[1]] },
    ]);
    expect(f?.variants?.map((v) => [v.tag?.value, v.fields.map((x) => x.name)])).toEqual([
      ['conv', ['weight', 'bias']],
      ['maxpool', ['input']],
    ]);
  });

  it('count a structured answer as given only when something is typed', () => {
    expect(hasEntry([{ weights: [[null, null]] }])).toBe(false);
    expect(hasEntry([{ type: 'conv', weights: [['', '']] }])).toBe(false);
    expect(hasEntry([{ weights: [['', 0]] }])).toBe(true);
    expect(hasEntry([{ bias: [1] }])).toBe(true);
  });

  it('pass exam notation (4, 5, 5) and 4×5×5 to the grader as written', () => {
    expect(parseAnswerText('(4, 5, 5)')).toBe('(4, 5, 5)');
    expect(parseAnswerText('4×5×5')).toBe('4×5×5');
    expect(parseAnswerText('4x5x5')).toBe('4x5x5');
    expect(parseAnswerText('4, 5, 5')).toEqual([4, 5, 5]);
  });
});

describe('buildAnswer with indexed paths', () => {
  it("merges gradients[0].weight with gradients[*].input into one list, in either order (conv/backprop's rubric)", () => {
    const expected = { gradients: [{ weight: [[1]], input: [[2]] }, { input: [[3]] }] };
    expect(buildAnswer({ 'gradients[0].weight': [[1]], 'gradients[*].input': [[[2]], [[3]]] })).toEqual(expected);
    expect(buildAnswer({ 'gradients[*].input': [[[2]], [[3]]], 'gradients[0].weight': [[1]] })).toEqual(expected);
  });
});

describe('the grid editor', () => {
  it('shows null cells as blanks and gives blanks back as empty text (not 0)', () => {
    expect(toChannels([[null, 1]])).toEqual([[['', '1']]]);
    expect(fromChannels([[['', '1']]], parseNumberText)).toEqual([['', 1]]);
  });
});
