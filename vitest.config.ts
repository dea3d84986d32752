import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

// Unit tests run on the TypeScript sources; the CLI tests run the built `dnn` binary.
export default defineConfig({
  resolve: {
    alias: {
      '@dnn/core': src('core'),
      '@dnn/conv': src('conv'),
      '@dnn/rnn': src('rnn'),
      '@dnn/optim': src('optim'),
      '@dnn/logic-nets': src('logic-nets'),
      '@dnn/core-wasm': src('core-wasm'),
      '@dnn/practice': src('practice'),
    },
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts'],
    testTimeout: 120_000,
    setupFiles: ['./vitest.setup.ts'],
  },
});
