import { matrix, tex } from '@dnn/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { col, SHOWN_ENTRIES } from './show.js';

/** The column vector as two core matrices render it: the row's text without its outer brackets, the column's LaTeX. */
function colOracle(v: number[]) {
  const cells =
    v.length <= SHOWN_ENTRIES ? v : [...v.slice(0, SHOWN_ENTRIES - 2), tex('…', '\\ldots'), v[v.length - 1] as number];
  return { text: `${matrix([cells]).text.slice(1, -1)}ᵀ`, latex: matrix(cells.map((c) => [c])).latex };
}

describe('col', () => {
  it('renders like a one-row matrix (text) and a one-column matrix (LaTeX), shortened past SHOWN_ENTRIES', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 2, maxLength: 20 }),
        (v) => {
          const { text, latex } = col(v);
          expect({ text, latex }).toEqual(colOracle(v));
        },
      ),
    );
  });

  it('writes a length-1 vector as its number', () => {
    expect(col([-0.5]).text).toBe('−0.5');
  });
});
