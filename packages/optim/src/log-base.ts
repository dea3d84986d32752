/** The logarithm base option shared by the losses and divergences: e, 2 or 10. */
import { lift, type Tex, type TexLike, tex } from '@dnn/core';
import * as z from 'zod/mini';

/** A logarithm base: `"e"` (nats), 2 (bits) or 10. */
export type LogBase = 'e' | 2 | 10;

/** Schema of a {@link LogBase}, default `"e"`. */
export function logBaseField(description: string) {
  return z
    ._default(
      z.union([z.literal('e'), z.literal(2), z.literal(10)], {
        error: (iss) => `must be "e", 2 or 10 (got ${JSON.stringify(iss.input) ?? 'nothing'})`,
      }),
      'e',
    )
    .check(z.describe(description));
}

/** ln(base): divide a natural log by it to change base. */
export function lnOfBase(base: LogBase): number {
  return base === 'e' ? 1 : Math.log(base);
}

/** The log's name in steps: `ln`, `log_2`, `log_10`. */
export function logName(base: LogBase): string {
  return base === 'e' ? 'ln' : `log_${base}`;
}

/** The unit of an information quantity in this base. */
export function logUnit(base: LogBase): string {
  return base === 'e' ? 'nats' : base === 2 ? 'bits' : 'bans (base-10 units)';
}

/** `ln(x)` or `log_2(x)` in text, `\ln` or `\log_{2}` applied in LaTeX. */
export function logCall(base: LogBase, arg: TexLike): Tex {
  const a = lift(arg);
  const latexName = base === 'e' ? '\\ln' : `\\log_{${base}}`;
  return tex(`${logName(base)}(${a.text})`, `${latexName}\\left(${a.latex}\\right)`);
}
