#!/usr/bin/env bash
# Launch the real app under Xvfb, open pages, press the hotkey with xdotool and save PNGs to
# docs/screenshots/: main window (en, zh_CN), dark theme, the quick popup, a drop in progress.
# Usage: scripts/screenshots.sh [model.gguf]   (default: the bundled fast model if assembled)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
MODEL=${1:-/tmp/dm-models/qwen2.5-coder-0.5b-instruct-q4_k_m.gguf}
OUT=docs/screenshots
DISPLAY_NUM=:${SCREENSHOT_DISPLAY:-77}
mkdir -p "$OUT"
WORK=$(mktemp -d)
Xvfb "$DISPLAY_NUM" -screen 0 1280x860x24 -nolisten tcp >/dev/null 2>&1 &
XVFB=$!
APP=""
cleanup() { [ -n "$APP" ] && kill "$APP" 2>/dev/null || true; kill "$XVFB" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
export DISPLAY=$DISPLAY_NUM QT_QPA_PLATFORM=xcb XDG_SESSION_TYPE=x11
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break || sleep 0.1; done

grab() {  # grab the whole screen (or the window given as $2) into $OUT/$1.png
  $PY - "$OUT/$1.png" "${2:-0}" <<'PYEOF'
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication(["grab"])
img = app.primaryScreen().grabWindow(int(sys.argv[2])).toImage()
assert img.save(sys.argv[1]), sys.argv[1]
PYEOF
  echo "saved $OUT/$1.png"
}

settings() {  # settings <data dir> key=value...
  local dir=$1; shift
  $PY - "$dir" "$@" <<'PYEOF'
import sys
from assistant.core import Core
core = Core(sys.argv[1])
for pair in sys.argv[2:]:
    key, value = pair.split("=", 1)
    core.settings.set(key, value)
core.close()
PYEOF
}

seed() {  # a couple of past results for the History page
  $PY - "$1" <<'PYEOF'
import sys
from assistant.core import Core
core = Core(sys.argv[1])
for task, text in [("summarize", "- Revenue grew 12%\n- Costs fell 3%"),
                   ("summarize", "- The contract renews in May"),
                   ("ask", "Four.")]:
    run = core.store.start_run(task, input_text="example input")
    core.store.finish_run(run, status="done", output=text)
core.close()
PYEOF
}

launch() {  # launch <data dir> [args]: start the app, wait for its window
  local dir=$1; shift
  $PY -c "import sys; from ui.app import main; sys.exit(main(sys.argv[1:]))" \
    --data-dir "$dir" --model-path "$MODEL" "$@" >"$WORK/app.log" 2>&1 &
  APP=$!
  WIN=$(xdotool search --sync --onlyvisible --name '^Deskmate$' | head -1)
  xdotool windowsize "$WIN" 1100 760 windowmove "$WIN" 60 40
  for _ in $(seq 300); do  # wait for the model status in the status bar (model loaded)
    grep -q "model-ready\|model-failed" "$dir/logs/deskmate.log" 2>/dev/null && break; sleep 0.2
  done
  sleep 1
}

stop_app() { kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; APP=""; }

# 1. English, light, Summarize page with a result
D1=$WORK/en; mkdir -p "$D1"; settings "$D1" ui_language=en theme=light n_ctx=2048 max_output_tokens=96; seed "$D1"
launch "$D1" --page summarize
xdotool mousemove 500 150 click 1
xdotool type --delay 5 "Deskmate runs a language model on your own computer. It summarizes documents, translates text, drafts email replies and plans meetings. Nothing leaves the machine."
sleep 0.3
xdotool key ctrl+Return
for _ in $(seq 150); do grep -q "task finished" "$D1/logs/deskmate.log" 2>/dev/null && break; sleep 0.2; done
grab main-en
# 2. the quick popup through the global hotkey
printf 'What is the capital of France?' | $PY -c "
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication([])
app.clipboard().setText(sys.stdin.read())
" || true
xdotool mousemove 500 150 click --repeat 3 1   # select the paragraph: the X11 PRIMARY selection
xdotool mousemove 500 300
xdotool key ctrl+alt+space
sleep 0.5
xdotool key Return   # run "Ask"
sleep 6
grab popup
xdotool key Escape
# 3. History page
stop_app

# 4. Chinese UI
D2=$WORK/zh; mkdir -p "$D2"; settings "$D2" ui_language=zh_CN theme=light n_ctx=2048; seed "$D2"
launch "$D2" --page history
grab main-zh_CN
stop_app

# 5. dark theme, settings page
D3=$WORK/dark; mkdir -p "$D3"; settings "$D3" ui_language=en theme=dark n_ctx=2048
launch "$D3" --page settings
grab dark-settings
stop_app
echo "screenshots in $OUT"
