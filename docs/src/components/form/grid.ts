/** Pure helpers of the grid editor: reading a value as channels of rows, resizing, and back. */

/**
 * A value as channels of rows of cell texts: [H][W] is one channel, [C][H][W]
 * several; undefined when it is neither. A null cell is a blank one (a grid of
 * the right size left for a student to fill in).
 */
export function toChannels(value: unknown): string[][][] | undefined {
  const isRow = (r: unknown) => Array.isArray(r) && r.length > 0 && r.every((x) => typeof x === 'number' || x === null);
  const isMatrix = (m: unknown) => Array.isArray(m) && m.length > 0 && m.every(isRow);
  const cells = (m: (number | null)[][]) => m.map((r) => r.map((x) => (x === null ? '' : String(x))));
  if (isMatrix(value)) return [cells(value as number[][])];
  if (Array.isArray(value) && value.length > 0 && value.every(isMatrix)) return (value as number[][][]).map(cells);
  return undefined;
}

/** Channels of cell texts as the value: numbers where every cell reads as one, else the texts (so the solver names the bad cell). */
export function fromChannels(channels: string[][][], parse: (text: string) => unknown): unknown {
  const values = channels.map((m) => m.map((r) => r.map((t) => parse(t) ?? t)));
  return values.length === 1 ? values[0] : values;
}

/** Adds (+1) or removes (−1) the last row of every channel; a channel keeps at least one row. */
export function resizeRows(channels: string[][][], delta: 1 | -1): string[][][] {
  return channels.map((m) => {
    if (delta < 0) return m.length > 1 ? m.slice(0, -1) : m;
    return [...m, (m[m.length - 1] ?? ['0']).map(() => '0')];
  });
}

/** Adds (+1) or removes (−1) the last column of every row; a row keeps at least one cell. */
export function resizeColumns(channels: string[][][], delta: 1 | -1): string[][][] {
  return channels.map((m) => m.map((r) => (delta < 0 ? (r.length > 1 ? r.slice(0, -1) : r) : [...r, '0'])));
}
