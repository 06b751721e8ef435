#!/usr/bin/env bash
# The source checks CI holds every change to (Debian 12 packages clang-format and clang-tidy).
#   packaging/lint.sh format              every tracked C++ file is as .clang-format lays it out
#                                         (lists the files that are not; fix with `format --fix`)
#   packaging/lint.sh format --fix        lays them out in place
#   packaging/lint.sh tidy BUILD [FILE..] .clang-tidy's checks on FILEs (default: every .cpp file
#                                         of core, widgets, app, tests and bench), with the
#                                         compile commands of BUILD; fails on any finding
#   packaging/lint.sh tidy-changed BUILD  the same on the .cpp files the newest commit touches, and
#                                         on the .cpp file beside each header it touches (what CI
#                                         runs: the whole tree takes about 15 minutes on 2 cores)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mode="${1:-}"
shift || true

sources() { git ls-files '*.cpp' '*.h'; }

# The files tidy reads: the fuzz targets are built by clang in the sanitizer build only, so the
# main build's compile commands do not cover them.
tidy_sources() { git ls-files 'core/*.cpp' 'widgets/*.cpp' 'app/*.cpp' 'tests/*.cpp' 'bench/*.cpp'; }

run_tidy() {
    local build="$1"
    shift
    [ -f "$build/compile_commands.json" ] || {
        echo "lint.sh: $build/compile_commands.json is missing: configure and build $build first" >&2
        exit 1
    }
    if (($# == 0)); then
        echo "== clang-tidy: no C++ source changed"
        return 0
    fi
    echo "== clang-tidy on $# files (the checks of .clang-tidy)"
    local log
    log="$(mktemp)"
    # libtorch 1.13's headers do not parse as C++20 under clang (CMakeLists.txt says why); the
    # files that include them are read as C++17, as the clang build compiles them.
    local torch=() plain=() f
    mapfile -t torch < <(python3 -c '
import json, os, sys
cmds = {os.path.realpath(e["file"]): e.get("command", " ".join(e.get("arguments", [])))
        for e in json.load(open(sys.argv[1]))}
for f in sys.argv[2:]:
    if "/include/torch" in cmds.get(os.path.realpath(f), ""): print(f)
' "$build/compile_commands.json" "$@")
    for f in "$@"; do [[ " ${torch[*]} " == *" $f "* ]] || plain+=("$f"); done
    # The generated moc and ui headers must exist: tidy compiles each file as the build does.
    local filter="^$root/(core|widgets|app|tests|bench)/"
    if ((${#plain[@]})); then
        run-clang-tidy -quiet -p "$build" -j 2 -header-filter="$filter" "${plain[@]/#/$root/}" > "$log" 2>&1 || true
    fi
    if ((${#torch[@]})); then
        run-clang-tidy -quiet -p "$build" -j 2 -header-filter="$filter" -extra-arg=-std=c++17 \
            "${torch[@]/#/$root/}" >> "$log" 2>&1 || true
    fi
    if grep -q "warning:\|error:" "$log"; then
        grep -A3 "warning:\|error:" "$log" | sed 's/\x1b\[[0-9;]*m//g' >&2
        echo "lint.sh: clang-tidy found the problems above" >&2
        rm -f "$log"
        exit 1
    fi
    rm -f "$log"
    echo "== clang-tidy: no findings"
}

case "$mode" in
format)
    if [ "${1:-}" = "--fix" ]; then
        sources | xargs clang-format -i
        exit 0
    fi
    bad="$(sources | xargs clang-format --dry-run 2>&1 | grep -o '^[^:]*:[0-9]*:[0-9]*: warning' | cut -d: -f1 | sort -u || true)"
    if [ -n "$bad" ]; then
        echo "lint.sh: these files are not laid out as .clang-format says (packaging/lint.sh format --fix):" >&2
        echo "$bad" >&2
        exit 1
    fi
    echo "== clang-format: all $(sources | wc -l) C++ files laid out as .clang-format says"
    ;;
tidy)
    build="${1:?usage: packaging/lint.sh tidy BUILD [FILE...]}"
    shift
    if (($#)); then run_tidy "$build" "$@"; else mapfile -t files < <(tidy_sources); run_tidy "$build" "${files[@]}"; fi
    ;;
tidy-changed)
    build="${1:?usage: packaging/lint.sh tidy-changed BUILD}"
    changed=()
    if git rev-parse -q --verify HEAD~1 > /dev/null; then
        mapfile -t all < <(tidy_sources)
        while read -r f; do
            case "$f" in
            *.cpp) c="$f" ;;
            *.h) c="${f%.h}.cpp" ;;
            *) continue ;;
            esac
            for t in "${all[@]}"; do [ "$t" = "$c" ] && changed+=("$c"); done
        done < <(git diff --name-only HEAD~1 HEAD)
    else
        echo "== clang-tidy: a checkout without history; checking every file"
        mapfile -t changed < <(tidy_sources)
    fi
    mapfile -t changed < <(printf '%s\n' "${changed[@]}" | grep . | sort -u)
    run_tidy "$build" "${changed[@]}"
    ;;
*)
    echo "usage: packaging/lint.sh format [--fix] | tidy BUILD [FILE...] | tidy-changed BUILD" >&2
    exit 1
    ;;
esac
