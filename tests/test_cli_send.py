"""`masivo send|resume|status|campaigns|report|suppression`, as scripts use them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.core.secrets import CredentialStore
from app.providers.base import Credentials
from tests.cli_support import masivo
from tests.engine_keyring import environment
from tests.engine_support import duplicates, provider_server, write_sheet
from tests.fakes.sheets import read_rows

ROOT = Path(__file__).resolve().parents[1]


def subprocess_masivo(home: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    # A keyring that has no entries: the machine's own keyring is never touched.
    env = {**os.environ, "MASIVO_HOME": str(home), "MASIVO_LANG": "es", **environment({})}
    return subprocess.run(
        [sys.executable, "-m", "app", *argv],
        cwd=ROOT,
        env=env,
        text=True,
        capture_output=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


@pytest.fixture
def sheet(tmp_path: Path) -> Path:
    path = tmp_path / "clientes.xlsx"
    write_sheet(path, 40)
    from openpyxl import load_workbook as load

    book = load(path)
    rows = book.active
    assert rows is not None
    rows.append(["Repetido", "+56 9 1000 0000"])  # a duplicate of the first row
    rows.append(["Malo", "123"])  # not a number
    book.save(path)
    return path


def test_send_demo_as_a_script_and_find_it_again(sheet: Path, masivo_home: Path, tmp_path: Path) -> None:
    done = subprocess_masivo(
        masivo_home,
        "send",
        "--provider",
        "demo",
        "--recipients",
        str(sheet),
        "--message",
        "Hola {Nombre}",
        "--country",
        "CL",
        "--name",
        "promo",
        "--yes",
        "--json",
    )
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary == {
        "campaign": 1,
        "name": "promo",
        "provider": "demo",
        "recipients": 42,
        "sent": 40,
        "failed": 0,
        "unknown": 0,
        "skipped": 2,
        "pending": 0,
        "status": "completed",
        "reason": "",
    }
    listed = json.loads(subprocess_masivo(masivo_home, "campaigns", "--json").stdout)
    (entry,) = [c for c in listed["campaigns"] if c["name"] == "promo"]
    assert (entry["id"], entry["status"], entry["counts"]) == (1, "completed", {"accepted": 40, "skipped": 2})
    code, status = masivo("status", "promo", "--json")
    assert code == 0 and status["campaign"] == 1 and status["counts"] == {"accepted": 40, "skipped": 2}
    report = tmp_path / "reporte.xlsx"
    code, written = masivo("report", "1", "--out", str(report), "--json")
    assert code == 0 and written["rows"] == 42
    rows = read_rows(report)
    assert rows[0][:4] == ("Nombre", "Celular", "Estado", "Motivo")
    assert rows[1][:3] == ("Cliente 0", "+56 9 1000 0000", "Aceptado") and rows[1][5].startswith("sms-")
    assert rows[41][2] == "Omitido" and "fila 2" in rows[41][3]  # the duplicate says which row it repeats


def test_missing_credentials_is_one_sentence_and_exit_2(sheet: Path, masivo_home: Path) -> None:
    done = subprocess_masivo(
        masivo_home,
        "send",
        "--provider",
        "connecta",
        "--recipients",
        str(sheet),
        "--message",
        "Hola",
        "--yes",
        "--json",
    )
    assert done.returncode == 2 and done.stdout == ""
    assert "credenciales" in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_no_balance_pauses_then_resume_completes(sheet: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with provider_server("connecta", credits=25) as (fake, server):
        CredentialStore().save("connecta", Credentials(dict(fake.credentials)))
        code, paused = masivo(
            "send",
            "--provider",
            "connecta",
            "--recipients",
            str(sheet),
            "--message",
            "Hola {Nombre}",
            "--base-url",
            server.url,
            "--yes",
            "--json",
        )
        assert code == 1 and (paused["status"], paused["reason"]) == ("paused", "no_balance")
        assert (paused["sent"], paused["pending"]) == (25, 15)
        fake.set_balance(100)
        code, resumed = masivo("resume", str(paused["campaign"]), "--json")  # the base URL was remembered
        assert code == 0 and (resumed["status"], resumed["sent"], resumed["pending"]) == ("completed", 40, 0)
        assert duplicates(fake.received()) == {} and len(fake.received()) == 40
    assert "Saldo insuficiente" not in capsys.readouterr().out  # stdout holds only the JSON


def test_send_without_yes_and_without_a_terminal_refuses(sheet: Path, masivo_home: Path) -> None:
    done = subprocess_masivo(
        masivo_home, "send", "--provider", "demo", "--recipients", str(sheet), "--message", "Hola"
    )
    assert done.returncode == 2 and "--yes" in done.stderr


def test_bad_input_gets_a_specific_sentence(
    sheet: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        masivo(
            "send", "--provider", "demo", "--recipients", str(sheet), "--message", "Hola {Apellido}", "--yes"
        )[0]
        == 2
    )
    assert "Apellido" in capsys.readouterr().err
    assert (
        masivo(
            "send",
            "--provider",
            "demo",
            "--recipients",
            str(tmp_path / "nope.xlsx"),
            "--message",
            "x",
            "--yes",
        )[0]
        == 2
    )
    assert "nope.xlsx" in capsys.readouterr().err
    assert (
        masivo(
            "send",
            "--provider",
            "demo",
            "--channel",
            "email",
            "--recipients",
            str(sheet),
            "--message",
            "x",
            "--yes",
        )[0]
        == 2
    )
    assert "--subject" in capsys.readouterr().err
    assert (
        masivo(
            "send",
            "--provider",
            "demo",
            "--recipients",
            str(sheet),
            "--message-file",
            str(tmp_path / "none.txt"),
            "--yes",
        )[0]
        == 2
    )
    assert "none.txt" in capsys.readouterr().err
    assert masivo("status", "no-such-campaign")[0] == 2
    assert "masivo campaigns" in capsys.readouterr().err


def test_message_file_and_the_suppression_list(sheet: Path, tmp_path: Path) -> None:
    code, added = masivo(
        "suppression", "add", "+56 9 1000 0001", "--country", "CL", "--reason", "BAJA", "--json"
    )
    assert code == 0 and added["entries"][0]["value"] == "56910000001"
    code, listed = masivo("suppression", "list", "--json")
    assert [(e["value"], e["channel"], e["reason"]) for e in listed["entries"]] == [
        ("56910000001", "sms", "BAJA")
    ]
    message = tmp_path / "mensaje.txt"
    message.write_text("Hola {Nombre}: 20% de descuento", encoding="utf-8")
    code, summary = masivo(
        "send",
        "--provider",
        "demo",
        "--recipients",
        str(sheet),
        "--message-file",
        str(message),
        "--yes",
        "--json",
    )
    assert code == 0 and (summary["sent"], summary["skipped"]) == (39, 3)
    code, removed = masivo("suppression", "remove", "56910000001", "--json")
    assert code == 0 and removed == {"value": "56910000001", "removed": True}
    assert masivo("suppression", "remove", "56910000001")[0] == 1
    assert masivo("suppression", "add", "abc")[0] == 2


def test_email_campaign_on_demo(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    rows = book.active
    assert rows is not None
    rows.append(["Nombre", "Correo"])
    rows.append(["Ana", "Ana@Example.com"])
    rows.append(["Beto", "beto@example"])  # no domain ending: skipped with the reason
    path = tmp_path / "correos.xlsx"
    book.save(path)
    code, summary = masivo(
        "send",
        "--provider",
        "demo",
        "--channel",
        "email",
        "--recipients",
        str(path),
        "--subject",
        "Hola {Nombre}",
        "--message",
        "Su cuota vence pronto.",
        "--sender-name",
        "Tienda",
        "--sender-email",
        "ventas@tienda.cl",
        "--yes",
        "--json",
    )
    assert code == 0 and (summary["sent"], summary["skipped"], summary["status"]) == (1, 1, "completed")
