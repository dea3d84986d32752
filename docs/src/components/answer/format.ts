/**
 * Numbers as a reader sees them: 6 significant digits, float noise never shown
 * (1.0000000000000002 → 1, −0.6499999999999999 → −0.65), the Unicode minus,
 * thousands separated in counts. The exact value stays one hover/copy away.
 */

/** A real number for reading: 6 significant digits, exponent form only for very large or small magnitudes. */
export function readable(x: number): string {
  if (!Number.isFinite(x)) return x > 0 ? '∞' : x < 0 ? '−∞' : 'NaN';
  if (Object.is(x, -0) || x === 0) return '0';
  const abs = Math.abs(x);
  const rounded = Number(x.toPrecision(6));
  const text =
    abs >= 1e6 || abs < 1e-4
      ? rounded
          .toExponential()
          .replace(/\.?0+e/, 'e')
          .replace('e+', 'e')
      : Number.isInteger(rounded) && abs >= 1e4
        ? grouped(rounded)
        : String(rounded);
  return minus(text.replace(/e(-?\d+)$/, (_, p: string) => ` × 10^${p}`));
}

/** One formatter for every count: `toLocaleString` builds a new ICU formatter per call (~25× slower). */
const THOUSANDS = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** A whole number with its thousands separated by commas, as Keras prints them (1,234,567). */
export function grouped(n: number): string {
  if (!Number.isSafeInteger(n)) return readable(n);
  return minus(THOUSANDS.format(n));
}

/** ASCII hyphen-minus → Unicode minus. */
export function minus(text: string): string {
  return text.replace(/-/g, '−');
}

/** The full value for a tooltip or the clipboard (round-trips through JSON). */
export function exact(x: unknown): string {
  return JSON.stringify(x);
}

/** True when `readable` hides digits of `x` (the tooltip then matters). */
export function isRounded(x: number): boolean {
  return Number.isFinite(x) && Number(x.toPrecision(6)) !== x;
}

/** A complex number `re ± im i`, both parts readable (a part that is float noise next to the other shows as 0). */
export function complexText(re: number, im: number): string {
  const scale = Math.max(Math.abs(re), Math.abs(im));
  const clean = (v: number) => (Math.abs(v) < scale * 1e-12 ? 0 : v);
  const r = clean(re);
  const i = clean(im);
  if (i === 0) return readable(r);
  const imag = `${readable(Math.abs(i))}i`.replace(/^1i$/, 'i');
  if (r === 0) return i < 0 ? `−${imag}` : imag;
  return `${readable(r)} ${i < 0 ? '−' : '+'} ${imag}`;
}
