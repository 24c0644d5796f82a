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
APP=""; SRC=""
cleanup() { [ -n "$SRC" ] && kill "$SRC" 2>/dev/null || true; [ -n "$APP" ] && kill "$APP" 2>/dev/null || true; kill "$XVFB" 2>/dev/null || true; rm -rf "$WORK"; }
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

events() {  # a few stored meetings in the current week for the Schedule page
  $PY - "$1" <<'PYEOF'
import sys
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo
from assistant.calendar import CalEvent
from assistant.core import Core
core = Core(sys.argv[1])
zone = ZoneInfo(core.settings.get_str("time_zone") or "UTC")
today = datetime.now(zone).replace(minute=0, second=0, microsecond=0)
monday = today - timedelta(days=today.weekday())
for day, hour, hours, title in [(0, 10, 1, "Team standup"), (1, 14, 2, "Design review"),
                                (3, 9, 1, "1:1 with Mei"), (4, 16, 1, "Release check")]:
    start = monday.replace(hour=hour) + timedelta(days=day)
    core.store.add_event(CalEvent(uid=f"seed-{day}@shots", title=title, start=start,
                                  end=start + timedelta(hours=hours)))
core.close()
PYEOF
}

drag_source() {  # a tiny window that starts dragging files when clicked (a file manager stand-in)
  $PY - "$@" <<'PYEOF' &
import sys
from PySide6.QtCore import QMimeData, Qt, QUrl
from PySide6.QtGui import QDrag
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(["drag-source"])
class Source(QLabel):
    def mousePressEvent(self, event):
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(p) for p in sys.argv[1:]])
        drag = QDrag(self)
        drag.setMimeData(mime)
        drag.exec(Qt.DropAction.CopyAction)
w = Source("files")
w.setWindowTitle("drag-source")
w.setGeometry(1180, 20, 90, 60)
w.show()
app.exec()
PYEOF
  SRC=$!
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
D1=$WORK/en; mkdir -p "$D1"; settings "$D1" ui_language=en theme=light n_ctx=2048 max_output_tokens=96 n_threads=1; seed "$D1"
launch "$D1" --page summarize
xdotool mousemove 500 150 click 1
xdotool type --delay 5 "Deskmate runs a language model on your own computer. It summarizes documents, translates text, drafts email replies and plans meetings. Nothing leaves the machine."
sleep 0.3
xdotool key ctrl+Return
for _ in $(seq 3000); do grep -q "task finished" "$D1/logs/deskmate.log" 2>/dev/null && break; sleep 0.2; done
sleep 0.5
grab main-en
# 2. the quick popup through the global hotkey
$PY -c "  # owns the X11 clipboard until killed (there is no clipboard manager under Xvfb)
from PySide6.QtGui import QGuiApplication
app = QGuiApplication([])
app.clipboard().setText('What is the capital of France? Answer in one sentence.')
app.exec()
" &
CLIP=$!
sleep 1
xdotool mousemove 500 300
xdotool key ctrl+alt+space
sleep 0.5
xdotool key Return   # run "Ask"
for _ in $(seq 3000); do grep -q "quick finished" "$D1/logs/deskmate.log" 2>/dev/null && break; sleep 0.2; done
sleep 0.5
grab popup
xdotool key Escape
kill "$CLIP" 2>/dev/null || true
stop_app

# 3b. Schedule page: stored meetings, the suggestions of a text
D4=$WORK/sched; mkdir -p "$D4"; settings "$D4" ui_language=en theme=light n_ctx=2048 time_zone=UTC n_threads=1; events "$D4"
launch "$D4" --page schedule
xdotool mousemove 500 120 click 1
xdotool type --delay 5 "Lunch with Anna tomorrow at 12:30 at the Blue Cafe."
sleep 0.3
xdotool key ctrl+Return
for _ in $(seq 3000); do grep -q "task finished" "$D4/logs/deskmate.log" 2>/dev/null && break; sleep 0.2; done
sleep 1
grab schedule
# 3c. files dragged over the window (the drop highlight)
printf 'notes' >"$WORK/notes.md"; printf 'Subject: hi\n\nhello' >"$WORK/mail.eml"
drag_source "$WORK/notes.md" "$WORK/mail.eml"
xdotool search --sync --onlyvisible --name '^drag-source$' >/dev/null
xdotool mousemove 1220 50 mousedown 1
for x in 1100 900 700 600; do xdotool mousemove "$x" 400; sleep 0.2; done
sleep 0.5
grab drop
xdotool key Escape mouseup 1
kill "$SRC" 2>/dev/null || true
stop_app

# 4. Chinese UI
D2=$WORK/zh; mkdir -p "$D2"; settings "$D2" ui_language=zh_CN theme=light n_ctx=2048; seed "$D2"
launch "$D2" --page history
grab main-zh_CN
stop_app

# 5. dark theme, settings page
D3=$WORK/dark; mkdir -p "$D3"; settings "$D3" ui_language=en theme=dark n_ctx=2048 model=qwen2.5-coder-0.5b-instruct-q4_k_m
launch "$D3" --page settings
grab dark-settings
stop_app
echo "screenshots in $OUT"
