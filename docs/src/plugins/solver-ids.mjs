// Prints every registered solver as JSON: [{ id, title, description, package,
// calculator }], where `calculator` is the data its calculator page shows
// before solving anything itself (calculator-data.mjs). Runs in plain Node (the
// packages are ESM-only, which the config loader cannot require), from the docs
// package: every @dnn/* dependency that exports `solvers` counts.
import { readFileSync } from 'node:fs';
import { calculatorData } from '../components/calculator-data.mjs';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
const catalog = [];
for (const name of Object.keys(pkg.dependencies ?? {}).filter((n) => n.startsWith('@dnn/'))) {
  const mod = await import(name);
  for (const solver of mod.solvers ?? []) {
    catalog.push({
      id: solver.id,
      title: solver.title,
      description: solver.description ?? '',
      package: name,
      calculator: calculatorData(solver, { pkg: name }),
    });
  }
}
process.stdout.write(JSON.stringify(catalog));
