"""The IT Cloud adapter against a fake that follows the vendor document, over real HTTP."""

from __future__ import annotations

import datetime as dt
import socket
from collections.abc import Callable, Iterator

import pytest

from app.providers import itcloud
from app.providers.base import Credentials, Effect, OutgoingMessage, ProviderFailure, SendOptions, State
from app.providers.http import HttpClient
from tests.fakes.itcloud import BALANCE_PATH, BOGOTA, SEND_PATH, FakeItCloud
from tests.fakes.server import FakeServer, Reply, Request, serving

TEN_AM = dt.datetime(2025, 3, 4, 10, 0, tzinfo=BOGOTA)
NUMBER = "573102111111"


@pytest.fixture
def fake() -> FakeItCloud:
    return FakeItCloud(clock=lambda: TEN_AM)


@pytest.fixture
def server(fake: FakeItCloud) -> Iterator[FakeServer]:
    with serving(fake.handle) as running:
        yield running


@pytest.fixture
def sleeps() -> list[float]:
    return []


def make(
    url: str, fake: FakeItCloud, sleeps: list[float], token: str | None = None, read_timeout: float = 5.0
) -> itcloud.ItCloudProvider:
    client = HttpClient(url, timeout=(2.0, read_timeout), sleep=sleeps.append, jitter=lambda: 0.5)
    credentials = Credentials({"user": fake.user, "token": fake.token if token is None else token})
    return itcloud.create(credentials, client)


@pytest.fixture
def provider(server: FakeServer, fake: FakeItCloud, sleeps: list[float]) -> itcloud.ItCloudProvider:
    return make(server.url, fake, sleeps)


def block(numbers: list[str], text: str = "Hola, su pedido llegó") -> list[OutgoingMessage]:
    return [OutgoingMessage(key, number, text) for key, number in enumerate(numbers, 1)]


def numbers(count: int) -> list[str]:
    return [str(573100000000 + i) for i in range(count)]


def fail_first(count: int, status: int = 500) -> Callable[[Request], int | None]:
    """A fault answering `status` before processing to the first `count` requests."""
    seen: list[Request] = []

    def fault(request: Request) -> int | None:
        seen.append(request)
        return status if len(seen) <= count else None

    return fault


def test_send_one_posts_the_documented_parameters(
    provider: itcloud.ItCloudProvider, server: FakeServer, fake: FakeItCloud
) -> None:
    [result] = provider.send(block([NUMBER]), SendOptions(sms_mode="2via"))
    assert result.state is State.ACCEPTED
    assert result.provider_id == str(fake.sent[0].code)
    [request] = server.requests_to(SEND_PATH)
    assert request.method == "POST" and request.query == {}  # the token stays out of the URL
    assert {name: request.arg(name) for name in ("user", "token", "GSM", "SMSText", "metodo_envio")} == {
        "user": fake.user,
        "token": fake.token,
        "GSM": NUMBER,
        "SMSText": "Hola, su pedido llegó",
        "metodo_envio": "2via",  # without quotes
    }


@pytest.mark.parametrize("separator", ["<br>\n", "\n", "<br>", "<BR />\r\n"])
def test_bulk_of_2500_goes_in_blocks_of_1000(
    provider: itcloud.ItCloudProvider, server: FakeServer, fake: FakeItCloud, separator: str
) -> None:
    fake.separator = separator
    messages = block(numbers(2500))
    size = itcloud.CAPABILITIES.bulk_size
    results = [r for i in range(0, 2500, size) for r in provider.send(messages[i : i + size], SendOptions())]
    assert [len(str(r.arg("GSM")).split(",")) for r in server.requests_to(SEND_PATH)] == [1000, 1000, 500]
    assert all(r.state is State.ACCEPTED for r in results)
    assert [r.provider_id for r in results] == [str(sent.code) for sent in fake.sent]
    assert fake.balance == 10_000 - 2500


def test_a_block_must_share_one_text(provider: itcloud.ItCloudProvider, server: FakeServer) -> None:
    with pytest.raises(ValueError, match="one text per request"):
        mixed = [OutgoingMessage(1, NUMBER, "a"), OutgoingMessage(2, "573102111112", "b")]
        provider.send(mixed, SendOptions())
    with pytest.raises(ValueError, match="at most 1000"):
        provider.send(block(numbers(1001)), SendOptions())
    with pytest.raises(ValueError, match="SMS mode"):
        provider.send(block([NUMBER]), SendOptions(sms_mode="'2via'"))
    assert server.requests == []


def test_answers_per_number_map_to_each_message(provider: itcloud.ItCloudProvider, fake: FakeItCloud) -> None:
    fake.blocklist.add("573102000003")
    fake.balance = 1
    sent = ["573102000001", "57310200000", "573802338546", "573102000003", "573102000004"]
    results = provider.send(block(sent), SendOptions())
    assert [(r.state, r.problem and r.problem.code) for r in results] == [
        (State.ACCEPTED, None),
        (State.REJECTED, "-4"),  # 11 digits
        (State.REJECTED, "0"),  # no such operator
        (State.REJECTED, "-8"),  # block list
        (State.REJECTED, "-3"),  # no balance left: still a per-message result, with a STOP effect
    ]
    assert results[4].problem is not None and results[4].problem.effect is Effect.STOP


@pytest.mark.parametrize("code", sorted(itcloud.CODES))
def test_every_code_for_one_number_of_many(
    provider: itcloud.ItCloudProvider, fake: FakeItCloud, code: int
) -> None:
    fake.codes["573102000002"] = code
    first, second = provider.send(block(["573102000001", "573102000002"]), SendOptions())
    assert first.state is State.ACCEPTED
    assert second.state is State.REJECTED and second.problem == itcloud.CODES[code]


@pytest.mark.parametrize("code", sorted(itcloud.CODES))
def test_every_code_for_a_whole_request(
    provider: itcloud.ItCloudProvider, fake: FakeItCloud, code: int
) -> None:
    fake.whole_code = code
    expected = itcloud.CODES[code]
    if expected.effect is Effect.SKIP:
        results = provider.send(block(numbers(3)), SendOptions())
        assert {(r.state, r.problem) for r in results} == {(State.REJECTED, expected)}
    else:
        with pytest.raises(ProviderFailure) as failure:
            provider.send(block([NUMBER]), SendOptions())
        assert failure.value.problem == expected


def test_bare_answer_with_one_number_or_a_line(provider: itcloud.ItCloudProvider, fake: FakeItCloud) -> None:
    fake.bare_single = False
    assert provider.send(block([NUMBER]), SendOptions())[0].state is State.ACCEPTED
    fake.codes[NUMBER] = -8
    [result] = provider.send(block([NUMBER]), SendOptions())
    assert result.problem == itcloud.CODES[-8]


def test_documented_content_errors(provider: itcloud.ItCloudProvider, fake: FakeItCloud) -> None:
    [link] = provider.send(block([NUMBER], "Vea www.ejemplo.com"), SendOptions())
    [reserved] = provider.send(block([NUMBER], "Gane en el casino"), SendOptions())
    long_text = provider.send(block(numbers(2), "x" * 766), SendOptions())
    assert link.problem == itcloud.CODES[-10] and reserved.problem == itcloud.CODES[-9]
    assert [r.problem for r in long_text] == [itcloud.CODES[-5]] * 2
    assert fake.sent == []


@pytest.mark.parametrize(
    ("hour", "minute", "opens"),
    [(7, 59, False), (8, 0, True), (20, 59, True), (21, 0, False), (23, 30, False)],
)
def test_the_fake_keeps_the_crc_window(
    provider: itcloud.ItCloudProvider, fake: FakeItCloud, hour: int, minute: int, opens: bool
) -> None:
    fake.clock = lambda: dt.datetime(2025, 3, 4, hour, minute, tzinfo=BOGOTA).astimezone(dt.UTC)
    if opens:
        assert provider.send(block([NUMBER]), SendOptions())[0].state is State.ACCEPTED
        return
    with pytest.raises(ProviderFailure) as failure:
        provider.send(block(numbers(2)), SendOptions())
    assert failure.value.problem.effect is Effect.WAIT_WINDOW
    assert failure.value.problem.reason == "outside_window"


def test_wrong_credentials(server: FakeServer, fake: FakeItCloud, sleeps: list[float]) -> None:
    provider = make(server.url, fake, sleeps, token="wrong")
    calls = {"wrong_credentials": lambda: provider.send(block([NUMBER]), SendOptions()),
             "credentials_unconfirmed": provider.test_credentials}  # fmt: skip
    for reason, call in calls.items():
        with pytest.raises(ProviderFailure) as failure:
            call()
        assert failure.value.problem.effect is Effect.STOP
        assert failure.value.problem.reason == reason


def test_missing_credentials_stop_before_any_request(
    server: FakeServer, fake: FakeItCloud, sleeps: list[float]
) -> None:
    with pytest.raises(ProviderFailure) as failure:
        make(server.url, fake, sleeps, token="").send(block([NUMBER]), SendOptions())
    assert failure.value.problem.reason == "no_credentials" and server.requests == []


def test_balance_sends_the_token_as_the_table_says(
    provider: itcloud.ItCloudProvider, server: FakeServer, fake: FakeItCloud
) -> None:
    assert provider.balance().sms == 10_000 and provider.balance().email is None
    fake.balance = 7
    assert provider.test_credentials().sms == 7
    request = server.requests_to(BALANCE_PATH)[0]
    assert request.method == "GET"
    assert request.arg("token") == fake.token and request.arg("password") is None
    assert provider.statuses(["1"], itcloud.Channel.SMS) == []


def test_a_balance_of_minus_one_is_unreadable_not_wrong_credentials(
    provider: itcloud.ItCloudProvider, fake: FakeItCloud
) -> None:
    fake.administrator = True  # "Esto no aplica para cuentas con perfil de administrador"
    with pytest.raises(ProviderFailure) as failure:
        provider.balance()
    assert (failure.value.problem.reason, failure.value.problem.effect) == (
        "balance_unreadable",
        Effect.UNKNOWN,
    )
    assert provider.send(block([NUMBER]), SendOptions())[0].state is State.ACCEPTED


@pytest.mark.parametrize("mode", ["1via", "2via", "flash"])
def test_each_mode_goes_as_the_document_reads_it(
    provider: itcloud.ItCloudProvider, server: FakeServer, fake: FakeItCloud, mode: str
) -> None:
    [result] = provider.send(block([NUMBER]), SendOptions(sms_mode=mode))
    assert result.state is State.ACCEPTED and fake.sent[0].mode == mode
    [request] = server.requests_to(SEND_PATH)
    # "si no se envia esta variable, por defecto queda 1via": 1via leaves it out; the others unquoted.
    assert request.arg("metodo_envio") == (None if mode == "1via" else mode)


def test_a_quoted_mode_is_what_the_service_refuses(fake: FakeItCloud, server: FakeServer) -> None:
    import requests

    form = {"user": fake.user, "token": fake.token, "GSM": NUMBER, "SMSText": "x", "metodo_envio": "'2via'"}
    assert requests.post(server.url + SEND_PATH, data=form, timeout=5).text == "-11"


def test_one_base_url_replaces_both_hosts(provider: itcloud.ItCloudProvider) -> None:
    assert provider.balance_client is provider.client
    default = itcloud.create(Credentials(), HttpClient(itcloud.CAPABILITIES.default_base_url))
    assert default.balance_client.base_url == itcloud.BALANCE_HOST
    assert default.balance_client.session is default.client.session


def test_a_send_answered_429_is_retried_and_5xx_is_unknown(
    provider: itcloud.ItCloudProvider, server: FakeServer, sleeps: list[float]
) -> None:
    server.faults.fail_before = fail_first(1, 429)
    assert provider.send(block([NUMBER]), SendOptions())[0].state is State.ACCEPTED
    assert len(server.requests) == 2 and len(sleeps) == 1
    server.faults.fail_before = lambda r: None
    server.faults.fail_after = lambda r: 502  # processed, then a gateway's error
    before = len(server.requests)
    with pytest.raises(ProviderFailure) as failure:
        provider.send(block([NUMBER]), SendOptions())
    assert (failure.value.problem.code, failure.value.problem.effect) == ("http_502", Effect.UNKNOWN)
    assert len(server.requests) == before + 1 and len(sleeps) == 1, "a send is never repeated"


def test_dropped_connection_is_unknown_and_not_resent(
    provider: itcloud.ItCloudProvider, server: FakeServer
) -> None:
    server.faults.drop_after = lambda r: True
    with pytest.raises(ProviderFailure) as failure:
        provider.send(block(numbers(2)), SendOptions())
    assert failure.value.problem.effect is Effect.UNKNOWN and len(server.requests) == 1


def test_slow_answer_past_the_read_timeout_is_unknown(
    server: FakeServer, fake: FakeItCloud, sleeps: list[float]
) -> None:
    provider = make(server.url, fake, sleeps, read_timeout=0.3)
    server.faults.delay_after = lambda r: 1.0
    with pytest.raises(ProviderFailure) as failure:
        provider.send(block([NUMBER]), SendOptions())
    assert failure.value.problem.effect is Effect.UNKNOWN and failure.value.problem.reason == "answer_lost"
    assert len(server.requests) == 1 and sleeps == []


def test_connection_refused_is_retryable(fake: FakeItCloud, sleeps: list[float]) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    provider = make(f"http://127.0.0.1:{port}", fake, sleeps)
    with pytest.raises(ProviderFailure) as failure:
        provider.send(block([NUMBER]), SendOptions())
    assert failure.value.problem.effect is Effect.RETRY and len(sleeps) == 2


def test_an_unexpected_body_is_unknown(fake: FakeItCloud, sleeps: list[float]) -> None:
    with serving(lambda r: Reply(200, "<html>Error de servidor</html>")) as broken:
        provider = make(broken.url, fake, sleeps)
        with pytest.raises(ProviderFailure) as failure:
            provider.send(block(numbers(2)), SendOptions())
        assert failure.value.problem.reason == "unexpected_answer"
        with pytest.raises(ProviderFailure):
            provider.balance()


ACCEPTED, REJECTED, UNKNOWN = State.ACCEPTED, State.REJECTED, State.UNKNOWN
ANSWER_SHAPES = {
    # <br> or newlines, spaces around the comma, a number sent twice (its lines in order), a line
    # that is not a pair, and a number the answer forgets.
    "a number twice": (
        "573100000001 , 9001<br/>Aviso\r\n573100000002,-8<BR>573100000001,9003\n\n5731000000",
        ["573100000001", "573100000002", "573100000001", "573100000003"],
        [(ACCEPTED, "9001", None), (REJECTED, None, "-8"),
         (ACCEPTED, "9003", None), (UNKNOWN, None, "missing")],
    ),
    # The usual block (each number once) is read without a queue per number: the same rules hold,
    # ids written unusually (a leading zero, other digits) included.
    "each number once": (
        " 573100000001 ,9001 <br />Aviso 573100000009,1\r\n573100000002,\t-8<Br>\n573100000004,7<br>"
        "573100000005,0042<br>573100000006,\u0663\u0661<br>573100000007,0",
        ["573100000001", "573100000002", "573100000003", "573100000004", "573100000005",
         "573100000006", "573100000007"],
        [(ACCEPTED, "9001", None), (REJECTED, None, "-8"), (UNKNOWN, None, "missing"),
         (ACCEPTED, "7", None), (ACCEPTED, "42", None), (ACCEPTED, "31", None), (REJECTED, None, "0")],
    ),
}  # fmt: skip


@pytest.mark.parametrize("shape", ANSWER_SHAPES)
def test_answer_lines_in_any_of_their_shapes(fake: FakeItCloud, sleeps: list[float], shape: str) -> None:
    body, sent, expected = ANSWER_SHAPES[shape]
    with serving(lambda r: Reply(200, body)) as vendor:
        provider = make(vendor.url, fake, sleeps)
        results = provider.send(block(sent), SendOptions())
    assert [(r.state, r.provider_id, r.problem and r.problem.code) for r in results] == expected
