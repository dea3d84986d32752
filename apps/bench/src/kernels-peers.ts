/** Benchmark peers of the @dnn/core-wasm kernels: @tensorflow/tfjs (wasm and cpu backends) and onnxruntime-web. */
import { createRequire } from 'node:module';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import * as ort from 'onnxruntime-web';
import type { Runner } from './kernels-measure.js';
import { type Attr, onnxModel } from './kernels-onnx.js';

let tfjsWasmReady = false;

/** Switches tfjs to `wasm` (XNNPACK, SIMD binary, 1 thread) or `cpu`; returns a description of the backend. */
export async function useTfjs(backend: 'wasm' | 'cpu'): Promise<string> {
  if (backend === 'wasm' && !tfjsWasmReady) {
    const require = createRequire(import.meta.url);
    setWasmPaths(`${path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json'))}/dist/`);
    setThreadsCount(1);
    tfjsWasmReady = true;
  }
  await tf.setBackend(backend);
  await tf.ready();
  const simd = backend === 'wasm' ? `, SIMD ${tf.env().getBool('WASM_HAS_SIMD_SUPPORT')}` : '';
  return `tfjs ${tf.version.tfjs} ${tf.getBackend()}${simd}`;
}

export { tf };

let ortReady = false;

/** A one-node onnxruntime-web session (wasm, 1 thread) and its feeds; the runner awaits session.run. */
export async function ortRunner(
  opType: string,
  inputs: [string, number[], Float32Array][],
  outputs: [string, number[]][],
  attrs: Record<string, Attr> = {},
): Promise<Runner> {
  if (!ortReady) {
    ort.env.wasm.numThreads = 1;
    ort.env.logLevel = 'error';
    ortReady = true;
  }
  const model = onnxModel(
    opType,
    inputs.map(([n, d]) => [n, d]),
    outputs,
    attrs,
  );
  const session = await ort.InferenceSession.create(model, {
    executionProviders: ['wasm'],
    graphOptimizationLevel: 'all',
  });
  const feeds = Object.fromEntries(inputs.map(([n, d, data]) => [n, new ort.Tensor('float32', data, d)]));
  return async () => {
    const out = await session.run(feeds);
    for (const t of Object.values(out)) t.dispose();
  };
}

/** onnxruntime-web's version string. */
export const ortVersion = (): string => `onnxruntime-web ${ort.env.versions.web ?? '?'}`;
