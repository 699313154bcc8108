"""`masivo selftest`: a headless check that this installation (above all a frozen build) works.

Each check prints one line, `ok` or `FAIL` and why; the exit code is 0 only if all pass.
Nothing touches the user's data or keyring: the checks run in a temporary data folder,
and the keyring check only asks which backend the OS offers, storing nothing. The window
is checked last because a broken Qt can take the whole process down with it.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TextIO

from app import __version__

log = logging.getLogger(__name__)
RECIPIENTS = 100
Check = Callable[[Path], str]  # gets a scratch folder; returns what it saw, raises CheckFailed if broken


class CheckFailed(Exception):
    """A check found something wrong; the message says what, in one sentence."""


@dataclass(frozen=True)
class CheckResult:
    """One line of the report."""

    name: str
    ok: bool
    detail: str


class VirtualClock:
    """Time that moves only when the engine sleeps: pacing and delivery delays cost no real waiting."""

    def __init__(self) -> None:
        self.now = time.time()

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += max(0.0, seconds)


def check_resources(folder: Path) -> str:
    """The bundled files the window and a first-time user need, and the sample sheet reads."""
    from app.core.paths import resources_dir, sample_sheet
    from app.core.recipients import inspect_sheet

    needed = [f"translations/masivo_{language}.qm" for language in ("es", "en")]
    needed += ["icons/masivo.svg", "icons/masivo.png", str(sample_sheet().relative_to(resources_dir()))]
    missing = [name for name in needed if not (resources_dir() / name).is_file()]
    if missing:
        raise CheckFailed(f"missing from {resources_dir()}: {', '.join(missing)}")
    preview = inspect_sheet(sample_sheet())
    if not preview.rows:
        raise CheckFailed(f"the sample sheet {sample_sheet().name} shows no recipients")
    return f"{len(needed)} files present; the sample sheet reads ({len(preview.headers)} columns)"


def check_journal(folder: Path) -> str:
    """Write a campaign to a new journal file, close it, open it again and read the same thing back."""
    from app.core.journal import LATEST, NewCampaign, NewMessage, open_journal

    path = folder / "roundtrip.sqlite3"
    journal = open_journal(str(path))
    try:
        campaign_id = journal.create_campaign(NewCampaign("selftest", "demo", "sms", "Hola {nombre}"))
        journal.add_messages(campaign_id, [NewMessage(2, "+56912345678", {"nombre": "Ana"}, "Hola Ana")])
        journal.finish_creation(campaign_id, ["nombre", "telefono"])
    finally:
        journal.close()
    journal = open_journal(str(path))
    try:
        campaign = journal.find_campaign("selftest")
        rows = list(journal.messages(campaign_id)) if campaign else []
        if campaign is None or [(r.address, r.text, r.fields.get("nombre")) for r in rows] != [
            ("+56912345678", "Hola Ana", "Ana")
        ]:
            raise CheckFailed(f"the journal at {path} did not give back what was written")
        version = journal.schema_version()
    finally:
        journal.close()
    if version != LATEST:
        raise CheckFailed(f"schema version {version}, expected {LATEST}")
    return f"written, reopened and read back (SQLite, schema {version})"


def write_demo_sheet(path: Path, rows: int) -> Path:
    """A recipients sheet as a user would bring it: .xlsx, a header row, Chilean mobile numbers."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Nombre", "Celular"])
    for index in range(rows):
        sheet.append([f"Cliente {index + 1}", f"+56 9 7000 {index:04d}"])
    book.save(path)
    return path


def check_campaign(folder: Path) -> str:
    """A 100-recipient demo campaign through the real engine: import, send, poll until every row is final."""
    from app.core.domain import FAILED_STATES, CampaignStatus, Channel, State
    from app.core.engine.campaigns import CampaignPlan, import_campaign
    from app.core.engine.dispatcher import Dispatcher
    from app.core.engine.poller import Poller
    from app.core.journal import open_journal
    from app.providers.demo import DELIVERY_SECONDS, DemoProvider

    sheet = write_demo_sheet(folder / "destinatarios.xlsx", RECIPIENTS)
    clock = VirtualClock()
    journal = open_journal(str(folder / "campaign.sqlite3"))
    try:
        plan = CampaignPlan(
            "selftest", "demo", Channel.SMS, "Hola {Nombre}, gracias por su compra.", country="CL"
        )
        created = import_campaign(journal, plan, sheet)
        if created.valid != RECIPIENTS:
            raise CheckFailed(f"only {created.valid} of {RECIPIENTS} sheet rows were valid")
        provider = DemoProvider(clock=clock)
        result = Dispatcher(journal, created.campaign_id, provider, clock=clock, sleep=clock.sleep).run()
        if result.status is not CampaignStatus.COMPLETED:
            raise CheckFailed(f"the campaign ended {result.status.value} ({result.reason} {result.detail})")
        clock.sleep(DELIVERY_SECONDS + 1)
        Poller(journal, provider, clock=clock, sleep=clock.sleep).poll_once(created.campaign_id)
        counts = journal.counts(created.campaign_id)
    finally:
        journal.close()
    delivered = counts.get(State.DELIVERED, 0)
    failed = sum(counts.get(state, 0) for state in FAILED_STATES)
    if delivered + failed != RECIPIENTS:
        raise CheckFailed(f"not every message reached a final state: {counts}")
    return f"{RECIPIENTS} demo SMS sent and tracked: {delivered} delivered, {failed} failed"


def keyring_backend() -> str:
    """The keyring backend this installation would use, as module.Class; nothing is stored."""
    import keyring

    backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    chained = getattr(backend, "backends", None)
    if name == "keyring.backends.chainer.ChainerBackend" and chained:
        name += "(" + ", ".join(f"{type(b).__module__}.{type(b).__name__}" for b in chained) + ")"
    return name


def check_keyring(folder: Path) -> str:
    """keyring's backends are findable and importable (frozen builds lose them), and which one is in use."""
    from importlib.metadata import entry_points

    found = list(entry_points(group="keyring.backends"))
    if not found:
        raise CheckFailed("keyring's backend list (its package metadata) is missing from this build")
    broken = []
    for entry in found:
        try:
            entry.load()
        except ImportError as exc:
            broken.append(f"{entry.name} ({exc})")
    if broken:
        raise CheckFailed(f"keyring backends that do not load: {', '.join(broken)}")
    backend = keyring_backend()
    if backend.startswith("keyring.backends.fail."):
        return f"{len(found)} backends found; none is usable here, so credentials stay in memory per session"
    return f"{len(found)} backends found; using {backend}"


def check_window(folder: Path) -> str:
    from app.gui.selftest import open_window_offscreen

    return open_window_offscreen()


CHECKS: list[tuple[str, Check]] = [
    ("resources", check_resources),
    ("journal", check_journal),
    ("campaign", check_campaign),
    ("keyring", check_keyring),
    ("window", check_window),
]


@contextmanager
def temporary_home() -> Iterator[Path]:
    """MASIVO_HOME in a temporary folder for the checks' duration, so the user's data is never touched."""
    previous = os.environ.get("MASIVO_HOME")
    with tempfile.TemporaryDirectory(prefix="masivo-selftest-") as folder:
        os.environ["MASIVO_HOME"] = folder
        try:
            yield Path(folder)
        finally:
            if previous is None:
                os.environ.pop("MASIVO_HOME", None)
            else:
                os.environ["MASIVO_HOME"] = previous


def run_check(name: str, check: Check, folder: Path) -> CheckResult:
    try:
        return CheckResult(name, True, check(folder))
    except CheckFailed as exc:
        return CheckResult(name, False, str(exc))
    except Exception as exc:  # a broken bundle fails in unforeseen ways: report it, keep checking
        log.exception("selftest check %s failed", name)
        return CheckResult(name, False, f"{type(exc).__name__}: {exc}")


def run(args: argparse.Namespace, out: TextIO, checks: Sequence[tuple[str, Check]] = CHECKS) -> int:
    """Run every check, print one line each (or one JSON object); 0 only if all pass."""
    as_json = getattr(args, "json", False)
    results = []
    with temporary_home() as home:
        for name, check in checks:
            results.append(result := run_check(name, check, home))
            if not as_json:
                out.write(f"{'ok  ' if result.ok else 'FAIL'}  {name:<9} {result.detail}\n")
                out.flush()
    ok = all(result.ok for result in results)
    if as_json:
        report = {
            "ok": ok,
            "checks": [asdict(result) for result in results],
            "keyring": _safe(keyring_backend),
            "version": __version__,
        }
        out.write(json.dumps(report, ensure_ascii=False) + "\n")
    else:
        out.write(_summary(ok, sum(result.ok for result in results), len(results)) + "\n")
    return 0 if ok else 1


def _summary(ok: bool, passed: int, total: int) -> str:
    from app.commands.texts import TEXTS
    from app.core.wording import word

    verdict = (
        word(TEXTS, "selftest_passed")
        if ok
        else word(TEXTS, "selftest_failed", failed=total - passed, total=total)
    )
    return f"Masivo {__version__}: {verdict}."


def _safe(function: Callable[[], str]) -> str:
    try:
        return function()
    except Exception as exc:
        return f"unavailable ({type(exc).__name__})"
