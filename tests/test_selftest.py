"""`masivo selftest`: each check on its own, the report's shape, and the whole command from source."""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app import __version__
from app.commands import selftest
from app.commands.selftest import CheckFailed, check_campaign, check_journal, check_keyring, check_resources
from tests.conftest import MemoryKeyring


def broken(folder: Path) -> str:
    raise CheckFailed("the frobnicator is missing")


def crashing(folder: Path) -> str:
    raise ValueError("unexpected")


def fine(folder: Path) -> str:
    return "all good"


def run(checks: list[tuple[str, selftest.Check]], as_json: bool = False) -> tuple[int, str]:
    out = io.StringIO()
    code = selftest.run(argparse.Namespace(json=as_json), out, checks)
    return code, out.getvalue()


@pytest.mark.logs_errors
def test_every_check_prints_one_line_and_the_exit_code_says_if_all_passed() -> None:
    code, text = run([("first", fine), ("second", broken), ("third", crashing)])
    lines = text.splitlines()
    assert code == 1
    assert lines[0].split() == ["ok", "first", "all", "good"]
    assert lines[1].startswith("FAIL") and "the frobnicator is missing" in lines[1]
    assert lines[2].startswith("FAIL") and "ValueError: unexpected" in lines[2]
    assert "fallaron 2 de 3" in lines[3]


def test_all_passing_exits_0() -> None:
    assert run([("first", fine)])[0] == 0


def test_json_is_one_object_with_checks_keyring_and_version() -> None:
    code, text = run([("first", fine), ("second", broken)], as_json=True)
    report = json.loads(text)
    assert code == 1
    assert report["ok"] is False
    assert report["version"] == __version__
    assert report["checks"] == [
        {"name": "first", "ok": True, "detail": "all good"},
        {"name": "second", "ok": False, "detail": "the frobnicator is missing"},
    ]
    assert report["keyring"] == "tests.conftest.MemoryKeyring"


def test_checks_run_in_a_temporary_data_folder(masivo_home: Path) -> None:
    seen: list[str] = []

    def where(folder: Path) -> str:
        seen.append(os.environ["MASIVO_HOME"])
        return str(folder)

    run([("where", where)])
    assert seen and Path(seen[0]) != masivo_home
    assert not Path(seen[0]).exists(), "the temporary data folder is removed afterwards"
    assert os.environ["MASIVO_HOME"] == str(masivo_home)


def test_resources_include_a_readable_sample_sheet(tmp_path: Path) -> None:
    assert "the sample sheet reads" in check_resources(tmp_path)


def test_journal_round_trip(tmp_path: Path) -> None:
    assert "read back" in check_journal(tmp_path)


def test_demo_campaign_of_100_through_the_engine(tmp_path: Path) -> None:
    detail = check_campaign(tmp_path)
    assert detail.startswith("100 demo SMS sent and tracked"), detail


def test_keyring_check_names_the_backend_without_storing(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    assert check_keyring(tmp_path).endswith("using tests.conftest.MemoryKeyring")
    assert memory_keyring.entries == {}


def test_selftest_from_source_passes() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "app", "selftest", "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    report = json.loads(done.stdout)
    assert done.returncode == 0, report
    assert [check["name"] for check in report["checks"]] == [name for name, _ in selftest.CHECKS]
    assert report["keyring"].startswith("keyring.backends.")
