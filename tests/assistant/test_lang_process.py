"""Language detection in a helper process: same answers as in-process, no GIL held here while
lingua loads its models, and a dead helper falls back to in-process detection."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest

from assistant import lang
from assistant.lang_process import DetectorProcess

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = {
    "Deskmate keeps every run in its database.": "en",
    "Bonjour à tous, la réunion est reportée à jeudi.": "fr",
    "Guten Tag, das Treffen wird auf Donnerstag verschoben.": "de",
    "Hola a todos, la reunión se aplaza hasta el jueves.": "es",
    "会議は木曜日に延期されました。よろしくお願いします。": "ja",
    "회의가 목요일로 연기되었습니다.": "ko",
    "会议推迟到星期四，请大家安排好时间。": "zh",
}

# A fresh interpreter runs the first detections: does lingua (whose model load holds the GIL
# ~0.6 s and would freeze a window's event loop) get loaded into this process?
PROBE = """
import json, sys
from assistant import lang

if sys.argv[1] == "helper":
    lang.use_detector_process()
codes = [lang.detect_language(t) for t in json.loads(sys.argv[2])]
loaded = any(name == "lingua" or name.startswith("lingua.") for name in sys.modules)
lang.stop_detector_process()
print(json.dumps({"codes": codes, "lingua_here": loaded}))
"""


@pytest.fixture
def helper() -> Iterator[DetectorProcess]:
    started = lang.use_detector_process()
    assert started is not None
    yield started
    lang.stop_detector_process()


def test_the_helper_gives_the_same_answers(helper: DetectorProcess) -> None:
    assert helper.pid is not None and helper.pid != os.getpid()
    for text, code in SAMPLES.items():
        assert lang.detect_language(text) == code, text
    assert lang.detect_language("   ", default="fr") == "fr"  # nothing to detect
    # Chinese is recognised by its script here; the others went to the helper.
    assert helper.requests >= len(SAMPLES) - 1


def test_a_dead_helper_falls_back_to_this_process(helper: DetectorProcess) -> None:
    assert lang.detect_language("Where is the meeting tomorrow?") == "en"
    assert helper.pid is not None
    os.kill(helper.pid, signal.SIGKILL)
    psutil.Process(helper.pid).wait(timeout=10)
    assert lang.detect_language("Où est la réunion demain ?") == "fr"
    assert lang._HELPER is None  # dropped; the next use_detector_process() starts a new one


def test_stopping_the_helper_ends_its_process(helper: DetectorProcess) -> None:
    assert lang.detect_language("The helper is running.") == "en"
    pid = helper.pid
    assert pid is not None
    lang.stop_detector_process()
    assert not psutil.pid_exists(pid) or psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    assert lang.detect_language("Detection goes on in this process.") == "en"


def _probe(mode: str) -> dict[str, object]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, "-c", PROBE, mode, json.dumps(list(SAMPLES))],
        capture_output=True, text=True, timeout=120, env=env, cwd=ROOT, check=True,
    )  # fmt: skip
    result: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def test_with_the_helper_lingua_never_loads_in_this_process() -> None:
    """The stall itself (~0.6 s in-process) is a `deskmate bench` figure; its cause, lingua's
    model loading in the window's process, is what must not happen."""
    with_helper = _probe("helper")
    in_process = _probe("in-process")
    assert with_helper["codes"] == in_process["codes"] == list(SAMPLES.values())
    assert with_helper["lingua_here"] is False
    assert in_process["lingua_here"] is True  # the probe can see it when it does load
