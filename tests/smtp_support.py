"""What the SMTP campaign tests share: e-mail campaigns in the journal and an adapter for the fake server."""

from __future__ import annotations

from app.core.campaigns import CampaignPlan, create_campaign
from app.core.journal import Journal
from app.providers.base import Channel, Credentials
from app.providers.smtp import SmtpProvider, create
from tests.dispatcher_support import Row
from tests.fakes.smtp import PASSWORD, USER, FakeSmtpServer

SECRET = "receiver-secret-for-tests"


def email_campaign(journal: Journal, count: int, *, first: int = 0) -> int:
    """A campaign of `count` personalized HTML e-mails to cliente<i>@example.com."""
    rows = [
        Row(i + 2, f"cliente{i}@example.com", {"nombre": f"Pérez {i}", "correo": f"cliente{i}@example.com"})
        for i in range(first, first + count)
    ]
    plan = CampaignPlan("otoño", "smtp", Channel.EMAIL, "<p>Hola <b>{nombre}</b>, oferta</p>",
                        subject="Oferta para {nombre}", html=True)  # fmt: skip
    return create_campaign(journal, plan, rows).campaign_id


def smtp_fields(server: FakeSmtpServer, **changes: str) -> Credentials:
    values = {
        "preset": "other", "host": server.host, "port": str(server.port), "security": "starttls",
        "user": USER, "password": PASSWORD, "from_name": "Tienda Ñuñoa", "from_email": USER,
        "unsubscribe_mailto": "bajas@empresa.cl", "unsubscribe_secret": SECRET,
    }  # fmt: skip
    values.update(changes)
    return Credentials(values)


def smtp_adapter(server: FakeSmtpServer, **changes: str) -> SmtpProvider:
    return create(smtp_fields(server, **changes), ssl_context=server.client_context())
