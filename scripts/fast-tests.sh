#!/usr/bin/env bash
# scripts/fast-tests.sh [swift test options]   e.g. scripts/fast-tests.sh --skip-build
#
# The unit and view tests only: core, store, exchange, UI, terminal, use cases, audio and
# the runtime's loop (on a scripted terminal). After a build
# (`swift build --build-tests`) they take about 20 s on two shared cores (measured: 772
# tests, 17 to 30 s wall, the scripted test calls' audio included).
#
# Left out: the store's kill -9 test (it spawns writers and kills them), and the
# EndToEndTests and HardeningTests targets, which drive the real binary in tmux and on
# pseudo-terminals for minutes. Plain `swift test` runs everything, as CI does.
set -euo pipefail
cd "$(dirname "$0")/.."
exec swift test \
    --filter '^(CallboardCoreTests|CallboardStoreTests|CallboardExchangeTests|CallboardUITests|CallboardTerminalTests|CallboardUseCasesTests|CallboardRuntimeTests|CallboardAudioTests)\.' \
    --skip '^CallboardStoreTests\.StoreCrashTests' \
    "$@"
