import { describe, expect, it } from 'vitest';
import { generateExercise } from './generator.js';
import { grade } from './grade.js';
import { generators, rubrics } from './index.js';
import { registry } from './test-registry.test-util.js';

// conv/summary seed 1 easy: input 1×16×16 → conv 6@5×5 p2 → relu → max-pool 2 → conv 12@3×3 p1 → relu → max-pool 2
// → flatten → dense 16 → relu → dense 2. By hand: shapes 6×16×16, 6×16×16, 6×8×8, 12×8×8, 12×8×8, 12×4×4, 192, 16,
// 16, 2; params 6·25 + 6 = 156, 0, 0, 12·54 + 12 = 660, 0, 0, 0, 192·16 + 16 = 3088, 0, 16·2 + 2 = 34;
// total 3938; multiplications 6·256·25 + 12·64·54 + 3072 + 32 = 82976.
const exercise = generateExercise(registry, generators, 'conv/summary', 1, 'easy');
const shapes = ['6×16×16', '6×16×16', '6×8×8', '12×8×8', '12×8×8', '12×4×4', '192', '16', '16', '2'];
const params = ['156', '0', '0', '660', '0', '0', '0', '3,088', '0', '34'];

describe('conv/summary is graded per layer', () => {
  it('checks the worked example is the question graded', () => {
    expect(exercise.question).toMatch(
      /^A network takes inputs of shape 1×16×16 .*conv 6 filters 5×5, stride 1, padding 2/,
    );
  });

  it('reads one answer per layer (a spreadsheet column or row each) and names the wrong layers', () => {
    const answer: Record<string, unknown> = { totalParams: '3 938', totalMacs: '82,976' };
    shapes.forEach((s, i) => {
      answer[`layers[${i}].outputShape`] = i === 3 ? '12×6×6' : s;
      answer[`layers[${i}].params`] = params[i];
    });
    const g = grade(registry, rubrics, 'conv/summary', exercise.input, answer);
    const shape = g.fields.find((f) => f.path === 'layers[*].outputShape');
    // 9 layers right, layer 3's 12×6×6 one of three entries right: (9 + 1/3)/10 of 2 points = 1.87
    expect(shape).toMatchObject({ verdict: 'partial', points: 1.87 });
    expect(shape?.remarks).toContainEqual(
      expect.stringMatching(/right for 9 of 10; not for layers\[3\]\.outputShape$/),
    );
    expect(g.fields.filter((f) => f.path !== 'layers[*].outputShape').map((f) => f.verdict)).toEqual([
      'correct',
      'correct',
      'correct',
    ]);
    expect(g.score).toBe(6.87);
  });

  it('reads the whole column as rows of text too', () => {
    const g = grade(registry, rubrics, 'conv/summary', exercise.input, {
      'layers[*].outputShape': shapes.join('\n'),
      'layers[*].params': params.join('; '),
    });
    expect(g.fields.slice(0, 2).map((f) => f.points)).toEqual([2, 2]);
  });
});
