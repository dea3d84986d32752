/**
 * The Practice page's logic without a browser: the typed-answer parsing, the
 * answer object built from rubric paths, the URL query, and — for every
 * problem, difficulty and a few seeds — the answer key typed back into the
 * form's fields earns full marks (so every answer is typeable), while an
 * emptied form earns none.
 */
import { DIFFICULTIES, generateExercise, generators, getPath, grade, rubrics } from '@dnn/practice';
import { describe, expect, it } from 'vitest';
import { answerFields, answerText, buildAnswer, labelOf, parseAnswerText } from '../src/practice/answer-fields';
import { idFor, idsIn, newQuestion, practiceIds, practiceTopics, queryOf, readQuery } from '../src/practice/query';
import { registry } from '../src/registry';

describe('parseAnswerText', () => {
  it.each([
    ['', undefined],
    ['  ', undefined],
    ['42', 42],
    ['-0.5', -0.5],
    ['14/3', '14/3'],
    [' 28 / 6 ', '28/6'],
    ['5, 8, 8', [5, 8, 8]],
    ['[5, 8, 8]', [5, 8, 8]],
    ['1/3, 2/3', ['1/3', '2/3']],
    ['[1/3, 0.5, 2]', ['1/3', 0.5, 2]],
    [
      '[[1/2, 1], [0, 2]]',
      [
        ['1/2', 1],
        [0, 2],
      ],
    ],
    [
      '1/2 1\n0 2',
      [
        ['1/2', 1],
        [0, 2],
      ],
    ],
    [
      '1 2\n3 4',
      [
        [1, 2],
        [3, 4],
      ],
    ],
    ['{"x": -2, "y": 1}', { x: -2, y: 1 }],
    ['{x: -2, y: 3/2}', { x: -2, y: '3/2' }],
    ['none', null],
    ['None', null],
    ['null', null],
    ['true', true],
    ['yes', 'yes'],
    ['maximum', 'maximum'],
    ['saddle point', 'saddle point'],
    ['blur, edge detection', ['blur', 'edge detection']],
    ['["identity"]', ['identity']],
  ])('%j → %j', (text, value) => {
    expect(parseAnswerText(text)).toEqual(value);
  });
});

describe('buildAnswer', () => {
  it('sets plain, nested and [*] paths, merging the [*] fields of one list', () => {
    expect(
      buildAnswer({
        totalParams: 10,
        'layers[*].outputShape': [
          [1, 2],
          [3, 4],
        ],
        'layers[*].params': [5, 6],
        'multiLayer.layers': 2,
        skipped: undefined,
      }),
    ).toEqual({
      totalParams: 10,
      layers: [
        { outputShape: [1, 2], params: 5 },
        { outputShape: [3, 4], params: 6 },
      ],
      multiLayer: { layers: 2 },
    });
  });
  it('reads a single value under [*] as a list of one', () => {
    expect(buildAnswer({ 'layers[*].params': 7 })).toEqual({ layers: [{ params: 7 }] });
  });
});

describe('labelOf', () => {
  it.each([
    ['outputShape', 'Output shape'],
    ['layers[*].params', 'Params of each layer'],
    ['trajectory[*].grads', 'Grads of each trajectory entry'],
    ['multiLayer.perceptrons', 'Perceptrons (multi layer)'],
  ])('%s → %s', (path, label) => {
    expect(labelOf(path)).toBe(label);
  });
});

describe('the practice query', () => {
  it('offers the four topics and every problem with a generator', () => {
    expect(practiceTopics).toEqual(['conv', 'rnn', 'optim', 'logic']);
    expect(practiceIds).toEqual(generators.map((g) => g.id));
    for (const topic of practiceTopics) expect(idsIn(topic).every((id) => id.startsWith(`${topic}/`))).toBe(true);
  });
  it('reads a complete query back from queryOf', () => {
    const state = { scope: 'conv', id: 'conv/output-shape', seed: 42, difficulty: 'easy' as const };
    expect(queryOf(state)).toBe('?topic=conv&id=conv/output-shape&seed=42&difficulty=easy');
    expect(readQuery(queryOf(state))).toEqual({ state, complete: true });
  });
  it('fills in a partial link: the id gives the topic, a topic and seed pick the id', () => {
    expect(readQuery('?id=conv/output-shape&seed=42&difficulty=easy')).toEqual({
      state: { scope: 'conv', id: 'conv/output-shape', seed: 42, difficulty: 'easy' },
      complete: false,
    });
    const r = readQuery('?topic=rnn&seed=7');
    expect(r.state).toEqual({ scope: 'rnn', id: idFor('rnn', 7), seed: 7, difficulty: 'easy' });
    expect(r.state.id.startsWith('rnn/')).toBe(true);
    expect(readQuery(queryOf(r.state)).state).toEqual(r.state);
  });
  it('repairs a bad link: unknown id, seed, topic and difficulty', () => {
    const { state, complete } = readQuery('?topic=nope&id=../../etc&seed=-3&difficulty=insane');
    expect(complete).toBe(false);
    expect(state.scope).toBe('any');
    expect(practiceIds).toContain(state.id);
    expect(Number.isInteger(state.seed) && state.seed >= 0).toBe(true);
    expect(state.difficulty).toBe('easy');
  });
  it('a new question in a topic or problem stays in it', () => {
    for (const scope of ['any', ...practiceTopics, 'optim/softmax']) {
      for (const r of [0, 0.2, 0.5, 0.77, 0.999])
        expect(idsIn(scope)).toContain(newQuestion(scope, 'medium', () => r).id);
    }
  });
});

describe('every problem: the answer key typed into the form earns full marks', () => {
  for (const id of practiceIds) {
    it(id, () => {
      for (const difficulty of DIFFICULTIES) {
        for (const seed of [1, 42, 2026]) {
          const e = generateExercise(registry, generators, id, seed, difficulty);
          const fields = answerFields(id, e.input, e.solution.answer);
          expect(fields.length).toBeGreaterThan(0);
          const typed = Object.fromEntries(
            fields.map((f) => [f.path, parseAnswerText(answerText(getPath(e.solution.answer, f.path)))]),
          );
          const g = grade(registry, rubrics, id, e.input, buildAnswer(typed));
          expect(g.score, `${id} ${difficulty} seed ${seed}: ${JSON.stringify(g.fields)}`).toBe(g.maxScore);
          const empty = grade(registry, rubrics, id, e.input, buildAnswer({}));
          expect(empty.score).toBe(0);
        }
      }
    });
  }
});
