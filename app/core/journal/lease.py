"""One campaign, one sender: a sender's lease on a campaign, renewed while it runs, fencing every send.

A lease row per campaign (migration 3) says who holds it and until when; its token grows
with every acquisition and is never reset, so a holder that slept through its expiry (a
closed laptop) can never mistake a newer holder's lease for its own. Every claim renews
the lease in the claim's own transaction, only if the token is still ours and unexpired:
a claim that commits was made by the live holder, and nothing leaves without a claim.
Between claims a thread renews it every RENEW_EVERY seconds, and after a wait (a window, a
schedule, a backoff) the sender asks `check`, which goes to the database once the last
renewal is older than TRUST_FOR. Expiry is judged by the database's clock (PostgreSQL's, shared by
every machine), or the local clock for SQLite; a lease whose holder died on this same
machine (its process is gone) is taken over at once, as after a crash on SQLite.
"""

from __future__ import annotations

import getpass
import logging
import os
import socket
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from app.core.journal.backend import Backend, JournalError
from app.core.journal.errors import CampaignBusy, Holder, LeaseLost

log = logging.getLogger(__name__)

LEASE_SECONDS = 30.0  # a dead holder's lease is free at most this long after its last renewal
RENEW_EVERY = 10.0
TRUST_FOR = 15.0  # how long a renewal is trusted without asking the database again

_COLUMNS = "token, user_name, machine, pid, acquired_at, renewed_at, expires_at, process_space"
LEASE_OF = f"SELECT {_COLUMNS} FROM campaign_leases WHERE campaign_id = ?"
# Free (expired or released) or held by a dead process we have seen (its token): ours now, token + 1.
ACQUIRE = (
    f"INSERT INTO campaign_leases (campaign_id, {_COLUMNS}) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (campaign_id) DO UPDATE SET token = campaign_leases.token + 1, "
    "user_name = excluded.user_name, machine = excluded.machine, pid = excluded.pid, "
    "acquired_at = excluded.acquired_at, renewed_at = excluded.renewed_at, expires_at = excluded.expires_at, "
    "process_space = excluded.process_space "
    "WHERE campaign_leases.expires_at <= ? OR campaign_leases.token = ? RETURNING token"
)
RENEW = (
    "UPDATE campaign_leases SET renewed_at = ?, expires_at = ? "
    "WHERE campaign_id = ? AND token = ? AND expires_at > ?"
)
RELEASE = "UPDATE campaign_leases SET expires_at = 0, renewed_at = ? WHERE campaign_id = ? AND token = ?"


def this_sender() -> tuple[str, str, int]:
    """(user, machine, process) of this Masivo; MASIVO_MACHINE names a machine whose hostname says little."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "?"
    return user, os.environ.get("MASIVO_MACHINE") or socket.gethostname(), os.getpid()


def process_alive(pid: int) -> bool:
    """Whether a process of this machine is still running (on Windows: assumed so; the lease expires)."""
    if sys.platform == "win32":
        return True
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@dataclass
class HeldLease:
    """A lease this journal holds: its token and when (local clocks) it was last confirmed."""

    campaign_id: int
    token: int
    confirmed_wall: float = field(default_factory=time.time)
    confirmed_mono: float = field(default_factory=time.monotonic)
    lost: bool = False
    stop: threading.Event = field(default_factory=threading.Event)

    def confirmed(self, wall: float, mono: float) -> None:
        self.confirmed_wall, self.confirmed_mono = wall, mono

    def trusted(self) -> bool:
        # Wall time counts a suspended laptop's sleep; monotonic time does not jump with the clock.
        age = max(time.time() - self.confirmed_wall, time.monotonic() - self.confirmed_mono)
        return not self.lost and 0 <= age < TRUST_FOR


class Leases:
    """The journal's campaign leases (`journal.leases`): one sender per campaign, fencing every send."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend
        self.clock: Callable[[], float] | None = None  # tests inject one; else the database's clock
        self._held: dict[int, HeldLease] = {}  # the leases this journal holds and renews
        # Tokens this journal acquired and has not seen released (a release the database missed).
        self._own: dict[int, int] = {}

    def now(self) -> float:
        clock = self.clock or getattr(self.backend, "server_time", None) or time.time
        return float(clock())

    def holder(self, campaign_id: int) -> Holder | None:
        """Who holds the campaign now (None: nobody, or a dead process of this machine)."""
        rows = self.backend.query(LEASE_OF, (campaign_id,))
        if not rows or float(rows[0][6]) <= self.now():
            return None
        holder = Holder(rows[0][1], rows[0][2], int(rows[0][3]), float(rows[0][4]))
        return None if _dead_here(holder, rows[0][7]) else holder

    def acquire(self, campaign_id: int) -> int:
        """Take the campaign for this sender (inside the caller's transaction); raises CampaignBusy."""
        now = self.now()
        rows = self.backend.query(LEASE_OF, (campaign_id,))
        dead_token = -1
        if rows and float(rows[0][6]) > now:
            holder = Holder(rows[0][1], rows[0][2], int(rows[0][3]), float(rows[0][4]))
            if self._own.get(campaign_id) == int(rows[0][0]):
                dead_token = int(rows[0][0])  # our own, from a run whose release did not reach the database
            elif not _dead_here(holder, rows[0][7]):
                raise CampaignBusy(campaign_id, holder)
            else:
                dead_token = int(rows[0][0])
        user, machine, pid = this_sender()
        space, expires = process_space(), now + LEASE_SECONDS
        params = (campaign_id, user, machine, pid, now, now, expires, space, now, dead_token)
        taken = self.backend.query(ACQUIRE, params)
        if not taken:  # someone else took it between our look and our write
            raise CampaignBusy(campaign_id, self.holder(campaign_id) or Holder("?", "?", 0, now))
        return int(taken[0][0])

    def hold(self, campaign_id: int, token: int) -> None:
        """After the acquiring commit: remember the lease and keep it renewed until `release`."""
        self._stop_keeper(campaign_id)
        self._own[campaign_id] = token
        held = self._held[campaign_id] = HeldLease(campaign_id, token)
        keeper = threading.Thread(target=self._keep, args=(held,), name=f"lease-{campaign_id}", daemon=True)
        keeper.start()

    def fence(self, campaign_id: int) -> None:
        """In a claim's transaction: renew our lease, else LeaseLost; holding none, refuse a held campaign."""
        held = self._held.get(campaign_id)
        if held is None:
            holder = self.holder(campaign_id)
            if holder is not None:
                raise CampaignBusy(campaign_id, holder)
            return
        self._renew(held)

    def check(self, campaign_id: int) -> None:
        """Before a request: raises LeaseLost if this sender may no longer hold the campaign."""
        held = self._held.get(campaign_id)
        if held is None:
            return
        if held.lost:
            raise LeaseLost(campaign_id)
        if not held.trusted():
            self._renew(held)

    def regain(self, campaign_id: int) -> None:
        """After a lost connection: renew the lease even if it expired meanwhile, as long as nobody else
        took it (the token is still ours: nobody else can have sent); else LeaseLost."""
        held = self._held.get(campaign_id)
        if held is not None:
            self._renew(held, expired_too=True)
            self.hold(campaign_id, held.token)  # a fresh keeper: the old one may have given up

    def release(self, campaign_id: int) -> None:
        """The run is over: stop renewing and free the campaign at once (not after the expiry)."""
        held = self._stop_keeper(campaign_id)
        token = self._own.get(campaign_id)
        if token is not None and not (held is not None and held.lost):
            self.backend.execute(RELEASE, (self.now(), campaign_id, token))
        self._own.pop(campaign_id, None)

    def release_all(self) -> None:
        for campaign_id in list(self._own):
            try:
                self.release(campaign_id)
            except JournalError as exc:  # the database is away: the leases expire by themselves
                log.warning("campaign %d: lease not released (%s)", campaign_id, exc)

    def _renew(self, held: HeldLease, expired_too: bool = False) -> None:
        wall, mono = time.time(), time.monotonic()
        now = self.now()
        params = (now, now + LEASE_SECONDS, held.campaign_id, held.token, -1.0 if expired_too else now)
        if self.backend.execute(RENEW, params) != 1:
            held.lost = True
            log.warning("campaign %d: lease %d expired or taken over", held.campaign_id, held.token)
            raise LeaseLost(held.campaign_id)
        held.confirmed(wall, mono)

    def _keep(self, held: HeldLease) -> None:
        while not held.stop.wait(RENEW_EVERY):
            try:
                self._renew(held)
            except LeaseLost:
                return
            except Exception as exc:  # the database is away: the sender finds out at its next check
                log.warning("campaign %d: lease not renewed (%s)", held.campaign_id, exc)

    def _stop_keeper(self, campaign_id: int) -> HeldLease | None:
        held = self._held.pop(campaign_id, None)
        if held is not None:
            held.stop.set()
        return held


def _dead_here(holder: Holder, space: str) -> bool:
    """A holder on this machine whose process is gone (SIGKILL, a crash): its lease is worthless now."""
    _, machine, pid = this_sender()
    if holder.machine != machine or space != process_space() or holder.pid == pid:
        return False  # another machine, boot or container's processes cannot be seen from here
    return not process_alive(holder.pid)


def process_space() -> str:
    """Where this machine's process ids mean the same: this boot and PID namespace (Linux), else the OS."""
    parts = [sys.platform]
    try:
        with open("/proc/sys/kernel/random/boot_id", encoding="ascii") as boot:
            parts.append(boot.read().strip())
        parts.append(os.readlink("/proc/self/ns/pid"))
    except OSError:
        pass
    return ":".join(parts)
