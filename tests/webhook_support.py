"""What the webhook tests share: known tokens, a receiver on a free port, HTTP posts, campaigns with ids."""

from __future__ import annotations

import http.client
import json
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from app.core.domain import Channel, State
from app.core.engine.campaigns import CampaignPlan, create_campaign
from app.core.journal import Journal
from app.providers.base import SendResult
from app.webhooks.routes import ROUTES
from app.webhooks.server import Receiver
from tests.dispatcher_support import Row

TOKENS = {route.name: f"tok-{route.name.replace('_', '-')}-0123456789abcdef" for route in ROUTES}
PATHS = {route.name: f"/{route.path}/{TOKENS[route.name]}" for route in ROUTES}


@contextmanager
def running_receiver(journal: Journal, **options: Any) -> Iterator[Receiver]:
    """A receiver on 127.0.0.1 and a free port, stopped cleanly at the end."""
    receiver = Receiver(journal, TOKENS, port=0, **options)
    receiver.start()
    try:
        yield receiver
    finally:
        receiver.stop()


@dataclass(frozen=True)
class Answer:
    status: int
    body: dict[str, Any]


class Client:
    """One keep-alive connection to the receiver, like a provider's sender."""

    def __init__(self, port: int, timeout: float = 30.0) -> None:
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)

    def request(self, method: str, path: str, body: bytes | None = None,
                headers: Mapping[str, str] | None = None) -> Answer:  # fmt: skip
        self.connection.request(method, path, body=body, headers=dict(headers or {}))
        response = self.connection.getresponse()
        data = response.read()
        try:
            parsed = json.loads(data) if data else {}
        except ValueError:
            parsed = {"raw": data.decode("latin-1")}
        return Answer(response.status, parsed)

    def post_json(self, route: str, payload: Any) -> Answer:
        body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        return self.request("POST", PATHS[route], body, {"Content-Type": "application/json"})

    def itcloud(self, text: str, number: str, *, method: str = "GET") -> Answer:
        query = urlencode({"mensaje": text, "celular": number})
        if method == "GET":
            return self.request("GET", f"{PATHS['itcloud_inbound']}?{query}")
        content = {"Content-Type": "application/x-www-form-urlencoded"}
        return self.request("POST", PATHS["itcloud_inbound"], query.encode(), content)

    def close(self) -> None:
        self.connection.close()


def status(id_sms: str, word: str) -> dict[str, str]:
    """A Connectus status update, as the vendor's example writes it."""
    return {"id_sms": id_sms, "status": word}


def received(id_sms: str, sender: str, text: str, to: str = "56442330001") -> dict[str, str]:
    """A Connectus received SMS, as the vendor's example writes it."""
    return {"id_sms": id_sms, "dst_number": to, "src_number": sender, "src_provider": "Wom",
            "sms_content": text}  # fmt: skip


def number(i: int) -> str:
    return f"5691{i:07d}"


def sent_campaign(
    journal: Journal, count: int, *, provider: str = "connectus", name: str = "promo", send: bool = True
) -> int:
    """A campaign whose `count` rows (numbers `number(i)`, sheet rows i + 2) were accepted as id-<row id>."""
    rows = [Row(i + 2, number(i), {"nombre": f"N{i}", "celular": number(i)}) for i in range(count)]
    plan = CampaignPlan(name, provider, Channel.SMS, "Hola {nombre}")
    campaign_id = create_campaign(journal, plan, rows).campaign_id
    if not send:
        return campaign_id
    claim = journal.queue.claim(campaign_id, count)
    journal.queue.record([SendResult(m.key, State.ACCEPTED, f"id-{m.key}") for m in claim.messages])
    return campaign_id


def provider_ids(journal: Journal, campaign_id: int) -> dict[str, str]:
    """Number -> provider id of a campaign's rows."""
    return {record.address: record.provider_id for record in journal.messages(campaign_id)}


def state_of(journal: Journal, provider_id: str) -> State:
    for campaign in journal.campaigns():
        for record in journal.messages(campaign.id):
            if record.provider_id == provider_id:
                return record.state
    raise AssertionError(f"no row has provider id {provider_id}")
