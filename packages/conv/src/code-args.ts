/**
 * Arguments of a layer call in model code: literal values (numbers,
 * strings, booleans, None, tuples, integer arithmetic) and the binding of
 * positional and keyword arguments to parameter names, as Python would.
 */
import type { z } from '@dnn/core';
import type { layerSpec } from './layer-specs.js';
import type { PyExpr } from './python-call-parser.js';
import { CodeError } from './python-tokens.js';

/** A literal value of the code. */
export type Literal = number | string | boolean | null | Literal[];

/** A layer spec as conv/summary's `layers` takes it. */
export type LayerInput = z.input<typeof layerSpec>;

/** What one layer call of the code gives. */
export interface ReadLayer {
  /** Zero or more layers (an Identity gives none). */
  specs: LayerInput[];
  /** The input shape it declares (Keras input_shape / input_dim / Input), in the framework's order. */
  input?: number[];
  /** A channel count it states for its input (PyTorch in_channels, in_features). */
  check?: { expected: number; what: string };
}

/** The arguments of one call, by parameter name. */
export type Args = Record<string, Literal>;

const BINARY: Record<string, (a: number, b: number) => number> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => a / b,
  '//': (a, b) => Math.floor(a / b),
  '%': (a, b) => a - b * Math.floor(a / b),
  '**': (a, b) => a ** b,
};

/** The value of a literal expression; anything else (a variable, a call) is a {@link CodeError}. */
export function literal(e: PyExpr): Literal {
  switch (e.k) {
    case 'num':
    case 'str':
      return e.v;
    case 'name':
      if (e.id === 'True' || e.id === 'False') return e.id === 'True';
      if (e.id === 'None') return null;
      throw new CodeError(e.line, `the variable ${e.id} is not read here; write its value`);
    case 'tuple':
    case 'list':
      return e.items.map(literal);
    case 'neg': {
      const v = literal(e.e);
      if (typeof v !== 'number') throw new CodeError(e.line, 'only a number can be negated');
      return -v;
    }
    case 'bin': {
      const [l, r] = [literal(e.l), literal(e.r)];
      const f = BINARY[e.op];
      if (typeof l !== 'number' || typeof r !== 'number' || !f) {
        throw new CodeError(e.line, `${e.op} is read between numbers only`);
      }
      const v = f(l, r);
      if (!Number.isFinite(v)) throw new CodeError(e.line, `${l} ${e.op} ${r} is not a finite number`);
      return v;
    }
    default:
      throw new CodeError(e.line, 'only numbers, strings, True/False/None and tuples are read as arguments here');
  }
}

/** An argument's value; an activation may also be a function such as `tf.nn.relu` (read by its name). */
function argument(name: string, e: PyExpr): Literal {
  if ((name === 'activation' || name === 'recurrent_activation') && (e.k === 'attr' || e.k === 'name')) {
    const fn = e.k === 'attr' ? e.name : e.id;
    if (fn !== 'None') return fn;
  }
  return literal(e);
}

/** Keyword arguments that never change shapes or counts (initialisers, regularisers, names, dtypes …). */
const HARMLESS = new Set([
  'name',
  'dtype',
  'kernel_initializer',
  'bias_initializer',
  'kernel_regularizer',
  'bias_regularizer',
  'activity_regularizer',
  'kernel_constraint',
  'bias_constraint',
  'recurrent_initializer',
  'recurrent_regularizer',
  'recurrent_constraint',
  'embeddings_initializer',
  'embeddings_regularizer',
  'embeddings_constraint',
  'beta_initializer',
  'gamma_initializer',
  'moving_mean_initializer',
  'moving_variance_initializer',
  'beta_regularizer',
  'gamma_regularizer',
  'beta_constraint',
  'gamma_constraint',
  'momentum',
  'epsilon',
  'eps',
  'dropout',
  'recurrent_dropout',
  'recurrent_activation',
  'seed',
  'noise_shape',
  'inplace',
  'device',
  'unroll',
  'mask_zero',
  'batch_first',
  'track_running_stats',
  'padding_mode',
  'count_include_pad',
  'divisor_override',
  'return_indices',
  'max_norm',
  'norm_type',
  'scale_grad_by_freq',
  'sparse',
  'padding_idx',
  'implementation',
  'time_major',
  'stateful',
  'go_backwards',
  'dim',
  'axis',
  'start_dim',
  'end_dim',
  'negative_slope',
]);

/**
 * Binds a call's arguments to parameter names: positional ones in `params`
 * order, keyword ones by name. A keyword that is neither a parameter nor
 * harmless is an error (it might change the numbers).
 */
export function bind(
  call: Extract<PyExpr, { k: 'call' }>,
  cls: string,
  params: readonly string[],
  positional = params.length,
): Args {
  if (call.args.length > positional) {
    throw new CodeError(
      call.line,
      `${cls} takes at most ${positional} positional argument${positional === 1 ? '' : 's'} here`,
    );
  }
  const out: Args = {};
  call.args.forEach((a, i) => {
    const name = params[i] as string;
    out[name] = argument(name, a);
  });
  for (const { name, value } of call.kwargs) {
    if (params.includes(name)) {
      if (name in out) throw new CodeError(value.line, `${cls} gets ${name} twice`);
      out[name] = argument(name, value);
    } else if (!HARMLESS.has(name)) {
      throw new CodeError(value.line, `the argument ${name}= of ${cls} is not read here (it may change the counts)`);
    }
  }
  return out;
}

/** A whole number ≥ 1 (or a tuple of them) from an argument, as conv/summary's fields take them. */
export function size(v: Literal | undefined, line: number, what: string): number | number[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (Array.isArray(v)) {
    if (!v.every((x) => typeof x === 'number')) throw new CodeError(line, `${what} must be numbers`);
    return v.length === 1 ? (v[0] as number) : (v as number[]);
  }
  if (typeof v !== 'number')
    throw new CodeError(line, `${what} must be a number or a tuple (got ${JSON.stringify(v)})`);
  return v;
}

/** A shape tuple (input_shape, target_shape); `None` axes are not countable. */
export function shape(v: Literal | undefined, line: number, what: string): number[] | undefined {
  if (v === undefined || v === null) return undefined;
  const list = Array.isArray(v) ? v : [v];
  if (list.some((x) => x === null)) {
    throw new CodeError(
      line,
      `${what} has a None axis; write its size as a number (parameters do not depend on it, shapes do)`,
    );
  }
  if (!list.every((x) => typeof x === 'number')) throw new CodeError(line, `${what} must be a tuple of numbers`);
  return list as number[];
}

/** A string argument from a fixed set. */
export function choice(
  v: Literal | undefined,
  line: number,
  what: string,
  allowed: readonly string[],
): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' || !allowed.includes(v)) {
    throw new CodeError(
      line,
      `${what} ${JSON.stringify(v)} is not read here; use ${allowed.map((a) => JSON.stringify(a)).join(' or ')}`,
    );
  }
  return v;
}

/** A boolean argument (default `fallback`). */
export function flag(v: Literal | undefined, line: number, what: string, fallback: boolean): boolean {
  if (v === undefined) return fallback;
  if (typeof v !== 'boolean') throw new CodeError(line, `${what} must be True or False`);
  return v;
}
