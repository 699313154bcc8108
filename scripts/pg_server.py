#!/usr/bin/env python3
"""A throwaway PostgreSQL server for tests and benchmarks: `start` prints shell exports, `stop` removes it.

    eval "$(python scripts/pg_server.py start)"   # export MASIVO_TEST_PG_URL=postgresql://...
    python scripts/pg_server.py stop

It uses Debian's packaged binaries (/usr/lib/postgresql/*/bin): initdb makes a cluster in a
temporary folder, which listens on a free port of 127.0.0.1 only (and on a unix socket in that
folder), with trust authentication: for local tests only, never for real data. PostgreSQL
refuses to run as root, so as root the cluster belongs to the `postgres` system user.
Without PostgreSQL installed, `start` prints nothing and exits 0 (the PostgreSQL tests skip).
`--durable` keeps fsync on (the benchmark measures a real server's commits); tests turn it off.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import shlex
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

LAST = Path(tempfile.gettempdir()) / "masivo-pg-server.last"  # the folder of the last server started
USER, DATABASE = "masivo", "masivo_test"
FAST = ("-c fsync=off -c synchronous_commit=off -c full_page_writes=off",)
# Trust for everyone but PASSWORD_ROLE, which must give its password: the tests of where it comes from.
PASSWORD_ROLE = "masivo_password"
HBA = f"""local all all trust
host all {PASSWORD_ROLE} 127.0.0.1/32 scram-sha-256
host all all 127.0.0.1/32 trust
"""


def binaries() -> Path | None:
    """The newest installed PostgreSQL's bin folder (Debian's layout, else whatever is on PATH)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: _version(Path(p)))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _version(initdb: Path) -> tuple[int, ...]:
    name = initdb.parent.parent.name
    return tuple(int(part) for part in name.split(".") if part.isdigit())


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def as_server_user(command: list[str]) -> list[str]:
    """PostgreSQL will not run as root: root runs it as the `postgres` user the package created."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


def start(durable: bool) -> int:
    bindir = binaries()
    if bindir is None:
        return 0  # not installed: no exports, the PostgreSQL tests skip
    folder = Path(tempfile.mkdtemp(prefix="masivo-pg-"))
    data = folder / "data"
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    port = free_port()
    settings = " ".join((f"-p {port} -k {folder} -c listen_addresses=127.0.0.1", *(() if durable else FAST)))
    steps = [
        [str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", USER, "-E", "UTF8",
         "--no-locale", "--no-sync"],
        [str(bindir / "pg_ctl"), "-D", str(data), "-l", str(folder / "server.log"), "-o", settings, "-w",
         "-t", "60", "start"],
        [str(bindir / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", USER, DATABASE],
    ]  # fmt: skip
    state = {"folder": str(folder), "bindir": str(bindir), "port": port}
    (folder / "state.json").write_text(json.dumps(state))
    LAST.write_text(str(folder))
    for step in steps:
        done = subprocess.run(as_server_user(step), capture_output=True, text=True, cwd=folder)
        if done.returncode:
            print(f"pg_server: {Path(step[0]).name} failed: {done.stderr.strip()}", file=sys.stderr)
            stop(folder)
            return 1
        if step is steps[0]:
            (data / "pg_hba.conf").write_text(HBA)
    url = f"postgresql://{USER}@127.0.0.1:{port}/{DATABASE}"
    print(f"export MASIVO_TEST_PG_URL={shlex.quote(url)}")
    print(f"export MASIVO_PG_DIR={shlex.quote(str(folder))}")
    return 0


def stop(folder: Path | None = None) -> int:
    """Stop the server started last (or the one in `folder`, or $MASIVO_PG_DIR) and delete its files."""
    if folder is None:
        named = os.environ.get("MASIVO_PG_DIR") or (LAST.read_text().strip() if LAST.exists() else "")
        if not named:
            return 0
        folder = Path(named)
    state_file = folder / "state.json"
    if state_file.exists():
        state = json.loads(state_file.read_text())
        pg_ctl = str(Path(state["bindir"]) / "pg_ctl")
        if (folder / "data" / "postmaster.pid").exists():
            stopping = as_server_user([pg_ctl, "-D", str(folder / "data"), "-m", "immediate", "-w", "stop"])
            subprocess.run(stopping, capture_output=True, cwd=folder)
    if folder.name.startswith("masivo-pg-"):  # never delete a folder this script did not make
        shutil.rmtree(folder, ignore_errors=True)
    if LAST.exists() and LAST.read_text().strip() == str(folder):
        LAST.unlink()
    return 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("start", "stop"))
    parser.add_argument("--durable", action="store_true", help="keep fsync on (benchmarks)")
    args = parser.parse_args(argv)
    return start(args.durable) if args.action == "start" else stop()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
