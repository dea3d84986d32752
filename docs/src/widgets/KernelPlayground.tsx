/** Kernel playground: edit a 3×3…7×7 kernel and see it applied live to a bundled image. */
import { useEffect, useMemo, useRef, useState } from 'react';
import { type Backend, convolve, loadBackend, type Plane } from './conv2d';
import { trySolve } from './try-solve';

const SIZE = 160;

function box(k: number): number[][] {
  return Array.from({ length: k }, () => Array.from({ length: k }, () => 1 / (k * k)));
}

function gaussian(k: number): number[][] {
  const sigma = k / 4;
  const r = Math.floor(k / 2);
  const g = Array.from({ length: k }, (_, i) =>
    Array.from({ length: k }, (_, j) => Math.exp(-((i - r) ** 2 + (j - r) ** 2) / (2 * sigma * sigma))),
  );
  const sum = g.flat().reduce((a, b) => a + b, 0);
  return g.map((row) => row.map((v) => v / sum));
}

/** Kernel presets, including the edge kernels that exam problems use. */
export const PRESETS: Record<string, (k: number) => number[][]> = {
  identity: (k) =>
    Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => (i === k >> 1 && j === k >> 1 ? 1 : 0))),
  'box blur': box,
  'gaussian blur': gaussian,
  sharpen: (k) => {
    const r = k >> 1;
    return Array.from({ length: k }, (_, i) =>
      Array.from({ length: k }, (_, j) =>
        i === r && j === r ? 5 : (i === r) !== (j === r) && Math.abs(i - r) + Math.abs(j - r) === 1 ? -1 : 0,
      ),
    );
  },
  'edge (Laplacian)': (k) => {
    const r = k >> 1;
    return Array.from({ length: k }, (_, i) =>
      Array.from({ length: k }, (_, j) => (i === r && j === r ? k * k - 1 : -1)),
    );
  },
  'exam: vertical edge [1 0 −1]': (k) =>
    Array.from({ length: k }, () => Array.from({ length: k }, (_, j) => Math.sign((k >> 1) - j))),
  'exam: horizontal edge (Sobel)': (k) =>
    Array.from({ length: k }, (_, i) =>
      Array.from({ length: k }, (_, j) => Math.sign((k >> 1) - i) * ((k >> 1) + 1 - Math.abs(j - (k >> 1)))),
    ),
  emboss: (k) =>
    Array.from({ length: k }, (_, i) =>
      Array.from({ length: k }, (_, j) => (i === j ? (i < k >> 1 ? -1 : i > k >> 1 ? 1 : 1) : 0)),
    ),
};

/** Draws the bundled test image (shapes, stripes and a gradient: edges in every direction) and returns it in grey levels 0…255. */
function bundledImage(): Plane {
  const canvas = document.createElement('canvas');
  canvas.width = SIZE;
  canvas.height = SIZE;
  const ctx = canvas.getContext('2d')!;
  const grad = ctx.createLinearGradient(0, 0, SIZE, SIZE);
  grad.addColorStop(0, '#202020');
  grad.addColorStop(1, '#b0b0b0');
  ctx.fillStyle = grad;
  ctx.fillRect(0, 0, SIZE, SIZE);
  ctx.fillStyle = '#f0f0f0';
  ctx.beginPath();
  ctx.arc(52, 56, 30, 0, 2 * Math.PI);
  ctx.fill();
  ctx.fillStyle = '#101010';
  ctx.fillRect(92, 24, 48, 48);
  ctx.fillStyle = '#ffffff';
  for (let x = 12; x < 80; x += 8) ctx.fillRect(x, 104, 4, 44);
  ctx.beginPath();
  ctx.moveTo(96, 148);
  ctx.lineTo(148, 148);
  ctx.lineTo(122, 96);
  ctx.closePath();
  ctx.fillStyle = '#e8e8e8';
  ctx.fill();
  const rgba = ctx.getImageData(0, 0, SIZE, SIZE).data;
  const data = new Float32Array(SIZE * SIZE);
  for (let i = 0; i < data.length; i++)
    data[i] = 0.299 * rgba[4 * i]! + 0.587 * rgba[4 * i + 1]! + 0.114 * rgba[4 * i + 2]!;
  return { width: SIZE, height: SIZE, data };
}

function paint(canvas: HTMLCanvasElement | null, plane: Plane, absolute: boolean): string {
  if (!canvas) return '';
  const ctx = canvas.getContext('2d');
  if (!ctx) return '';
  const img = ctx.createImageData(plane.width, plane.height);
  let hash = 2166136261;
  for (let i = 0; i < plane.data.length; i++) {
    const raw = plane.data[i]!;
    const v = Math.max(0, Math.min(255, Math.round(absolute ? Math.abs(raw) : raw)));
    img.data.set([v, v, v, 255], 4 * i);
    hash = Math.imul(hash ^ v, 16777619) >>> 0;
  }
  ctx.putImageData(img, 0, 0);
  return hash.toString(16);
}

function parseCell(text: string): number {
  const v = Number(text);
  return Number.isFinite(v) ? v : 0;
}

/** The widget. */
export default function KernelPlayground() {
  const [size, setSize] = useState(3);
  const [preset, setPreset] = useState('exam: vertical edge [1 0 −1]');
  const [cells, setCells] = useState<string[][]>(() =>
    PRESETS[preset]!(3).map((r) => r.map((v) => String(+v.toFixed(4)))),
  );
  const [image, setImage] = useState<Plane>();
  const [backend, setBackend] = useState<Backend>();
  const [hash, setHash] = useState('');
  const inRef = useRef<HTMLCanvasElement>(null);
  const outRef = useRef<HTMLCanvasElement>(null);
  const kernel = useMemo(() => cells.map((r) => r.map(parseCell)), [cells]);
  const gain = kernel.flat().reduce((a, b) => a + b, 0);
  const absolute = Math.abs(gain) < 1e-9;

  const load = (name: string, k: number) => {
    const make = PRESETS[name] ?? PRESETS.identity!;
    setPreset(PRESETS[name] ? name : 'identity');
    setSize(k);
    setCells(make(k).map((r) => r.map((v) => String(+v.toFixed(4)))));
  };

  useEffect(() => {
    const img = bundledImage();
    setImage(img);
    paint(inRef.current, img, false);
    let live = true;
    void loadBackend().then((b) => live && setBackend(b));
    return () => {
      live = false;
    };
  }, []);
  useEffect(() => {
    if (!image || !backend) return;
    setHash(paint(outRef.current, convolve(backend, image, kernel), absolute));
  }, [image, backend, kernel, absolute]);

  const effect = useMemo(() => trySolve('conv/kernel-effect', { kernel }), [kernel]);

  return (
    <div className="dnn-widget" data-widget="kernel-playground">
      <h3>Kernel playground</h3>
      <div className="dnn-widget__controls">
        <label>
          Preset
          <select className="dnn-input" value={preset} onChange={(e) => load(e.target.value, size)}>
            {preset === 'custom' && <option value="custom">custom</option>}
            {Object.keys(PRESETS).map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </label>
        <label>
          Kernel size
          <select className="dnn-input" value={size} onChange={(e) => load(preset, Number(e.target.value))}>
            {[3, 5, 7].map((k) => (
              <option key={k} value={k}>
                {k}×{k}
              </option>
            ))}
          </select>
        </label>
      </div>
      <fieldset className="dnn-kernel-grid" style={{ gridTemplateColumns: `repeat(${size}, auto)` }}>
        <legend className="dnn-visually-hidden">Kernel weights</legend>
        {cells.map((row, i) =>
          row.map((v, j) => (
            <input
              // biome-ignore lint/suspicious/noArrayIndexKey: fixed grid positions
              key={`${i}-${j}`}
              className="dnn-input"
              aria-label={`Kernel row ${i + 1} column ${j + 1}`}
              inputMode="decimal"
              value={v}
              onChange={(e) => {
                const next = cells.map((r) => [...r]);
                next[i]![j] = e.target.value;
                setCells(next);
                setPreset('custom');
              }}
            />
          )),
        )}
      </fieldset>
      <p className="dnn-widget__note">
        Gain (sum of weights) {+gain.toFixed(6)}
        {absolute ? ': zero-sum, so the output shows |value|.' : '.'}{' '}
        {effect.kind === 'solved'
          ? `conv/kernel-effect says: ${String((effect.solution.answer.effects as string[] | undefined)?.join(', ') || 'no named effect')}.`
          : effect.kind === 'missing'
            ? ''
            : effect.message}
      </p>
      <div style={{ display: 'flex', gap: '1rem', flexWrap: 'wrap' }}>
        <figure>
          <canvas ref={inRef} width={SIZE} height={SIZE} aria-label="Input image" role="img" />
          <figcaption>Input</figcaption>
        </figure>
        <figure>
          <canvas
            ref={outRef}
            width={SIZE}
            height={SIZE}
            aria-label="Convolved image"
            role="img"
            data-output-hash={hash}
          />
          <figcaption>
            Output <span data-testid="kernel-backend">({backend?.name ?? 'loading the kernels…'})</span>
          </figcaption>
        </figure>
      </div>
    </div>
  );
}
