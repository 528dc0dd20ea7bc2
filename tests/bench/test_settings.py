"""The benchmark's settings from its environment variables."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.settings import from_environ

ROOT = Path("/srv/archive")


def test_the_defaults_are_a_full_size_run_with_a_sampled_rebuild():
    settings = from_environ({}, ROOT)
    assert settings.size == 100_000
    assert settings.rounds == 5
    assert settings.peer_rounds == 1
    assert settings.peer_facet_limit_ms == 5000
    assert settings.rebuild_sample == 20_000
    assert settings.full_rebuild is False
    assert settings.out == ROOT / "var" / "bench.json"
    assert settings.dir == ROOT / "var" / "bench"


def test_every_variable_is_read():
    settings = from_environ(
        {
            "BENCH_SIZE": "2000",
            "BENCH_ROUNDS": "3",
            "BENCH_PEER_ROUNDS": "2",
            "BENCH_PEER_FACET_LIMIT_MS": "120_000",
            "BENCH_REBUILD_SAMPLE": " 500 ",
            "BENCH_FULL_REBUILD": "1",
            "BENCH_OUT": "/tmp/out.json",
            "BENCH_DIR": "/tmp/work",
        },
        ROOT,
    )
    assert (settings.size, settings.rounds, settings.peer_rounds) == (2000, 3, 2)
    assert settings.peer_facet_limit_ms == 120_000
    assert settings.rebuild_sample == 500
    assert settings.full_rebuild is True
    assert settings.out == Path("/tmp/out.json")
    assert settings.dir == Path("/tmp/work")


def test_an_empty_variable_means_its_default():
    # `make bench BENCH_ROUNDS=` passes an empty string.
    assert from_environ({"BENCH_ROUNDS": "", "BENCH_FULL_REBUILD": ""}, ROOT).rounds == 5


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("BENCH_SIZE", "lots"),
        ("BENCH_SIZE", "0"),
        ("BENCH_ROUNDS", "-1"),
        ("BENCH_PEER_ROUNDS", "0"),
        ("BENCH_PEER_FACET_LIMIT_MS", "5s"),
        ("BENCH_REBUILD_SAMPLE", "1.5"),
        ("BENCH_FULL_REBUILD", "yes"),
    ],
)
def test_a_bad_value_stops_the_run_naming_the_variable(name, value):
    with pytest.raises(SystemExit, match=name):
        from_environ({name: value}, ROOT)
