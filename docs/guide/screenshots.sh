#!/usr/bin/env bash
# Regenerates every image of docs/guide.md from a build of the workbench.
#
#   docs/guide/screenshots.sh [BUILD_DIR]        (default build/ci, relative to the repository root)
#
# It builds its own projects in a work directory:
#   sample.proda    the bundled sample (`proda init --sample`), for Home, Knowledge and Benchmark;
#   reviewed.proda  a copy of it with a curator's decisions on 23 items, for Review Statistics;
#   loop.proda      the demo's closed loop run in two steps, as a curator runs it: `proda loop`
#                   trains, evaluates and diagnoses round 1 and writes patches, then stops for their
#                   review; round1.proda keeps that state for the diagnosis and patch screens. The
#                   patches are then accepted and `proda loop --baseline` trains the targeted round 2
#                   and its random baseline, round 3 — `proda demo`'s settings (small preset, 300
#                   steps for round 1, at most 100 failures patched), so the rounds table is the one
#                   `proda demo` prints. This takes about 15 minutes on 2 cores.
# Each screen is rendered with
#   proda-workbench PROJECT --workspace W --tab T [--select ID] --screenshot FILE --size 1600x900
# under QT_QPA_PLATFORM=offscreen, into docs/guide/images/. Four screens show the result of a click
# (a live training run, a scored question, the items behind a count, the failure heat); they are
# made under Xvfb with xdotool and xwd when those are installed, and left as they are otherwise.
#
# Environment:
#   PRODA_WORK_DIR=DIR  keep the projects in DIR and reuse them on the next run: the loop runs only
#                       when DIR has no finished one (delete DIR/round1.proda to run it again)
#   KEEP=1              keep the temporary work directory (its path is printed)
# Needs python3 (the JSON the verbs print, the copy of round 1, PNGs from xwd). Optimises the
# PNGs with optipng or pngcrush when one is installed.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${1:-build/ci}
case "$build" in /*) ;; *) build="$root/$build" ;; esac
P="$build/app/proda"
W="$build/app/proda-workbench"
for exe in "$P" "$W" "$build/app/proda-train"; do
    [[ -x "$exe" ]] || { echo "screenshots.sh: $exe is missing: build the project first" >&2; exit 1; }
done

out="$root/docs/guide/images"
mkdir -p "$out"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/proda-guide.XXXXXX")
xvfb_pid=""
cleanup() {
    [[ -n "$xvfb_pid" ]] && kill "$xvfb_pid" 2> /dev/null || true
    if [[ "${KEEP:-}" != 1 ]]; then rm -rf "$tmp"; fi
}
trap cleanup EXIT
[[ "${KEEP:-}" == 1 ]] && echo "screenshots.sh: temporary files in $tmp"
work=${PRODA_WORK_DIR:-$tmp/work}
mkdir -p "$work"
work=$(cd "$work" && pwd)

# The workbench remembers recent projects and preferences: keep them out of the user's settings.
export QT_QPA_PLATFORM=offscreen
export XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" XDG_CACHE_HOME="$tmp/cache" XDG_RUNTIME_DIR="$tmp/runtime"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"

start=$(date +%s)
json() { python3 -c "import json,sys; d=json.load(sys.stdin); $1"; }
copydb() { # copydb FROM TO: a consistent copy of a project file (SQLite's backup)
    python3 -c 'import sqlite3, sys; src = sqlite3.connect(sys.argv[1]); dst = sqlite3.connect(sys.argv[2]); src.backup(dst); dst.close()' "$1" "$2"
}

shots=0
shot() { # shot NAME PROJECT WORKSPACE [TAB [ID]]
    local name=$1 project=$2 ws=$3 tab=${4:-} id=${5:-}
    local args=("$project" --workspace "$ws" --screenshot "$out/$name.png" --size 1600x900)
    [[ -n "$tab" ]] && args+=(--tab "$tab")
    [[ -n "$id" ]] && args+=(--select "$id")
    "$W" "${args[@]}" 2> "$tmp/workbench.err" || { cat "$tmp/workbench.err" >&2; exit 1; }
    grep -v -e 'propagateSizeHints' "$tmp/workbench.err" >&2 || true
    shots=$((shots + 1))
    echo "  $name.png"
}

# --- The sample project -------------------------------------------------------------------------
S="$work/sample.proda"
R="$work/reviewed.proda"
if [[ ! -f "$S" ]]; then
    "$P" init "$S" --sample > /dev/null
    copydb "$S" "$R"
    # A curator's reading of 23 items of the sample (`proda bench show --random 24 --seed 4242`).
    decided=0
    decide() { if "$P" bench review "$R" "$@" > /dev/null 2>&1; then decided=$((decided + 1)); fi; }
    for id in ie560c306d88cf089 ib2ebb25d6aed3b70 i4eff396902b5ddbd i44226b7f47be269d i4747775227dca7b4 \
              i6f5d56615c9915bd i40f05be69eb7ba27 ifea1fc16e68fa284 icb1c2d034a00cd39 i72101c5eb051ce50 \
              i73c305d551f24cad ibd75c57f5ec68d00 i7e29b3ce747a5eb0 i6c41aabbe676f872 i77fac0b9bcaf490a \
              ifb7bbf336b21a667 i643ea29bd02744d0; do
        decide "$id" --status accepted
    done
    decide ia3d31b76b5fd50f4 --status rejected --reason ambiguous --note "reasoning is as good an answer as problem solving"
    decide i7910e4201ea8956c --status rejected --reason ambiguous --note "char reads as the fish"
    decide i3dea6eba8b7531d2:C --status rejected --reason giveaway --note "theosophy beside a computing stem"
    decide id0c2fc2042e1523e:C --status rejected --reason ambiguous --note "a drive is a memory device too"
    decide idbfe938ec7b15a27:B --status rejected --reason actually_true --note "a register is part of the CPU"
    decide ie5c483e22694eb24:B --status rejected --reason ambiguous --note "a musician is a worker too"
    [[ $decided -ge 20 ]] || echo "screenshots.sh: only $decided of 23 review decisions applied (the sample's items changed?)" >&2
fi
concept=$("$P" search "$S" "pure mathematics" --limit 1 --json | json 'print(d[0]["id"])')

echo "screenshots.sh: the sample project"
shot home "$S" home
shot knowledge-graph "$S" knowledge graph "$concept"
shot knowledge-overview "$S" knowledge overview
shot benchmark-items "$S" benchmark items
shot benchmark-samples "$S" benchmark samples
shot benchmark-statistics "$R" benchmark statistics

# --- The closed loop ----------------------------------------------------------------------------
L="$work/loop.proda"
R1="$work/round1.proda"
loop_args=(--rounds 2 --preset small --max-steps 300 --max-failures 100)
if [[ ! -f "$R1" ]]; then
    echo "screenshots.sh: round 1 of the loop (train 300 steps, evaluate, diagnose, patch; about 7 minutes on 2 cores)"
    rm -rf "$L" "$L-wal" "$L-shm" "$L.d" "$R1" "$R1.d"
    "$P" init "$L" --sample > /dev/null
    "$P" loop "$L" "${loop_args[@]}" > "$work/loop-round1.txt"
    # round1.proda: the project as it stood, patches proposed; it reads the same run directories.
    copydb "$L" "$R1"
    ln -sfn "$(basename "$L").d" "$R1.d"
fi
if ! "$P" report "$L" --json | json 'r = d["rounds"]; sys.exit(0 if len(r) >= 3 and all(x.get("evaluation_id") for x in r) else 1)'; then
    echo "screenshots.sh: the patches accepted; round 2 and its random baseline (about 8 minutes on 2 cores)"
    "$P" patch-review "$L" --round 1 --filter-status proposed --status accepted > /dev/null
    "$P" loop "$L" "${loop_args[@]}" --baseline > "$work/loop.txt"
fi

# A patch of round 1 (a contrastive one, written against an untaught concept gap, when there is
# one) and the failed item it repairs.
read -r patch item < <("$P" patch-review "$R1" --round 1 --json |
    json 'p = sorted(d, key=lambda p: (p["kind"] != "contrastive", p["id"]))[0]; print(p["id"], p["targets"][0])')

echo "screenshots.sh: round 1 diagnosed, its patches proposed"
shot diagnosis-failures "$R1" diagnosis failures "$item"
shot diagnosis-patch "$R1" diagnosis failures "$patch"
shot benchmark-patches "$R1" benchmark patches "$patch"

echo "screenshots.sh: three rounds"
shot home-rounds "$L" home
shot training-launch "$L" training launch
shot training-history "$L" training history
shot diagnosis-rounds "$L" diagnosis rounds
shot diagnosis-evaluations "$L" diagnosis evaluations

# --- Screens after a click, under Xvfb ----------------------------------------------------------
if command -v Xvfb > /dev/null && command -v xdotool > /dev/null && command -v xwd > /dev/null; then
    echo "screenshots.sh: screens after a click (Xvfb)"
    Xvfb -displayfd 3 -screen 0 1600x900x24 -nolisten tcp 3> "$tmp/display" 2> /dev/null &
    xvfb_pid=$!
    for _ in $(seq 50); do [[ -s "$tmp/display" ]] && break; sleep 0.2; done
    display=":$(cat "$tmp/display")"
    wb_pid=""
    xstart() { # xstart PROJECT ARGS...: the window at 0,0, 1600x900, with the keyboard focus
        DISPLAY=$display QT_QPA_PLATFORM=xcb "$W" "$@" --size 1600x900 2> /dev/null &
        wb_pid=$!
        local win
        win=$(DISPLAY=$display timeout 30 xdotool search --sync --onlyvisible --name "ProDa Workbench" | head -1)
        sleep 4 # the project's lists and charts
        DISPLAY=$display xdotool windowfocus "$win"
    }
    x() { DISPLAY=$display xdotool "$@"; }
    xgrab() { # xgrab NAME
        DISPLAY=$display xwd -root -silent > "$tmp/shot.xwd"
        python3 - "$tmp/shot.xwd" "$out/$1.png" << 'EOF'
import struct, sys, zlib
d = open(sys.argv[1], "rb").read()
h = struct.unpack(">25I", d[:100])
size, w, height, order, bpl, ncolors = h[0], h[4], h[5], h[7], h[12], h[19]
off = size + ncolors * 12
rows = []
for y in range(height):
    px = d[off + y * bpl: off + y * bpl + w * 4]
    rgb = bytearray(w * 3)
    if order == 0:  # LSBFirst: B G R x
        rgb[0::3], rgb[1::3], rgb[2::3] = px[2::4], px[1::4], px[0::4]
    else:
        rgb[0::3], rgb[1::3], rgb[2::3] = px[1::4], px[2::4], px[3::4]
    rows.append(b"\0" + bytes(rgb))
def chunk(t, c): return struct.pack(">I", len(c)) + t + c + struct.pack(">I", zlib.crc32(t + c) & 0xffffffff)
open(sys.argv[2], "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, height, 8, 2, 0, 0, 0))
                              + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b""))
EOF
        shots=$((shots + 1))
        echo "  $1.png"
    }
    xstop() { kill "$wb_pid" 2> /dev/null || true; wait "$wb_pid" 2> /dev/null || true; sleep 1; }

    # Training > Launch while round 1 trains (a fresh copy of the sample; the run is stopped after).
    "$P" init "$tmp/live.proda" --sample > /dev/null
    xstart "$tmp/live.proda" --workspace training --tab launch
    x mousemove 80 480 click 1 # Start
    sleep 75
    xgrab training-live
    xstop

    # Training > Try the Model: round 1's failed item, scored and answered by round 2's checkpoint
    # (the targeted round: one above the newest, round 3, in the list).
    xstart "$L" --workspace training --tab try
    x mousemove 800 93 click 1
    sleep 1
    x key Up Return
    sleep 1
    x mousemove 700 121 click 1
    x type "$item"
    x key Return
    sleep 2
    x key ctrl+Return # Score Options
    sleep 15
    x key ctrl+g # Generate
    sleep 20
    xgrab training-try
    xstop

    # Diagnosis > Rounds: round 2's regressed items; then round 1's failure heat in Knowledge.
    xstart "$L" --workspace diagnosis --tab rounds
    x mousemove 935 193 click 1 # round 2, Regressed
    sleep 2
    xgrab diagnosis-rounds-items
    x mousemove 300 163 click 1 # round 1
    sleep 1
    x mousemove 1505 93 click 1 # Failure Heat in Knowledge
    sleep 8
    xgrab knowledge-heat
    xstop
else
    echo "screenshots.sh: Xvfb, xdotool or xwd missing: training-live, training-try, diagnosis-rounds-items and knowledge-heat are left as they are" >&2
fi

if command -v optipng > /dev/null; then optipng -quiet -o2 "$out"/*.png
elif command -v pngcrush > /dev/null; then for f in "$out"/*.png; do pngcrush -q -ow "$f"; done
fi
echo "screenshots.sh: $shots images in docs/guide/images/ in $(($(date +%s) - start)) s"
