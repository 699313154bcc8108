"""`masivo send` reaches what the vendors' documents offer: IT Cloud's SMS modes, Connecta's sender."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pytest

from app.cli import run
from app.core.secrets import CredentialStore
from app.providers import itcloud
from app.providers.base import Credentials
from tests.engine_support import provider_server
from tests.fakes.itcloud import SEND_PATH


def masivo(*argv: str) -> int:
    return run(list(argv), out=io.StringIO())


def colombian_sheet(path: Path, count: int) -> list[str]:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Nombre", "Celular"])
    numbers = [f"5731020000{i:02d}" for i in range(count)]
    for i, digits in enumerate(numbers):
        sheet.append([f"Cliente {i}", f"+57 {digits[2:5]} {digits[5:]}"])
    book.save(path)
    return numbers


@pytest.mark.parametrize("mode", ["2via", "flash"])
def test_send_itcloud_in_each_mode(tmp_path: Path, mode: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # The command's clock is the real one: without its 08:00-21:00 window (tested with a fake clock in
    # test_dispatcher_waits.py) the test passes at any hour, not only in Bogota's daytime.
    monkeypatch.setattr(itcloud.ItCloudProvider, "capabilities", replace(itcloud.CAPABILITIES, window=None))
    sheet = tmp_path / "co.xlsx"
    numbers = colombian_sheet(sheet, 5)
    with provider_server("itcloud") as (fake, server):
        CredentialStore().save("itcloud", Credentials(dict(fake.credentials)))
        argv = ["send", "--provider", "itcloud", "--recipients", str(sheet), "--message", "¿Viene?",
                "--country", "CO", "--sms-mode", mode, "--base-url", server.url, "--yes"]  # fmt: skip
        assert masivo(*argv) == 0
        [request] = server.requests_to(SEND_PATH)
    assert request.arg("metodo_envio") == mode
    assert sorted(sent.number for sent in fake.fake.sent) == numbers
    assert {sent.mode for sent in fake.fake.sent} == {mode}


def test_sms_mode_is_refused_where_the_provider_has_none(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "co.xlsx"
    colombian_sheet(sheet, 2)
    argv = ["send", "--provider", "demo", "--recipients", str(sheet), "--message", "x", "--sms-mode", "2via"]
    assert masivo(*argv, "--yes") == 2
    assert "--sms-mode" in capsys.readouterr().err


def test_connecta_email_needs_the_sender_as_in_the_window(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Section 3's 040 lists nombre_remitente and email_remitente as required: refused before sending."""
    from openpyxl import Workbook

    sheet = tmp_path / "mails.xlsx"
    book = Workbook()
    rows = book.active
    assert rows is not None
    rows.append(["Nombre", "Correo"])
    rows.append(["Ana", "ana@example.com"])
    book.save(sheet)
    with provider_server("connecta") as (fake, server):
        CredentialStore().save("connecta", Credentials(dict(fake.credentials)))
        base = ["send", "--provider", "connecta", "--channel", "email", "--recipients", str(sheet),
                "--message", "Hola", "--subject", "Aviso", "--base-url", server.url, "--yes"]  # fmt: skip
        assert masivo(*base) == 2
        assert "--sender-name" in capsys.readouterr().err and server.requests == []
        assert masivo(*base, "--sender-name", "Tienda", "--sender-email", "ventas@example.com") == 0
        [sent] = server.requests_to("/send_email")
    body = sent.json()
    assert (body["nombre_remitente"], body["email_remitente"]) == ("Tienda", "ventas@example.com")


def test_convergia_gets_old_mexican_numbers_in_12_digits_and_ids_only_when_named(tmp_path: Path) -> None:
    from openpyxl import Workbook

    sheet = tmp_path / "mx.xlsx"
    book = Workbook()
    rows = book.active
    assert rows is not None
    rows.append(["Nombre", "Celular"])
    rows.append(["Ana", "+52 1 55 1234 5678"])  # the old mobile form, 13 digits
    rows.append(["Beto", "+52 33 1234 5678"])
    book.save(sheet)
    with provider_server("convergia") as (fake, server):
        CredentialStore().save("convergia", Credentials(dict(fake.credentials)))
        fake.fake.answer = "echo"  # "100 - ... al 525512345678": no id named, the last number is the phone
        argv = ["send", "--provider", "convergia", "--recipients", str(sheet), "--message", "Hola",
                "--country", "MX", "--base-url", server.url, "--yes"]  # fmt: skip
        assert masivo(*argv) == 0
        assert masivo("report", "1", "--out", str(tmp_path / "r.xlsx")) == 0
    assert sorted(sent.number for sent in fake.fake.sent.values()) == ["523312345678", "525512345678"]
    from tests.fakes.sheets import read_rows

    report = read_rows(tmp_path / "r.xlsx")
    assert all("no se puede consultar" in " ".join(map(str, row)) for row in report[1:]), report
