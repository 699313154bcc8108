"""Before an e-mail campaign: does the sender's domain let the mail service send for it? (SPF, DKIM, DMARC)

Since February 2024 Gmail and Yahoo refuse or spam-folder bulk mail whose domain is not
authenticated. Three DNS lookups say whether it is: the domain's SPF record names the
service (an `include:` at any depth, within SPF's 10-lookup limit, RFC 7208 4.6.4), a DKIM
key is published at the service's selector (`<selector>._domainkey.<domain>`), and a DMARC
record exists at `_dmarc.<domain>` (or at a parent domain, for a subdomain sender) with its
policy. Each finding is one sentence that says what to add to the DNS. dnspython does the
lookups; its resolver is injectable, so tests point it at a DNS server on 127.0.0.1.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

import dns.exception
import dns.resolver

from app.core.wording import word
from app.providers.smtp_presets import Preset

SPF_LOOKUPS = 10  # RFC 7208 4.6.4: more DNS-querying terms make the record fail (permerror)
TIMEOUT = 5.0


class Level(StrEnum):
    OK = "ok"
    WARNING = "warning"  # works, but something is worth doing
    ERROR = "error"  # mail will likely be refused or land in spam


# id: (Spanish, English); {fields} come from the finding.
TEXTS: dict[str, tuple[str, str]] = {
    "domain_missing": (
        "El dominio {domain} no existe en el DNS: revise la dirección del remitente.",
        "The domain {domain} does not exist in DNS: check the sender address.",
    ),
    "dns_unavailable": (
        "No se pudo consultar el DNS de {domain} ({detail}): revise su conexión e inténtelo de nuevo.",
        "Could not query the DNS of {domain} ({detail}): check your connection and try again.",
    ),
    "spf_missing": (
        "{domain} no tiene registro SPF: agregue en {domain} un registro TXT "
        "«v=spf1 include:{include} ~all».",
        "{domain} has no SPF record: add a TXT record at {domain}: “v=spf1 include:{include} ~all”.",
    ),
    "spf_missing_unknown": (
        "{domain} no tiene registro SPF: pida a su proveedor de correo el registro TXT «v=spf1 …» "
        "y agréguelo en {domain}.",
        "{domain} has no SPF record: ask your mail provider for its “v=spf1 …” TXT record and add "
        "it at {domain}.",
    ),
    "spf_multiple": (
        "{domain} tiene {count} registros SPF y solo puede tener uno: únalos en un solo registro TXT.",
        "{domain} has {count} SPF records and may have only one: merge them into one TXT record.",
    ),
    "spf_no_include": (
        "El SPF de {domain} no autoriza a {service}: agregue «include:{include}» antes de «{all}» "
        "en el registro «{record}».",
        "The SPF record of {domain} does not authorize {service}: add “include:{include}” before "
        "“{all}” in the record “{record}”.",
    ),
    "spf_too_many_lookups": (
        "El SPF de {domain} hace más de 10 consultas DNS y los servidores lo rechazan: quite los "
        "«include:» que ya no use.",
        "The SPF record of {domain} needs more than 10 DNS lookups and servers reject it: remove "
        "the “include:” terms no longer in use.",
    ),
    "spf_ok": (
        "SPF correcto: {domain} autoriza a {service} ({include}).",
        "SPF is right: {domain} authorizes {service} ({include}).",
    ),
    "spf_present": (
        "{domain} tiene SPF («{record}»): confirme con su proveedor de correo que su servidor está incluido.",
        "{domain} has SPF (“{record}”): confirm with your mail provider that its server is included.",
    ),
    "dkim_no_selector": (
        "No se sabe qué selector DKIM usa {service}: búsquelo en la consola del servicio "
        "(la parte antes de «._domainkey») e indíquelo para comprobarlo.",
        "The DKIM selector {service} uses is not known: find it in the service's console (the "
        "part before “._domainkey”) and name it to check it.",
    ),
    "dkim_missing": (
        "No hay clave DKIM en {name}: active DKIM en la consola de {service} y publique el registro "
        "que le indique.",
        "There is no DKIM key at {name}: turn DKIM on in the {service} console and publish the "
        "record it gives you.",
    ),
    "dkim_revoked": (
        "La clave DKIM en {name} está vacía (revocada): publique la clave actual que indica {service}.",
        "The DKIM key at {name} is empty (revoked): publish the current key {service} gives you.",
    ),
    "dkim_ok": ("DKIM correcto: hay una clave en {name}.", "DKIM is right: a key is published at {name}."),
    "dmarc_missing": (
        "No hay registro DMARC: agregue un registro TXT en _dmarc.{domain} con «v=DMARC1; p=none; "
        "rua=mailto:{rua}» (Gmail y Yahoo lo exigen a quien envía masivamente).",
        "There is no DMARC record: add a TXT record at _dmarc.{domain}: “v=DMARC1; p=none; "
        "rua=mailto:{rua}” (Gmail and Yahoo require one of bulk senders).",
    ),
    "dmarc_invalid": (
        "El registro DMARC en {name} no es válido («{record}»): debe empezar con «v=DMARC1; p=…».",
        "The DMARC record at {name} is not valid (“{record}”): it must start with “v=DMARC1; p=…”.",
    ),
    "dmarc_none": (
        "DMARC existe con política «none» (solo observa): basta para Gmail y Yahoo; cuando los "
        "informes muestren solo su correo, cámbiela a «p=quarantine».",
        "DMARC exists with policy “none” (monitoring only): enough for Gmail and Yahoo; once the "
        "reports show only your own mail, change it to “p=quarantine”.",
    ),
    "dmarc_ok": (
        "DMARC correcto: política «{policy}» en {name}.",
        "DMARC is right: policy “{policy}” at {name}.",
    ),
}


@dataclass(frozen=True)
class Finding:
    check: str  # "dns", "spf", "dkim" or "dmarc"
    level: Level
    key: str  # a key of TEXTS
    values: dict[str, str] = field(default_factory=dict)

    def sentence(self, lang: str = "es") -> str:
        return word(TEXTS, self.key, lang, **self.values)


@dataclass(frozen=True)
class Report:
    domain: str
    service: str
    findings: tuple[Finding, ...]

    @property
    def passed(self) -> bool:
        return all(finding.level is not Level.ERROR for finding in self.findings)

    def as_dict(self, lang: str = "es") -> dict[str, object]:
        return {
            "domain": self.domain,
            "service": self.service,
            "passed": self.passed,
            "findings": [
                {"check": f.check, "level": f.level.value, "id": f.key, "text": f.sentence(lang)}
                for f in self.findings
            ],
        }


class _DnsDown(Exception):
    """The DNS could not be asked (timeout, no server): nothing can be said about the records."""


class DeliverabilityCheck:
    """Checks a sender domain for a mail service; `resolver` is injectable (tests use a local server)."""

    def __init__(self, resolver: dns.resolver.Resolver | None = None) -> None:
        self.resolver = resolver or dns.resolver.Resolver()
        self.resolver.lifetime = min(self.resolver.lifetime, TIMEOUT)

    def run(self, sender: str, service: Preset, dkim_selector: str = "") -> Report:
        domain = sender.rpartition("@")[2].strip().lower().rstrip(".")
        try:
            if not self._exists(domain):
                findings: tuple[Finding, ...] = (
                    Finding("dns", Level.ERROR, "domain_missing", {"domain": domain}),
                )
            else:
                findings = (
                    self._spf(domain, service),
                    self._dkim(domain, service, dkim_selector),
                    self._dmarc(domain, sender),
                )
        except _DnsDown as down:
            values = {"domain": domain, "detail": str(down)}
            findings = (Finding("dns", Level.ERROR, "dns_unavailable", values),)
        return Report(domain, service.name, findings)

    # --- SPF --------------------------------------------------------------------------------------
    def _spf(self, domain: str, service: Preset) -> Finding:
        records = self._spf_records(domain)
        values = {"domain": domain, "service": service.name, "include": service.spf_include or "…"}
        if not records:
            key = "spf_missing" if service.spf_include else "spf_missing_unknown"
            return Finding("spf", Level.ERROR, key, values)
        if len(records) > 1:
            return Finding("spf", Level.ERROR, "spf_multiple", {**values, "count": str(len(records))})
        record = records[0]
        if not service.spf_include:
            return Finding("spf", Level.WARNING, "spf_present", {**values, "record": record})
        lookups = [0]
        found = self._includes(record, service.spf_include, lookups, set())
        if found:
            return Finding("spf", Level.OK, "spf_ok", values)
        if lookups[0] > SPF_LOOKUPS:
            return Finding("spf", Level.ERROR, "spf_too_many_lookups", values)
        ending = next((term for term in record.split() if term.lstrip("+-~?") == "all"), "~all")
        return Finding("spf", Level.ERROR, "spf_no_include", {**values, "record": record, "all": ending})

    def _includes(self, record: str, wanted: str, lookups: list[int], seen: set[str]) -> bool:
        """Whether `record` includes `wanted`, following include: and redirect= within the lookup limit."""
        for term in record.split()[1:]:
            name = ""
            bare = term.lstrip("+-~?").lower()
            if bare.startswith("include:"):
                name = bare[len("include:") :]
            elif bare.startswith("redirect="):
                name = bare[len("redirect=") :]
            elif bare.split(":")[0].split("/")[0] in ("a", "mx", "ptr", "exists"):
                lookups[0] += 1
                continue
            if not name:
                continue
            if name.rstrip(".") == wanted:
                return True
            lookups[0] += 1
            if lookups[0] > SPF_LOOKUPS or name in seen:
                return False
            seen.add(name)
            nested = self._spf_records(name)
            if len(nested) == 1 and self._includes(nested[0], wanted, lookups, seen):
                return True
        return False

    def _spf_records(self, name: str) -> list[str]:
        return [text for text in self._txt(name) if text.lower().startswith("v=spf1") and
                (len(text) == 6 or text[6] == " ")]  # fmt: skip

    # --- DKIM -------------------------------------------------------------------------------------
    def _dkim(self, domain: str, service: Preset, selector: str) -> Finding:
        selectors = (selector.strip(),) if selector.strip() else service.dkim_selectors
        values = {"domain": domain, "service": service.name}
        if not selectors:
            return Finding("dkim", Level.WARNING, "dkim_no_selector", values)
        revoked = ""
        for name in (f"{chosen}._domainkey.{domain}" for chosen in selectors):
            for text in self._txt(name):
                tags = _tags(text)
                if "p" not in tags:
                    continue
                if tags["p"]:
                    return Finding("dkim", Level.OK, "dkim_ok", {**values, "name": name})
                revoked = revoked or name
        if revoked:
            return Finding("dkim", Level.ERROR, "dkim_revoked", {**values, "name": revoked})
        return Finding(
            "dkim", Level.ERROR, "dkim_missing", {**values, "name": f"{selectors[0]}._domainkey.{domain}"}
        )

    # --- DMARC ------------------------------------------------------------------------------------
    def _dmarc(self, domain: str, sender: str) -> Finding:
        """The record at _dmarc.<domain>, else at each parent (a simplified organizational domain)."""
        labels = domain.split(".")
        for start in range(0, max(1, len(labels) - 1)):
            name = "_dmarc." + ".".join(labels[start:])
            records = [text for text in self._txt(name) if text.lower().startswith("v=dmarc1")]
            if not records:
                continue
            record = records[0]
            tags = _tags(record)
            policy = tags.get("sp", "") if start and "sp" in tags else tags.get("p", "")
            policy = policy.lower()
            values = {"domain": domain, "name": name, "record": record, "policy": policy}
            if len(records) > 1 or policy not in ("none", "quarantine", "reject"):
                return Finding("dmarc", Level.ERROR, "dmarc_invalid", values)
            if policy == "none":
                return Finding("dmarc", Level.WARNING, "dmarc_none", values)
            return Finding("dmarc", Level.OK, "dmarc_ok", values)
        return Finding("dmarc", Level.ERROR, "dmarc_missing", {"domain": domain, "rua": sender.strip()})

    # --- DNS --------------------------------------------------------------------------------------
    def _exists(self, domain: str) -> bool:
        try:
            self.resolver.resolve(domain, "SOA", raise_on_no_answer=False)
        except dns.resolver.NXDOMAIN:
            return False
        except (dns.resolver.NoNameservers, dns.exception.Timeout) as down:
            raise _DnsDown(type(down).__name__) from None
        return True

    def _txt(self, name: str) -> list[str]:
        """The TXT strings at `name` (each record's pieces joined); [] when there are none."""
        try:
            answer = self.resolver.resolve(name, "TXT", raise_on_no_answer=False)
        except (dns.resolver.NXDOMAIN, dns.resolver.NoAnswer):
            return []
        except (dns.resolver.NoNameservers, dns.exception.Timeout) as down:
            raise _DnsDown(type(down).__name__) from None
        if answer.rrset is None:
            return []
        return [b"".join(rdata.strings).decode("utf-8", "replace").strip() for rdata in answer.rrset]


def _tags(record: str) -> dict[str, str]:
    """`k=v; k=v` tags of a DKIM or DMARC record, names lower-cased."""
    tags = {}
    for part in record.split(";"):
        name, sep, value = part.partition("=")
        if sep:
            tags[name.strip().lower()] = "".join(value.split())
    return tags
