/**
 * One feature map as a heatmap: a coloured cell per value (numbers inside when
 * the map is small), an optional ring of padding cells, highlighted taps, and
 * optionally focusable cells (roving tabindex, arrow keys).
 */
import type { KeyboardEvent } from 'react';
import { type ColourScale, fmt4, hex, textOn, textWidth } from './format';

/** Interactive cells: one is in the tab order, arrows move, focus and hover report the cell. */
export interface HeatmapInteraction {
  /** The cell that is in the tab order. */
  tabCell: [number, number];
  /** The cell drawn as selected. */
  active?: [number, number] | undefined;
  onCell(y: number, x: number, how: 'hover' | 'focus'): void;
  onLeave(): void;
  cellLabel(y: number, x: number): string;
}

/** Props of {@link Heatmap}. */
export interface HeatmapProps {
  map: readonly (readonly number[])[];
  scale: ColourScale;
  /** Cell size in SVG units. */
  cell: number;
  numbers: boolean;
  /** Name of the map (a channel); also the group's accessible name when the cells are focusable. */
  title: string;
  /** Draw the title above the map (off when a heading beside the maps already names it). */
  showTitle?: boolean;
  /** Padding ring drawn around the map (dashed cells of value 0). */
  pads?: { top: number; bottom: number; left: number; right: number } | undefined;
  /** Taps read by the selected output cell (rows × columns, may lie in the padding). */
  taps?: { rows: number[]; cols: number[] } | undefined;
  interaction?: HeatmapInteraction | undefined;
  /** Screen-reader description of a static map. */
  label: string;
}

const HEAD = 18;

/** A feature map drawn as coloured cells. */
export default function Heatmap(props: HeatmapProps) {
  const { map, scale, cell, numbers, title, pads, taps, interaction, label, showTitle = true } = props;
  const H = map.length;
  const W = map[0]!.length;
  const p = pads ?? { top: 0, bottom: 0, left: 0, right: 0 };
  const head = showTitle ? HEAD : 0;
  const width = Math.max((W + p.left + p.right) * cell, showTitle ? textWidth(title, 12) : 0);
  const height = head + (H + p.top + p.bottom) * cell;
  const toX = (x: number) => (x + p.left) * cell;
  const toY = (y: number) => head + (y + p.top) * cell;
  const font = Math.min(12, cell * 0.36);
  const keyDown = (e: KeyboardEvent, y: number, x: number) => {
    const move: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    const d = move[e.key];
    if (!d || !interaction) return;
    e.preventDefault();
    const ny = Math.min(H - 1, Math.max(0, y + d[0]));
    const nx = Math.min(W - 1, Math.max(0, x + d[1]));
    const svg = (e.currentTarget as SVGElement).ownerSVGElement;
    (svg?.querySelector(`[data-cell="${ny},${nx}"]`) as SVGGElement | null)?.focus();
  };
  const padCells: [number, number][] = [];
  if (pads) {
    for (let y = -p.top; y < H + p.bottom; y++)
      for (let x = -p.left; x < W + p.right; x++) if (y < 0 || y >= H || x < 0 || x >= W) padCells.push([y, x]);
  }
  const tapSet = taps && {
    rows: new Set(taps.rows),
    cols: new Set(taps.cols),
    box: [Math.min(...taps.rows), Math.max(...taps.rows), Math.min(...taps.cols), Math.max(...taps.cols)] as const,
  };
  return (
    <svg
      className="dnn-pic__svg dnn-pic__heatmap"
      viewBox={`-1 -1 ${width + 2} ${height + 2}`}
      style={{ maxWidth: `${Math.round(width + 2)}px` }}
      {...(interaction ? { role: 'group', 'aria-label': title } : { role: 'img', 'aria-label': label })}
      onMouseLeave={interaction?.onLeave}
    >
      <title>{interaction ? title : label}</title>
      {showTitle && (
        <text x={0} y={13} className="dnn-pic__map-title">
          {title}
        </text>
      )}
      {padCells.map(([y, x]) => (
        <g key={`p${y},${x}`} className="dnn-pic__pad">
          <rect x={toX(x) + 0.5} y={toY(y) + 0.5} width={cell - 1} height={cell - 1} />
          {numbers && (
            <text x={toX(x) + cell / 2} y={toY(y) + cell / 2 + font * 0.35} textAnchor="middle" fontSize={font}>
              0
            </text>
          )}
        </g>
      ))}
      {map.map((row, y) =>
        row.map((v, x) => {
          const fill = scale.colour(v);
          const focusable = interaction !== undefined;
          const tab = interaction && interaction.tabCell[0] === y && interaction.tabCell[1] === x;
          return (
            <g
              // biome-ignore lint/suspicious/noArrayIndexKey: a cell is its position
              key={`${y},${x}`}
              data-cell={`${y},${x}`}
              {...(focusable
                ? {
                    tabIndex: tab ? 0 : -1,
                    role: 'img',
                    'aria-label': interaction.cellLabel(y, x),
                    className: 'dnn-pic__cell dnn-pic__cell--focusable',
                    onMouseEnter: () => interaction.onCell(y, x, 'hover'),
                    onFocus: () => interaction.onCell(y, x, 'focus'),
                    onBlur: interaction.onLeave,
                    onKeyDown: (e: KeyboardEvent) => keyDown(e, y, x),
                  }
                : { className: 'dnn-pic__cell' })}
            >
              <rect x={toX(x)} y={toY(y)} width={cell} height={cell} fill={hex(fill)} />
              {numbers && (
                <text
                  x={toX(x) + cell / 2}
                  y={toY(y) + cell / 2 + font * 0.35}
                  textAnchor="middle"
                  fontSize={font}
                  fill={textOn(fill)}
                >
                  {fmt4(v)}
                </text>
              )}
              {!focusable && !numbers && <title>{fmt4(v)}</title>}
            </g>
          );
        }),
      )}
      {tapSet &&
        [...tapSet.rows].flatMap((y) =>
          [...tapSet.cols].map((x) => (
            <rect
              key={`t${y},${x}`}
              className="dnn-pic__tap"
              x={toX(x) + 1.5}
              y={toY(y) + 1.5}
              width={cell - 3}
              height={cell - 3}
            />
          )),
        )}
      {tapSet && (
        <rect
          className="dnn-pic__window"
          x={toX(tapSet.box[2])}
          y={toY(tapSet.box[0])}
          width={(tapSet.box[3] - tapSet.box[2] + 1) * cell}
          height={(tapSet.box[1] - tapSet.box[0] + 1) * cell}
        />
      )}
      {interaction?.active && (
        <rect
          className="dnn-pic__window"
          x={toX(interaction.active[1])}
          y={toY(interaction.active[0])}
          width={cell}
          height={cell}
        />
      )}
    </svg>
  );
}
