#!/usr/bin/env bash
# Installs everything a fresh machine with only Node.js 20 and npm needs:
# pnpm (pinned), Debian's Chromium for the browser tests and TeX Live for the
# exam-sheet LaTeX test (when apt is there and we are root), the Rust→WASM
# toolchain when asked (DNN_RUST=1), and the workspace's packages.
set -euo pipefail
cd "$(dirname "$0")/.."

want_pnpm=$(node -p "require('./package.json').packageManager.split('@')[1]")
if [ "$(pnpm --version 2>/dev/null || true)" != "$want_pnpm" ]; then
  npm install -g "pnpm@$want_pnpm" >/dev/null
fi

apt_packages=()
command -v chromium >/dev/null 2>&1 || apt_packages+=(chromium)
# pdftotext reads back the /exam page's print-to-PDF in a browser test.
command -v pdftotext >/dev/null 2>&1 || apt_packages+=(poppler-utils)
if [ "${DNN_RUST:-0}" = 1 ]; then
  [ -x /usr/bin/cargo ] || apt_packages+=(rustc cargo libstd-rust-dev-wasm32)
  command -v wasm-opt >/dev/null 2>&1 || apt_packages+=(binaryen)
fi
# pdflatex and the `exam` document class (the exam sheets' LaTeX is compiled in
# a test); without recommends, which would add ~1 GB of fonts and docs.
tex_packages=()
kpsewhich exam.cls >/dev/null 2>&1 || tex_packages+=(texlive-latex-extra)
if [ ${#apt_packages[@]} -gt 0 ] || [ ${#tex_packages[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    apt-get update -qq
    [ ${#apt_packages[@]} -eq 0 ] || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${apt_packages[@]}" >/dev/null
    [ ${#tex_packages[@]} -eq 0 ] ||
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${tex_packages[@]}" >/dev/null
  else
    echo "setup: please install ${apt_packages[*]} ${tex_packages[*]} (apt, as root) for the browser tests" >&2
  fi
fi

pnpm install --frozen-lockfile
