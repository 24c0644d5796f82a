"""The llama.cpp build that ``make install`` compiles (Makefile, ``LLAMA_CMAKE_ARGS``)."""

from __future__ import annotations


def test_llama_cpp_is_built_without_amx_kernels() -> None:
    # A VM may advertise AMX and then kill the process at the first tile instruction (SIGILL in
    # every model test on a Sapphire Rapids VM): the build leaves those kernels out.
    import llama_cpp

    info = llama_cpp.llama_print_system_info().decode()
    assert "AVX" in info or "NEON" in info, info  # the CPU backend reports its features
    assert "AMX_INT8 = 1" not in info, (
        "llama.cpp was built with AMX kernels (a venv from before this rule, or a cached "
        f"wheel): run `make clean && make install`. {info}"
    )
