"""The command line on bad input and signals: SIGTERM in `send`, ports, `report` targets, the suppression
list, every provider's maximum length; and the data folder's permissions."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.core.domain import State
from app.core.journal import open_journal
from app.core.paths import sample_sheet
from app.core.segments import MAX_SEGMENTS
from tests.cli_support import masivo
from tests.engine_keyring import environment
from tests.engine_support import provider_server, write_sheet

ROOT = Path(__file__).resolve().parents[1]
posix_only = pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def sheet(tmp_path: Path) -> Path:
    path = tmp_path / "clientes.xlsx"
    write_sheet(path, 30)
    return path


# --- 7. SIGTERM during send ------------------------------------------------------------------------------
def test_sigterm_during_send_pauses_after_the_request_in_flight(sheet: Path, masivo_home: Path) -> None:
    with provider_server("connecta") as (fake, server):
        env = {**os.environ, "MASIVO_HOME": str(masivo_home), "MASIVO_LANG": "es",
               **environment({"connecta": dict(fake.credentials)})}  # fmt: skip
        sender = subprocess.Popen(
            [sys.executable, "-m", "app", "send", "--provider", "connecta", "--recipients", str(sheet),
             "--message", "Hola {Nombre}", "--base-url", server.url, "--interval", "0.3", "--yes", "--json"],
            cwd=ROOT, env=env, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            deadline = time.monotonic() + 60
            while len(fake.received()) < 3 and time.monotonic() < deadline and sender.poll() is None:
                time.sleep(0.05)
            assert len(fake.received()) >= 3, "the campaign never started sending"
            sender.send_signal(signal.SIGTERM)
            out, err = sender.communicate(timeout=60)
        finally:
            if sender.poll() is None:
                sender.kill()
                sender.wait()
        sent = len(fake.received())
    assert sender.returncode == 1, err  # not 143: the campaign was paused and said so
    summary = json.loads(out)
    assert (summary["status"], summary["sent"], summary["pending"]) == ("paused", sent, 30 - sent)
    assert summary["unknown"] == 0 and sent < 30
    journal = open_journal(str(masivo_home / "journal.sqlite3"))
    try:
        states = {record.state for record in journal.messages(summary["campaign"])}
    finally:
        journal.close()
    assert states == {State.ACCEPTED, State.PENDING}  # nothing left `sending`, nothing made `unknown`


# --- 8. the receiver's port ------------------------------------------------------------------------------
@pytest.mark.parametrize("port", ["99999", "-1", "65536", "ocho"])
def test_serve_refuses_a_port_outside_1_to_65535(port: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        masivo("webhooks", "serve", "--port", port)
    err = capsys.readouterr().err
    assert exited.value.code == 2
    assert f"«{port}» no es un puerto: use un número de 1 a 65535." in err and "Traceback" not in err


# --- 9. report targets -----------------------------------------------------------------------------------
@pytest.fixture
def campaign() -> str:
    sheet = str(sample_sheet())
    options = ("--provider", "demo", "--recipients", sheet, "--message", "Hola", "--yes", "--json")
    code, summary = masivo("send", *options)
    assert code == 0
    return str(summary["campaign"])


def test_report_onto_an_existing_folder_is_one_sentence(
    campaign: str, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "reporte.xlsx"
    folder.mkdir()
    code, _ = masivo("report", campaign, "--out", str(folder))
    err = capfd.readouterr().err
    assert code == 1
    example = folder / "reporte.xlsx"
    assert err.strip() == f"{folder} es una carpeta: indique el archivo, por ejemplo --out {example}."


@posix_only
@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root writes into read-only folders")
def test_report_into_a_read_only_folder_is_one_sentence(
    campaign: str, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "solo-lectura"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        code, _ = masivo("report", campaign, "--out", str(folder / "r.xlsx"))
    finally:
        folder.chmod(0o755)
    err = capfd.readouterr().err
    assert code == 1 and len(err.strip().splitlines()) == 1
    assert err.startswith(f"No hay permiso para escribir {folder / 'r.xlsx'}") and "Traceback" not in err


def test_a_report_under_a_file_is_one_sentence(
    campaign: str, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    # What root meets instead of a read-only folder: no folder can be made there.
    blocker = tmp_path / "archivo"
    blocker.write_text("x")
    code, _ = masivo("report", campaign, "--out", str(blocker / "r.xlsx"))
    err = capfd.readouterr().err
    assert code == 1 and len(err.strip().splitlines()) == 1 and "Traceback" not in err


# --- 10. the suppression list ----------------------------------------------------------------------------
def test_adding_a_listed_number_again_keeps_its_first_reason_and_date() -> None:
    code, first = masivo("suppression", "add", "+56 9 1234 5678", "--reason", "pidió BAJA", "--json")
    assert code == 0
    time.sleep(1.1)  # the date is shown to the second
    code, again = masivo("suppression", "add", "912345678", "--country", "CL", "--json")
    assert code == 0 and again["entries"] == first["entries"]
    assert first["entries"][0]["reason"] == "pidió BAJA"
    code, changed = masivo("suppression", "add", "912345678", "--reason", "llamó", "--json")
    assert changed["entries"][0]["reason"] == "llamó"
    assert changed["entries"][0]["added_at"] == first["entries"][0]["added_at"]


def test_suppression_list_escapes_a_reason_quoting_a_reply() -> None:
    masivo("suppression", "add", "912345678", "--reason", "opt_out: \x1b[2JBAJA\r")
    code, text = masivo("suppression", "list")
    assert code == 0 and "opt_out: \\x1b[2JBAJA\\r" in text and "\x1b" not in text


# --- 11. every provider's maximum ------------------------------------------------------------------------
def test_a_provider_whose_document_names_no_maximum_still_has_one(capsys: pytest.CaptureFixture[str]) -> None:
    code, data = masivo("preview", "--provider", "connecta", "--message", "a" * 100_000, "--json")
    assert code == 1
    assert (data["segments"], data["limit"], data["over_limit"]) == (654, MAX_SEGMENTS * 153, True)
    longest = "a" * (MAX_SEGMENTS * 153)
    code, data = masivo("preview", "--provider", "connecta", "--message", longest, "--json")
    assert (code, data["segments"], data["over_limit"]) == (0, MAX_SEGMENTS, False)
    code, data = masivo("preview", "--provider", "connecta", "--message", "ñá" * 9000, "--json")
    assert (data["encoding"], data["limit"], data["over_limit"]) == ("UCS-2", MAX_SEGMENTS * 67, True)
    code, text = masivo("preview", "--provider", "connecta", "--message", "a" * 100_000)
    said = "Supera el límite de Connecta (Connectus v1.0): 255 segmentos por mensaje (este tiene 654)"
    assert said in text


def test_send_refuses_a_message_over_the_maximum_and_sends_nothing(
    sheet: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with provider_server("connecta") as (fake, server):
        from app.core.secrets import CredentialStore
        from app.providers.base import Credentials

        CredentialStore().save("connecta", Credentials(dict(fake.credentials)))
        code, _ = masivo("send", "--provider", "connecta", "--recipients", str(sheet), "--message",
                         "a" * 100_000, "--base-url", server.url, "--yes", "--json")  # fmt: skip
        assert fake.received() == []
    err = capsys.readouterr().err
    assert code == 2
    assert "30 mensajes superan el límite de Connecta (Connectus v1.0) (255 segmentos): filas 2, 3, 4," in err
    assert "11 y 20 más. Acorte el mensaje" in err
    assert "no se envió nada" in err
    assert masivo("campaigns", "--json")[1]["campaigns"] == []


# --- 6. the data folder ----------------------------------------------------------------------------------
@posix_only
def test_the_data_folder_and_its_files_are_private(campaign: str, masivo_home: Path, tmp_path: Path) -> None:
    old = os.umask(0o022)  # the usual umask: what the files would get without Masivo's care
    try:
        from app.core.settings import open_settings

        open_settings().set("country", "CL")
        report = tmp_path / "informes" / "r.xlsx"
        assert masivo("report", campaign, "--out", str(report))[0] == 0
    finally:
        os.umask(old)
    assert mode(masivo_home) == 0o700
    assert mode(masivo_home / "logs") == 0o700
    files = [masivo_home / name for name in ("journal.sqlite3", "logs/masivo.log", "settings.json")]
    files += list(masivo_home.glob("journal.sqlite3-*"))
    assert {path.name: mode(path) for path in files} == {path.name: 0o600 for path in files}
    assert mode(report) == 0o600  # it lists every number and its outcome


@posix_only
def test_a_loose_data_folder_from_before_is_tightened(masivo_home: Path) -> None:
    masivo_home.mkdir(mode=0o755)
    journal_file = masivo_home / "journal.sqlite3"
    journal_file.touch(mode=0o644)
    journal_file.chmod(0o644)
    masivo_home.chmod(0o755)
    assert masivo("campaigns", "--json")[0] == 0
    assert (mode(masivo_home), mode(journal_file)) == (0o700, 0o600)


@posix_only
def test_a_rotated_log_file_stays_private(tmp_path: Path) -> None:
    import logging

    from app.core.logs import setup_logging

    old = os.umask(0o022)
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        path = setup_logging(tmp_path / "logs")
        handler = next(h for h in root.handlers if h not in before)
        assert isinstance(handler, logging.handlers.RotatingFileHandler)
        handler.doRollover()
        logging.getLogger("test").warning("after the rotation")
    finally:
        os.umask(old)
        for handler in [h for h in root.handlers if h not in before]:
            root.removeHandler(handler)
            handler.close()
    assert mode(path) == 0o600 and mode(path.with_name("masivo.log.1")) == 0o600


@posix_only
def test_a_password_file_others_can_read_is_named_in_the_connection_error(tmp_path: Path) -> None:
    import socket
    import threading

    from app.core.journal.errors import DatabaseUnavailable
    from app.core.journal.location import loose_password_file
    from app.core.journal.postgres import PostgresBackend

    def asks_for_a_password(listening: socket.socket) -> None:
        """A PostgreSQL server as far as its first answer: "send your password" (AuthenticationCleartext)."""
        connection, _ = listening.accept()
        with connection:
            length = int.from_bytes(connection.recv(4), "big")
            connection.recv(length - 4)  # the startup message
            connection.sendall(b"R" + (8).to_bytes(4, "big") + (3).to_bytes(4, "big"))
            connection.recv(1024)

    passfile = tmp_path / "pgpass"
    passfile.write_text("*:*:*:*:secreto\n")
    passfile.chmod(0o644)
    with socket.create_server(("127.0.0.1", 0)) as listening:
        server = threading.Thread(target=asks_for_a_password, args=(listening,), daemon=True)
        server.start()
        port = listening.getsockname()[1]
        url = (
            f"postgresql://ana@127.0.0.1:{port}/masivo?sslmode=disable&gssencmode=disable&passfile={passfile}"
        )
        assert loose_password_file(url) == str(passfile)
        with pytest.raises(DatabaseUnavailable) as failed:
            PostgresBackend(url, connect_timeout=5)
        server.join(5)
    assert f"The password file {passfile} can be read by other users" in str(failed.value)
    assert f"chmod 600 {passfile}" in str(failed.value) and "secreto" not in str(failed.value)
    passfile.chmod(0o600)
    assert loose_password_file(url) is None
