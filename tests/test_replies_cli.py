"""`masivo replies`, `webhooks urls|rotate|serve`, pushed states in `status`, `suppression`."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from typing import Any

import keyring
import pytest
from keyring.backends import fail

from app.core.journal import Journal, open_journal
from app.core.logs import REDACTOR
from app.core.secrets import CredentialStore
from app.webhooks.routes import ROUTES, STORE_ID, load_tokens
from tests.cli_support import masivo
from tests.webhook_support import (
    Client,
    number,
    provider_ids,
    received,
    running_receiver,
    sent_campaign,
    status,
)


@pytest.fixture
def journal() -> Iterator[Journal]:
    opened = open_journal()  # the data folder's journal, which the commands open too
    yield opened
    opened.close()


def test_urls_are_made_once_kept_in_the_keyring_and_rotated() -> None:
    code, urls = masivo("webhooks", "urls", "--base-url", "https://masivo.example.cl/hooks/", "--json")
    assert code == 0 and set(urls) == {"connectus_status", "connectus_inbound", "itcloud_inbound"}
    tokens = load_tokens(CredentialStore())
    assert tokens is not None
    for route in ROUTES:
        assert urls[route.name] == f"https://masivo.example.cl/hooks/{route.path}/{tokens[route.name]}"
        assert len(tokens[route.name]) >= 32
        assert REDACTOR.redact(f"GET {urls[route.name]}").count(tokens[route.name]) == 0
    again = masivo("webhooks", "urls", "--base-url", "https://otro.cl", "--json")[1]
    assert again["itcloud_inbound"].endswith(tokens["itcloud_inbound"])  # the same tokens every time
    code, rotated = masivo("webhooks", "rotate", "--json")
    assert code == 0 and rotated == {"rotated": [route.name for route in ROUTES]}
    fresh = load_tokens(CredentialStore())
    assert fresh is not None and not set(fresh.values()) & set(tokens.values())


def test_urls_need_a_web_address() -> None:
    code, text = masivo("webhooks", "urls", "--base-url", "masivo.example.cl")
    assert code == 2 and text == ""


def test_without_a_keyring_the_receiver_says_so_in_one_sentence(capsys: pytest.CaptureFixture[str]) -> None:
    keyring.set_keyring(fail.Keyring())  # the conftest puts its memory keyring back afterwards
    code, _ = masivo("webhooks", "serve", "--port", "0")
    err = capsys.readouterr().err
    assert code == 2
    assert "keyring" in err and "docs/webhooks.md" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_replies_lists_every_reply_oldest_first_with_campaign_and_row(journal: Journal) -> None:
    campaign = sent_campaign(journal, 3, name="Promo marzo")
    with running_receiver(journal) as receiver:
        client = Client(receiver.port)
        client.post_json("connectus_inbound", received("r1", number(2), "¿Cuánto cuesta?"))
        client.itcloud("Baja", "573152338956")
        client.close()
    code, listing = masivo("replies", "--json")
    assert code == 0
    first, second = listing["replies"]
    assert {k: first[k] for k in ("provider", "from", "to", "text", "campaign", "row", "opt_out")} == {
        "provider": "connectus", "from": number(2), "to": "56442330001", "text": "¿Cuánto cuesta?",
        "campaign": campaign, "row": 4, "opt_out": False}  # fmt: skip
    assert (second["campaign"], second["row"], second["opt_out"]) == (None, None, True)
    assert first["received_at"] <= second["received_at"]
    assert masivo("replies", "--campaign", "Promo marzo", "--json")[1]["replies"] == [first]
    code, text = masivo("replies")
    assert code == 0 and "¿Cuánto cuesta?" in text and "[BAJA]" in text
    assert masivo("replies", "--campaign", "no existe")[0] == 2


def test_status_shows_pushed_states_without_refresh(journal: Journal) -> None:
    campaign = sent_campaign(journal, 2)
    ids = provider_ids(journal, campaign)
    with running_receiver(journal) as receiver:
        client = Client(receiver.port)
        client.post_json("connectus_status", status(ids[number(0)], "ENTREGADO"))
        client.post_json("connectus_status", status(ids[number(1)], "NO_ENTREGABLE"))
        client.close()
    code, shown = masivo("status", str(campaign), "--json")
    assert code == 0 and shown["counts"] == {"delivered": 1, "undelivered": 1}


def test_an_opt_out_is_on_the_suppression_list_and_check_counts_it(journal: Journal, tmp_path: Any) -> None:
    from tests.engine_support import write_sheet

    with running_receiver(journal) as receiver:
        client = Client(receiver.port)
        client.itcloud("  ¡BAJA! ", "56910000001")
        client.close()
    _, listed = masivo("suppression", "list", "--json")
    [entry] = listed["entries"]
    assert (entry["value"], entry["channel"], entry["reason"]) == ("56910000001", "sms", "opt_out: ¡BAJA!")
    sheet = tmp_path / "clientes.xlsx"
    write_sheet(sheet, 5)  # its second row is +56 9 1000 0001
    _, report = masivo("check", str(sheet), "--country", "CL", "--json")
    assert report["suppressed"] == 1
    assert masivo("suppression", "remove", "+56 9 1000 0001", "--json")[1] == {
        "value": "56910000001", "removed": True}  # fmt: skip


def test_the_keyring_entry_holds_only_the_tokens(journal: Journal) -> None:
    masivo("webhooks", "urls", "--base-url", "https://x.cl", "--json")
    stored = CredentialStore().load(STORE_ID)
    assert stored is not None and sorted(stored.values) == sorted(route.name for route in ROUTES)


def test_an_opt_out_from_a_number_the_importer_refuses_can_still_be_removed(journal: Journal) -> None:
    with running_receiver(journal) as receiver:
        client = Client(receiver.port)
        client.itcloud("Salir", "123456")  # a short number a provider's system may use
        client.close()
    assert masivo("suppression", "add", "123456")[0] == 2  # not a number the importer takes
    assert masivo("suppression", "remove", "123456", "--json") == (0, {"value": "123456", "removed": True})


def test_serve_on_a_taken_port_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        code, _ = masivo("webhooks", "serve", "--port", str(taken.getsockname()[1]))
    err = capsys.readouterr().err
    assert code == 2 and "--port" in err and "Traceback" not in err


def test_replies_escapes_what_would_drive_the_terminal(journal: Journal) -> None:
    with running_receiver(journal) as receiver:
        client = Client(receiver.port)
        client.post_json("connectus_inbound", received("r1", number(2), "hola\x1b]0;pwned\x07\rBAJA\x1b[2J"))
        client.close()
    code, text = masivo("replies")
    assert code == 0
    assert not any(char in text for char in "\x1b\x07\r")
    assert "hola\\x1b]0;pwned\\x07\\rBAJA\\x1b[2J" in text
    assert json.loads(json.dumps(masivo("replies", "--json")[1]))["replies"][0]["text"].startswith("hola\x1b")
