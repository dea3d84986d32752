import { describe, expect, it } from 'vitest';
import { gradient } from './gradient.js';
import { solve } from './index.js';
import { itRejects, itSolvesExamples } from './input-errors.test-util.js';

itSolvesExamples(gradient);

describe('optim/gradient: the worked graph', () => {
  it('sigmoid graph: forward values and backward products as the exam draws them', () => {
    // p = −z = −3, q = e^p, r = 1 + q, f = 1/r; ∂f/∂r = −1/r², ∂f/∂p = ∂f/∂q·e^p, ∂f/∂z = −∂f/∂p.
    const sol = solve('optim/gradient', { expression: '1/(1 + exp(-z))', at: { z: 3 } });
    const text = sol.steps.map((s) => s.text).join('\n');
    expect(text).toContain('n4 = −z = −3');
    expect(text).toContain('n5 = exp(n4) = exp(−3) = 0.0497870683679');
    expect(text).toContain('f = 1/n6 = 1/1.04978706837 = 0.952574126822');
    expect(text).toContain('∂f/∂n6 = 1·(−1/n6^2) = 1·(−0.907397467092) = −0.907397467092');
    expect(text).toContain('∂f/∂z = ∂f/∂n4·(−1) = (−0.0451766597309)·(−1) = 0.0451766597309');
    for (const st of sol.steps) expect(st.latex).not.toMatch(/[·−∂σ∇±√²]/);
  });

  it('a variable used twice sums its two paths (x⁴ − 32x² at x = 2: 4·8 + (−32)·4 = −96)', () => {
    const sol = solve('optim/gradient', { expression: 'x^4 - 32x^2', at: { x: 2 } });
    const text = sol.steps.map((s) => s.text).join('\n');
    expect(text).toMatch(/Backward: x feeds 2 operations/);
    expect(sol.answer.gradient).toEqual({ x: -96 });
  });

  it('graph nodes are in forward order with the catalog fields', () => {
    const { graph } = solve('optim/gradient', { expression: 'a*x + b', at: { a: 2, x: 3, b: 1 } }).answer as {
      graph: { id: string; op: string; inputs: string[]; value: number; grad: number }[];
    };
    const ids = graph.map((n) => n.id);
    for (const n of graph) for (const i of n.inputs) expect(ids.indexOf(i)).toBeLessThan(ids.indexOf(n.id));
    expect(graph.at(-1)).toMatchObject({ op: '+', value: 7, grad: 1 });
  });

  it('relu at 0 takes derivative 0 and says so', () => {
    const sol = solve('optim/gradient', { expression: 'relu(x - 1)', at: { x: 1 } });
    expect(sol.answer.gradient).toEqual({ x: 0 });
    expect(sol.notes.join(' ')).toMatch(/relu′\(0\) is taken as 0/);
  });

  it('wrt restricts the gradient; a variable of `at` absent from f has gradient 0', () => {
    expect(solve('optim/gradient', { expression: 'x*y', at: { x: 2, y: 5 }, wrt: ['y'] }).answer.gradient).toEqual({
      y: 2,
    });
    const sol = solve('optim/gradient', { expression: 'x^2', at: { x: 2, t: 1 } });
    expect(sol.answer.gradient).toEqual({ x: 4, t: 0 });
    expect(sol.notes.join(' ')).toMatch(/t does not appear in f/);
  });
});

describe('optim/gradient: the symbolic derivative before the point is substituted', () => {
  it('f = x⁴ − 32x² + y⁴ − 18y² at (2, 2) (exam line 2160): ∂f/∂x = 4x³ − 64x = −96, ∂f/∂y = 4y³ − 36y = −40', () => {
    // By hand, power rule term by term: 4·2³ − 64·2 = 32 − 128 = −96; 4·2³ − 36·2 = 32 − 72 = −40.
    const sol = solve('optim/gradient', { expression: 'x^4 - 32x^2 + y^4 - 18y^2', at: { x: 2, y: 2 } });
    const text = sol.steps.map((s) => s.text).join('\n');
    expect(text).toContain('∂f/∂x = 4·x^3 − 64·x = −96');
    expect(text).toContain('∂f/∂y = 4·y^3 − 36·y = −40');
    expect(text).toMatch(/Symbolic derivative, then the point substituted — .*power rule/);
    // The symbolic steps come before the graph.
    const first = sol.steps.findIndex((s) => s.text.startsWith('Symbolic derivative'));
    expect(first).toBeLessThan(sol.steps.findIndex((s) => s.text.startsWith('Forward')));
  });

  it('sigmoid by the chain rule: ∂f/∂z = e^(−z)/(1 + e^(−z))² at z = 3', () => {
    // By hand: d/dz (1 + e^(−z))^(−1) = −(1 + e^(−z))^(−2)·(−e^(−z)) = e^(−z)/(1 + e^(−z))² = 0.0451766597309.
    const sol = solve('optim/gradient', { expression: '1/(1 + exp(-z))', at: { z: 3 } });
    const st = sol.steps.find((s) => s.text.startsWith('Symbolic derivative'));
    expect(st?.text).toMatch(/chain rule/);
    expect(st?.text).toContain('∂f/∂z = exp(−z)/(1 + exp(−z))^2 = 0.0451766597309');
  });

  it('at a max tie the expression is shown but not substituted (the graph passes a tie to the first argument)', () => {
    const sol = solve('optim/gradient', { expression: 'max(x, y)', at: { x: 1, y: 1 } });
    const st = sol.steps.find((s) => s.text.includes('∂f/∂x = step(x − y)'));
    expect(st?.text).toMatch(/not substituted/);
    expect(sol.answer.gradient).toEqual({ x: 1, y: 0 });
  });

  it('a derivative too large to read is left out of the steps, the answer unchanged', () => {
    const expression = Array.from({ length: 30 }, (_, k) => `sigmoid(x*y + ${k + 1})`).join('*');
    const sol = solve('optim/gradient', { expression, at: { x: 0.1, y: 0.2 } });
    expect(sol.steps.some((s) => s.text.startsWith('Symbolic derivative'))).toBe(false);
    expect(Number.isFinite(sol.answer.gradient.x)).toBe(true);
  });
});

describe('optim/gradient: bad input is a DnnInputError naming the field', () => {
  itRejects('optim/gradient', [
    ['missing variable value', { expression: 'x + y', at: { x: 1 } }, 'at', /needs a value for "y"/],
    ['syntax error', { expression: 'x + (y', at: { x: 1, y: 2 } }, 'expression', /missing "\)"/],
    ['unknown function', { expression: 'foo(x)', at: { x: 1 } }, 'expression', /unknown function "foo"/],
    ['hostile code', { expression: 'process.exit(1)', at: {} }, 'expression', /unexpected character/],
    ['log of a negative', { expression: 'log(x)', at: { x: -1 } }, 'expression', /log\(-1\) is undefined/],
    ['division by zero', { expression: '1/x', at: { x: 0 } }, 'expression', /division by zero/],
    ['sqrt not differentiable at 0', { expression: 'sqrt(x)', at: { x: 0 } }, 'expression', /not differentiable/],
    ['overflow', { expression: 'exp(exp(x))', at: { x: 10 } }, 'expression', /overflows/],
    ['wrt not in at', { expression: 'x', at: { x: 1 }, wrt: ['q'] }, 'wrt[0]', /"q" has no value/],
    ['wrt twice', { expression: 'x', at: { x: 1 }, wrt: ['x', 'x'] }, 'wrt[1]', /listed twice/],
    ['non-number value', { expression: 'x', at: { x: 'a' } }, 'at.x', /must be a number/],
    ['bad variable name', { expression: 'x', at: { x: 1, 'a b': 2 } }, 'at.a b', /not a variable name/],
    ['constant as a variable', { expression: 'e*x', at: { x: 1, e: 2 } }, 'at.e', /constant/],
    ['empty expression', { expression: '  ', at: {} }, 'expression', /empty/],
    ['too long', { expression: `${'x+'.repeat(1500)}x`, at: { x: 1 } }, 'expression', /at most 2000/],
    ['misspelt field', { expression: 'x', at: { x: 1 }, point: {} }, 'point', /not a field/],
  ]);
});
