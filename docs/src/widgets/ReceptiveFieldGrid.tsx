/** Receptive-field grid: hover (or focus) an output cell of a layer stack; the input pixels it sees light up. */
import { useMemo, useState } from 'react';
import { trySolve } from './try-solve';

interface Layer {
  kernel: number;
  stride: number;
  padding: number;
  dilation: number;
}

interface LayerGeometry extends Layer {
  size: number;
  receptiveField: number;
  jump: number;
}

/** Output size, receptive field and jump of every layer (square layers; one axis suffices). */
export function stackGeometry(inputSize: number, layers: readonly Layer[]): LayerGeometry[] {
  const out: LayerGeometry[] = [];
  let size = inputSize;
  let rf = 1;
  let jump = 1;
  for (const l of layers) {
    size = Math.floor((size + 2 * l.padding - l.dilation * (l.kernel - 1) - 1) / l.stride) + 1;
    rf += l.dilation * (l.kernel - 1) * jump;
    jump *= l.stride;
    out.push({ ...l, size, receptiveField: rf, jump });
    if (size < 1) break;
  }
  return out;
}

/** The input interval [first, last] (unclipped) seen by output index `i` of the last layer. */
export function inputInterval(layers: readonly Layer[], i: number): [number, number] {
  let first = i;
  let last = i;
  for (let n = layers.length - 1; n >= 0; n--) {
    const l = layers[n]!;
    first = first * l.stride - l.padding;
    last = last * l.stride - l.padding + l.dilation * (l.kernel - 1);
  }
  return [first, last];
}

const START: Layer[] = [
  { kernel: 3, stride: 1, padding: 0, dilation: 1 },
  { kernel: 3, stride: 1, padding: 0, dilation: 1 },
  { kernel: 3, stride: 1, padding: 0, dilation: 1 },
];

const FIELDS = ['kernel', 'stride', 'padding', 'dilation'] as const;

/** The widget. */
export default function ReceptiveFieldGrid() {
  const [inputSize, setInputSize] = useState(16);
  const [layers, setLayers] = useState<Layer[]>(START);
  const [active, setActive] = useState<[number, number]>([0, 0]);
  const geometry = useMemo(() => stackGeometry(inputSize, layers), [inputSize, layers]);
  const last = geometry[geometry.length - 1];
  const valid = geometry.length === layers.length && (last?.size ?? inputSize) >= 1;
  const outSize = valid ? (last?.size ?? inputSize) : 0;
  const [ay, ax] = active[0] < outSize && active[1] < outSize ? active : [0, 0];
  const [y0, y1] = inputInterval(layers, ay);
  const [x0, x1] = inputInterval(layers, ax);
  const solver = useMemo(() => trySolve('conv/receptive-field', { layers }), [layers]);

  const setField = (n: number, key: (typeof FIELDS)[number], text: string) => {
    const v = Math.round(Number(text));
    if (!Number.isFinite(v)) return;
    const min = key === 'padding' ? 0 : 1;
    setLayers(layers.map((l, i) => (i === n ? { ...l, [key]: Math.max(min, Math.min(15, v)) } : l)));
  };

  return (
    <div className="dnn-widget" data-widget="receptive-field">
      <h3>Receptive field</h3>
      <div className="dnn-widget__controls">
        <label>
          Input size
          <input
            className="dnn-input"
            type="number"
            min={4}
            max={40}
            value={inputSize}
            onChange={(e) => setInputSize(Math.max(4, Math.min(40, Math.round(Number(e.target.value)) || 4)))}
          />
        </label>
        <button
          type="button"
          className="button button--sm button--secondary"
          onClick={() => setLayers([...layers, { kernel: 2, stride: 2, padding: 0, dilation: 1 }])}
          disabled={layers.length >= 6}
        >
          Add layer
        </button>
        <button
          type="button"
          className="button button--sm button--secondary"
          onClick={() => setLayers(layers.slice(0, -1))}
          disabled={layers.length <= 1}
        >
          Remove last layer
        </button>
      </div>
      <table>
        <thead>
          <tr>
            <th>Layer</th>
            {FIELDS.map((f) => (
              <th key={f}>{f}</th>
            ))}
            <th>output size</th>
            <th>receptive field</th>
            <th>jump</th>
          </tr>
        </thead>
        <tbody>
          {layers.map((l, n) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: layers are positional
            <tr key={n}>
              <td>{n + 1}</td>
              {FIELDS.map((f) => (
                <td key={f}>
                  <input
                    className="dnn-input"
                    style={{ width: '4rem' }}
                    type="number"
                    aria-label={`Layer ${n + 1} ${f}`}
                    value={l[f]}
                    onChange={(e) => setField(n, f, e.target.value)}
                  />
                </td>
              ))}
              <td>{geometry[n]?.size ?? '—'}</td>
              <td>{geometry[n]?.receptiveField ?? '—'}</td>
              <td>{geometry[n]?.jump ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!valid ? (
        <p className="dnn-form-error" role="alert">
          The stack leaves no output pixel: a kernel is larger than its padded input.
        </p>
      ) : (
        <div style={{ display: 'flex', gap: '1.5rem', flexWrap: 'wrap', alignItems: 'flex-start' }}>
          <figure>
            <div
              className="dnn-rf-grid"
              style={{ gridTemplateColumns: `repeat(${inputSize}, 14px)` }}
              aria-label="Input pixels"
              role="img"
            >
              {Array.from({ length: inputSize * inputSize }, (_, k) => {
                const y = Math.floor(k / inputSize);
                const x = k % inputSize;
                const lit = y >= y0 && y <= y1 && x >= x0 && x <= x1;
                // biome-ignore lint/suspicious/noArrayIndexKey: fixed grid positions
                return <span key={k} className={`dnn-rf-cell${lit ? ' dnn-rf-cell--lit' : ''}`} />;
              })}
            </div>
            <figcaption>
              Input {inputSize}×{inputSize}: output ({ay}, {ax}) sees rows {y0}…{y1}, columns {x0}…{x1}
              {y0 < 0 || x0 < 0 || y1 >= inputSize || x1 >= inputSize ? ' (partly padding)' : ''}
            </figcaption>
          </figure>
          <figure>
            <fieldset className="dnn-rf-grid" style={{ gridTemplateColumns: `repeat(${outSize}, 14px)` }}>
              <legend className="dnn-visually-hidden">Output cells</legend>
              {Array.from({ length: outSize * outSize }, (_, k) => {
                const y = Math.floor(k / outSize);
                const x = k % outSize;
                const on = y === ay && x === ax;
                return (
                  <button
                    // biome-ignore lint/suspicious/noArrayIndexKey: fixed grid positions
                    key={k}
                    type="button"
                    aria-label={`Output cell row ${y} column ${x}`}
                    aria-pressed={on}
                    className={`dnn-rf-cell dnn-rf-cell--out${on ? ' dnn-rf-cell--active' : ''}`}
                    onMouseEnter={() => setActive([y, x])}
                    onFocus={() => setActive([y, x])}
                  />
                );
              })}
            </fieldset>
            <figcaption>
              Output of layer {layers.length}: {outSize}×{outSize}, receptive field {last?.receptiveField}×
              {last?.receptiveField}
            </figcaption>
          </figure>
        </div>
      )}
      <p className="dnn-widget__note">
        {solver.kind === 'solved'
          ? `conv/receptive-field agrees: receptive field ${JSON.stringify(solver.solution.answer.receptiveField)}.`
          : solver.kind === 'missing'
            ? 'Computed in the widget (the conv/receptive-field solver is not published yet).'
            : `conv/receptive-field: ${solver.message}`}
      </p>
    </div>
  );
}
