/**
 * Answers keyed by rubric paths, as a spreadsheet gives them (one column or row per field):
 * `{"layers[2].outputShape": "8×4×4", "totalParams": 1234}` becomes `{layers: [, , {outputShape: "8×4×4"}], …}`.
 */

/** Largest list index a path key may name (a larger one is left as a plain key, so it grades as missing). */
const MAX_INDEX = 10_000;

/** The segments of a path key (`a.b[2].c` → a, b, 2, c), or undefined when it is not a plain path. */
function segments(key: string): (string | number)[] | undefined {
  if (key.length > 200) return undefined;
  const parts = key.match(/[^.[\]]+/g) ?? [];
  const out = parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  return out.length > 1 && out.every((p) => p !== '*' && (typeof p === 'string' || p <= MAX_INDEX)) ? out : undefined;
}

/** Sets an own property (also for names such as `__proto__`, which plain assignment would not create). */
function put(target: Record<string | number, unknown>, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * The student's answer with path keys (`layers[2].outputShape`) expanded into nested values; containers on the
 * way are copied, never the student's own objects changed. Keys without `.` or `[` are kept as they are.
 */
export function withPathKeys(student: Record<string, unknown>): Record<string, unknown> {
  const pathKeys = Object.keys(student).filter((k) => k.includes('.') || k.includes('['));
  if (pathKeys.length === 0) return student;
  const out: Record<string, unknown> = { ...student };
  for (const key of pathKeys) {
    const path = segments(key);
    if (!path) continue;
    delete out[key];
    let node = out as Record<string | number, unknown>;
    path.forEach((segment, i) => {
      if (i === path.length - 1) {
        put(node, segment, student[key]);
        return;
      }
      const current = Object.hasOwn(node, segment) ? node[segment] : undefined;
      const child =
        typeof path[i + 1] === 'number'
          ? Array.isArray(current)
            ? [...current]
            : []
          : current !== null && typeof current === 'object' && !Array.isArray(current)
            ? { ...current }
            : {};
      put(node, segment, child);
      node = child as Record<string | number, unknown>;
    });
  }
  return out;
}
