/** Answer fields that several optim solvers return alike. */
import { a } from '@dnn/core';
import * as z from 'zod/mini';

/**
 * Numbers shaped like a grid input (see grid.ts): rows for a matrix input, one
 * vector for a vector or a scalar input. Drawn as a matrix (a vector is one row);
 * each member of the union carries its own kind for renderers that match the value.
 */
export function gridAnswer<C extends z.ZodMiniType>(cell: C, title: string, description: string) {
  return a.field(
    'matrix',
    z.union([
      a.field('matrix', z.array(z.array(cell)), title, description),
      a.field('vector', z.array(cell), title, description),
    ]),
    title,
    description,
  );
}

/** ∂f/∂name by variable name. */
export const gradientMap = (description: string) =>
  a.map(a.scalar('∂f/∂x', 'The partial derivative with respect to this variable'), 'Gradient ∇f', description);

/** f at the point `at`. */
export const valueAtPoint = a.scalar('f at the point', 'The value of f at `at`.');
