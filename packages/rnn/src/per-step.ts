/**
 * Weights that change over time (`weightsPerStep`) and the exam names of the
 * weights (U, W, V), shared by rnn/forward and rnn/lstm-forward: one weight set
 * per time step, each field falling back to the top-level one, with the path
 * of the field it came from for error messages.
 */
import { DnnInputError, LIMITS } from '@dnn/core';
import * as z from 'zod/mini';

/** One weight field of a solver: its name, its exam alias (U, W or V) and whether every time step needs it. */
export interface WeightSpec {
  name: string;
  alias?: 'U' | 'W' | 'V';
  required: boolean;
  /** Given for some time steps only is an error (an output layer exists at every step or at none). */
  allOrNone?: boolean;
}

/** The weights of one time step: values and the input path each came from. */
export interface WeightSet {
  values: Record<string, unknown>;
  paths: Record<string, string>;
}

/** The `weightsPerStep` schema field over an entry schema (one weight set per time step). */
export function weightsPerStepField<T extends z.ZodMiniType>(entry: T, fields: string) {
  return z
    .optional(z.array(entry).check(z.minLength(1), z.maxLength(LIMITS.steps)))
    .check(
      z.describe(
        `Weights that change over time (optional): one weight set per time step, in the order of xs (${fields}). A field left out of an entry comes from the top level; without weightsPerStep every step uses the top-level weights.`,
      ),
    );
}

const ROLE: Record<'U' | 'W' | 'V', string> = {
  U: 'input weights',
  W: 'recurrent weights',
  V: 'output weights',
};

/** Reads `name` or its alias from `obj` (both given is an error); records the alias in `used` when it is the one given. */
function pick(
  obj: Record<string, unknown>,
  spec: WeightSpec,
  prefix: string,
  used: Set<string>,
): { value: unknown; path: string } | undefined {
  const direct = obj[spec.name];
  const aliased = spec.alias === undefined ? undefined : obj[spec.alias];
  if (direct !== undefined && aliased !== undefined) {
    throw new DnnInputError(
      `${prefix}${spec.alias}`,
      `is the exam name of ${spec.name} (${ROLE[spec.alias as 'U']}); give only one of ${spec.alias} and ${spec.name}`,
    );
  }
  if (direct !== undefined) return { value: direct, path: `${prefix}${spec.name}` };
  if (aliased !== undefined) {
    used.add(spec.alias as string);
    return { value: aliased, path: `${prefix}${spec.alias}` };
  }
  return undefined;
}

/**
 * The weight set of every time step: `entries[t]` over the top-level fields of `top` (the same object for every step
 * when there are no entries, so a caller can compute per set once). `aliases` lists the exam names that were used.
 */
export function weightSets(
  top: Record<string, unknown>,
  entries: readonly Record<string, unknown>[] | undefined,
  T: number,
  specs: readonly WeightSpec[],
): { sets: WeightSet[]; aliases: string[] } {
  const used = new Set<string>();
  const base: WeightSet = { values: {}, paths: {} };
  for (const spec of specs) {
    const got = pick(top, spec, '', used);
    if (got) {
      base.values[spec.name] = got.value;
      base.paths[spec.name] = got.path;
    }
  }
  if (entries === undefined) {
    for (const spec of specs) {
      if (spec.required && base.values[spec.name] === undefined) {
        throw new DnnInputError(spec.name, `is required${spec.alias ? ` (or its exam name ${spec.alias})` : ''}`);
      }
    }
    return { sets: new Array<WeightSet>(T).fill(base), aliases: [...used] };
  }
  if (entries.length !== T) {
    throw new DnnInputError(
      'weightsPerStep',
      `has ${entries.length} weight set${entries.length === 1 ? '' : 's'} but xs has ${T} time step${T === 1 ? '' : 's'}; give one weight set per time step`,
    );
  }
  const sets = entries.map((entry, t) => {
    const set: WeightSet = { values: { ...base.values }, paths: { ...base.paths } };
    for (const spec of specs) {
      const got = pick(entry, spec, `weightsPerStep[${t}].`, used);
      if (got) {
        set.values[spec.name] = got.value;
        set.paths[spec.name] = got.path;
      } else if (spec.required && set.values[spec.name] === undefined) {
        throw new DnnInputError(
          `weightsPerStep[${t}].${spec.name}`,
          `is required: give ${spec.name}${spec.alias ? ` (or ${spec.alias})` : ''} in every weight set or once at the top level`,
        );
      }
    }
    return set;
  });
  for (const spec of specs) {
    if (!spec.allOrNone) continue;
    const missing = sets.findIndex((s) => s.values[spec.name] === undefined);
    if (missing >= 0 && sets.some((s) => s.values[spec.name] !== undefined)) {
      throw new DnnInputError(
        `weightsPerStep[${missing}].${spec.name}`,
        `is missing while other time steps give ${spec.name}; give it in every weight set or once at the top level`,
      );
    }
  }
  return { sets, aliases: [...used] };
}

/**
 * Computes `parse` once per distinct weight set (without weightsPerStep every step shares one), in time order, so
 * the first bad field is reported at its own time step.
 */
export function perSet<R>(sets: readonly WeightSet[], parse: (set: WeightSet) => R): R[] {
  const cache = new Map<WeightSet, R>();
  return sets.map((set) => {
    let r = cache.get(set);
    if (r === undefined) {
      r = parse(set);
      cache.set(set, r);
    }
    return r;
  });
}

/** The notes for weights per step and for the exam names used. */
export function perStepNotes(perStep: boolean, aliases: readonly string[], names: Record<string, string>): string[] {
  const notes: string[] = [];
  if (perStep) {
    notes.push(
      'Weights change over time: time step t uses weightsPerStep[t − 1]; a field that entry leaves out comes from the top level.',
    );
  }
  if (aliases.length > 0) {
    notes.push(
      `Exam names read as ${aliases.map((a) => `${a} → ${names[a]}`).join(', ')} (the naming s_t = act(U·x_t + W·s_{t−1}), y_t = V·s_t). Some courses swap the letters (e.g. h_t = tanh(V·h_{t−1} + W·x_t)): check which matrix multiplies x_t and name the fields accordingly.`,
    );
  }
  return notes;
}
