#!/usr/bin/env bash
# Smoke test of the built app bundle (`make package`): runs `deskmate doctor` from the bundle,
# then launches it with no arguments (= the window) under Xvfb, waits (bounded) for the window
# named "Deskmate", waits for the model (or the first-run dialog), saves a screenshot and exits
# non-zero when something is missing.
#
# Usage: scripts/test-bundle.sh [SCREENSHOT.png]      (default: screenshots/tmp/bundle-<time>.png)
# Env:   BUNDLE     the executable            (default: dist/deskmate/deskmate)
#        MODEL      a GGUF for the bundle to load; "none" = test the first-run dialog
#                   (default: /tmp/dm-models/qwen2.5-coder-0.5b-instruct-q4_k_m.gguf if present)
#        TIMEOUT_S  bound of each wait        (default: 120)
set -euo pipefail
cd "$(dirname "$0")/.."
BUNDLE=${BUNDLE:-dist/deskmate/deskmate}
DEFAULT_MODEL=/tmp/dm-models/qwen2.5-coder-0.5b-instruct-q4_k_m.gguf
MODEL=${MODEL:-$([ -f "$DEFAULT_MODEL" ] && echo "$DEFAULT_MODEL" || echo none)}
TIMEOUT_S=${TIMEOUT_S:-120}
SHOT=${1:-screenshots/tmp/bundle-$(date +%Y%m%d-%H%M%S).png}
fail() { echo "test-bundle: FAIL: $*" >&2; exit 1; }

[ -x "$BUNDLE" ] || { echo "test-bundle: no bundle at $BUNDLE (run: make package)" >&2; exit 2; }
for tool in Xvfb xdotool; do
  command -v "$tool" >/dev/null || { echo "test-bundle: needs $tool (packaging/linux/install-sysdeps.sh)" >&2; exit 2; }
done
mkdir -p "$(dirname "$SHOT")"
WORK=$(mktemp -d)
DATA=$WORK/data
XVFB="" APP=""
stop() {  # stop PID: TERM, a bounded wait, then KILL
  kill "$1" 2>/dev/null || return 0
  for _ in $(seq 50); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}
cleanup() {
  [ -n "$APP" ] && stop "$APP"
  [ -n "$XVFB" ] && stop "$XVFB"
  rm -rf "$WORK"
}
trap cleanup EXIT

# 1. the CLI of the bundle: version, doctor says "bundle", the model setting
"$BUNDLE" --version
"$BUNDLE" --data-dir "$DATA" --json doctor >"$WORK/doctor.json" || fail "doctor failed"
grep -q '"kind": "bundle"' "$WORK/doctor.json" || fail "doctor does not report a frozen bundle"
echo "test-bundle: doctor reports the frozen bundle"
if [ "$MODEL" != none ]; then
  [ -f "$MODEL" ] || fail "no model file $MODEL"
  "$BUNDLE" --data-dir "$DATA" settings set model "$MODEL" >/dev/null
  "$BUNDLE" --data-dir "$DATA" settings set n_ctx 2048 >/dev/null
fi

# 2. a private X server on a free display (-displayfd prints the number it took)
Xvfb -displayfd 3 -screen 0 1280x860x24 -nolisten tcp 3>"$WORK/display" >"$WORK/xvfb.log" 2>&1 &
XVFB=$!
for _ in $(seq 100); do [ -s "$WORK/display" ] && break; sleep 0.1; done
NUM=$(head -1 "$WORK/display")
[ -n "$NUM" ] || fail "Xvfb did not start: $(cat "$WORK/xvfb.log")"
export DISPLAY=:$NUM QT_QPA_PLATFORM=xcb XDG_SESSION_TYPE=x11
echo "test-bundle: Xvfb on $DISPLAY"

# 3. the bundle with no arguments (the window), on the temp data dir
DESKMATE_DATA_DIR=$DATA "$BUNDLE" >"$WORK/app.log" 2>&1 &
APP=$!
WIN=$(timeout "$TIMEOUT_S" xdotool search --sync --onlyvisible --name '^Deskmate$' | head -1) || true
if [ -z "$WIN" ]; then
  cat "$WORK/app.log" >&2
  fail "no window named Deskmate within ${TIMEOUT_S}s"
fi
echo "test-bundle: window $WIN is on screen"

# 4. the model loads (or, without one, the first-run dialog explains what to do)
LOG=$DATA/logs/deskmate.log
deadline=$((SECONDS + TIMEOUT_S))
if [ "$MODEL" != none ]; then
  until grep -q "model-ready\|model-failed" "$LOG" 2>/dev/null; do
    kill -0 "$APP" 2>/dev/null || { cat "$WORK/app.log" >&2; fail "the app exited"; }
    [ $SECONDS -lt $deadline ] || fail "the model did not load within ${TIMEOUT_S}s"
    sleep 0.5
  done
  grep "model-ready\|model-failed" "$LOG" | tail -1
  grep -q "model-ready" "$LOG" || fail "the bundle could not load $MODEL"
  # language detection runs in a helper process (a frozen multiprocessing child), not a 2nd app
  pgrep -P "$APP" -f -- "--multiprocessing-fork|multiprocessing" >/dev/null \
    || fail "no language helper process under the app"
  ! grep -q "language helper" "$LOG" || fail "$(grep "language helper" "$LOG" | tail -1)"
  WINDOWS=$(xdotool search --onlyvisible --name '^Deskmate$' | wc -l)
  [ "$WINDOWS" -eq 1 ] || fail "$WINDOWS windows named Deskmate (a helper opened the app again?)"
  echo "test-bundle: the language helper process runs (pid $(pgrep -P "$APP" -f multiprocessing | head -1))"
else
  timeout "$TIMEOUT_S" xdotool search --sync --onlyvisible --name 'add a language model' \
    >/dev/null || fail "no first-run dialog about the missing model"
  echo "test-bundle: the first-run dialog explains how to add a model"
fi
sleep 1  # let the last frame paint before the grab

# 5. the screenshot (the whole screen), through Qt from the repo's venv or ImageMagick
if [ -x .venv/bin/python ]; then
  .venv/bin/python - "$SHOT" <<'PYEOF'
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication(["grab"])
image = app.primaryScreen().grabWindow(0).toImage()
assert not image.isNull() and image.save(sys.argv[1]), sys.argv[1]
PYEOF
elif command -v import >/dev/null; then
  import -window root "$SHOT"
else
  fail "no way to take a screenshot (needs .venv or ImageMagick)"
fi
[ -s "$SHOT" ] || fail "screenshot not written"
echo "test-bundle: OK, screenshot in $SHOT"
