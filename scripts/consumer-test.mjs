#!/usr/bin/env node
// The consumer test of issue 14: what a dependant gets from npm, checked on the packed tarballs.
//   1. pack every publishable package as `pnpm publish` would (workspace: ranges rewritten);
//   2. install the tarballs with plain npm into a temporary project (plus typescript, esbuild, @types/node);
//   3. ES module import and CommonJS require (Node >= 20.19 require of ESM) of every package;
//   4. tsc under node16 and under bundler resolution, skipLibCheck off, with type tests (a misspelt field
//      and an unknown id must not compile);
//   5. the esbuild bundle-size budgets (scripts/bundle-sizes.mjs);
//   6. `npx dnn-solvers list` prints every id, `npx dnn-solvers --version` the version, and its `solve`
//      finds the wasm kernels (as `kernels()` does in 3: Node reads the packed dnn_core.wasm);
//   7. every ```ts block of the packed READMEs (and the repository README's library example) runs.
// Run after `pnpm build` (`pnpm consumer-test` does both). Exits non-zero on the first failure.
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const started = Date.now();
const step = (text) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${text}`);
const run = (cmd, args, opts = {}) =>
  execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...opts });

/** Runs a script of the temporary project with node; on failure, throws with its stderr only. */
const nodeRun = (file) => {
  try {
    return run('node', [file], { cwd: app }).trimEnd();
  } catch (e) {
    throw new Error(`node ${file} failed:\n${e.stderr}`);
  }
};
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const dirs = ['packages', 'apps'].flatMap((r) => readdirSync(join(root, r)).map((n) => join(root, r, n)));
const publishable = dirs.filter((dir) => {
  try {
    return !readJson(join(dir, 'package.json')).private;
  } catch {
    return false;
  }
});
const names = publishable.map((dir) => readJson(join(dir, 'package.json')).name);

const work = mkdtempSync(join(tmpdir(), 'dnn-consumer-'));
const tarballs = join(work, 'tarballs');
const app = join(work, 'app');
mkdirSync(tarballs);
mkdirSync(app);

// 1. Pack.
step(`packing ${names.join(', ')}`);
const packed = {};
for (const dir of publishable) {
  const before = new Set(readdirSync(tarballs));
  run('pnpm', ['pack', '--pack-destination', tarballs], { cwd: dir });
  const file = readdirSync(tarballs).find((f) => !before.has(f));
  packed[readJson(join(dir, 'package.json')).name] = join(tarballs, file);
}
const sizes = Object.entries(packed).map(([name, file]) => [name, readFileSync(file).length]);
for (const [name, bytes] of sizes)
  console.log(`        ${name.padEnd(18)} ${(bytes / 1000).toFixed(1).padStart(7)} KB packed`);

// 2. Install with plain npm.
const version = (pkg, from = root) => readJson(join(from, 'node_modules', pkg, 'package.json')).version;
writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2));
step('npm install of the tarballs, typescript, esbuild, @types/node');
run(
  'npm',
  [
    'install',
    '--no-audit',
    '--no-fund',
    '--prefer-offline',
    '--loglevel=error',
    ...Object.values(packed),
    `typescript@${version('typescript')}`,
    `esbuild@${version('esbuild', join(root, 'apps/cli'))}`,
    '@types/node@20',
  ],
  { cwd: app },
);
for (const name of names) {
  const installed = readJson(join(app, 'node_modules', name, 'package.json'));
  const local = readJson(join(publishable[names.indexOf(name)], 'package.json'));
  if (installed.description !== local.description) throw new Error(`${name} did not come from our tarball`);
}

// 2b. What a strict consumer (pnpm with hoist=false) sees: every bare import in a package's .js and .d.ts
//     files names a declared dependency or peer dependency (zod wherever the types mention it).
step('every bare import of the packed files is a declared dependency');
const builtin = new Set(builtinModules);
const filesOf = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesOf(join(dir, e.name)) : /\.(m?js|d\.ts)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
for (const name of names) {
  const dir = join(app, 'node_modules', name);
  const pkg = readJson(join(dir, 'package.json'));
  const declared = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {}), name]);
  for (const file of filesOf(join(dir, 'dist'))) {
    const text = readFileSync(file, 'utf8');
    const specifiers =
      /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)["']((?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*(?:\/[\w.-]+)*)["']/g;
    for (const m of text.matchAll(specifiers)) {
      const spec = m[1];
      const pkgName = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
      if (spec.startsWith('node:') || builtin.has(pkgName) || declared.has(pkgName)) continue;
      throw new Error(`${name}: ${file.slice(dir.length + 1)} imports ${spec}, which package.json does not declare`);
    }
  }
}

// 3. ESM import and CommonJS require of every package.
step('ESM import and CommonJS require of every package');
const probe = {
  'conv/output-shape': { inputShape: [3, 256, 256], outChannels: 96, kernel: 11, stride: 4, padding: 5 },
};
writeFileSync(
  join(app, 'esm.mjs'),
  `${names.map((n, i) => `import * as m${i} from '${n}';`).join('\n')}
const mods = { ${names.map((n, i) => `'${n}': m${i}`).join(', ')} };
for (const [name, m] of Object.entries(mods)) if (Object.keys(m).length === 0) throw new Error(name + ': no exports');
const shape = mods['@dnn/conv'].solve('conv/output-shape', ${JSON.stringify(probe['conv/output-shape'])}).answer.outputShape;
if (JSON.stringify(shape) !== '[96,64,64]') throw new Error('ESM solve: ' + shape);
if (mods['dnn-solvers'].list().length < 30) throw new Error('dnn-solvers list');
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
const schemaFile = createRequire(import.meta.url).resolve('@dnn/conv/schemas/output-shape.input.json');
const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
if (!schema.properties?.inputShape || !schema.properties?.kernel) throw new Error('@dnn/conv/schemas/output-shape.input.json');
const { default: answerSchema } = await import('@dnn/rnn/schemas/params.answer.json', { with: { type: 'json' } });
if (answerSchema.properties?.params?.kind !== 'count') throw new Error('@dnn/rnn/schemas/params.answer.json');
const backend = mods['@dnn/core-wasm'].kernels().backend; // Node reads the packed wasm/dnn_core.wasm synchronously
if (backend !== 'wasm') throw new Error('@dnn/core-wasm kernels(): ' + backend);
console.log('        ESM ok: ' + Object.keys(mods).length + ' packages, conv/output-shape → ' + JSON.stringify(shape) + '; JSON Schemas resolve through ./schemas/*; kernels from the packed dnn_core.wasm');
`,
);
console.log(nodeRun('esm.mjs'));
writeFileSync(
  join(app, 'cjs.cjs'),
  `const names = ${JSON.stringify(names)};
for (const name of names) if (Object.keys(require(name)).length === 0) throw new Error(name + ': no exports');
const shape = require('@dnn/conv').solve('conv/output-shape', ${JSON.stringify(probe['conv/output-shape'])}).answer.outputShape;
if (JSON.stringify(shape) !== '[96,64,64]') throw new Error('CJS solve: ' + shape);
const { solve, DnnInputError } = require('dnn-solvers');
try { solve('conv/output-shape', { inputShape: [3, 8, 8], outChannels: 4, kernel: 0 }); throw new Error('no error'); }
catch (e) { if (!(e instanceof DnnInputError) || e.path !== 'kernel') throw e; }
if (require('@dnn/core-wasm').kernels().backend !== 'wasm') throw new Error('CJS kernels() did not load dnn_core.wasm');
console.log('        CommonJS ok: require() of ' + names.length + ' packages, conv/output-shape → ' + JSON.stringify(shape) + ', wasm kernels');
`,
);
console.log(nodeRun('cjs.cjs'));

// 7 (extracted now, type-checked in 4). README code blocks: the packed READMEs and the repository's.
const readmes = [
  ...names.map((n) => [n, join(app, 'node_modules', n, 'README.md')]),
  ['repository README', join(root, 'README.md')],
];
const blocks = [];
for (const [name, file] of readmes) {
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/```ts\n([\s\S]*?)```/g)) {
    if (!/from ['"](@dnn\/[a-z-]+|dnn-solvers)['"]/.test(m[1])) continue;
    blocks.push({ name, file: `readme-${blocks.length + 1}.ts`, code: m[1] });
  }
}
mkdirSync(join(app, 'readme'));
for (const b of blocks) writeFileSync(join(app, 'readme', b.file), `// ${b.name}\n${b.code}\nexport {};\n`);

// 4. TypeScript: node16 and bundler resolution, strict, skipLibCheck off.
writeFileSync(
  join(app, 'types.ts'),
  `import { type OutputShapeAnswer, outputShape, solve } from '@dnn/conv';
import { DnnInputError, type Solution } from '@dnn/core';
import { list, solve as solveAny } from 'dnn-solvers';
import { generators } from '@dnn/practice';
import { kernels } from '@dnn/core-wasm';
import { main } from '@dnn/cli';

const { answer } = solve('conv/output-shape', { inputShape: [3, 256, 256], outChannels: 96, kernel: 11, stride: 4, padding: 5 });
const shape: number[] = answer.outputShape;
const typed: OutputShapeAnswer = answer;
const ran: Solution<OutputShapeAnswer> = outputShape.run({ inputShape: [3, 32, 32], outChannels: 8, kernel: 3 });
const params: number = solveAny('rnn/params', { cell: 'lstm', inputSize: 10, hiddenSize: 20 }).answer.params;
// @ts-expect-error a misspelt field (kernels for weight) does not compile
solve('conv/forward', { input: [[1]], kernels: [[1]] });
// @ts-expect-error an unknown id does not compile
solveAny('conv/outputshape', { inputShape: [3, 8, 8], kernel: 3 });
// @ts-expect-error a wrong answer field does not compile
answer.outputShapes;
export const used = [shape, typed, ran, params, list, DnnInputError, generators, kernels, main];
`,
);
const tsconfig = (module, moduleResolution) => ({
  compilerOptions: {
    target: 'ES2022',
    module,
    moduleResolution,
    lib: ['ES2022', 'DOM'],
    types: ['node'],
    strict: true,
    skipLibCheck: false,
    noEmit: true,
  },
  files: ['types.ts', ...blocks.map((b) => `readme/${b.file}`)],
});
writeFileSync(join(app, 'tsconfig.node16.json'), JSON.stringify(tsconfig('node16', 'node16'), null, 2));
writeFileSync(join(app, 'tsconfig.bundler.json'), JSON.stringify(tsconfig('esnext', 'bundler'), null, 2));
const tsc = join(app, 'node_modules/typescript/bin/tsc');
const configs = ['tsconfig.node16.json', 'tsconfig.bundler.json'];
step(
  `tsc -p ${configs.join(' and ')}, in parallel (strict, skipLibCheck false; types.ts and ${blocks.length} README blocks)`,
);
await Promise.all(
  configs.map(
    (config) =>
      new Promise((done, fail) =>
        execFile('node', [tsc, '-p', config], { cwd: app }, (error, stdout, stderr) =>
          error ? fail(new Error(`tsc -p ${config} failed:\n${stdout}${stderr}`)) : done(),
        ),
      ),
  ),
);

// 5. Bundle sizes with esbuild, from the installed tarballs.
step('bundle sizes (esbuild, minified)');
const sizesModule = await import(pathToFileURL(join(root, 'scripts/bundle-sizes.mjs')).href);
const over = sizesModule.report(await sizesModule.measure(app), (line) => console.log(`        ${line}`));
if (over) throw new Error(`${over} bundle-size budget(s) exceeded`);

// 6. npx dnn-solvers.
step('npx dnn-solvers list / --version');
const listed = run('npx', ['--no-install', 'dnn-solvers', 'list'], { cwd: app });
const expectedIds = JSON.parse(
  run(
    'node',
    [
      '--input-type=module',
      '-e',
      "import { list } from 'dnn-solvers'; console.log(JSON.stringify(list().map((s) => s.id)))",
    ],
    {
      cwd: app,
    },
  ),
);
for (const id of expectedIds) if (!listed.includes(id)) throw new Error(`npx dnn-solvers list lacks ${id}`);
const printed = run('npx', ['--no-install', 'dnn-solvers', '--version'], { cwd: app }).trim();
if (printed !== readJson(join(app, 'node_modules/dnn-solvers/package.json')).version)
  throw new Error(`--version: ${printed}`);
// The bin's kernels: a conv/forward of 294,912 multiply-adds (the kernels start at 65,536) in precision "single".
const big = readJson(join(root, 'scripts/fixtures/conv-forward-above-threshold.json'));
writeFileSync(join(app, 'big-conv.json'), JSON.stringify({ ...big, precision: 'single' }));
const bigSolved = JSON.parse(
  run('npx', ['--no-install', 'dnn-solvers', 'solve', 'conv/forward', '--input', 'big-conv.json', '--format', 'json'], {
    cwd: app,
  }),
);
if (!bigSolved.notes.some((n) => n.includes('computed in single precision (float32) by the WASM SIMD kernel')))
  throw new Error(`the dnn bin did not use the packed wasm kernels: ${bigSolved.notes.join(' ')}`);
console.log(
  `        npx dnn-solvers list: ${expectedIds.length} ids; --version ${printed}; solve uses the wasm kernels`,
);

// 7. README blocks run (as ES modules; they are plain JavaScript apart from their imports).
step(`running ${blocks.length} README code blocks`);
for (const b of blocks) {
  const js = join(app, 'readme', b.file.replace(/\.ts$/, '.mjs'));
  writeFileSync(js, b.code);
  try {
    run('node', [js], { cwd: app });
  } catch (e) {
    throw new Error(`README block of ${b.name} failed:\n${b.code}\n${e.stderr}`);
  }
  console.log(`        ok ${b.name}`);
}

if (!process.env.DNN_KEEP_CONSUMER) rmSync(work, { recursive: true, force: true });
else console.log(`kept ${work}`);
step('consumer test passed');
