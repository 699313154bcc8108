"""The campaign preview: per-recipient counts summed into credits, distribution and warnings."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from app.core.preview import message_for, preview_campaign
from app.core.segments import count
from app.core.templates import Template

COLUMNS = ["Nombre", "Nota"]


def rows(*people: tuple[str, str]) -> list[tuple[int, Mapping[str, str]]]:
    return [(number, {"Nombre": name, "Nota": note}) for number, (name, note) in enumerate(people, start=2)]


def test_each_recipient_is_counted_on_its_own_message() -> None:
    template = Template("Hola {Nombre}, " + "x" * 140, COLUMNS)  # 147 characters + the name
    preview = preview_campaign(
        template,
        rows(("Ana", "a"), ("Bartolomé", "b"), ("Martín", "c"), ("Maximiliano Andrés", "d")),
        max_length=None,
    )
    # Ana: 150 GSM (1); Bartolomé: 156 GSM, é is GSM (1); Martín: 153 UCS-2 (3); 165 GSM (2).
    assert preview.messages == 4
    assert preview.distribution == {1: 2, 3: 1, 2: 1}
    assert preview.total_segments == 1 + 1 + 3 + 2
    assert preview.max_segments == 3
    assert (preview.ucs2_messages, preview.ucs2_rows) == (1, [4])
    assert (preview.longest_row, preview.longest_characters) == (5, 165)
    assert preview.longest_text == "Hola Maximiliano Andrés, " + "x" * 140
    assert preview.over_limit_rows == [] and preview.over_limit_count == 0


def test_totals_equal_the_sum_of_single_counts() -> None:
    template = Template("{Nombre}: {Nota} {{fin}}", COLUMNS)
    people = rows(*[(f"Cliente {i}", "ñ" * i + ("€" if i % 3 else "ó")) for i in range(0, 400, 7)])
    preview = preview_campaign(template, people, max_length=300)
    singles = [count(template.render(fields)) for _, fields in people]
    assert preview.total_segments == sum(c.segments for c in singles)
    assert preview.max_segments == max(c.segments for c in singles)
    over = [row for (row, _), single in zip(people, singles, strict=True) if single.characters > 300]
    assert preview.over_limit_rows == over
    assert sum(preview.distribution.values()) == preview.messages == len(people)


def test_rows_over_the_providers_limit_are_listed() -> None:
    template = Template("{Nota}", COLUMNS)
    people = rows(("a", "x" * 765), ("b", "x" * 766), ("c", "á" * 800))
    preview = preview_campaign(template, people, max_length=765)
    assert preview.over_limit_rows == [3, 4]
    assert preview.over_limit_count == 2


def test_empty_fields_are_reported_with_their_rows() -> None:
    template = Template("Hola {Nombre} {Nota}", COLUMNS)
    preview = preview_campaign(template, rows(("Ana", "ok"), ("", "ok"), (" ", "")), max_length=None)
    assert preview.empty_fields == [(3, ("Nombre",)), (4, ("Nombre", "Nota"))]


def test_rows_are_streamed_not_kept() -> None:
    consumed: list[int] = []

    def generate() -> Iterator[tuple[int, Mapping[str, str]]]:
        for number in range(2, 1002):
            consumed.append(number)
            yield number, {"Nombre": "Ana", "Nota": ""}

    preview = preview_campaign(Template("Hola {Nombre}", COLUMNS), generate())
    assert consumed[-1] == 1001 and preview.messages == 1000
    assert preview.distribution == {1: 1000}


def test_an_empty_list_costs_nothing() -> None:
    preview = preview_campaign(Template("Hola", COLUMNS), [])
    assert (preview.messages, preview.total_segments, preview.max_segments) == (0, 0, 0)
    assert preview.longest_row is None


def test_shortfall_against_the_balance() -> None:
    preview = preview_campaign(Template("x" * 200, COLUMNS), rows(("a", ""), ("b", "")))
    assert preview.total_segments == 4
    assert preview.shortfall(10) == 0
    assert preview.shortfall(3) == 1
    assert preview.shortfall(None) is None


def test_message_for_one_recipient() -> None:
    message = message_for(Template("Hola {Nombre}{Nota}", COLUMNS), (7, {"Nombre": "Ana", "Nota": ""}))
    assert (message.row, message.text, message.empty_fields) == (7, "Hola Ana", ("Nota",))
