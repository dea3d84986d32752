/**
 * optim/batches — mini-batch bookkeeping: iterations (parameter updates) per
 * epoch, the size of the last batch, and totals over the epochs.
 */
import { a, ceil, defineSolver, eq, floor, frac, mul, type Step, s, step, sub, words } from '@dnn/core';
import * as z from 'zod/mini';

const input = s.object({
  samples: z.number().check(z.int(), z.minimum(1), z.maximum(1e9), z.describe('Number of training samples N.')),
  batchSize: z.number().check(z.int(), z.minimum(1), z.maximum(1e9), z.describe('Mini-batch size B.')),
  epochs: z
    ._default(z.number().check(z.int(), z.minimum(1), z.maximum(1e6)), 1)
    .check(z.describe('Number of epochs (passes over the data).')),
  dropLast: z
    ._default(z.boolean(), false)
    .check(z.describe('Drop the last, incomplete batch (PyTorch DataLoader drop_last=True); default false keeps it.')),
});

const answer = a.answer({
  iterationsPerEpoch: a.count(
    'Iterations per epoch',
    'Parameter updates (forward + backward passes over a batch) per epoch: ⌈N/B⌉, or ⌊N/B⌋ with dropLast.',
  ),
  lastBatchSize: z.nullable(
    a.count('Last batch size', 'Size of the last batch of an epoch; null when dropLast leaves no batch at all.'),
  ),
  reason: z.nullable(a.text('Why there is no last batch', 'Why lastBatchSize is null, else null.')),
  totalIterations: a.count('Total iterations', 'iterationsPerEpoch × epochs.'),
  droppedSamples: a.count('Dropped samples', 'Samples left out of every epoch (dropLast only, else 0).'),
  samplesPerEpoch: a.count(
    'Samples per epoch',
    'Samples processed per epoch (each goes through one forward and one backward pass).',
  ),
});

/** The answer of optim/batches. */
export type BatchesAnswer = z.output<typeof answer>;

/** optim/batches: iterations per epoch and the last batch. */
export const batches = defineSolver({
  id: 'optim/batches',
  title: 'Mini-batches: iterations per epoch and last batch size',
  description:
    'How many iterations (parameter updates) an epoch of mini-batch training takes, how large the last batch is, and the totals over all epochs, with or without dropping the incomplete last batch.',
  input,
  answer,
  solveParsed({ samples: N, batchSize: B, epochs, dropLast }) {
    const full = Math.floor(N / B);
    const rest = N - full * B;
    const iterations = dropLast ? full : Math.ceil(N / B);
    const steps: Step[] = [];
    const notes: string[] = [];
    steps.push(
      dropLast
        ? step(
            'Full batches per epoch (the incomplete one is dropped)',
            eq(words('iterations'), floor(frac(N, B)), iterations),
          )
        : step('Batches per epoch (the last may be smaller)', eq(words('iterations'), ceil(frac(N, B)), iterations)),
    );
    let last: number | null;
    let reason: string | null = null;
    if (rest === 0) {
      last = B;
      steps.push(step('B divides N, so every batch is full', eq(words('last batch'), B)));
    } else if (dropLast) {
      last = full > 0 ? B : null;
      if (last === null) reason = `dropLast drops the only batch: ${N} samples are fewer than the batch size ${B}`;
      steps.push(
        step(`The last ${rest} samples are dropped each epoch`, eq(words('dropped'), sub(N, mul(full, B)), rest)),
      );
      notes.push(
        `dropLast: ${rest} samples are never seen in an epoch (PyTorch drop_last=True; shuffling changes which).`,
      );
    } else {
      last = rest;
      steps.push(step('Size of the last batch', eq(words('last batch'), sub(N, mul(full, B)), rest)));
      notes.push('The last batch is smaller and kept (PyTorch drop_last=False and Keras fit both keep it).');
    }
    const total = iterations * epochs;
    steps.push(step('Iterations over all epochs', eq(words('total'), mul(iterations, epochs), total)));
    notes.push(
      'One iteration = one forward and one backward pass over a batch, then one parameter update; per epoch every kept sample goes through one forward and one backward pass.',
    );
    return {
      answer: {
        iterationsPerEpoch: iterations,
        lastBatchSize: last,
        reason,
        totalIterations: total,
        droppedSamples: dropLast ? rest : 0,
        samplesPerEpoch: dropLast ? full * B : N,
      } satisfies BatchesAnswer,
      steps,
      notes,
    };
  },
  examples: [
    {
      title: 'BITS exam: 5000 images, batch size 32, 10 epochs',
      source:
        'Exam problem; by hand: ⌈5000/32⌉ = ⌈156.25⌉ = 157 iterations per epoch, last batch 5000 − 156·32 = 8, 157·10 = 1570 in total (the rubric’s 157 backpropagations are per epoch).',
      input: { samples: 5000, batchSize: 32, epochs: 10 },
      answer: { iterationsPerEpoch: 157, lastBatchSize: 8, totalIterations: 1570 },
    },
    {
      title: 'The same with drop_last',
      source: 'By hand: ⌊5000/32⌋ = 156 full batches, 8 samples dropped, 1560 iterations.',
      input: { samples: 5000, batchSize: 32, epochs: 10, dropLast: true },
      answer: { iterationsPerEpoch: 156, lastBatchSize: 32, totalIterations: 1560, droppedSamples: 8 },
    },
  ],
});
