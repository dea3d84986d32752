/** Compiles LaTeX with pdflatex for the exam tests: required in CI, skipped elsewhere when TeX Live is missing. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Whether `pdflatex` runs here; CI must have it (scripts/setup.sh installs TeX Live), so CI never skips. */
export const hasPdflatex = Boolean(process.env.CI) || spawnSync('pdflatex', ['--version']).status === 0;

/** The outcome of one pdflatex run: exit status, page count from the log, and the log itself. */
export interface Compiled {
  status: number | null;
  pages: number;
  log: string;
  pdf: string;
}

/** Writes `tex` to a fresh directory as `<name>.tex` and runs pdflatex once (halting on the first error). */
export function compileLatex(tex: string, name: string): Compiled {
  const dir = mkdtempSync(join(tmpdir(), 'dnn-exam-'));
  writeFileSync(join(dir, `${name}.tex`), tex);
  const run = spawnSync('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', '-no-shell-escape', `${name}.tex`], {
    cwd: dir,
    encoding: 'utf8',
  });
  const log = readFileSync(join(dir, `${name}.log`), 'utf8');
  const pages = Number(/Output written on .*?\((\d+) pages?/s.exec(log)?.[1] ?? 0);
  return { status: run.status, pages, log, pdf: join(dir, `${name}.pdf`) };
}
