/**
 * Bundle sizes of issue 14's budgets (esbuild, minified): one solver, `DnnInputError` alone, `@dnn/conv`'s
 * `solve`, bundled from the workspace's built packages. The consumer test (scripts/consumer-test.mjs)
 * measures the same cases on the packed tarballs and fails on an enforced budget.
 */
import { fileURLToPath } from 'node:url';

interface SizeModule {
  measure(dir: string): Promise<unknown[]>;
  report(results: unknown[], log?: (line: string) => void): number;
}

export async function bundleSizes(): Promise<void> {
  const script = new URL('../../../scripts/bundle-sizes.mjs', import.meta.url);
  const { measure, report } = (await import(script.href)) as SizeModule;
  // apps/cli depends on every solver package and on esbuild: resolve the packages from there.
  const from = fileURLToPath(new URL('../../cli/', import.meta.url));
  report(await measure(from), (line) => console.log(`  ${line}`));
}
