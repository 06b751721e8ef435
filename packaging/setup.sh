#!/usr/bin/env bash
# One-command set-up for a fresh Debian 12 machine (run as root; idempotent). Both commands build
# in build/main, so whichever runs second only rebuilds what changed.
#   packaging/setup.sh run [--headless]   install, build, open the sample project in the workbench
#                                         (--headless, or no display: the closed loop in the terminal)
#   packaging/setup.sh test               install, check the layout (.clang-format), build, run
#                                         .clang-tidy's checks on the files the newest commit
#                                         touches, then the whole test suite through ctest: the
#                                         gui, fault and slow tests in build/main, the unit tests
#                                         under AddressSanitizer and UBSan, and a smoke run of
#                                         every fuzz target (build/asan, clang; PRODA_FUZZ_SECONDS)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
mode="${1:-run}"
shift || true

packages=(
  build-essential cmake ninja-build ccache pkg-config python3 sqlite3
  qt6-base-dev qt6-charts-dev libqt6opengl6-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools
  qt6-l10n-tools libqt6sql6-sqlite nlohmann-json3-dev libsqlite3-dev zlib1g-dev
  libtorch-dev libgloo-dev libsentencepiece-dev libopenblas0-pthread
  xvfb xauth wordnet-base dict-foldoc dict-gcide desktop-file-utils appstream
  clang libclang-rt-14-dev llvm clang-format clang-tidy
)

install_missing() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if ((${#missing[@]})); then
    echo "== installing ${#missing[@]} Debian package(s): ${missing[*]}"
    if [ "$(id -u)" -ne 0 ]; then
      echo "error: installing packages needs root (run this command as root, or install: ${missing[*]})" >&2
      exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}"
  else
    echo "== all ${#packages[@]} Debian packages present"
  fi
}

build() {
  local dir="$1"
  echo "== configuring and building in $dir"
  # CI holds the build to no warnings at all.
  local werror=OFF
  [ "${CI:-}" = "true" ] && werror=ON
  cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPRODA_WERROR=$werror >/dev/null
  cmake --build "$dir" -j2
}

# The sanitizer build (CMakePresets.json, preset asan): the unit tests under ASan and UBSan, then
# every fuzz target for PRODA_FUZZ_SECONDS from its seeds.
sanitized_tests() {
  echo "== configuring and building the sanitizer and fuzz build in build/asan (clang)"
  cmake --preset asan >/dev/null
  cmake --build --preset asan
  echo "== the unit tests under AddressSanitizer and UBSan"
  ctest --preset asan --timeout 900
  echo "== fuzzing every reader of outside input for ${PRODA_FUZZ_SECONDS:-60} s each"
  ctest --test-dir build/asan -L fuzz -j2 --output-on-failure --timeout 900
}

case "$mode" in
  test)
    install_missing
    bash packaging/lint.sh format
    build build/main
    bash packaging/lint.sh tidy-changed build/main
    echo "== running the test suite"
    export QT_QPA_PLATFORM=offscreen
    # The unit tests run in the sanitizer build below; everything else (gui, fault, slow) here.
    ctest --test-dir build/main -LE '^unit$' --output-on-failure --timeout 900 -j2
    sanitized_tests
    ;;
  run)
    install_missing
    build build/main
    P=build/main/app/proda
    # The sample project: six WordNet topic domains bundled in resources/sample, built in about a second.
    sample=build/sample/sample.proda
    if [ ! -f "$sample" ]; then
      echo "== building the sample project (bundled WordNet sample) into $sample"
      mkdir -p build/sample
      "$P" init "$sample" --sample || { rm -rf "$sample" "$sample.d"; exit 2; }
    fi
    headless=0
    [ "${1:-}" = "--headless" ] && headless=1
    [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && headless=1
    if ((headless)); then
      echo "== $sample"
      "$P" stats "$sample"
      echo
      echo "== the closed loop in the terminal: round 1, a targeted round 2 and the random baseline"
      "$P" demo build/sample/demo --force
    else
      exec build/main/app/proda-workbench "$sample"
    fi
    ;;
  *)
    echo "usage: packaging/setup.sh run [--headless] | test" >&2
    exit 1
    ;;
esac
