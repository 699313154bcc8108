"""A DNS server on 127.0.0.1 (UDP, dnspython) answering from a table of records a test writes.

Names absent from the table are NXDOMAIN; a name present without the asked type answers
NOERROR with no records, as a real authoritative server does. CNAMEs are followed within the
table, the way DKIM keys of Microsoft 365 and Amazon SES are published.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import dns.flags
import dns.message
import dns.name
import dns.rcode
import dns.rdataclass
import dns.rdatatype
import dns.resolver
import dns.rrset

Records = dict[str, list[tuple[str, str]]]  # name -> [(type, rdata text)]


class FakeDns:
    """Serves `records` until stopped; `queries` records each (name, type) asked."""

    def __init__(self, records: Records) -> None:
        self.records = {name.lower().rstrip("."): list(rows) for name, rows in records.items()}
        self.queries: list[tuple[str, str]] = []
        self.socket = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.socket.bind(("127.0.0.1", 0))
        self.socket.settimeout(0.2)
        self.port = int(self.socket.getsockname()[1])
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="fake-dns", daemon=True)

    def resolver(self) -> dns.resolver.Resolver:
        resolver = dns.resolver.Resolver(configure=False)
        resolver.nameservers = ["127.0.0.1"]
        resolver.port = self.port
        resolver.lifetime = 2.0
        return resolver

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                data, peer = self.socket.recvfrom(4096)
            except TimeoutError:
                continue
            except OSError:
                return
            query = dns.message.from_wire(data)
            self.socket.sendto(self._answer(query).to_wire(), peer)

    def _answer(self, query: dns.message.Message) -> dns.message.Message:
        response = dns.message.make_response(query)
        response.flags |= dns.flags.AA
        question = query.question[0]
        name = question.name.to_text().lower().rstrip(".")
        wanted = dns.rdatatype.to_text(question.rdtype)
        self.queries.append((name, wanted))
        while True:
            if name not in self.records:
                if not response.answer:
                    response.set_rcode(dns.rcode.NXDOMAIN)
                return response
            rows = self.records[name]
            found = [text for kind, text in rows if kind == wanted]
            if found:
                response.answer.append(dns.rrset.from_text_list(name + ".", 300, "IN", wanted, found))
                return response
            alias = [text for kind, text in rows if kind == "CNAME"]
            if not alias:
                return response
            response.answer.append(dns.rrset.from_text_list(name + ".", 300, "IN", "CNAME", alias))
            name = alias[0].lower().rstrip(".")

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(5)
        self.socket.close()


@contextmanager
def dns_server(records: Records) -> Iterator[FakeDns]:
    server = FakeDns(records)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def txt(text: str) -> tuple[str, str]:
    """A TXT record's rdata for `text`, split in 255-byte strings as DNS requires."""
    pieces = [text[i : i + 255] for i in range(0, len(text), 255)] or [""]
    return ("TXT", " ".join('"' + piece.replace('"', '\\"') + '"' for piece in pieces))
