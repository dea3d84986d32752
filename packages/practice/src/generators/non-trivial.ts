/** Tests on solved answers for a generator's `nonTrivial`: is there anything to compute? */
/** Every number in a value (nested lists and objects), in order. */
export function numbersIn(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (Array.isArray(value)) return value.flatMap(numbersIn);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(numbersIn);
  return [];
}

/** Whether a value holds a non-zero number anywhere. */
export function nonZero(value: unknown): boolean {
  return numbersIn(value).some((x) => x !== 0);
}

/** Whether a value is a number above 0. */
export function positive(value: unknown): boolean {
  return typeof value === 'number' && value > 0;
}

/** Whether a value is a list with at least one item. */
export function nonEmpty(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0;
}

/** Whether a value holds at least two different numbers. */
export function varies(value: unknown): boolean {
  return new Set(numbersIn(value)).size > 1;
}

/** Whether two values differ in any number (a parameter update happened). */
export function changed(before: unknown, after: unknown): boolean {
  const [a, b] = [numbersIn(before), numbersIn(after)];
  return a.length !== b.length || a.some((x, i) => x !== b[i]);
}

/** Whether a value holds numbers and every one is above 0 (a shape, variances). */
export function allPositive(value: unknown): boolean {
  const numbers = numbersIn(value);
  return numbers.length > 0 && numbers.every((x) => x > 0);
}
