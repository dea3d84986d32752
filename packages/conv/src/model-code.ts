/**
 * conv/summary's `code`: reads a Keras Sequential / functional model or a
 * PyTorch nn.Sequential(...) into the input shape and layer specs, by
 * walking the parsed statements (python-call-parser.ts) — never by running
 * them. Imports and compile/fit/summary lines are skipped; any other line it
 * cannot read is an input error that quotes it.
 */
import { DnnInputError, step, words } from '@dnn/core';
import type * as z from 'zod/mini';
import type { LayerInput, ReadLayer } from './code-args.js';
import { isKerasLayer, readKerasLayer } from './keras-code.js';
import type { summaryInput } from './layer-specs.js';
import { dottedName, type PyExpr, type PyStatement, parsePython } from './python-call-parser.js';
import { CodeError } from './python-tokens.js';
import { type ChannelCheck, kerasToTorch, nextActive, type SummarySource, validateLayers } from './summary-source.js';
import { isTorchLayer, readTorchLayer } from './torch-code.js';

type Call = Extract<PyExpr, { k: 'call' }>;
type Framework = 'keras' | 'pytorch';

/** One layer call of the code with where it stands. */
interface Entry {
  read: ReadLayer;
  line: number;
  cls: string;
  framework: Framework;
}

/** A value a name can hold: a model, a tensor of a functional chain, a layer object, or something skipped. */
type Value =
  | { kind: 'model'; entries: Entry[]; line: number }
  | { kind: 'tensor'; entries: Entry[] }
  | { kind: 'layer'; entry: Entry }
  | { kind: 'skipped' };

const SKIPPED_METHODS = new Set([
  'compile',
  'summary',
  'fit',
  'fit_generator',
  'evaluate',
  'predict',
  'save',
  'save_weights',
  'load_weights',
  'build',
  'to',
  'cuda',
  'cpu',
  'eval',
  'train',
  'plot_model',
  'count_params',
]);
const SKIPPED_MODULES = /(^|\.)(callbacks|optimizers|optim|losses|metrics|regularizers|initializers|utils)\./;
const APPLICATIONS: Record<string, string> = {
  VGG16: 'vgg16',
  VGG19: 'vgg19',
  vgg16: 'vgg16',
  vgg16_bn: 'vgg16-bn',
  vgg11: 'vgg11',
  vgg19: 'vgg19',
  alexnet: 'alexnet',
};

/** The class name and framework of a layer call's function, or undefined when it is not a layer this reader knows. */
function layerClass(fn: PyExpr): { cls: string; framework: Framework } | undefined {
  const name = dottedName(fn);
  if (!name) return undefined;
  const parts = name.split('.');
  const cls = parts[parts.length - 1] as string;
  const torch = parts.includes('nn') || parts[0] === 'torch';
  if (torch) return isTorchLayer(cls) ? { cls, framework: 'pytorch' } : undefined;
  return isKerasLayer(cls) ? { cls, framework: 'keras' } : undefined;
}

/** The walk over the statements. */
class Reader {
  readonly env = new Map<string, Value>();
  readonly skipped: number[] = [];
  readonly notes: string[] = [];
  model: { entries: Entry[]; line: number } | undefined;
  lastTensor: Entry[] | undefined;

  layer(e: PyExpr): Entry | undefined {
    if (e.k === 'name') {
      const v = this.env.get(e.id);
      return v?.kind === 'layer' ? v.entry : undefined;
    }
    if (e.k !== 'call') return undefined;
    const found = layerClass(e.fn);
    if (!found) return undefined;
    const read = found.framework === 'keras' ? readKerasLayer(found.cls, e) : readTorchLayer(found.cls, e);
    return { read, line: e.line, cls: found.cls, framework: found.framework };
  }

  mustLayer(e: PyExpr): Entry {
    const entry = this.layer(e);
    if (entry) return entry;
    const name = e.k === 'call' ? dottedName(e.fn) : dottedName(e);
    throw new CodeError(e.line, `${name ? `${name} is` : 'this is'} not a layer this reader counts`);
  }

  /** `Sequential([...])`, `nn.Sequential(a, b, …)`. */
  sequential(call: Call): Entry[] {
    const only = call.args.length === 1 ? call.args[0] : undefined;
    if (only?.k === 'call' && dottedName(only.fn)?.endsWith('OrderedDict')) return this.ordered(only);
    const items = only?.k === 'list' ? only.items : call.args;
    const layers = call.kwargs.find((k) => k.name === 'layers')?.value;
    return (layers?.k === 'list' ? layers.items : items).map((x) => this.mustLayer(x));
  }

  /** `OrderedDict([('conv1', nn.Conv2d(…)), …])` inside nn.Sequential: the layers, named. */
  ordered(call: Call): Entry[] {
    const list = call.args[0];
    if (call.args.length !== 1 || list?.k !== 'list')
      throw new CodeError(call.line, 'OrderedDict is read from a list of (name, layer) pairs');
    return list.items.map((pair) => {
      const [key, layer] = pair.k === 'tuple' && pair.items.length === 2 ? pair.items : [];
      if (key?.k !== 'str' || !layer)
        throw new CodeError(pair.line, 'each OrderedDict entry is a ("name", layer) pair');
      const entry = this.mustLayer(layer);
      const name = key.v.slice(0, 40);
      return { ...entry, read: { ...entry.read, specs: entry.read.specs.map((s) => ({ ...s, name }) as LayerInput) } };
    });
  }

  /** A functional call `Layer(...)(x)` or `layer(x)`: the chain of `x` plus the layer. */
  applied(call: Call): Entry[] | undefined {
    const entry = this.layer(call.fn);
    if (!entry) return undefined;
    const arg = call.args[0];
    const from = arg?.k === 'name' ? this.env.get(arg.id) : undefined;
    if (call.args.length !== 1 || from?.kind !== 'tensor') {
      throw new CodeError(call.line, 'a layer is applied to one tensor variable here, e.g. Dense(10)(x)');
    }
    return [...from.entries, entry];
  }

  value(e: PyExpr): Value | undefined {
    if (e.k !== 'call') return undefined;
    const name = dottedName(e.fn) ?? '';
    const last = name.split('.').at(-1) ?? '';
    if (last === 'Sequential') return { kind: 'model', entries: this.sequential(e), line: e.line };
    if (last === 'Model' || last === 'Functional') {
      const out = e.kwargs.find((k) => k.name === 'outputs')?.value ?? e.args[1];
      const v = out?.k === 'name' ? this.env.get(out.id) : undefined;
      if (v?.kind !== 'tensor')
        throw new CodeError(e.line, 'outputs= must name the last tensor of a chain of layer calls');
      return { kind: 'model', entries: v.entries, line: e.line };
    }
    // Own keys only: `constructor`, `toString`… are on every object, and are not networks.
    const application = Object.hasOwn(APPLICATIONS, last) ? APPLICATIONS[last] : undefined;
    if (application)
      throw new CodeError(e.line, `${last} is a whole network: use preset "${application}" instead of code`);
    const applied = this.applied(e);
    if (applied) return { kind: 'tensor', entries: applied };
    const entry = this.layer(e);
    if (entry) return entry.cls === 'Input' ? { kind: 'tensor', entries: [entry] } : { kind: 'layer', entry };
    if (SKIPPED_MODULES.test(`${name}.`) || name === 'print') return { kind: 'skipped' };
    if (e.fn.k === 'attr' && SKIPPED_METHODS.has(e.fn.name)) return { kind: 'skipped' };
    return undefined;
  }

  statement(s: PyStatement): void {
    if (s.k === 'import') return;
    if (s.k === 'expr' && s.value.k === 'call' && s.value.fn.k === 'attr' && s.value.fn.name === 'add') {
      const target = dottedName(s.value.fn.obj) ?? '';
      const model = this.env.get(target);
      if (model?.kind !== 'model')
        throw new CodeError(s.first, `${target || 'this'} is not a Sequential model defined above`);
      if (s.value.args.length > 1) {
        this.notes.push(
          `code line ${s.first}: Keras's add() takes one layer; the ${s.value.args.length} layers given to it are read in order.`,
        );
      }
      model.entries.push(...s.value.args.map((x) => this.mustLayer(x)));
      return;
    }
    const v = this.value(s.value);
    if (!v)
      throw new CodeError(
        s.first,
        'this line is not a layer, a model or a line this reader skips (imports, compile, fit, summary)',
      );
    if (v.kind === 'skipped') {
      this.skipped.push(s.first);
      return;
    }
    if (s.k === 'assign') this.env.set(dottedName(s.target) ?? '', v);
    if (v.kind === 'model') this.model = { entries: v.entries, line: v.line };
    if (v.kind === 'tensor') this.lastTensor = v.entries;
  }
}

/** The source line(s) of a line number, trimmed and shortened, for error messages. */
function quote(lines: string[], line: number): string {
  const text = (lines[line - 1] ?? '').trim();
  return `line ${line} \`${text.length > 90 ? `${text.slice(0, 87)}…` : text}\``;
}

/** Reads `code` into a {@link SummarySource}; every failure is an input error at `code` quoting the line. */
export function readModelCode(code: string, inp: z.output<typeof summaryInput>): SummarySource {
  const lines = code.replace(/\r\n?/g, '\n').split('\n');
  const fail = (e: unknown): never => {
    if (e instanceof CodeError) throw new DnnInputError('code', `${quote(lines, e.line)}: ${e.reason}`);
    throw e;
  };
  const reader = new Reader();
  try {
    for (const s of parsePython(code)) reader.statement(s);
  } catch (e) {
    fail(e);
  }
  const entries = reader.model?.entries ?? reader.lastTensor;
  if (!entries) {
    throw new DnnInputError(
      'code',
      'no model found: expected Sequential(...) (with model.add(...)), nn.Sequential(...) or a chain of layer calls',
    );
  }
  const frameworks = new Set(entries.map((e) => e.framework));
  if (frameworks.size > 1) throw new DnnInputError('code', 'the model mixes Keras layers and PyTorch modules');
  const framework: Framework = frameworks.has('pytorch') ? 'pytorch' : 'keras';
  const raw: LayerInput[] = [];
  const owner: Entry[] = [];
  const checks: ChannelCheck[] = [];
  let declared: { shape: number[]; line: number } | undefined;
  for (const entry of entries) {
    if (entry.read.input && !declared && raw.length === 0) declared = { shape: entry.read.input, line: entry.line };
    else if (entry.read.input) {
      reader.notes.push(
        `code line ${entry.line}: an input shape after the first layer is ignored, as Keras ignores it.`,
      );
    }
    if (entry.read.check) {
      checks.push({ index: raw.length, ...entry.read.check, where: quote(lines, entry.line) });
    }
    for (const spec of entry.read.specs) {
      raw.push(spec);
      owner.push(entry);
    }
  }
  if (raw.length === 0) throw new DnnInputError('code', 'the model has no layers conv/summary counts');
  if (raw.length > 200)
    throw new DnnInputError('code', `the model has ${raw.length} layers; conv/summary reads at most 200`);
  const keras = framework === 'keras';
  const specs = keras
    ? raw.map((l, i) => (l.type === 'reshape' ? { ...l, shape: kerasToTorch(l.shape, nextActive(raw, i + 1)) } : l))
    : raw;
  const layers = validateLayers(specs, 'code', (i) => quote(lines, owner[i]?.line ?? 1));
  const fromCode = declared
    ? keras
      ? kerasToTorch(declared.shape, nextActive(layers, 0))
      : declared.shape
    : undefined;
  const typed = inp.input
    ? inp.layout === 'channels-last'
      ? kerasToTorch(inp.input, nextActive(layers, 0))
      : inp.input
    : undefined;
  const firstDense = !keras && layers[0]?.type === 'dense' ? checks.find((c) => c.index === 0)?.expected : undefined;
  const input = typed ?? fromCode ?? (firstDense !== undefined ? [firstDense] : undefined);
  if (!input) {
    throw new DnnInputError(
      'input',
      keras
        ? 'the code declares no input shape (input_shape=… on the first layer, or Input(shape=…)); give input'
        : 'PyTorch code has no input size: give input, e.g. [3, 224, 224]',
    );
  }
  if (typed && fromCode && typed.join() !== fromCode.join()) {
    throw new DnnInputError(
      'input',
      `is [${typed.join(', ')}] in PyTorch order, but the code's input shape gives [${fromCode.join(', ')}]${inp.layout === 'channels-last' ? '' : ' (for a Keras-order input set layout: "channels-last", or leave input out)'}`,
    );
  }
  const notes = [
    keras
      ? 'code: read as Keras; input_shape is Keras order (H, W, C), converted to PyTorch order [C, H, W] for the steps.'
      : 'code: read as PyTorch modules; each in_channels / in_features is checked against the shape that reaches it.',
  ];
  notes.push(...reader.notes);
  if (reader.skipped.length) notes.push(`code: lines ${reader.skipped.join(', ')} skipped (they build no layer).`);
  const rows = layers.map((l, i) => `line ${owner[i]?.line}: ${owner[i]?.cls} → ${l.type}`);
  return {
    input,
    layers,
    steps: [step(`Layers read from the ${keras ? 'Keras' : 'PyTorch'} code`, ...rows.map((r) => words(r)))],
    notes,
    checks,
    typedChannelsFirst: false,
    origin: { field: 'code', label: (i) => quote(lines, owner[i]?.line ?? 1) },
  };
}
