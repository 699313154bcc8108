"""The mail services a small business already has, as data: server, security, published sending limits, DNS.

Each limit is the vendor's own published figure (the source is named beside it); the user may
lower or raise it in the form, since accounts differ (a Workspace trial, an SES account out of
its sandbox). `per_minute`/`per_day` None: the vendor publishes no such limit. `spf_include` and
`dkim_selectors` are what the deliverability check looks for in the sender domain's DNS.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Preset:
    id: str
    name: str
    host: str
    port: int
    security: str  # "starttls", "tls" (implicit, port 465) or "plain"
    per_minute: int | None
    per_day: int | None
    spf_include: str  # the domain the service asks you to `include:` in SPF; "" when it varies
    dkim_selectors: tuple[str, ...]  # the service's usual selectors; () when they are per account


PRESETS: dict[str, Preset] = {
    # Google: "Gmail sending limits in Google Workspace" (support.google.com/a/answer/166852):
    # 2,000 messages a day (500 for trial accounts), over a rolling 24 hours; no per-minute figure.
    # SPF `include:_spf.google.com` and DKIM selector `google` are Google's defaults.
    "gmail": Preset("gmail", "Gmail / Google Workspace", "smtp.gmail.com", 587, "starttls",
                    None, 2000, "_spf.google.com", ("google",)),
    # Microsoft: "Exchange Online limits", Sending limits (learn.microsoft.com, office365 service
    # descriptions): 30 messages a minute and 10,000 recipients a day per mailbox.
    # SPF `include:spf.protection.outlook.com`; DKIM selectors `selector1` and `selector2`.
    "microsoft365": Preset("microsoft365", "Microsoft 365 / Outlook", "smtp.office365.com", 587, "starttls",
                           30, 10_000, "spf.protection.outlook.com", ("selector1", "selector2")),
    # Amazon: "Service quotas in Amazon SES" (docs.aws.amazon.com/ses/latest/dg/quotas.html): in the
    # sandbox 200 messages per 24 hours and 1 per second (60 a minute); out of it, per account (the
    # user enters the account's figures). The host names the region. Easy DKIM selectors are random
    # tokens per domain: the user names one.
    "ses": Preset("ses", "Amazon SES", "email-smtp.us-east-1.amazonaws.com", 587, "starttls",
                  60, 200, "amazonses.com", ()),
    # A hosting's own server: nothing is known in advance.
    "other": Preset("other", "Otro servidor", "", 587, "starttls", None, None, "", ()),
}  # fmt: skip

SECURITY = ("starttls", "tls", "plain")


def preset(preset_id: str) -> Preset:
    return PRESETS.get(preset_id, PRESETS["other"])
