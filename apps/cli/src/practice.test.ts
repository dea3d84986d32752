/** End-to-end tests of `dnn generate` and `dnn grade` (built binary). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../dist/dnn.mjs', import.meta.url));
const dnn = (args: string[]) => {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const dir = mkdtempSync(join(tmpdir(), 'dnn-practice-'));
const file = (name: string, value: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(value));
  return path;
};

describe('dnn generate', () => {
  it('prints {id, seed, question, input, solution} with --format json, the same for the same seed', () => {
    const a = dnn(['generate', 'conv/output-shape', '--seed', '42', '--difficulty', 'easy', '--format', 'json']);
    expect(a.code).toBe(0);
    const exercise = JSON.parse(a.out);
    expect(Object.keys(exercise)).toEqual(['id', 'seed', 'question', 'input', 'solution']);
    expect(exercise).toMatchObject({ id: 'conv/output-shape', seed: 42 });
    expect(exercise.solution.answer.outputShape).toHaveLength(3);
    expect(dnn(['generate', 'conv/output-shape', '--seed', '42', '--difficulty', 'easy', '--format', 'json']).out).toBe(
      a.out,
    );
  });

  it('prints a list with --count, seeds N, N+1, …', () => {
    const list = JSON.parse(
      dnn(['generate', 'conv/output-shape', '--seed', '5', '--count', '3', '--format', 'json']).out,
    );
    expect(list.map((e: { seed: number }) => e.seed)).toEqual([5, 6, 7]);
  });

  it('writes a Markdown sheet for a topic, one question per solver with its answer key', () => {
    const r = dnn(['generate', 'conv', '--seed', '1']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^## Question 1 — conv\//);
    expect(r.out).toMatch(/<details><summary>Answer key<\/summary>/);
  });

  it('rejects an unknown topic, a bad difficulty and a bad seed with exit 2', () => {
    expect(dnn(['generate', 'chemistry']).err).toMatch(/unknown topic "chemistry"/);
    expect(dnn(['generate', 'conv', '--difficulty', 'extreme']).err).toMatch(
      /difficulty: must be one of easy, medium, hard/,
    );
    expect(dnn(['generate', 'conv', '--seed', '-1']).code).toBe(2);
  });
});

describe('dnn grade', () => {
  // conv/output-shape exam case: [26, 26, 26], 5 filters 7×7, stride 3, padding 1 → [5, 8, 8] (by hand).
  const question = file('q.json', { inputShape: [26, 26, 26], outChannels: 5, kernel: 7, stride: 3, padding: 1 });

  it('prints score, per-field verdicts and the solution with --format json', () => {
    const r = dnn([
      'grade',
      'conv/output-shape',
      '--input',
      question,
      '--answer',
      file('a.json', { outputShape: [5, 8, 8] }),
      '--format',
      'json',
    ]);
    expect(r.code).toBe(0);
    const g = JSON.parse(r.out);
    expect(g).toMatchObject({
      score: 2,
      maxScore: 2,
      fields: [{ path: 'outputShape', verdict: 'correct', points: 2, maxPoints: 2 }],
    });
    expect(g.solution.answer.outputShape).toEqual([5, 8, 8]);
  });

  it('grades a wrong answer with partial credit and shows the worked solution', () => {
    const r = dnn([
      'grade',
      'conv/output-shape',
      '--input',
      question,
      '--answer',
      file('b.json', { outputShape: [5, 9, 9] }),
    ]);
    expect(r.out).toMatch(/^Score: 0\.67 \/ 2/);
    expect(r.out).toMatch(/outputShape: partial, 0\.67\/2 — expected \[5,8,8\], got \[5,9,9\]/);
    expect(r.out).toMatch(/Worked solution:/);
  });

  it('accepts a question printed by dnn generate', () => {
    const exercise = JSON.parse(dnn(['generate', 'conv/output-shape', '--seed', '3', '--format', 'json']).out);
    const q = file('exercise.json', exercise);
    const a = file('own.json', exercise.solution.answer);
    expect(
      JSON.parse(dnn(['grade', 'conv/output-shape', '--input', q, '--answer', a, '--format', 'json']).out).score,
    ).toBe(2);
  });

  it('exits 2 when an answer is not an object or a file is missing', () => {
    expect(dnn(['grade', 'conv/output-shape', '--input', question, '--answer', file('c.json', [5, 8, 8])]).err).toMatch(
      /answer: must be an object/,
    );
    expect(dnn(['grade', 'conv/output-shape', '--input', question]).code).toBe(2);
  });
});
