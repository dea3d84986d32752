/**
 * The `tensor` kind: feature maps as heatmaps, one per channel in a wrapping
 * row, with a colour legend. When the input holds the map the answer was slid
 * over (CNN Explainer's idea), the input maps are drawn too, and hovering or
 * focusing an output cell highlights the window it reads.
 */
import { useState } from 'react';
import type { KindProps } from '../types';
import ColourLegend from './ColourLegend';
import { colourScale, fmt4 } from './format';
import Heatmap from './Heatmap';
import { inputMapsOf, type Maps, mapSize, slidingWindowOf, toMaps, windowTaps } from './tensor-window';

/** Cell size: roomy enough for 4 significant digits when the map is small (≤ 12×12), else fitting ~360 units. */
function cellSize(maps: Maps): { cell: number; numbers: boolean } {
  const [H, W] = mapSize(maps);
  if (H <= 12 && W <= 12) {
    const longest = Math.max(...maps.flat(2).map((v) => fmt4(v).length));
    return { cell: Math.min(52, Math.max(30, longest * 6.4 + 8)), numbers: true };
  }
  return { cell: Math.max(3, Math.min(24, 360 / Math.max(H, W))), numbers: false };
}

/** `1…3` for consecutive rows, `0, 2, 4` for dilated taps. */
const range = (xs: number[]) =>
  xs.length > 1 && xs.every((v, i) => i === 0 || v === xs[i - 1]! + 1)
    ? `${fmt4(xs[0]!)}…${fmt4(xs.at(-1)!)}`
    : xs.map(fmt4).join(', ');

/** Heatmaps of a [C][H][W] (or [H][W]) answer, with the windows they read. */
export default function FeatureMaps({ value, input, schema }: KindProps) {
  const output = toMaps(value);
  const [active, setActive] = useState<{ c: number; y: number; x: number }>();
  const [tab, setTab] = useState({ c: 0, y: 0, x: 0 });
  if (!output) return null;
  const rank2 = Array.isArray(value) && !Array.isArray((value as unknown[][])[0]?.[0]);
  const inMaps = inputMapsOf(input);
  const win = inMaps ? slidingWindowOf(input, inMaps, output) : undefined;
  const name = schema.title ?? 'Output';
  const outScale = colourScale(output.flat(2));
  const outSize = cellSize(output);
  const [H, W] = mapSize(output);
  const index = (c: number, y: number, x: number) => (rank2 ? `[${y}][${x}]` : `[${c}][${y}][${x}]`);
  const taps = active && win ? windowTaps(win, active.y, active.x) : undefined;
  const describeCell = (c: number, y: number, x: number) => {
    const v = fmt4(output[c]![y]![x]!);
    if (!win || !inMaps) return `${name}${index(c, y, x)} = ${v}`;
    const t = windowTaps(win, y, x);
    const [iH, iW] = mapSize(inMaps);
    const padded =
      t.rows.length * t.cols.length -
      t.rows.filter((r) => r >= 0 && r < iH).length * t.cols.filter((q) => q >= 0 && q < iW).length;
    const channels =
      inMaps.length === 1
        ? 'the input'
        : win.allChannels
          ? `each of the ${inMaps.length} input channels`
          : `input channel ${c}`;
    return `${name}${index(c, y, x)} = ${v}: reads rows ${range(t.rows)} and columns ${range(t.cols)} of ${channels}${padded ? ` (${padded} of the ${t.rows.length * t.cols.length} cells in the padding)` : ''}`;
  };
  const inScale = inMaps && win ? colourScale(inMaps.flat(2)) : undefined;
  const inSize = inMaps && win ? cellSize(inMaps) : undefined;
  const hasPadding = win && (win.pads.top || win.pads.bottom || win.pads.left || win.pads.right);
  return (
    <figure
      className="dnn-pic"
      data-picture="tensor"
      aria-label={`${name}: ${output.length} feature map${output.length > 1 ? 's' : ''} of ${H}×${W} drawn as heatmaps${win ? ', beside the input maps they were computed from' : ''}.`}
    >
      {inMaps && win && inScale && inSize && (
        <div className="dnn-pic__maps-group">
          <div className="dnn-pic__maps-head">Input{hasPadding ? ' (dashed cells: zero padding)' : ''}</div>
          <div className="dnn-pic__maps">
            {inMaps.map((m, c) => (
              <Heatmap
                // biome-ignore lint/suspicious/noArrayIndexKey: a channel is its index
                key={c}
                map={m}
                scale={inScale}
                {...inSize}
                title={inMaps.length > 1 ? `Input channel ${c}` : 'Input'}
                showTitle={inMaps.length > 1}
                pads={hasPadding ? win.pads : undefined}
                taps={taps && active && (win.allChannels || active.c === c) ? taps : undefined}
                label={`Input${inMaps.length > 1 ? ` channel ${c}` : ''}: ${m.length}×${m[0]!.length} map, values from ${fmt4(Math.min(...m.flat()))} to ${fmt4(Math.max(...m.flat()))}.`}
              />
            ))}
          </div>
          <ColourLegend scale={inScale} what="the input" />
        </div>
      )}
      <div className="dnn-pic__maps-group">
        {win && <div className="dnn-pic__maps-head">{name}</div>}
        <div className="dnn-pic__maps">
          {output.map((m, c) => (
            <Heatmap
              // biome-ignore lint/suspicious/noArrayIndexKey: a channel is its index
              key={c}
              map={m}
              scale={outScale}
              {...outSize}
              title={output.length > 1 ? `Channel ${c}` : name}
              showTitle={output.length > 1 || !win}
              label={`${name}${output.length > 1 ? ` channel ${c}` : ''}: ${H}×${W} map, values from ${fmt4(Math.min(...m.flat()))} to ${fmt4(Math.max(...m.flat()))}.`}
              interaction={
                win
                  ? {
                      tabCell: tab.c === c ? [tab.y, tab.x] : [0, 0],
                      active: active?.c === c ? [active.y, active.x] : undefined,
                      onCell: (y, x, how) => {
                        setActive({ c, y, x });
                        if (how === 'focus') setTab({ c, y, x });
                      },
                      onLeave: () => setActive(undefined),
                      cellLabel: (y, x) => describeCell(c, y, x),
                    }
                  : undefined
              }
            />
          ))}
        </div>
        <ColourLegend scale={outScale} what={name} />
      </div>
      {win && (
        <figcaption className="dnn-pic__caption" aria-live="polite">
          {active
            ? describeCell(active.c, active.y, active.x)
            : `Hover or focus a cell of ${name.toLowerCase()} (arrow keys move) to see the ${win.kernel[0]}×${win.kernel[1]} window it reads (stride ${win.stride.join('×')}${hasPadding ? `, padding ${win.pads.top}/${win.pads.left}` : ''}${win.dilation.some((d) => d > 1) ? `, dilation ${win.dilation.join('×')}` : ''}).`}
        </figcaption>
      )}
    </figure>
  );
}
