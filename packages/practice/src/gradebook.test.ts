import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { readCsvRows } from './batch-rows.js';
import { generateExercise } from './generator.js';
import { gradeBatch } from './gradebook.js';
import { generators, rubrics } from './index.js';
import { registry } from './test-registry.test-util.js';

const context = { registry, generators, rubrics };

// The class's two questions, regenerated from (id, seed, difficulty) as a teacher's sheet would be. The expected
// answers are computed here from the generated inputs by the textbook formulas, not by the solver or the grader:
// Q1 conv/output-shape seed 3 easy: [16, 5, 5], 8 filters 3×3, stride 2, padding 0 → ⌊(5 − 3)/2⌋ + 1 = 2: [8, 2, 2].
// Q2 optim/batches seed 1 medium: 2000 samples, batches of 16, 9 epochs → 2000/16 = 125 per epoch, 1125 in total,
// the last batch full (16).
const q1 = generateExercise(registry, generators, 'conv/output-shape', 3, 'easy').input as {
  inputShape: number[];
  kernel: number;
  stride: number;
  padding: number;
  outChannels: number;
};
const q2 = generateExercise(registry, generators, 'optim/batches', 1, 'medium').input as {
  samples: number;
  batchSize: number;
  epochs: number;
  dropLast: boolean;
};
const side = Math.floor(((q1.inputShape[1] as number) + 2 * q1.padding - q1.kernel) / q1.stride) + 1;
const [C, H] = [q1.outChannels, side];
const perEpoch = q2.dropLast ? Math.floor(q2.samples / q2.batchSize) : Math.ceil(q2.samples / q2.batchSize);
const total = perEpoch * q2.epochs;
const last = q2.dropLast || q2.samples % q2.batchSize === 0 ? q2.batchSize : q2.samples % q2.batchSize;

const HEADER = 'student,question,seed,difficulty,item,field,answer';
const Q1 = 'conv/output-shape,3,easy,Q1,outputShape';
const Q2 = 'optim/batches,1,medium,Q2';
const csvCell = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** The class of 30: per student the CSV lines, and the points a teacher expects (by the rubric, worked by hand). */
function classOf30() {
  const lines = [HEADER];
  const expected = new Map<string, { q1?: number; q2: [number, number, number] }>();
  const badLines: number[] = [];
  for (let k = 1; k <= 30; k++) {
    const s = `s${String(k).padStart(2, '0')}`;
    let shape = `[${C}, ${H}, ${H}]`;
    let q1Points: number | undefined = 2;
    let answers: [string, string, string] = [String(perEpoch), String(total), String(last)];
    let q2Points: [number, number, number] = [2, 2, 1];
    if (k > 10 && k <= 18) {
      // other notations, all right: ×, x, a tuple, a fraction; thousands separators for the total
      shape = [`${C}×${H}×${H}`, `${C}x${H}x${H}`, `(${C}, ${H}, ${H})`, `${C * 2}/2, ${H}, ${H}`][k % 4] as string;
      answers = [`${perEpoch * 3}/3`, total.toLocaleString('en-US'), ` ${last} `];
    } else if (k > 18 && k <= 22) {
      // channels-last: the rubric's partial credit, ½ × 2 (the positional match [H, H, C] vs [C, H, H] is 1/3)
      shape = `${H}×${H}×${C}`;
      q1Points = 1;
    } else if (k > 22 && k <= 26) {
      // wrong: one of three shape entries off (2 × 2/3 = 1.33); the total off by one epoch (> 10× tolerance: 0)
      shape = `(${C + 1}, ${H}, ${H})`;
      q1Points = 1.33;
      answers = [String(perEpoch), String(total + perEpoch), 'none'];
      q2Points = [2, 0, 0];
    }
    lines.push(`${s},${Q1},${csvCell(shape)}`);
    if (k === 27) {
      // a malformed Q1 row: a seed that is not a number. Q1 is not graded for s27 (an empty cell, not a 0).
      lines[lines.length - 1] = `${s},conv/output-shape,three,easy,Q1,outputShape,${csvCell(shape)}`;
      badLines.push(lines.length);
      q1Points = undefined;
    }
    if (k === 28) {
      // a row with an unknown field, and one with a missing cell: both reported; the fields they carried count missing
      lines.push(`${s},${Q2},iterationsPerEpochs,${answers[0]}`);
      badLines.push(lines.length);
      lines.push(`${s},${Q2},totalIterations`);
      badLines.push(lines.length);
      lines.push(`${s},${Q2},lastBatchSize,${answers[2]}`);
      q2Points = [0, 0, 1];
    } else {
      ['iterationsPerEpoch', 'totalIterations', 'lastBatchSize'].forEach((field, i) => {
        lines.push(`${s},${Q2},${field},${csvCell(answers[i] as string)}`);
      });
    }
    expected.set(s, { q1: q1Points, q2: q2Points });
  }
  return { csv: `\uFEFF${lines.join('\r\n')}\r\n`, expected, badLines };
}

describe('gradeBatch: a class of 30', () => {
  const { csv, expected, badLines } = classOf30();
  const result = gradeBatch(csv, 'csv', context);

  it('reports every malformed row by its line and grades the rest', () => {
    expect(result.errors.map((e) => e.line)).toEqual(badLines);
    expect(result.errors.map((e) => e.message).join('\n')).toMatch(/seed must be a whole number/);
    expect(result.errors.map((e) => e.message).join('\n')).toMatch(/no field "iterationsPerEpochs"/);
    expect(result.errors.map((e) => e.message).join('\n')).toMatch(/6 cells where the header has 7/);
  });

  it('gives each student the expected points per question and field, and the totals', () => {
    expect(result.columns).toEqual([
      'Q1: outputShape',
      'Q2: iterationsPerEpoch',
      'Q2: totalIterations',
      'Q2: lastBatchSize',
    ]);
    expect(result.rows).toHaveLength(30);
    for (const row of result.rows) {
      const e = expected.get(row.student);
      const points = [e?.q1, ...(e?.q2 ?? [])];
      expect([row.student, ...result.columns.map((c) => row.points[c])]).toEqual([row.student, ...points]);
      const sum = points.reduce<number>((s, p) => s + (p ?? 0), 0);
      expect(row.total).toBeCloseTo(sum, 9);
      expect(row.maxTotal).toBe(e?.q1 === undefined ? 5 : 7);
    }
  });

  it('writes the gradebook CSV: a header, one line per student, empty where a question was not graded', () => {
    const parsed = Papa.parse<string[]>(result.csv.trim()).data;
    expect(parsed[0]).toEqual(['student', ...result.columns, 'total', 'max']);
    expect(parsed).toHaveLength(31);
    const s27 = parsed.find((r) => r[0] === 's27');
    expect(s27?.[1]).toBe('');
    const s19 = parsed.find((r) => r[0] === 's19');
    expect(s19?.slice(1)).toEqual(['1', '2', '2', '1', '6', '7']);
  });

  it('writes per-student feedback with the verdicts, the layout remark and the worked solution', () => {
    const s19 = result.feedback.find((f) => f.student === 's19');
    expect(s19?.fileName).toBe('s19.md');
    // Named by the answer schema's title, beside the path the answer file uses.
    expect(s19?.markdown).toMatch(/- Output shape \(outputShape\): partial, 1\/2/);
    expect(s19?.markdown).toMatch(/channels-last layout H×W×C/);
    expect(s19?.markdown).toMatch(/### Worked solution/);
    const s15 = result.feedback.find((f) => f.student === 's15');
    expect(s15?.markdown).toMatch(/Total: 7 \/ 7/);
  });

  it('grades the same class given as JSON Lines the same way', () => {
    const { rows } = readCsvRows(csv);
    const jsonl = rows
      .map((r) =>
        JSON.stringify({
          student: r.student,
          question: r.question,
          seed: r.seed,
          difficulty: r.difficulty,
          item: r.item,
          answers: r.answers,
        }),
      )
      .join('\n');
    const again = gradeBatch(jsonl, 'jsonl', context);
    // The CSV reader kept the unknown-field row (the grader rejects it): the same rejection here, by its JSON line.
    expect(again.errors.map((e) => e.message)).toEqual([expect.stringMatching(/no field "iterationsPerEpochs"/)]);
    expect(again.rows).toEqual(result.rows);
  });
});

describe('gradeBatch: exam points', () => {
  const header = 'student,question,seed,difficulty,item,points,field,answer';
  const row = (student: string, points: string, answer: string) =>
    `${student},conv/output-shape,3,easy,Q1,${points},outputShape,${csvCell(answer)}`;

  it("scales each question's rubric score to the exam's points (the rubric gives Q1 2 points)", () => {
    const csv = [
      header,
      row('ada', '5', `[${C}, ${H}, ${H}]`), // right: 2/2 → 5/5
      row('bob', '5', `${H}×${H}×${C}`), // channels-last: 1/2 → 2.5/5
      row('cy', '', `[${C}, ${H}, ${H}]`), // no points: the rubric's 2
    ].join('\n');
    const r = gradeBatch(csv, 'csv', context);
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([
      { student: 'ada', points: { 'Q1: outputShape': 5 }, total: 5, maxTotal: 5 },
      { student: 'bob', points: { 'Q1: outputShape': 2.5 }, total: 2.5, maxTotal: 5 },
      { student: 'cy', points: { 'Q1: outputShape': 2 }, total: 2, maxTotal: 2 },
    ]);
    expect(r.feedback[1]?.markdown).toMatch(/Output shape \(outputShape\): partial, 2\.5\/5/);
  });

  it('reports points that are not a positive number, or that change within one question, by line', () => {
    const csv = [
      header,
      row('ada', '-1', '[1, 2, 3]'),
      row('bob', 'ten', '[1, 2, 3]'),
      row('cy', '3', '[1, 2, 3]'),
      `cy,optim/batches,1,medium,Q1,4,iterationsPerEpoch,${perEpoch}`,
      row('dee', '3', '[1, 2, 3]'),
      row('dee', '4', '[1, 2, 3]'), // the same question worth 4 now (checked before the repeated field)
    ].join('\n');
    const r = gradeBatch(csv, 'csv', context);
    expect(r.errors.map((e) => e.line)).toEqual([2, 3, 5, 7]);
    expect(r.errors[0]?.message).toMatch(/points must be a number above 0/);
    expect(r.errors[3]?.message).toMatch(/Q1 is worth 3 for dee on line 6, 4 here/);
  });
});

describe('gradeBatch: the CSV layouts and hostile input', () => {
  it('reads one column per field (a spreadsheet row per student and question)', () => {
    const csv = `student,question,seed,difficulty,iterationsPerEpoch,totalIterations,lastBatchSize\nada,optim/batches,1,medium,${perEpoch},"${total.toLocaleString('en-US')}",${last}\n`;
    const r = gradeBatch(csv, 'csv', context);
    expect(r.errors).toEqual([]);
    expect(r.rows[0]).toMatchObject({ student: 'ada', total: 5, maxTotal: 5 });
  });

  it('escapes formula-like cells and keeps feedback file names safe and unique', () => {
    const csv = `student,question,seed,difficulty,field,answer\n=HYPERLINK("x"),${Q1.replace(',Q1', '')},"[${C}, ${H}, ${H}]"\n../etc/passwd,${Q1.replace(',Q1', '')},1\n.._etc_passwd,${Q1.replace(',Q1', '')},1\n`;
    const r = gradeBatch(csv, 'csv', context);
    expect(r.errors).toEqual([]);
    expect(r.csv).toMatch(/^"?'=HYPERLINK/m);
    expect(r.feedback.map((f) => f.fileName)).toEqual(['HYPERLINK_x_.md', 'etc_passwd.md', 'etc_passwd-2.md']);
  });

  it('reports an empty file, a missing header column, an unknown solver and invalid JSON lines', () => {
    expect(gradeBatch('', 'csv', context).errors).toEqual([{ line: 1, message: 'the file is empty (no header row)' }]);
    expect(gradeBatch('name,question,seed\nx,y,1\n', 'csv', context).errors[0]?.message).toMatch(/no student column/);
    expect(gradeBatch('student,question,seed\nx,conv/nothing,1\n', 'csv', context).errors[0]).toMatchObject({
      line: 2,
      message: expect.stringMatching(/cannot make the question "conv\/nothing"/),
    });
    const jsonl = gradeBatch('{"student": "a"\n\n[1]\n', 'jsonl', context).errors;
    expect(jsonl.map((e) => e.line)).toEqual([1, 3]);
  });
});
