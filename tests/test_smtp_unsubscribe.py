"""One-click unsubscribe end to end: a campaign over real SMTP, then the link through the real receiver."""

from __future__ import annotations

import http.client
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from app.core.dispatcher import Dispatcher
from app.core.journal import Journal
from app.core.pacing import Pace
from app.core.unsubscribe import link_key
from app.providers.base import State
from tests.fakes.smtp import FakeSmtpServer, smtp_server
from tests.smtp_support import SECRET, email_campaign, smtp_adapter
from tests.webhook_support import running_receiver


@pytest.fixture
def server(tmp_path: Path) -> Iterator[FakeSmtpServer]:
    with smtp_server(tmp_path) as running:
        yield running


def fetch(port: int, method: str, path: str, body: bytes = b"") -> tuple[int, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Content-Type": "application/x-www-form-urlencoded"} if body else {}
    connection.request(method, path, body=body or None, headers=headers)
    response = connection.getresponse()
    text = response.read().decode("utf-8")
    connection.close()
    return response.status, text


def test_one_click_puts_the_address_on_the_suppression_list(server: FakeSmtpServer, journal: Journal) -> None:
    with running_receiver(journal, unsubscribe_secret=SECRET) as receiver:
        campaign = email_campaign(journal, 3)
        provider = smtp_adapter(server, unsubscribe_url=receiver.url)
        result = Dispatcher(journal, campaign, provider, pace=Pace.off()).run()
        provider.close()
        assert result.counts.get("accepted") == 3

        mail = server.received[1].message
        https = mail["List-Unsubscribe"].split(",")[0].strip(" <>")  # the receiver's URL comes first
        assert https.startswith(receiver.url)
        path = urlsplit(https).path
        assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

        status, page = fetch(receiver.port, "GET", path)  # what a mail scanner does
        assert status == 200 and "cliente1@example.com" in page and '<form method="post"' in page
        assert journal.suppression_entry("cliente1@example.com") is None, "a GET must not unsubscribe"

        status, page = fetch(receiver.port, "POST", path, b"List-Unsubscribe=One-Click")
        assert status == 200 and "No enviaremos más correos" in page
        entry = journal.suppression_entry("cliente1@example.com")
        assert entry is not None and entry.reason == "unsubscribe"

        # The next campaign to the same people skips the address that left.
        again = email_campaign(journal, 3)
        provider = smtp_adapter(server)
        result = Dispatcher(journal, again, provider, pace=Pace.off()).run()
        provider.close()
        assert result.counts.get("skipped") == 1 and result.counts.get("accepted") == 2
        assert server.recipients().count("cliente1@example.com") == 1


def test_a_forged_or_foreign_link_unsubscribes_nobody(server: FakeSmtpServer, journal: Journal) -> None:
    campaign = email_campaign(journal, 2)
    row = next(journal.messages(campaign)).id
    with running_receiver(journal, unsubscribe_secret=SECRET) as receiver:
        forged = f"/email/unsubscribe/{row}-AAAAAAAAAAAAAAAAAAAAAA"
        other_secret = f"/email/unsubscribe/{link_key('another-secret', row)}"
        missing_row = f"/email/unsubscribe/{link_key(SECRET, row + 1000)}"
        for path in (forged, other_secret, missing_row, "/email/unsubscribe/x-y"):
            status, _ = fetch(receiver.port, "POST", path, b"List-Unsubscribe=One-Click")
            assert status == 404, path
        status, _ = fetch(receiver.port, "PUT", f"/email/unsubscribe/{link_key(SECRET, row)}")
        assert status == 405
    assert journal.suppression_entries() == []
    assert next(journal.messages(campaign)).state is State.PENDING


def test_the_other_routes_still_answer(journal: Journal) -> None:
    with running_receiver(journal, unsubscribe_secret=SECRET) as receiver:
        assert fetch(receiver.port, "GET", "/healthz")[0] == 200
        assert fetch(receiver.port, "POST", "/connectus/status/wrong")[0] == 404
