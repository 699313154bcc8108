"""Making campaigns from a real sheet: every row kept, texts rendered once, re-sends of unknown rows."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from app.core.domain import CampaignStatus, Channel, State
from app.core.engine.campaigns import (
    CampaignError,
    CampaignPlan,
    create_campaign,
    import_campaign,
    preview_campaign,
    resend_campaign,
)
from app.core.journal import Journal, NewMessage
from app.core.recipients import load_recipients
from app.providers.base import Effect, Problem, SendResult


@pytest.fixture
def sheet(tmp_path: Path) -> Path:
    book = Workbook()
    rows = book.active
    assert rows is not None
    rows.append(["Nombre", "Celular", "Correo", "Monto"])
    rows.append(["Ana", "+56 9 1234 5678", "ana@example.com", "$10.000"])
    rows.append(["Beto", "912345679", "BETO@example.com", "$2.500"])
    rows.append(["Repetida", "+56912345678", "otra@example.com", "$1"])
    rows.append(["Sin número", "", "x@example.com", "$1"])
    rows.append(["Baja", "+56 9 5555 0000", "baja@example.com", "$1"])
    path = tmp_path / "clientes.xlsx"
    book.save(path)
    return path


def test_import_keeps_every_row_and_renders_each_text_once(journal: Journal, sheet: Path) -> None:
    journal.suppression.add("56955550000", "sms", "BAJA")
    plan = CampaignPlan("cobranza", "demo", Channel.SMS, "Hola {nombre}, debe {Monto}", country="CL")
    created = import_campaign(journal, plan, sheet)
    assert (created.rows, created.valid, created.skipped, created.credits) == (5, 2, 3, 2)
    campaign = journal.require(created.campaign_id)
    assert campaign.status is CampaignStatus.READY
    assert campaign.columns == ("Nombre", "Celular", "Correo", "Monto")
    rows = list(journal.messages(created.campaign_id))
    assert [(r.sheet_row, r.address, r.text, r.state) for r in rows[:2]] == [
        (2, "56912345678", "Hola Ana, debe $10.000", State.PENDING),
        (3, "56912345679", "Hola Beto, debe $2.500", State.PENDING),
    ]
    assert [(r.state, r.reason) for r in rows[2:]] == [
        (State.SKIPPED, "duplicate"),
        (State.SKIPPED, "phone_empty"),
        (State.SKIPPED, "suppressed"),
    ]
    assert "fila 2" in rows[2].detail and rows[0].fields["Correo"] == "ana@example.com"


def test_a_preview_counts_what_the_campaign_made_of_the_same_rows_will_hold(
    journal: Journal, sheet: Path
) -> None:
    # The window reads the sheet once: Review previews its rows, the confirmation journals the same rows.
    rows = load_recipients(sheet, channel=Channel.SMS, country="CL", phone_column="Celular")
    headers, read = rows.preview.headers, list(rows)
    plan = CampaignPlan("cobranza", "itcloud", Channel.SMS, "Hola {Nombre}" + " " * 760 + "{Monto}")
    preview = preview_campaign(plan, headers, read)
    assert journal.campaigns() == []
    created = create_campaign(journal, plan, read, headers=headers)
    assert (preview.rows, preview.valid, preview.credits) == (created.rows, created.valid, created.credits)
    assert (preview.rows, preview.valid) == (5, 3)
    messages = list(journal.messages(created.campaign_id, [State.PENDING]))
    assert preview.sample is not None and preview.sample.text == messages[0].text
    assert preview.texts == len({m.text for m in messages}) == 3  # IT Cloud sends one request per text
    assert preview.over_limit == 3  # IT Cloud takes 765 characters


def test_email_campaigns_render_subject_and_escape_html(journal: Journal, sheet: Path) -> None:
    plan = CampaignPlan("correo", "demo", Channel.EMAIL, "<p>Hola {Nombre}</p>", subject="Su cuota, {Nombre}",
                        html=True)  # fmt: skip
    created = import_campaign(journal, plan, sheet)
    first = next(iter(journal.messages(created.campaign_id)))
    assert (first.address, first.subject, first.text) == (
        "ana@example.com",
        "Su cuota, Ana",
        "<p>Hola Ana</p>",
    )
    assert journal.require(created.campaign_id).option("html") is True


def test_a_field_that_is_not_a_column_fails_before_anything_is_written(journal: Journal, sheet: Path) -> None:
    plan = CampaignPlan("x", "demo", Channel.SMS, "Hola {Apellido}", country="CL")
    with pytest.raises(CampaignError, match="Apellido"):
        import_campaign(journal, plan, sheet)
    assert journal.campaigns() == []


def test_resend_unknown_rows_as_a_new_campaign_with_the_same_texts(journal: Journal, sheet: Path) -> None:
    plan = CampaignPlan("c", "demo", Channel.SMS, "Hola {nombre}", country="CL")
    first = import_campaign(journal, plan, sheet)
    ana, beto, baja = (m.key for m in journal.queue.claim(first.campaign_id, 10).messages)
    journal.queue.record([SendResult(ana, State.ACCEPTED, "p1")])
    journal.queue.mark_unknown([beto, baja], Problem("read_timeout", Effect.UNKNOWN, "answer_lost"))
    again = resend_campaign(journal, first.campaign_id)
    assert (again.rows, again.valid) == (2, 2)
    rows = list(journal.messages(again.campaign_id))
    assert [(r.address, r.text, r.sheet_row, r.state) for r in rows] == [
        ("56912345679", "Hola Beto", 3, State.PENDING),
        ("56955550000", "Hola Baja", 6, State.PENDING),
    ]
    new = journal.require(again.campaign_id)
    assert new.option("resend_of") == first.campaign_id and new.status is CampaignStatus.READY
    assert new.columns == ("Nombre", "Celular", "Correo", "Monto")


def test_a_sheet_that_breaks_part_way_leaves_no_campaign(journal: Journal) -> None:
    """Chunks are written by a thread while the next is rendered: a failure still leaves nothing behind."""
    from collections.abc import Iterator

    from app.core.engine.campaigns import CHUNK, create_campaign
    from tests.engine_support import Row, number

    def rows() -> Iterator[Row]:
        for i in range(2 * CHUNK + 10):
            yield Row(i + 2, number(i), {"nombre": f"N{i}"})
        raise OSError("the file went away")

    plan = CampaignPlan("rota", "demo", Channel.SMS, "Hola {nombre}")
    with pytest.raises(OSError, match="went away"):
        create_campaign(journal, plan, rows())
    assert journal.campaigns() == []
    assert journal.all_counts() == {}


def test_each_row_gets_its_text_and_cost_whatever_its_shape(journal: Journal) -> None:
    """Rendering runs a chunk at a time: a row lacking a column, a long text and a skipped row each
    still get their own text, cost and place, and a column only one row has is kept."""
    from app.core.engine.campaigns import create_campaign
    from tests.engine_support import Row

    long_name = "Bea" + "a" * 150  # the text is 160+ GSM characters: two segments
    rows = [
        Row(2, "56911110001", {"nombre": "Ana", "monto": "$1"}),
        Row(3, "56911110002", {"nombre": "Beto"}),  # no `monto` cell: the field is empty
        Row(4, "", {"nombre": "Ceci", "monto": "$3"}, status="invalid", reason="sin número"),
        Row(5, "56911110004", {"nombre": long_name, "monto": "$4", "nota": "VIP"}),
    ]
    plan = CampaignPlan("formas", "demo", Channel.SMS, "Hola {nombre}, debe {monto}")
    created = create_campaign(journal, plan, rows)
    assert (created.rows, created.valid, created.credits) == (4, 3, 1 + 1 + 2)
    found = list(journal.messages(created.campaign_id))
    assert [(r.sheet_row, r.text, r.state, r.reason) for r in found] == [
        (2, "Hola Ana, debe $1", State.PENDING, ""),
        (3, "Hola Beto, debe ", State.PENDING, ""),
        (4, "", State.SKIPPED, "invalid"),
        (5, f"Hola {long_name}, debe $4", State.PENDING, ""),
    ]
    assert found[2].detail == "sin número" and found[3].fields["nota"] == "VIP"
    assert journal.require(created.campaign_id).columns == ("nombre", "monto", "nota")
    assert journal.pending_credits(created.campaign_id) == 4


def test_a_database_failure_while_writing_is_raised_and_leaves_no_campaign(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The database's error part way reaches the caller, and the campaign is gone."""
    from app.core.engine.campaigns import CHUNK, create_campaign
    from app.core.journal import JournalError
    from tests.engine_support import Row, number

    add = journal.add_messages
    calls = []

    def failing(campaign_id: int, messages: list[NewMessage], **lookups: bool) -> int:
        calls.append(1)
        if len(calls) == 2:
            raise JournalError("The disk is full.")
        return add(campaign_id, messages, **lookups)

    monkeypatch.setattr(journal, "add_messages", failing)
    rows = (Row(i + 2, number(i), {"nombre": f"N{i}"}) for i in range(4 * CHUNK))
    plan = CampaignPlan("llena", "demo", Channel.SMS, "Hola {nombre}")
    with pytest.raises(JournalError, match="disk is full"):
        create_campaign(journal, plan, rows)
    monkeypatch.undo()
    assert journal.campaigns() == [] and journal.all_counts() == {}
