/** End-to-end tests of `dnn generate` and `dnn grade` (built binary). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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

  it('reads a shape as students write it and names the layout of an H×W×C answer', () => {
    const text = dnn([
      'grade',
      'conv/output-shape',
      '--input',
      question,
      '--answer',
      file('t.json', { outputShape: '5×8×8' }),
    ]);
    expect(text.out).toMatch(/^Score: 2 \/ 2/);
    const hwc = dnn([
      'grade',
      'conv/output-shape',
      '--input',
      question,
      '--answer',
      file('h.json', { outputShape: '(8, 8, 5)' }),
    ]);
    // ½ of 2 points for the right shape in the channels-last layout
    expect(hwc.out).toMatch(/outputShape: partial, 1\/2/);
    expect(hwc.out).toMatch(/channels-last layout H×W×C/);
  });

  it('gives a fair zero, at once, to an answer nested 10^5 deep and to 100,000 digits followed by a letter', () => {
    const deep = join(dir, 'deep.json');
    writeFileSync(deep, `{"outputShape": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    const d = dnn(['grade', 'conv/output-shape', '--input', question, '--answer', deep, '--format', 'json']);
    expect(d.code).toBe(0);
    expect(JSON.parse(d.out).fields[0]).toMatchObject({
      points: 0,
      remarks: [expect.stringMatching(/nested more than 32/)],
    });
    const digits = dnn([
      'grade',
      'conv/output-shape',
      '--input',
      question,
      '--answer',
      file('digits.json', { outputShape: `${'1'.repeat(100_000)}x` }),
      '--format',
      'json',
    ]);
    expect(digits.code).toBe(0);
    expect(JSON.parse(digits.out).score).toBe(0);
  });
});

describe('dnn grade --batch', () => {
  // conv/output-shape seed 3 easy is [16, 5, 5] through 8 filters 3×3, stride 2, padding 0: ⌊(5 − 3)/2⌋ + 1 = 2, so
  // [8, 2, 2] (by hand; the input is printed by dnn generate).
  const csv = join(dir, 'answers.csv');
  writeFileSync(
    csv,
    [
      'student,question,seed,difficulty,item,field,answer',
      'ada,conv/output-shape,3,easy,Q1,outputShape,"(8, 2, 2)"',
      'bob,conv/output-shape,3,easy,Q1,outputShape,2×2×8',
      'cy,conv/output-shape,three,easy,Q1,outputShape,"[8, 2, 2]"',
      'dee,conv/output-shape,3,easy,Q1,outputShape,"8, 3, 3"',
      '',
    ].join('\r\n'),
  );

  it('checks the question it grades against (seed 3 is the [16, 5, 5] case worked above)', () => {
    const exercise = JSON.parse(
      dnn(['generate', 'conv/output-shape', '--seed', '3', '--difficulty', 'easy', '--format', 'json']).out,
    );
    expect(exercise.input).toMatchObject({ inputShape: [16, 5, 5], kernel: 3, stride: 2, padding: 0, outChannels: 8 });
  });

  it('writes the gradebook to stdout, lists the bad row by line and exits 2, grading the rest', () => {
    const r = dnn(['grade', '--batch', csv]);
    expect(r.code).toBe(2);
    // ada right; bob H×W×C: ½ × 2; dee 1 of 3 right: 2 × 1/3 = 0.67
    expect(r.out).toBe('student,Q1: outputShape,total,max\nada,2,2,2\nbob,1,1,2\ndee,0.67,0.67,2\n');
    expect(r.err).toMatch(/answers\.csv:4: the seed must be a whole number/);
    expect(r.err).toMatch(/graded 3 students; 1 row rejected/);
  });

  it('writes --gradebook and one feedback file per student into --feedback', () => {
    const out = mkdtempSync(join(tmpdir(), 'dnn-gradebook-'));
    const r = dnn(['grade', '--batch', csv, '--gradebook', join(out, 'g.csv'), '--feedback', join(out, 'fb')]);
    expect(r.out).toBe('');
    expect(readFileSync(join(out, 'g.csv'), 'utf8')).toMatch(/^student,Q1: outputShape,total,max\n/);
    expect(readdirSync(join(out, 'fb')).sort()).toEqual(['ada.md', 'bob.md', 'dee.md']);
    expect(readFileSync(join(out, 'fb', 'bob.md'), 'utf8')).toMatch(/channels-last layout H×W×C[\s\S]*Worked solution/);
  });

  it('reads JSON Lines and rejects --batch with a solver id', () => {
    const jsonl = join(dir, 'answers.jsonl');
    writeFileSync(
      jsonl,
      '{"student": "ada", "question": "conv/output-shape", "seed": 3, "difficulty": "easy", "answers": {"outputShape": [8, 2, 2]}}\nnot json\n',
    );
    const r = dnn(['grade', '--batch', jsonl]);
    expect(r.out).toBe('student,conv/output-shape seed 3: outputShape,total,max\nada,2,2,2\n');
    expect(r.err).toMatch(/answers\.jsonl:2: not valid JSON/);
    expect(dnn(['grade', 'conv/output-shape', '--batch', csv]).err).toMatch(
      /--batch takes the questions from its rows/,
    );
  });
});
