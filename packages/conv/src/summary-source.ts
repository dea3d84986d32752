/**
 * Where conv/summary's network comes from: typed `layers`, a `preset`, or
 * model `code`; each becomes one channels-first input shape and one list of
 * validated layer specs, with the steps and notes that say how.
 */
import { DnnInputError, type Step, step, vec, words } from '@dnn/core';
import type * as z from 'zod/mini';
import { reshapedLayout } from './layer-reshape.js';
import { type LayerSpec, layerSpec, type summaryInput } from './layer-specs.js';
import { toChannelsFirst } from './layout.js';
import { type Preset, type PresetName, preset } from './presets.js';

/** A check the code implies (PyTorch's in_channels, in_features): the layer's input must have `expected` channels. */
export interface ChannelCheck {
  index: number;
  expected: number;
  /** `in_channels`, `in_features`, `num_features`, `input_size`. */
  what: string;
  /** `line 3 \`nn.Linear(4096, 10)\``, for the error message. */
  where: string;
}

/** The network to summarise, in PyTorch order. */
export interface SummarySource {
  input: number[];
  layers: LayerSpec[];
  steps: Step[];
  notes: string[];
  checks: ChannelCheck[];
  /** True when `input` was typed in PyTorch order (then a Keras-looking shape gets a note). */
  typedChannelsFirst: boolean;
  /** For layers from a preset or code: the field errors are reported at, and how layer i is named there. */
  origin?: { field: 'preset' | 'code'; label: (i: number) => string };
}

/** Runs `f` for layer i; an error at `layers[i]…` of a preset's or code's layer is reported at that field instead. */
export function atOrigin<T>(src: SummarySource, i: number, f: () => T): T {
  if (!src.origin) return f();
  try {
    return f();
  } catch (e) {
    if (!(e instanceof DnnInputError) || !e.path.startsWith('layers[')) throw e;
    const rest = e.path.replace(/^layers\[\d+\]\.?/, '');
    throw new DnnInputError(src.origin.field, `${src.origin.label(i)}: ${rest ? `${rest}: ` : ''}${e.reason}`);
  }
}

type Input = z.output<typeof summaryInput>;

/** Layers that keep their input's meaning: the next layer decides how a shape is read. */
export const PASSIVE = new Set(['dropout', 'relu', 'tanh', 'sigmoid', 'softmax', 'batchnorm']);

/** The type of the first layer from `from` on that is not passive (a loop: called once per layer, it must not copy). */
export function nextActive(layers: readonly { type: string }[], from: number): string | undefined {
  for (let i = from; i < layers.length; i++) {
    const type = (layers[i] as { type: string }).type;
    if (!PASSIVE.has(type)) return type;
  }
  return undefined;
}

/** A Keras-order shape in PyTorch order: rank 3 always, rank 2 unless it is a sequence [L, D] (same in both). */
export function kerasToTorch(shape: readonly number[], nextType: string | undefined): number[] {
  const layout = reshapedLayout(shape.length, nextType);
  return layout === 'map2d' || layout === 'map1d' ? toChannelsFirst(shape) : [...shape];
}

/** Validates a list of layer specs (from a preset or code); `where(i)` names the source of layer i in errors. */
export function validateLayers(raw: unknown[], path: string, where: (i: number) => string): LayerSpec[] {
  return raw.map((l, i) => {
    const r = layerSpec.safeParse(l);
    if (r.success) return r.data;
    const issue = r.error.issues[0];
    const field = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    throw new DnnInputError(path, `${where(i)}: ${field}${issue?.message ?? 'is not a valid layer'}`);
  });
}

/** A preset as every request that names it uses it: its definition, validated layers and conv/dense count. */
interface ResolvedPreset {
  preset: Preset;
  /** Frozen: shared by every request that names the preset. */
  layers: LayerSpec[];
  /** How many of the layers are conv or dense. */
  weighted: number;
}

/**
 * Each preset used so far, resolved once per process: a preset is a constant, so its layer list (VGG's is built by a
 * loop) is built and validated once, not per request.
 */
const PRESETS = new Map<PresetName, ResolvedPreset>();

function resolvedPreset(name: PresetName): ResolvedPreset {
  let r = PRESETS.get(name);
  if (!r) {
    const p = preset(name);
    Object.freeze(p.input);
    const layers = Object.freeze(
      validateLayers(p.layers, 'preset', (i) => `layer ${i + 1}`).map((l) => Object.freeze(l)),
    ) as LayerSpec[];
    const weighted = layers.filter((l) => l.type === 'conv2d' || l.type === 'dense').length;
    r = { preset: p, layers, weighted };
    PRESETS.set(name, r);
  }
  return r;
}

/** Keras-order reshape targets of typed layers, in PyTorch order. */
function reshapesToTorch(layers: LayerSpec[]): LayerSpec[] {
  return layers.map((l, i) =>
    l.type === 'reshape' ? { ...l, shape: kerasToTorch(l.shape, nextActive(layers, i + 1)) } : l,
  );
}

/** The user's `input` in PyTorch order. */
function typedInput(inp: Input, layers: LayerSpec[]): number[] | undefined {
  if (!inp.input) return undefined;
  return inp.layout === 'channels-last' ? kerasToTorch(inp.input, nextActive(layers, 0)) : inp.input;
}

/** Resolves the network from `layers` or `preset` (and `code`, through `readCode`). */
export function summarySource(inp: Input, readCode?: (code: string, inp: Input) => SummarySource): SummarySource {
  const given = (['layers', 'preset', 'code'] as const).filter(
    (k) => (inp as Record<string, unknown>)[k] !== undefined,
  );
  if (given.length === 0) {
    throw new DnnInputError('layers', 'is required: give the layers, a preset (e.g. "vgg16") or the model code');
  }
  if (given.length > 1) {
    throw new DnnInputError(given[1] as string, `give one of layers, preset and code, not both ${given.join(' and ')}`);
  }
  const keras = inp.layout === 'channels-last';
  if (inp.layers) {
    const layers = keras ? reshapesToTorch(inp.layers) : inp.layers;
    const input = typedInput(inp, layers);
    if (!input)
      throw new DnnInputError('input', 'is required with layers: the shape of one input sample, e.g. [3, 32, 32]');
    return { input, layers, steps: [], notes: [], checks: [], typedChannelsFirst: !keras };
  }
  if (inp.preset) {
    const { preset: p, layers, weighted } = resolvedPreset(inp.preset);
    const input = typedInput(inp, layers) ?? p.input;
    return {
      input,
      layers,
      steps: [
        step(
          `Layers of ${inp.preset}`,
          words(`${p.source}: ${layers.length} layers, ${weighted} of them conv or dense`),
          ...(inp.input ? [] : [words('default input'), vec(p.input)]),
        ),
      ],
      notes: [`preset ${inp.preset}: the layer list of ${p.source}.`],
      checks: [],
      typedChannelsFirst: !keras && inp.input !== undefined,
      origin: { field: 'preset', label: (i) => `layer ${i + 1} (${layers[i]?.type})` },
    };
  }
  if (!readCode) throw new DnnInputError('code', 'model code is not read by this build');
  return readCode((inp as { code?: string }).code ?? '', inp);
}
