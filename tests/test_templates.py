"""Templates with merge fields, and e-mail drafts."""

from __future__ import annotations

import pytest

from app.core.email_draft import EmailDraft, EmailTemplate, html_to_text, problem_text, render_email
from app.core.templates import Template, TemplateError, check, field_key

COLUMNS = ["Nombre", "Teléfono", "Monto Adeudado", "Fecha"]
ROW = {"Nombre": "Ana", "Teléfono": "56912345678", "Monto Adeudado": "15.000", "Fecha": "05/03/2025"}


def test_fields_match_ignoring_case_accents_and_spaces() -> None:
    template = Template("Hola {nombre}: debe ${ MONTO  adeudado } al {telefono}.", COLUMNS)
    assert template.render(ROW) == "Hola Ana: debe $15.000 al 56912345678."
    assert template.columns == ("Nombre", "Monto Adeudado", "Teléfono")
    assert field_key("  Teléfono  Móvil ") == "telefono movil"


def test_double_braces_are_literal_and_percent_signs_survive() -> None:
    template = Template("{{Nombre}} {Nombre} 100% {{ }}", COLUMNS)
    assert template.render(ROW) == "{Nombre} Ana 100% { }"
    assert Template("50% de descuento {{hoy}}", COLUMNS).render(ROW) == "50% de descuento {hoy}"


def test_a_field_used_twice_renders_twice() -> None:
    assert Template("{Nombre}, {Nombre}!", COLUMNS).render(ROW) == "Ana, Ana!"


def test_an_unknown_field_names_the_field_its_position_and_the_columns() -> None:
    with pytest.raises(TemplateError) as caught:
        Template("Hola {Nombre}, su {Saldo} vence", COLUMNS)
    error = caught.value
    assert (error.kind, error.name, error.position) == ("unknown_field", "Saldo", 18)
    assert error.known == tuple(COLUMNS)
    assert error.text("es") == (
        "El campo {Saldo} (carácter 19) no es una columna de la planilla. "
        "Columnas: Nombre, Teléfono, Monto Adeudado, Fecha."
    )
    assert "is not a column of the sheet" in str(error)


@pytest.mark.parametrize(
    ("text", "kind", "position"),
    [
        ("Hola {Nombre", "unclosed_brace", 5),
        ("Hola {Nom{bre}", "unclosed_brace", 5),
        ("Hola Nombre}", "unopened_brace", 11),
        ("Hola {} y", "empty_field", 5),
        ("Hola {   }", "empty_field", 5),
    ],
)
def test_unbalanced_braces_are_errors_with_their_position(text: str, kind: str, position: int) -> None:
    with pytest.raises(TemplateError) as caught:
        Template(text, COLUMNS)
    assert (caught.value.kind, caught.value.position) == (kind, position)
    assert f"{position + 1}" in caught.value.text("es")


def test_check_lists_every_problem_for_the_composer() -> None:
    problems = check("Hola {Apodo}, {nombre}, {Saldo}", COLUMNS)
    assert [(p.kind, p.name, p.position) for p in problems] == [
        ("unknown_field", "Apodo", 5),
        ("unknown_field", "Saldo", 24),
    ]
    assert [p.kind for p in check("Hola {Apodo", COLUMNS)] == ["unclosed_brace"]
    assert check("Hola {Nombre}", COLUMNS) == []


def test_two_columns_that_match_alike_are_ambiguous() -> None:
    with pytest.raises(TemplateError) as caught:
        Template("{nombre}", ["Nombre", "NOMBRE"])
    assert caught.value.kind == "ambiguous_field"
    assert caught.value.known == ("Nombre", "NOMBRE")


def test_without_columns_fields_match_each_rows_keys() -> None:
    template = Template("Hola {NOMBRE}")
    assert template.render({"nombre": "Luis"}) == "Hola Luis"
    assert template.shown() == "Hola {NOMBRE}"
    with pytest.raises(TemplateError):
        template.render({"Apellido": "x"})


def test_empty_values_are_warnings_not_errors() -> None:
    template = Template("Hola {Nombre}, vence {Fecha}", COLUMNS)
    row = {**ROW, "Nombre": "  ", "Fecha": ""}
    assert template.render(row) == "Hola   , vence "
    assert template.empty_fields(row) == ("Nombre", "Fecha")
    assert template.empty_fields(ROW) == ()


def test_a_row_missing_a_column_renders_it_empty() -> None:
    template = Template("Hola {Nombre} {Fecha}", COLUMNS)
    assert template.render({"Nombre": "Ana"}) == "Hola Ana "
    assert template.empty_fields({"Nombre": "Ana"}) == ("Fecha",)


def test_a_template_without_fields_renders_its_text() -> None:
    template = Template("Oferta 20% {{hoy}}", COLUMNS)
    assert template.render(ROW) == "Oferta 20% {hoy}"
    assert template.columns == ()
    fmt, get = template.compiled()
    assert fmt % get(ROW) == "Oferta 20% {hoy}"


def test_html_escape_applies_to_values_only() -> None:
    template = Template("<b>{Nombre}</b>", COLUMNS)
    assert template.render({**ROW, "Nombre": "A & <B>"}, escape=lambda v: v.replace("<", "&lt;")) == (
        "<b>A & &lt;B></b>"
    )


def test_an_html_email_escapes_values_in_the_body_but_not_in_the_subject() -> None:
    draft = EmailDraft("Oferta para {Nombre}", "<p>Hola <b>{Nombre}</b></p>", html=True)
    email = render_email(draft, {**ROW, "Nombre": "Pérez & Hijos <Ltda>"}, COLUMNS)
    assert email.subject == "Oferta para Pérez & Hijos <Ltda>"
    assert email.body == "<p>Hola <b>Pérez &amp; Hijos &lt;Ltda&gt;</b></p>"
    assert email.plain_text() == "Hola Pérez & Hijos <Ltda>"


def test_a_plain_email_is_its_own_fallback() -> None:
    email = EmailTemplate(EmailDraft("Hola", "Hola {Nombre}\nSaludos"), COLUMNS).render(ROW)
    assert (email.html, email.plain_text()) == (False, "Hola Ana\nSaludos")


def test_email_fields_are_checked_in_subject_and_body() -> None:
    with pytest.raises(TemplateError) as caught:
        EmailTemplate(EmailDraft("Hola {Apodo}", "x"), COLUMNS)
    assert caught.value.name == "Apodo"
    template = EmailTemplate(EmailDraft("Hola {Nombre}", "Vence {Fecha} {nombre}"), COLUMNS)
    assert template.columns == ("Nombre", "Fecha")
    assert template.empty_fields({**ROW, "Fecha": ""}) == ("Fecha",)


def test_html_to_text_keeps_paragraphs_lists_and_link_targets() -> None:
    body = (
        "<html><head><title>t</title><style>p {color: red}</style></head><body>"
        "<h1>Hola &amp; bienvenido</h1><p>Visite   <a href='https://x.cl/oferta'>la oferta</a><br>hoy.</p>"
        "<ul><li>uno</li><li>dos</li></ul><p><a href='https://x.cl'>https://x.cl</a></p>"
        "<script>alert(1)</script></body></html>"
    )
    assert html_to_text(body) == (
        "Hola & bienvenido\n\nVisite la oferta (https://x.cl/oferta)\nhoy.\n\n- uno\n- dos\n\nhttps://x.cl"
    )


def test_sender_is_required_only_where_the_provider_says() -> None:
    draft = EmailDraft("Asunto", "Cuerpo")
    assert draft.problems(sender_required=False) == []
    assert draft.problems(sender_required=True) == ["no_sender_name", "no_sender_email"]
    bad = EmailDraft("", " ", sender_name="Tienda", sender_email="ventas@@tienda")
    assert bad.problems(sender_required=True) == ["no_subject", "no_body", "bad_sender_email"]
    ok = EmailDraft("Asunto", "Cuerpo", sender_name="Tienda", sender_email="ventas@tienda.cl")
    assert ok.problems(sender_required=True) == []
    assert problem_text("no_sender_email", "es").startswith("Falta la dirección del remitente")
