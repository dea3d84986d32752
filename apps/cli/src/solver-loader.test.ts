/** The lazily loaded registry: one package for `dnn solve <id>`, every package otherwise. */
import { describe, expect, it } from 'vitest';
import { registry } from './registry.js';
import { registryFor } from './solver-loader.js';

const ids = (r: { list(): { id: string }[] }) => r.list().map((s) => s.id);

describe('registryFor', () => {
  it("loads only the package of a solve's id, with that package's solvers in catalog order", async () => {
    for (const prefix of ['conv', 'rnn', 'optim', 'logic']) {
      const expected = ids(registry).filter((id) => id.startsWith(`${prefix}/`));
      expect(expected.length).toBeGreaterThan(0);
      expect(ids(await registryFor(['solve', expected[0] as string, '--json', '{}']))).toEqual(expected);
    }
  });

  it('loads every package for other commands, a solve without an id, and ids its package does not hold', async () => {
    const all = ids(registry);
    for (const argv of [['batch'], ['list'], ['solve'], ['solve', '--help'], ['solve', 'conv/nope'], ['solve', 'x/y']])
      expect(ids(await registryFor(argv))).toEqual(all);
  });
});
