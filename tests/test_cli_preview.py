"""`masivo preview`: counts, provider limits and per-recipient totals, as text and as JSON."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from app.cli import run

ROOT = Path(__file__).resolve().parent.parent


def preview(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = run(["preview", *argv], out=out)
    return code, out.getvalue()


def preview_json(*argv: str) -> tuple[int, dict[str, Any]]:
    code, text = preview(*argv, "--json")
    assert text.count("\n") == 1, text
    data: dict[str, Any] = json.loads(text)
    return code, data


@pytest.mark.parametrize(("length", "segments"), [(160, 1), (161, 2), (765, 5), (766, 6)])
def test_gsm_message_counts(length: int, segments: int) -> None:
    code, data = preview_json("--message", "a" * length)
    assert code == 0
    assert data == {
        "encoding": "GSM-7",
        "characters": length,
        "units": length,
        "segments": segments,
        "limit": 1600,  # the demo provider's declared limit
        "over_limit": False,
        "non_gsm": [],
    }


def test_one_accent_makes_it_ucs2_and_is_listed_with_its_position() -> None:
    code, data = preview_json("--message", "a" * 100 + "á" + "b" * 10)
    assert (code, data["encoding"], data["segments"]) == (0, "UCS-2", 2)
    assert data["non_gsm"] == [{"position": 100, "char": "á"}]


def test_it_clouds_limit_is_765_characters() -> None:
    code, data = preview_json("--message", "x" * 765, "--provider", "itcloud")
    assert (code, data["limit"], data["over_limit"]) == (0, 765, False)
    code, data = preview_json("--message", "x" * 766, "--provider", "itcloud")
    assert (code, data["over_limit"]) == (1, True)


def test_text_output_in_spanish_shows_the_offending_characters_and_the_conversion() -> None:
    code, text = preview("--message", "Su cuota vence mañana — pague aquí.")
    assert code == 0
    assert "35 caracteres, UCS-2 (35 unidades UTF-16): 1 segmento(s) de hasta 70." in text
    assert "obligan a UCS-2 (70 por segmento en vez de 160) y su posición: «—» (23), «í» (34)." in text
    assert "Convertido a GSM-7 (—→-, í→i): 1 → 1 segmento(s)." in text


def test_text_output_in_english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MASIVO_LANG", "en")
    code, text = preview("--message", "x" * 766, "--provider", "itcloud")
    assert code == 1
    assert "766 characters, GSM-7 (766 septets): 6 segment(s) of up to 153." in text
    assert "Over the IT Cloud Services limit of 765 characters a message: shorten it." in text


def test_message_file_with_a_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "mensaje.txt"
    path.write_text("Hola {{cliente}} €", encoding="utf-8-sig")
    code, data = preview_json("--message-file", str(path))
    assert (code, data["characters"], data["units"]) == (0, 16, 19)  # 'Hola {cliente} €': 3 escapes


def test_bad_input_is_one_sentence_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert preview("--message-file", str(tmp_path / "no.txt"))[0] == 2
    assert capsys.readouterr().err.strip() == f"No existe el archivo {tmp_path / 'no.txt'}."
    assert preview("--message", "Hola {Nombre")[0] == 2
    assert capsys.readouterr().err.startswith('La llave "{" del carácter 6 no se cierra')


def write_sheet(tmp_path: Path) -> Path:
    path = tmp_path / "clientes.csv"
    lines = [
        "Nombre,Teléfono,Monto",
        "Ana,+56 9 1234 5678,1000",  # row 2: 'Hola Ana, debe $1000.' GSM, 1 segment
        "Martín,56987654321,2000",  # row 3: í -> UCS-2, 1 segment
        ",56911112222,300",  # row 4: empty name -> warning
        "Pedro,12,5",  # row 5: invalid number -> not sent
        f"Luisa,56933334444,{'9' * 800}",  # row 6: 819 characters -> 6 segments
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_recipients_give_per_message_totals(tmp_path: Path) -> None:
    sheet = write_sheet(tmp_path)
    code, data = preview_json(
        "--message", "Hola {nombre}, debe ${MONTO}.", "--recipients", str(sheet), "--country", "CL"
    )
    assert code == 0
    assert {key: data[key] for key in ("messages", "total_segments", "max_segments", "over_limit_count")} == {
        "messages": 4,
        "total_segments": 1 + 1 + 1 + 6,
        "max_segments": 6,
        "over_limit_count": 0,
    }
    assert (data["longest_row"], data["characters"], data["segments"]) == (6, 819, 6)
    assert data["distribution"] == {"1": 3, "6": 1}
    assert data["ucs2_messages"] == 1
    assert data["empty_fields"] == [{"row": 4, "columns": ["Nombre"]}]
    assert data["skipped_rows"] == 1


def test_recipients_over_the_providers_limit(tmp_path: Path) -> None:
    sheet = write_sheet(tmp_path)
    argv = ("--message", "Hola {Nombre}: {Monto}", "--recipients", str(sheet), "--country", "CL")
    code, data = preview_json(*argv, "--provider", "wavy")  # Wavy: 1280 characters
    assert (code, data["over_limit_count"]) == (0, 0)
    code, text = preview(*argv, "--provider", "demo")
    assert "4 mensajes, 9 segmentos en total (= créditos)" in text
    assert "Atención: campos vacíos (Nombre) en las filas 4." in text


def test_it_cloud_rejects_rows_over_765_characters(tmp_path: Path) -> None:
    sheet = tmp_path / "colombia.csv"
    sheet.write_text(f"Celular,Nota\n573102111111,{'x' * 760}\n573102111112,{'x' * 761}\n", encoding="utf-8")
    code, data = preview_json(
        "--message", "Hola {Nota}", "--recipients", str(sheet), "--country", "CO", "--provider", "itcloud"
    )
    assert code == 1
    assert (data["messages"], data["over_limit_count"], data["over_limit_rows"]) == (2, 1, [3])
    assert (data["characters"], data["limit"], data["over_limit"]) == (766, 765, True)


def test_an_unknown_field_names_the_columns(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = write_sheet(tmp_path)
    code, _ = preview("--message", "Hola {Apodo}", "--recipients", str(sheet), "--country", "CL")
    assert code == 2
    assert capsys.readouterr().err.strip() == (
        "El campo {Apodo} (carácter 6) no es una columna de la planilla. Columnas: Nombre, Teléfono, Monto."
    )


def test_a_real_process_prints_one_json_object(tmp_path: Path) -> None:
    env = {**os.environ, "MASIVO_HOME": str(tmp_path), "MASIVO_LANG": "es"}
    done = subprocess.run(
        [sys.executable, "-m", "app", "preview", "--message", "¡Hola! 😀", "--provider", "itcloud", "--json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env=env,
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert json.loads(done.stdout) == {
        "encoding": "UCS-2",
        "characters": 8,
        "units": 9,
        "segments": 1,
        "limit": 765,
        "over_limit": False,
        "non_gsm": [{"position": 7, "char": "😀"}],
    }
