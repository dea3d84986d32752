/** A small exam for the renderer tests: three items (a fixed solver, two topics), hostile text in the title. */
import { generators } from '../index.js';
import { registry } from '../test-registry.test-util.js';
import { readExamSpec } from './spec.js';
import { type ExamVariant, examVariant } from './variant.js';

/** The spec: a title and instructions full of characters that HTML and LaTeX treat specially. */
export const spec = readExamSpec(
  {
    title: 'Midterm <b>DL</b> & "friends" — 100% {x_1} $5 #2 ^~\\',
    instructions: 'Show your work.\nNo calculators.\n\nGood luck: |x| < 1 > 0',
    seed: 31,
    items: [
      { solver: 'conv/output-shape', difficulty: 'easy', points: 2 },
      { topic: 'optim', points: 3 },
      { topic: 'rnn', difficulty: 'hard', points: 5 },
    ],
  },
  generators,
);

/** The variant of student `id`. */
export const variantOf = (id: string): ExamVariant => examVariant(registry, generators, spec, id);
