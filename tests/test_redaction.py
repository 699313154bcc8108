"""No secret reaches the log file, even when a real request carries it in the URL and headers."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.logs import REDACTOR, Redactor, setup_logging
from app.core.secrets import CredentialStore
from app.providers.base import Credentials, ProviderFailure
from app.providers.http import HttpClient
from tests.fakes.server import Reply, serving

PASSWORD = "S3cr3t-Pa55w0rd!"
TOKEN = "59k45nabeeqvi8wn2ja9"


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    root = logging.getLogger()
    before = list(root.handlers)
    level = root.level
    path = setup_logging(tmp_path / "logs", level=logging.DEBUG)
    root.setLevel(logging.DEBUG)
    yield path
    for handler in root.handlers[:]:
        if handler not in before:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


@pytest.mark.logs_errors
def test_secrets_in_a_real_request_never_reach_the_log(log_file: Path) -> None:
    CredentialStore().save("itcloud", Credentials({"user": "ana@example.com", "token": TOKEN}))
    with serving(lambda r: Reply(200, "12345")) as server:
        client = HttpClient(server.url)
        client.request(
            "GET",
            "/sms/api/sendsms",
            idempotent=False,
            params={"user": "ana", "token": TOKEN, "GSM": "573102111111"},
        )
        client.request(
            "POST",
            "/send_sms",
            idempotent=False,
            json={"username": "ana", "password": PASSWORD},
            auth=("ana", PASSWORD),
        )
        assert server.requests[0].query["token"] == [TOKEN], "the secret did travel: the test is real"
    logging.getLogger("test").error("failed for %s?password=%s", "http://host/x", PASSWORD)
    try:
        raise RuntimeError(f"boom with token={TOKEN}")
    except RuntimeError:
        logging.getLogger("test").exception("while sending")
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = log_file.read_text(encoding="utf-8")
    assert '"GET /sms/api/sendsms?user=ana&token=***&GSM=573102111111 HTTP/1.1"' in text, (
        "urllib3 logged the URL, masked"
    )
    assert TOKEN not in text
    assert PASSWORD not in text
    assert "***" in text


def test_failures_name_no_secret() -> None:
    client = HttpClient("http://127.0.0.1:9", sleep=lambda _: None)
    with pytest.raises(ProviderFailure) as caught:
        client.request(
            "GET", "/get_credits", idempotent=True, params={"username": "ana", "password": PASSWORD}
        )
    assert PASSWORD not in str(caught.value)
    assert caught.value.__cause__ is None and caught.value.__context__ is None


@pytest.mark.parametrize(
    "text",
    [
        "GET /api?user=ana&password=hunter22&x=1",
        '{"username": "ana", "password": "hunter22"}',
        "Authorization: Basic YW5hOmh1bnRlcjIy",
        "AuthenticationToken: hunter22",
        "token=hunter22",
    ],
)
def test_secret_looking_values_are_masked_even_when_unknown(text: str) -> None:
    redacted = Redactor().redact(text)
    assert "hunter22" not in redacted and "YW5hOmh1bnRlcjIy" not in redacted
    assert "***" in redacted


def test_known_secrets_are_masked_anywhere() -> None:
    redactor = Redactor()
    redactor.add("0123456789abcdef")
    assert redactor.redact("key 0123456789abcdef here") == "key *** here"
    assert REDACTOR is not redactor
