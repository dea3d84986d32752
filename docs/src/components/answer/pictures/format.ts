/**
 * Pure helpers shared by the pictures: numbers to 4 significant digits, axis
 * ticks, colour scales with a readable text colour, and checks that turn an
 * answer's `unknown` values into the plain arrays a picture draws.
 */

/** A number rounded to 4 significant digits, with a true minus sign: `0.3333`, `−1.5`, `1.235e5`. */
export function fmt4(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  const r = Number(x.toPrecision(4));
  if (r === 0) return '0';
  const big = Math.abs(r) >= 1e5 || Math.abs(r) < 1e-3;
  return (big ? r.toExponential().replace('e+', 'e') : String(r)).replaceAll('-', '−');
}

/** Approximate width of text in the site's sans-serif font (generous: digits and capitals fit). */
export function textWidth(s: string, size = 12): number {
  return [...s].length * size * 0.6;
}

/** About `count` round tick values (steps of 1, 2 or 5 × 10ᵏ) inside [lo, hi]. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo) || !Number.isFinite(lo) || !Number.isFinite(hi)) return Number.isFinite(lo) ? [lo] : [];
  const raw = (hi - lo) / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((m) => m * mag >= raw) ?? 10) * mag;
  const ticks: number[] = [];
  for (let i = Math.ceil(lo / step - 1e-9); i * step <= hi + step * 1e-9; i++)
    ticks.push(Number((i * step).toPrecision(12)));
  return ticks;
}

/** An RGB colour, 0–255 per channel. */
export type Rgb = [number, number, number];

const mix = (a: Rgb, b: Rgb, t: number): Rgb => {
  const u = Math.min(1, Math.max(0, t));
  return [0, 1, 2].map((i) => Math.round(a[i]! + (b[i]! - a[i]!) * u)) as Rgb;
};
const NAN: Rgb = [150, 150, 150];

/** `#rrggbb`. */
export function hex(c: Rgb): string {
  return `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

/** WCAG relative luminance of a colour. */
export function luminance(c: Rgb): number {
  const [r, g, b] = c.map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two colours (1 to 21). */
export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Black or white, whichever reads better on `fill` (the better one always reaches 4.58:1). */
export function textOn(fill: Rgb): '#000000' | '#ffffff' {
  return contrast(fill, [0, 0, 0]) >= contrast(fill, [255, 255, 255]) ? '#000000' : '#ffffff';
}

const NEG: Rgb = [178, 24, 43]; // ColorBrewer RdBu ends
const MID: Rgb = [247, 247, 247];
const POS: Rgb = [33, 102, 172];
const LOW: Rgb = [239, 243, 255]; // ColorBrewer Blues
const HIGH: Rgb = [8, 48, 107];

/** How values map to colours: diverging around 0 when the values have both signs, else sequential from min to max. */
export interface ColourScale {
  min: number;
  max: number;
  diverging: boolean;
  colour(v: number): Rgb;
  /** Gradient stops of the legend, low to high. */
  stops: Rgb[];
}

/** The colour scale of a set of values (NaN and ±∞ ignored for the range; NaN is grey, ±∞ the ends). */
export function colourScale(values: Iterable<number>): ColourScale {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min > max) [min, max] = [0, 0];
  if (min < 0 && max > 0) {
    const m = Math.max(-min, max);
    return {
      min,
      max,
      diverging: true,
      colour: (v) => (Number.isNaN(v) ? NAN : v < 0 ? mix(MID, NEG, -v / m) : mix(MID, POS, v / m)),
      stops: [mix(MID, NEG, Math.min(1, -min / m)), MID, mix(MID, POS, Math.min(1, max / m))],
    };
  }
  const span = max - min;
  const colour = (v: number) =>
    Number.isNaN(v) ? NAN : span === 0 ? mix(LOW, HIGH, 0.35) : mix(LOW, HIGH, (v - min) / span);
  return { min, max, diverging: false, colour, stops: span === 0 ? [colour(min)] : [LOW, HIGH] };
}

/** True for an array of finite-or-not numbers. */
export function isNumbers(v: unknown): v is number[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'number');
}

/** True for a non-empty rectangular array of number rows. */
export function isMatrix(v: unknown): v is number[][] {
  return (
    Array.isArray(v) &&
    v.length > 0 &&
    v.every((r) => isNumbers(r) && r.length > 0 && r.length === (v[0] as unknown[]).length)
  );
}

/** A plain object (not an array, not null). */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
