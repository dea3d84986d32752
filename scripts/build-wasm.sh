#!/usr/bin/env bash
# Rebuilds the @dnn/core-wasm kernels from crates/core-wasm, deterministically:
#   packages/core-wasm/wasm/dnn_core.wasm   the binary (committed; shipped in the package and loaded by src/loader.ts)
# Usage: scripts/build-wasm.sh          rebuild and overwrite it
#        scripts/build-wasm.sh --check  rebuild elsewhere and fail if the committed file differs
# Toolchain: Debian's Rust (apt-get install -y rustc cargo libstd-rust-dev-wasm32).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
crate="$root/crates/core-wasm"
pkg="$root/packages/core-wasm"
mode=${1:-write}

export RUSTC=${RUSTC:-/usr/bin/rustc}
cargo=${CARGO:-/usr/bin/cargo}
[ -x "$RUSTC" ] || { echo "build-wasm: $RUSTC not found (apt-get install -y rustc cargo libstd-rust-dev-wasm32)" >&2; exit 2; }

target_dir=$(mktemp -d)
out_dir=$(mktemp -d)
trap 'rm -rf "$target_dir" "$out_dir"' EXIT

# Fixed flags; every absolute path that could leak into the binary is remapped.
export RUSTFLAGS="-C target-feature=+simd128 -C llvm-args=-disable-lsr -C debuginfo=0 --remap-path-prefix=$crate=/dnn/crates/core-wasm --remap-path-prefix=$target_dir=/dnn/target --remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}=/cargo"
export CARGO_INCREMENTAL=0 SOURCE_DATE_EPOCH=0
unset CARGO_BUILD_RUSTFLAGS CARGO_ENCODED_RUSTFLAGS

(cd "$crate" && "$cargo" build --quiet --release --offline --locked --target wasm32-unknown-unknown --target-dir "$target_dir")
cp "$target_dir/wasm32-unknown-unknown/release/dnn_core_wasm.wasm" "$out_dir/dnn_core.wasm"

if [ "$mode" = "--check" ]; then
  cmp "$out_dir/dnn_core.wasm" "$pkg/wasm/dnn_core.wasm" || { echo "build-wasm: packages/core-wasm/wasm/dnn_core.wasm differs from a rebuild of crates/core-wasm" >&2; exit 1; }
  echo "build-wasm: committed dnn_core.wasm ($(wc -c < "$pkg/wasm/dnn_core.wasm") bytes) is reproducible"
  exit 0
fi
mkdir -p "$pkg/wasm"
cp "$out_dir/dnn_core.wasm" "$pkg/wasm/dnn_core.wasm"
echo "build-wasm: wrote packages/core-wasm/wasm/dnn_core.wasm ($(wc -c < "$pkg/wasm/dnn_core.wasm") bytes)"
