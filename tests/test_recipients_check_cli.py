"""`masivo check`: the JSON the issue names, the human report, and one sentence for a file it cannot read."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import run
from app.commands.check import ProgressBar
from tests import recipients_files as make

SHEET = [
    ["Nombre", "Celular", "Correo"],
    ["Ana", "+56 9 8765 4321", "ana@correo.cl"],
    ["Luis", "hola", "luis@correo"],
    ["Eva", 56987654321, "eva@correo.cl"],
    ["Pía", "9 8765 4322", "pia@correo.cl"],
]


def check(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = run(["check", *argv], out=out)
    return code, out.getvalue()


def masivo(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *argv], capture_output=True, text=True, timeout=120, check=False
    )


def test_json_through_a_real_process(tmp_path: Path) -> None:
    path = make.xlsx(tmp_path / "clientes.xlsx", SHEET)
    done = masivo("check", str(path), "--json", "--country", "cl")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    report = json.loads(done.stdout)
    assert list(report) == ["rows", "valid", "invalid", "duplicates", "suppressed", "errors"]
    assert (report["rows"], report["valid"], report["invalid"], report["duplicates"]) == (4, 2, 1, 1)
    assert report["errors"] == [
        {"row": 3, "column": "Celular", "reason": "«hola» no es un número de teléfono."},
        {"row": 4, "column": "Celular", "reason": "Repite el destinatario de la fila 2."},
    ]


def test_a_file_it_cannot_read_gives_one_sentence_and_no_traceback(tmp_path: Path) -> None:
    whole = make.xlsx(tmp_path / "entera.xlsx", SHEET).read_bytes()
    broken = tmp_path / "cortada.xlsx"
    broken.write_bytes(whole[:700])
    done = masivo("check", str(broken), "--json")
    assert done.returncode == 1
    assert done.stdout == ""
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().count("\n") == 0
    assert "cortada.xlsx está dañado o incompleto" in done.stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "está vacío"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "no es una planilla"),
        (b"Nombre\n", "solo tiene encabezados"),
    ],
)
def test_unreadable_files_exit_1_with_a_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    path = tmp_path / "malo.xlsx"
    path.write_bytes(content)
    code, out = check(str(path))
    assert (code, out) == (1, "")
    assert message in capsys.readouterr().err


def test_wrong_options_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = make.xlsx(tmp_path / "clientes.xlsx", SHEET)
    assert check(str(path), "--country", "ZZ")[0] == 2
    assert check(str(path), "--sheet", "Ventas")[0] == 2
    assert check(str(path), "--phone-column", "Fono")[0] == 2
    assert "«Fono»" in capsys.readouterr().err


def test_the_human_report(tmp_path: Path) -> None:
    code, out = check(str(make.xlsx(tmp_path / "clientes.xlsx", SHEET)))
    assert code == 0
    assert out.splitlines() == [
        "clientes.xlsx, hoja «Clientes» (encabezados en la fila 1, columna «Celular»)",
        "Filas: 4; válidas: 2, inválidas: 1, duplicadas: 1, excluidas: 0.",
        "  Fila 3, «Celular»: «hola» no es un número de teléfono.",
        "  Fila 4, «Celular»: Repite el destinatario de la fila 2.",
    ]


def test_email_channel_and_chosen_columns(tmp_path: Path) -> None:
    path = make.xlsx(tmp_path / "clientes.xlsx", SHEET)
    code, out = check(str(path), "--channel", "email", "--json")
    report = json.loads(out)
    assert (code, report["valid"], report["invalid"]) == (0, 3, 1)
    assert report["errors"][0]["column"] == "Correo"
    code, out = check(str(path), "--phone-column", "nombre", "--json")
    assert json.loads(out)["invalid"] == 4


def test_provider_digit_rule(tmp_path: Path) -> None:
    path = make.xlsx(tmp_path / "clientes.xlsx", SHEET)
    _, out = check(str(path), "--provider", "itcloud", "--json")
    report = json.loads(out)
    assert report["valid"] == 0
    assert "12 dígitos" in report["errors"][0]["reason"]


def test_the_suppression_list_from_the_journal(tmp_path: Path) -> None:
    from app.core.journal import open_journal

    journal = open_journal()
    try:
        journal.add_suppression("56987654322", "sms", "pidió la baja")
    finally:
        journal.close()
    _, out = check(str(make.xlsx(tmp_path / "clientes.xlsx", SHEET)), "--json")
    report = json.loads(out)
    assert report["suppressed"] == 1
    assert report["errors"][-1]["row"] == 5


def test_the_progress_bar_draws_on_a_terminal_and_clears_itself() -> None:
    screen = io.StringIO()
    now = [0.0]
    bar = ProgressBar(screen, "es", clock=lambda: now[0])
    bar.update(2048, 10_000)
    now[0] = 0.05
    bar.update(4096, 10_000)  # too soon: not redrawn
    now[0] = 0.5
    bar.update(10_000, 10_000)
    bar.clear()
    drawn = screen.getvalue()
    assert drawn.count("\r[") == 2
    assert " 20%  2,048/10,000 filas" in drawn and "100%" in drawn
    assert drawn.endswith("\r")


def test_the_bundled_sample_shows_valid_and_rejected_rows() -> None:
    from app.core.paths import sample_sheet

    code, out = check(str(sample_sheet()), "--country", "CL", "--json")
    report = json.loads(out)
    assert (code, report["rows"], report["valid"]) == (0, 25, 21)
    assert (report["invalid"], report["duplicates"]) == (3, 1)


def test_a_chilean_sheet_for_itcloud_is_said_once_not_row_by_row(tmp_path: Path) -> None:
    path = make.xlsx(tmp_path / "clientes.xlsx", SHEET)
    code, out = check(str(path), "--provider", "itcloud", "--country", "CL")
    lines = out.splitlines()
    assert code == 0 and "IT Cloud Services envía solo a números de Colombia (+57)" in lines[1]
    assert not any(line.startswith("  Fila") for line in lines), out  # no row-by-row noise
    _, out = check(str(path), "--provider", "itcloud", "--country", "CL", "--json")
    assert "Colombia" in json.loads(out)["notice"]
    _, out = check(str(path), "--provider", "itcloud", "--country", "CO", "--json")
    assert "notice" not in json.loads(out)
