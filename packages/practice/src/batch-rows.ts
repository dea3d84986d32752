/**
 * The rows of a class's answers, read from CSV (as a spreadsheet or an LMS exports it) or JSON Lines, each with
 * its line number. Pure: text in, rows and row errors out (no file system), so a browser can use it.
 *
 * CSV columns (a header row, names in any case and order):
 * - `student` — the student's id or name;
 * - `question` — the solver id (`conv/output-shape`); `seed` (a whole number) and `difficulty`
 *   (`easy`, `medium` default, `hard`) regenerate the question as `dnn generate` does;
 * - `item` (optional) — the gradebook's label of the question (`Q1`), for exams whose students got different
 *   seeds; default `<question> seed <seed>`;
 * - `points` (optional) — what the question is worth on the exam: its rubric's score is scaled to these points
 *   (default: the rubric's own points);
 * - then either `field` and `answer` (one row per field: `outputShape`, `layers[2].params`, …), or one column per
 *   field named by its path (one row per student and question).
 *
 * JSON Lines: one object per line with the same keys; `answer` may be any JSON value, and `answers` an object of
 * field → answer replaces `field` + `answer`.
 */
import Papa from 'papaparse';
import { DIFFICULTIES, type Difficulty } from './generator.js';

/** One student's answer to one question (one field, or several for the wide layout). */
export interface AnswerRow {
  /** 1-based line of the row in the file (its first line when a quoted cell spans several). */
  line: number;
  student: string;
  question: string;
  seed: number;
  difficulty: Difficulty;
  /** The gradebook's label of the question. */
  item: string;
  /** The question's points on the exam, when given: the rubric's score is scaled to them. */
  points?: number;
  /** Answer per field path (text from CSV, any JSON value from JSON Lines). */
  answers: Record<string, unknown>;
}

/** A row that could not be read, by line. */
export interface RowError {
  line: number;
  message: string;
}

/** Limits of one batch: larger inputs are refused at once. */
export const BATCH_LIMITS = { rows: 100_000, textLength: 64 * 1024 * 1024 } as const;

const KEYS = new Set(['student', 'question', 'seed', 'difficulty', 'item', 'points', 'field', 'answer', 'answers']);

/** The most points one question may be worth. */
const MAX_POINTS = 10_000;

/** A short, quoted view of user text in an error message. */
const shown = (v: unknown) => {
  const text = typeof v === 'string' ? v : String(JSON.stringify(v));
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
};

/** Reads one record (header name → value) into a row, or the reason it cannot be read. */
function toRow(record: Record<string, unknown>, line: number): AnswerRow | string {
  const text = (key: string) => {
    const v = record[key];
    return typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : undefined;
  };
  const student = text('student');
  const question = text('question');
  if (!student) return 'the student is missing';
  if (!question) return 'the question (a solver id such as conv/output-shape) is missing';
  const seedText = text('seed') ?? '';
  const seed = /^\d{1,15}$/.test(seedText) ? Number(seedText) : Number.NaN;
  if (!Number.isSafeInteger(seed)) return `the seed must be a whole number ≥ 0 (got ${shown(seedText)})`;
  const difficulty = (text('difficulty') || 'medium').toLowerCase();
  if (!(DIFFICULTIES as readonly string[]).includes(difficulty))
    return `the difficulty must be one of ${DIFFICULTIES.join(', ')} (got ${shown(difficulty)})`;
  const pointsText = text('points') ?? '';
  const points =
    pointsText === '' ? undefined : /^\d{1,5}(\.\d{1,4})?$/.test(pointsText) ? Number(pointsText) : Number.NaN;
  if (points !== undefined && !(points > 0 && points <= MAX_POINTS))
    return `the points must be a number above 0 and at most ${MAX_POINTS} (got ${shown(pointsText)})`;
  let answers: Record<string, unknown>;
  if (record.answers !== undefined) {
    const a = record.answers;
    if (a === null || typeof a !== 'object' || Array.isArray(a)) return '"answers" must be an object of field → answer';
    answers = a as Record<string, unknown>;
  } else if (record.field !== undefined) {
    const field = text('field');
    if (!field) return 'the field is missing';
    if (record.answer === undefined) return 'the answer column is missing';
    answers = { [field]: record.answer };
  } else {
    answers = Object.fromEntries(
      Object.entries(record).filter(([k, v]) => !KEYS.has(k) && !(typeof v === 'string' && v.trim() === '')),
    );
  }
  const item = text('item') || `${question} seed ${seed}`;
  return {
    line,
    student,
    question,
    seed,
    difficulty: difficulty as Difficulty,
    item,
    ...(points === undefined ? {} : { points }),
    answers,
  };
}

/** The text without a leading BOM, or the error of a text over {@link BATCH_LIMITS}. */
function withoutBom(text: string): string | RowError[] {
  if (text.length > BATCH_LIMITS.textLength)
    return [{ line: 1, message: `the file is over ${BATCH_LIMITS.textLength} characters` }];
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/** Rows and row errors of a CSV text (a header row first; a leading BOM and CRLF line ends are fine). */
export function readCsvRows(csv: string): { rows: AnswerRow[]; errors: RowError[] } {
  const rows: AnswerRow[] = [];
  const text = withoutBom(csv);
  if (typeof text !== 'string') return { rows, errors: text };
  const errors: RowError[] = [];
  let header: string[] | undefined;
  let line = 1;
  let offset = 0;
  Papa.parse<string[]>(text, {
    skipEmptyLines: 'greedy',
    step(result, parser) {
      const start = line;
      // The next row starts after this one's text: count its line breaks (linear over the file).
      const end = result.meta.cursor;
      for (let i = text.indexOf('\n', offset); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) line++;
      offset = end;
      const cells = result.data;
      if (result.errors.length > 0) {
        errors.push({ line: start, message: `unreadable CSV: ${result.errors[0]?.message}` });
        return;
      }
      if (!header) {
        header = cells.map((c) => c.trim().replace(/^\uFEFF/, ''));
        const lower = header.map((h) => (KEYS.has(h.toLowerCase()) ? h.toLowerCase() : h));
        header = lower;
        for (const required of ['student', 'question', 'seed'])
          if (!header.includes(required)) errors.push({ line: start, message: `the header has no ${required} column` });
        if (errors.length > 0) parser.abort();
        return;
      }
      if (rows.length + errors.length >= BATCH_LIMITS.rows) {
        errors.push({ line: start, message: `more than ${BATCH_LIMITS.rows} rows: the rest is not read` });
        parser.abort();
        return;
      }
      if (cells.length !== header.length) {
        errors.push({ line: start, message: `${cells.length} cells where the header has ${header.length}` });
        return;
      }
      const record: Record<string, unknown> = {};
      header.forEach((h, i) => {
        Object.defineProperty(record, h, { value: cells[i], enumerable: true, writable: true, configurable: true });
      });
      const row = toRow(record, start);
      if (typeof row === 'string') errors.push({ line: start, message: row });
      else rows.push(row);
    },
  });
  if (!header && errors.length === 0) errors.push({ line: 1, message: 'the file is empty (no header row)' });
  return { rows, errors };
}

/** Rows and row errors of a JSON Lines text (blank lines skipped). */
export function readJsonLinesRows(jsonl: string): { rows: AnswerRow[]; errors: RowError[] } {
  const rows: AnswerRow[] = [];
  const text = withoutBom(jsonl);
  if (typeof text !== 'string') return { rows, errors: text };
  const errors: RowError[] = [];
  let start = 0;
  for (let line = 1; start <= text.length; line++) {
    const end = text.indexOf('\n', start);
    const content = text.slice(start, end < 0 ? text.length : end).trim();
    start = end < 0 ? text.length + 1 : end + 1;
    if (content === '') continue;
    if (rows.length + errors.length >= BATCH_LIMITS.rows) {
      errors.push({ line, message: `more than ${BATCH_LIMITS.rows} rows: the rest is not read` });
      break;
    }
    let record: unknown;
    try {
      record = JSON.parse(content);
    } catch (e) {
      errors.push({ line, message: `not valid JSON (${(e as Error).message.slice(0, 100)})` });
      continue;
    }
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      errors.push({ line, message: 'must be a JSON object with student, question, seed and the answers' });
      continue;
    }
    const row = toRow(record as Record<string, unknown>, line);
    if (typeof row === 'string') errors.push({ line, message: row });
    else rows.push(row);
  }
  return { rows, errors };
}
