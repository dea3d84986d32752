/** `dnn exam`: per-student variants of an exam spec, with answer keys, as HTML, LaTeX, Markdown, JSON, Moodle XML or GIFT. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DnnInputError, type Registry } from '@dnn/core';
import {
  type ExamVariant,
  examBanks,
  examHtml,
  examJson,
  examLatex,
  examMarkdown,
  examVariant,
  generators,
  gift,
  MAX_STUDENTS,
  moodleXml,
  readExamSpec,
  readRoster,
  rubrics,
  studentIds,
} from '@dnn/practice';
import { EXAM_HELP } from './help.js';
import { choice, type Io, parseCommand, readInteger, readJsonFile, UsageError } from './io.js';

/** The formats of `dnn exam --format`. */
export const EXAM_FORMATS = ['html', 'latex', 'markdown', 'json', 'moodle', 'gift'] as const;

/** One file to write: its name in the output directory and its text. */
export interface ExamFile {
  name: string;
  text: string;
}

type SheetFormat = Exclude<(typeof EXAM_FORMATS)[number], 'moodle' | 'gift'>;

const SHEETS: Record<SheetFormat, { ext: string; render: (v: ExamVariant, answers: boolean) => string }> = {
  html: { ext: 'html', render: (v, answers) => examHtml(v, { answers }) },
  latex: { ext: 'tex', render: (v, answers) => examLatex(v, { answers }) },
  markdown: { ext: 'md', render: (v, answers) => examMarkdown(v, { answers }) },
  json: { ext: 'json', render: (v, answers) => `${JSON.stringify(examJson(v, { answers }), null, 2)}\n` },
};

/**
 * A student id as a file name: letters, digits, `.`, `_` and `-` kept, anything else (a space, a slash)
 * written `_`; two ids that end up with the same name are an input error rather than one overwriting the other.
 */
export function fileStems(ids: readonly string[]): string[] {
  const owner = new Map<string, string>();
  return ids.map((id) => {
    const stem = id.replace(/[^\p{L}\p{N}._-]/gu, '_').replace(/^\./, '_');
    const other = owner.get(stem);
    if (other !== undefined) {
      throw new DnnInputError(
        'roster',
        `${JSON.stringify(other)} and ${JSON.stringify(id)} both make the file name ${stem}`,
      );
    }
    owner.set(stem, id);
    return stem;
  });
}

/**
 * The files of an exam run: per student `<id>.<ext>` (the sheet) and `<id>.key.<ext>` (the answer key with the
 * worked steps) for html, latex (tex), markdown (md) and json; one `moodle.xml` or `gift.txt` holding a question
 * bank per student for moodle and gift.
 */
export function examFiles(variants: readonly ExamVariant[], format: (typeof EXAM_FORMATS)[number]): ExamFile[] {
  if (format === 'moodle') return [{ name: 'moodle.xml', text: moodleXml(examBanks(variants, rubrics)) }];
  if (format === 'gift') return [{ name: 'gift.txt', text: gift(examBanks(variants, rubrics)) }];
  const { ext, render } = SHEETS[format];
  const stems = fileStems(variants.map((v) => v.student));
  return variants.flatMap((v, i) => [
    { name: `${stems[i]}.${ext}`, text: render(v, false) },
    { name: `${stems[i]}.key.${ext}`, text: render(v, true) },
  ]);
}

function readRosterFile(file: string): string[] {
  try {
    return readRoster(readFileSync(file, 'utf8'));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === undefined) throw e;
    throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code}`);
  }
}

/** `dnn exam <spec.json> (--students N | --roster FILE) [--format …] --out DIR`. */
export async function examCommand(registry: Registry, args: string[], io: Io): Promise<number> {
  const options = {
    students: { type: 'string' },
    roster: { type: 'string' },
    format: { type: 'string', default: 'html' },
    out: { type: 'string' },
  } as const;
  const parsed = parseCommand(args, options, io, () => EXAM_HELP);
  if (!parsed) return 0;
  const { values, positional: specFile } = parsed;
  if (!specFile) throw new UsageError('the exam spec (a JSON file, or - for stdin) is missing');
  const format = choice(values.format, EXAM_FORMATS, 'format');
  if (values.out === undefined) throw new UsageError('give --out DIR, the directory to write the files to');
  if ((values.students === undefined) === (values.roster === undefined))
    throw new UsageError('give either --students N or --roster FILE');
  const spec = readExamSpec(await readJsonFile(specFile, 'spec', io), generators);
  const ids =
    values.roster === undefined
      ? studentIds(readInteger(values.students, 'students', 0, 1, MAX_STUDENTS))
      : readRosterFile(values.roster);
  const files = examFiles(
    ids.map((id) => examVariant(registry, generators, spec, id)),
    format,
  );
  mkdirSync(values.out, { recursive: true });
  for (const f of files) writeFileSync(join(values.out, f.name), f.text);
  io.out(
    `${ids.length} ${ids.length === 1 ? 'variant' : 'variants'}: wrote ${files.length} ${files.length === 1 ? 'file' : 'files'} to ${values.out}\n`,
  );
  return 0;
}
