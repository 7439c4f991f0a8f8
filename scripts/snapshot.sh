#!/usr/bin/env bash
# Copies the working tree (sources only) to $1 so a long build never sees a file change mid-way.
set -euo pipefail
dest="$1"
src="$(cd "$(dirname "$0")/.." && pwd)"
mkdir -p "$dest"
cd "$src"
rm -rf "$dest/Sources" "$dest/Tests" "$dest/Benchmarks/Sources" "$dest/Fuzz/Sources"
tar --exclude='.build*' --exclude='.git' --exclude='Benchmarks/.build' --exclude='Fuzz/.build' -cf - . | (cd "$dest" && tar -xf -)
