/**
 * A minimal ONNX model writer (protobuf wire format by hand: varints and length-delimited fields) for the
 * onnxruntime-web peer of the kernel benchmarks: one node, every tensor a graph input, float32 only.
 */

type Field = Uint8Array;

function varint(v: number): number[] {
  const out: number[] = [];
  let x = BigInt(v);
  if (x < 0n) x += 1n << 64n;
  do {
    let byte = Number(x & 0x7fn);
    x >>= 7n;
    if (x > 0n) byte |= 0x80;
    out.push(byte);
  } while (x > 0n);
  return out;
}

const concat = (parts: Field[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
};

const key = (field: number, wire: number) => varint(field * 8 + wire);
const int = (field: number, v: number): Field => Uint8Array.from([...key(field, 0), ...varint(v)]);
const bytes = (field: number, b: Uint8Array): Field =>
  concat([Uint8Array.from([...key(field, 2), ...varint(b.length)]), b]);
const str = (field: number, s: string): Field => bytes(field, new TextEncoder().encode(s));
const msg = (field: number, parts: Field[]): Field => bytes(field, concat(parts));

/** An attribute: an int, a float or a list of ints. */
export type Attr = number | number[] | { float: number };

function attribute(name: string, v: Attr): Field {
  if (Array.isArray(v)) return msg(5, [str(1, name), ...v.map((i) => int(8, i)), int(20, 7)]);
  if (typeof v === 'number') return msg(5, [str(1, name), int(3, v), int(20, 2)]);
  const f = new Uint8Array(4);
  new DataView(f.buffer).setFloat32(0, v.float, true);
  return msg(5, [str(1, name), Uint8Array.from([...key(2, 5), ...f]), int(20, 1)]);
}

function valueInfo(field: number, name: string, dims: number[]): Field {
  const shape = msg(
    2,
    dims.map((d) => msg(1, [int(1, d)])),
  );
  return msg(field, [str(1, name), msg(2, [msg(1, [int(1, 1), shape])])]);
}

/** A one-node ONNX model (opset 17): `inputs` and `outputs` as name → shape. */
export function onnxModel(
  opType: string,
  inputs: [string, number[]][],
  outputs: [string, number[]][],
  attrs: Record<string, Attr> = {},
): Uint8Array {
  const node = msg(1, [
    ...inputs.map(([n]) => str(1, n)),
    ...outputs.map(([n]) => str(2, n)),
    str(3, 'op'),
    str(4, opType),
    ...Object.entries(attrs).map(([k, v]) => attribute(k, v)),
  ]);
  const graph = msg(7, [
    node,
    str(2, 'bench'),
    ...inputs.map(([n, d]) => valueInfo(11, n, d)),
    ...outputs.map(([n, d]) => valueInfo(12, n, d)),
  ]);
  return concat([int(1, 8), str(2, 'dnn-bench'), graph, msg(8, [str(1, ''), int(2, 17)])]);
}
