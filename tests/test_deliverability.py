"""The deliverability check against a DNS server on 127.0.0.1 holding the records each case needs."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator

import pytest

from app.cli import run
from app.core.deliverability import DeliverabilityCheck, Level, Report
from app.providers.smtp_presets import PRESETS
from tests.fakes.dns import FakeDns, Records, dns_server, txt

DKIM_KEY = "v=DKIM1; k=rsa; p=" + "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA" * 8
MICROSOFT_KEY = "selector1-empresa-cl._domainkey.empresa.onmicrosoft.com"
HOLDS = ("SOA", "ns.empresa.cl. admin.empresa.cl. 1 3600 600 86400 300")


def check(records: Records, sender: str = "ventas@empresa.cl", service: str = "gmail",
          selector: str = "") -> Report:  # fmt: skip
    with dns_server(records) as server:
        return DeliverabilityCheck(server.resolver()).run(sender, PRESETS[service], selector)


def levels(report: Report) -> dict[str, tuple[Level, str]]:
    return {finding.check: (finding.level, finding.key) for finding in report.findings}


def test_a_domain_set_up_for_google_passes() -> None:
    report = check({
        "empresa.cl": [HOLDS, txt("v=spf1 include:_spf.google.com ~all"), txt("google-site-verification=x")],
        "google._domainkey.empresa.cl": [txt(DKIM_KEY)],
        "_dmarc.empresa.cl": [txt("v=DMARC1; p=quarantine; rua=mailto:dmarc@empresa.cl")],
    })  # fmt: skip
    assert report.passed
    assert levels(report) == {"spf": (Level.OK, "spf_ok"), "dkim": (Level.OK, "dkim_ok"),
                              "dmarc": (Level.OK, "dmarc_ok")}  # fmt: skip


def test_nothing_published_says_what_to_add() -> None:
    report = check({"empresa.cl": [HOLDS]})
    assert not report.passed
    text = {finding.check: finding.sentence("es") for finding in report.findings}
    assert "v=spf1 include:_spf.google.com ~all" in text["spf"]
    assert "google._domainkey.empresa.cl" in text["dkim"]
    assert "_dmarc.empresa.cl" in text["dmarc"] and "v=DMARC1; p=none" in text["dmarc"]
    assert "rua=mailto:ventas@empresa.cl" in text["dmarc"]


def test_an_spf_without_the_service_names_the_include_to_add() -> None:
    report = check({"empresa.cl": [HOLDS, txt("v=spf1 include:spf.hosting.cl -all")],
                    "spf.hosting.cl": [txt("v=spf1 ip4:192.0.2.0/24 -all")]})  # fmt: skip
    finding = report.findings[0]
    assert (finding.level, finding.key) == (Level.ERROR, "spf_no_include")
    assert "include:spf.protection.outlook.com" not in finding.sentence("es")
    assert "«include:_spf.google.com» antes de «-all»" in finding.sentence("es")


def test_an_include_nested_in_another_counts() -> None:
    report = check({
        "empresa.cl": [HOLDS, txt("v=spf1 include:_spf.empresa.cl ~all")],
        "_spf.empresa.cl": [txt("v=spf1 ip4:198.51.100.7 include:spf.protection.outlook.com ~all")],
    }, service="microsoft365")  # fmt: skip
    assert levels(report)["spf"] == (Level.OK, "spf_ok")


def test_two_spf_records_are_an_error() -> None:
    report = check({"empresa.cl": [HOLDS, txt("v=spf1 include:_spf.google.com ~all"), txt("v=spf1 -all")]})
    assert levels(report)["spf"] == (Level.ERROR, "spf_multiple")


def test_microsoft_dkim_through_its_cname_and_a_monitoring_dmarc() -> None:
    report = check({
        "empresa.cl": [HOLDS, txt("v=spf1 include:spf.protection.outlook.com -all")],
        "selector1._domainkey.empresa.cl": [("CNAME", f"{MICROSOFT_KEY}.")],
        MICROSOFT_KEY: [txt(DKIM_KEY)],
        "_dmarc.empresa.cl": [txt("v=DMARC1; p=none")],
    }, service="microsoft365")  # fmt: skip
    assert report.passed, report
    assert levels(report)["dkim"] == (Level.OK, "dkim_ok")
    assert levels(report)["dmarc"] == (Level.WARNING, "dmarc_none")


def test_a_revoked_dkim_key_and_a_named_selector() -> None:
    records: Records = {"empresa.cl": [HOLDS], "s2024._domainkey.empresa.cl": [txt("v=DKIM1; p=")]}
    assert levels(check(records, service="ses", selector="s2024"))["dkim"] == (Level.ERROR, "dkim_revoked")
    assert levels(check(records, service="ses"))["dkim"] == (Level.WARNING, "dkim_no_selector")


def test_a_subdomain_sender_uses_the_parent_dmarc() -> None:
    records = {"news.empresa.cl": [HOLDS], "_dmarc.empresa.cl": [txt("v=DMARC1; p=reject; sp=quarantine")]}
    report = check(records, sender="ofertas@news.empresa.cl")
    assert levels(report)["dmarc"] == (Level.OK, "dmarc_ok")
    assert report.findings[2].values["policy"] == "quarantine"


def test_a_domain_that_does_not_exist() -> None:
    report = check({}, sender="ventas@no-existe.cl")
    assert levels(report) == {"dns": (Level.ERROR, "domain_missing")}


@pytest.fixture
def set_up() -> Iterator[FakeDns]:
    with dns_server({
        "empresa.cl": [HOLDS, txt("v=spf1 include:_spf.google.com ~all")],
        "google._domainkey.empresa.cl": [txt(DKIM_KEY)],
    }) as server:  # fmt: skip
        yield server


def test_the_command_prints_one_sentence_per_check(set_up: FakeDns) -> None:
    out = io.StringIO()
    code = run(["email-check", "--from", "ventas@empresa.cl", "--service", "gmail",
                "--nameserver", f"127.0.0.1:{set_up.port}"], out=out)  # fmt: skip
    assert code == 1, "no DMARC record: the check fails"
    lines = out.getvalue().splitlines()
    assert lines[0] == "empresa.cl con Gmail / Google Workspace:"
    assert lines[1].startswith("  ✔ SPF correcto") and lines[2].startswith("  ✔ DKIM correcto")
    assert lines[3].startswith("  ✘ No hay registro DMARC")


def test_the_command_in_json(set_up: FakeDns) -> None:
    out = io.StringIO()
    code = run(["email-check", "--from", "ventas@empresa.cl", "--service", "gmail", "--json",
                "--nameserver", f"127.0.0.1:{set_up.port}"], out=out)  # fmt: skip
    data = json.loads(out.getvalue())
    assert code == 1 and data["passed"] is False and data["domain"] == "empresa.cl"
    assert [(f["check"], f["level"]) for f in data["findings"]] == [
        ("spf", "ok"),
        ("dkim", "ok"),
        ("dmarc", "error"),
    ]


def test_the_command_refuses_what_is_not_an_address() -> None:
    assert run(["email-check", "--from", "ventas"], out=io.StringIO()) == 2
