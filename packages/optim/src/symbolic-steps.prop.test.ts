/**
 * The symbolic steps of optim/gradient and optim/hessian: the derivative text they print, parsed back with the
 * expression parser and evaluated at the point, gives the numeric answer (the traced gradient, the hyper-dual
 * Hessian), and agrees with central finite differences — an independent check of the printed algebra.
 */
import { evaluate, parseExpression } from '@dnn/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solve } from './index.js';
import { centralDifference, randomExpr, randomPoint, VARS } from './random-expression.test-util.js';

/** The expression text printed after `lhs = ` in a step's text (up to the next ` = `, or the end). */
function printedAfter(text: string, lhs: string): string {
  const start = text.lastIndexOf(`${lhs} = `);
  expect(start, `${lhs} in ${text}`).toBeGreaterThanOrEqual(0);
  const rest = text.slice(start + lhs.length + 3);
  const end = rest.indexOf(' = ');
  return end < 0 ? rest : rest.slice(0, end);
}

/** Splits at commas outside parentheses and brackets. */
function splitTopLevel(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(s.slice(from, i).trim());
      from = i + 1;
    }
  }
  parts.push(s.slice(from).trim());
  return parts;
}

const near = (a: number, b: number, tol: number): void => {
  expect(Math.abs(a - b)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b)));
};

/** Evaluates printed derivative text (the text rendering: ·, −, as the grammar accepts them) at a point. */
const evalText = (text: string, at: Record<string, number>) => evaluate(parseExpression(text, 'step'), at, 'step');

describe('symbolic steps of optim/gradient and optim/hessian', () => {
  it('optim/gradient: each printed ∂f/∂x parses back and evaluates to the answer’s gradient and to finite differences', () => {
    fc.assert(
      fc.property(randomExpr, randomPoint, (e, at) => {
        const sol = solve('optim/gradient', { expression: e.src, at });
        const gradient = sol.answer.gradient as Record<string, number>;
        for (const name of VARS) {
          const st = sol.steps.find(
            (s) => s.text.startsWith('Symbolic derivative') && s.text.includes(`∂f/∂${name} = `),
          );
          expect(st, `symbolic step of ${name} for ${e.src}`).toBeDefined();
          const value = evalText(printedAfter(st?.text ?? '', `∂f/∂${name}`), at);
          // Printed numbers keep 12 significant digits, hence 1e-8 rather than float64 equality.
          near(value, gradient[name] as number, 1e-8);
          near(value, centralDifference(e.js, at, name), 1e-6);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('optim/hessian: a Hessian of expressions too long to print is left out with a note, never silently', () => {
    // fast-check's counterexample (seed 1559313848): its second derivatives grow past what a step prints.
    const src = 'x / (1 + ((1 / (1 + x^2)) / (1 + (tanh(x) / (1 + 0^2))^2))^2)';
    const sol = solve('optim/hessian', { expression: src, at: { x: 0, y: 0, z: 0 } });
    expect(sol.steps.some((s) => s.text.startsWith('Hessian of expressions'))).toBe(false);
    expect(sol.notes).toContainEqual(
      expect.stringMatching(/of expressions (is|are) not shown: the expressions grow too long/),
    );
  });

  it('optim/hessian: the printed gradient and Hessian of expressions evaluate to the answer’s numbers at the point', () => {
    fc.assert(
      fc.property(randomExpr, randomPoint, (e, at) => {
        const sol = solve('optim/hessian', { expression: e.src, at });
        const { gradient, hessian } = sol.answer as { gradient: Record<string, number>; hessian: number[][] };
        const gStep = sol.steps.find((s) => s.text.startsWith('Gradient of expressions'));
        const hStep = sol.steps.find((s) => s.text.startsWith('Hessian of expressions'));
        // Expressions too long to print may be left out, but only with a note that says so.
        const omitted = sol.notes.some((n) => /of expressions (is|are) not shown/.test(n));
        expect(Boolean(gStep && hStep) !== omitted, `${e.src}: steps shown xor a note saying they are not`).toBe(true);
        if (omitted) return;
        const gText = (gStep?.text ?? '').split(' = ').at(-1) as string;
        const gCells = splitTopLevel(gText.slice(1, -1));
        expect(gCells).toHaveLength(VARS.length);
        VARS.forEach((name, i) => {
          near(evalText(gCells[i] as string, at), gradient[name] as number, 1e-8);
        });
        const hText = printedAfter(hStep?.text ?? '', 'H');
        const rows = splitTopLevel(hText.slice(1, -1)).map((row) => splitTopLevel(row.slice(1, -1)));
        expect(rows).toHaveLength(VARS.length);
        rows.forEach((row, i) => {
          expect(row).toHaveLength(VARS.length);
          row.forEach((cell, j) => {
            near(evalText(cell, at), hessian[i]?.[j] as number, 1e-7);
          });
        });
      }),
      { numRuns: 80 },
    );
  });
});
