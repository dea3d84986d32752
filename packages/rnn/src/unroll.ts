/** The unrolled-in-time presentation shared by the forward solvers: the per-step detail cap and the summary table. */
import { lift, type Step, step, sym, tex } from '@dnn/core';
import { col } from './show.js';

/** Time steps written out in full; later ones are computed the same way and only appear in the answer. */
export const DETAILED_STEPS = 100;

/**
 * Most answer values of one forward pass (hidden states, gates, outputs over every time step), below the catalog's
 * 10⁷ output cells: the answer's many small arrays and their JSON cost more than the multiply-adds. rnn/lstm-forward
 * at T = 10⁴, H = D = 50 (3·10⁶ values) took 2.5 s CPU; rnn/forward at T = 10⁴, H = D = 100 (2·10⁶ values) 2.0 s.
 */
export const OUTPUT_VALUES = 1e6;

/**
 * Most multiply-adds of one forward pass, below the catalog's 2·10⁸: at 2·10⁸ one dnn solve of rnn/lstm-forward took
 * 1.9–2.1 s CPU (T = 100, H = D = 500, or T = 1000, H = D = 158), one of rnn/forward 1.8 s (T = 5000, H = 100,
 * D = 300), and 2.1 s at 1.45·10⁸ with 2.4·10⁶ input values (T = 10⁴, H = 50, D = 240), on a loaded 2-core machine.
 */
export const MULTIPLY_ADDS = 1e8;

/** The note for sequences longer than {@link DETAILED_STEPS}. */
export function detailNote(T: number): string[] {
  return T > DETAILED_STEPS
    ? [
        `Steps show the first ${DETAILED_STEPS} of ${T} time steps; the rest are computed the same way and are in the answer.`,
      ]
    : [];
}

/** A table with one row per time step: `columns` are header symbols (e.g. `z_t`), `rows[t]` the vectors of step t + 1. */
export function tableStep(title: string, columns: string[], rows: number[][][]): Step {
  const shown = rows.slice(0, DETAILED_STEPS);
  const cells = shown.map((r, t) => [lift(t + 1), ...r.map(col)]);
  const heads = ['t', ...columns].map((c) => sym(c));
  const text = cells
    .map((r) =>
      heads
        .slice(1)
        .map((h, i) => `${h.text} = ${r[i + 1]?.text}`)
        .join(', '),
    )
    .map((line, t) => `t = ${t + 1}: ${line}`);
  const latex = `\\begin{array}{c|${'c'.repeat(columns.length)}} ${heads.map((h) => h.latex).join(' & ')} \\\\ \\hline ${cells
    .map((r) => r.map((c) => c.latex).join(' & '))
    .join(' \\\\ ')} \\end{array}`;
  return step(title, tex(text.join(' | '), latex));
}
