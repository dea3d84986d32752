/** The exam spec: defaults, and every kind of bad input named by its field path. */
import { describe, expect, it } from 'vitest';
import { generators } from '../index.js';
import { readExamSpec, topicsOf } from './spec.js';

const good = {
  title: 'Midterm',
  seed: 12,
  items: [
    { solver: 'conv/output-shape', points: 2 },
    { topic: 'rnn', difficulty: 'hard', points: 3 },
  ],
};
const errorOf = (value: unknown) => {
  try {
    readExamSpec(value, generators);
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
};

describe('readExamSpec', () => {
  it('reads a spec and defaults the difficulty to medium', () => {
    expect(readExamSpec(good, generators).items).toEqual([
      { solver: 'conv/output-shape', difficulty: 'medium', points: 2 },
      { topic: 'rnn', difficulty: 'hard', points: 3 },
    ]);
  });

  it('knows the four topics of the catalog', () => {
    expect(topicsOf(generators)).toEqual(['conv', 'rnn', 'optim', 'logic']);
  });

  it.each([
    [{ ...good, title: undefined }, 'title: is required'],
    [{ ...good, title: '   ' }, 'title: must have at least 1 character'],
    [{ ...good, seed: -1 }, 'seed: must be at least 0 (got -1)'],
    [{ ...good, seed: 1.5 }, 'seed: must be a whole number, not 1.5'],
    [{ ...good, items: [] }, 'items: needs at least 1 item (got a list of 0)'],
    [{ ...good, itmes: [] }, 'itmes: is not a field'],
    [
      { ...good, items: [good.items[0], { solver: 'conv/pool', points: 0 }] },
      'items[1].points: must be greater than 0 (got 0)',
    ],
    [
      { ...good, items: [{ solver: 'conv/pool', points: 1, difficulty: 'medium-hard' }] },
      'items[0].difficulty: must be one of "easy", "medium", "hard"',
    ],
    [{ ...good, items: [{ solver: 'conv/pool', topic: 'conv', points: 1 }] }, 'items[0]: give either "solver"'],
    [{ ...good, items: [{ points: 1 }] }, 'items[0]: give either "solver"'],
    [
      { ...good, items: [good.items[0], good.items[1], { solver: 'conv/nope', points: 1 }] },
      'items[2].solver: no question generator for "conv/nope"',
    ],
    [
      { ...good, items: [{ topic: 'vision', points: 1 }] },
      'items[0].topic: must be one of conv, rnn, optim, logic (got "vision")',
    ],
    ['Midterm', 'must be an object'],
  ])('rejects %j: %s', (value, message) => {
    expect(errorOf(value)).toContain(message);
  });
});
