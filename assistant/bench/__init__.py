"""Benchmarks: Deskmate against the raw engines it wraps (``deskmate bench``).

Each figure is measured beside its raw baseline in the same run, alternating the two over
several rounds and reporting the median ratio (the machines are noisy). The Qt figures run in a
subprocess (``python -m ui.bench_probe``) because the core never imports Qt.
"""
