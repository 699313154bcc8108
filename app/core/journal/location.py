"""Where the journal lives: which database the user chose, how it is shown, where its password comes from.

`MASIVO_DATABASE_URL`, else the setting `database_url`, else SQLite in the data folder.
A PostgreSQL URL normally holds no password: libpq finds it in `~/.pgpass` or a service
file, or Masivo finds it in the OS keyring. The password is never shown, logged or
written by Masivo to a file: `display_url` is the only form that leaves this module.
"""

from __future__ import annotations

import os

ENVIRONMENT = "MASIVO_DATABASE_URL"
KEYRING_SERVICE = "masivo-database"
SECRET_PARAMS = frozenset({"password", "sslpassword"})
SHOWN_PARAMS = ("sslmode", "service", "options", "target_session_attrs")


def configured_url() -> str:
    """The database the user chose: the environment first, then the settings; "" means SQLite here."""
    url = os.environ.get(ENVIRONMENT, "").strip()
    if url:
        return url
    from app.core.settings import open_settings

    return str(open_settings().get("database_url") or "").strip()


def is_postgres(url: str | None) -> bool:
    return bool(url) and str(url).startswith(("postgresql://", "postgres://"))


def parts(url: str) -> dict[str, str]:
    """libpq's reading of the URL (user, host, port, dbname, sslmode...); raises ValueError if unreadable."""
    from psycopg.conninfo import conninfo_to_dict

    try:
        return {key: str(value) for key, value in conninfo_to_dict(url).items()}
    except Exception:  # psycopg.ProgrammingError; its text may quote the URL, password and all
        raise ValueError("not a valid PostgreSQL URL (postgresql://user@host:port/database)") from None


def display_url(url: str) -> str:
    """The URL as it may be shown or logged: no password, whatever form it came in."""
    try:
        given = parts(url)
    except ValueError:
        return "postgresql://(invalid URL)"
    user = f"{given['user']}@" if "user" in given else ""
    host = given.get("host", "")
    port = f":{given['port']}" if given.get("port") else ""
    query = "&".join(f"{key}={given[key]}" for key in SHOWN_PARAMS if key in given)
    return f"postgresql://{user}{host}{port}/{given.get('dbname', '')}" + (f"?{query}" if query else "")


def keyring_account(url: str) -> str:
    """The keyring entry that holds this database's password: `user@host:port/dbname`."""
    given = parts(url)
    user = given.get("user") or os.environ.get("PGUSER") or _login()
    host, port = given.get("host", "localhost"), given.get("port") or "5432"
    return f"{user}@{host}:{port}/{given.get('dbname', user)}"


def keyring_password(url: str) -> str | None:
    """The password kept in the OS keyring for this database, if any."""
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(KEYRING_SERVICE, keyring_account(url))
    except (KeyringError, ValueError, RuntimeError):
        return None


def store_password(url: str, password: str) -> None:
    """Keep the database password in the OS keyring (the window's "Espacio de trabajo" does this)."""
    import keyring

    keyring.set_password(KEYRING_SERVICE, keyring_account(url), password)


def loose_password_file(url: str) -> str | None:
    """libpq's password file when other users can read it, else None.

    libpq ignores such a file on POSIX (its warning goes to a stderr nobody reads) and the
    connection then fails with "no password supplied": the error says why. Masivo never writes it.
    """
    if os.name == "nt":  # %APPDATA%\postgresql\pgpass.conf: the profile protects it, libpq checks nothing
        return None
    import stat
    from pathlib import Path

    try:
        named = parts(url).get("passfile")
    except ValueError:
        named = None
    path = Path(named or os.environ.get("PGPASSFILE") or Path.home() / ".pgpass").expanduser()
    try:
        loose = stat.S_IMODE(path.stat().st_mode) & 0o077
    except OSError:
        return None
    return str(path) if loose else None


def without_password(url: str) -> tuple[str, str]:
    """(the URL with its password taken out, the password) — so that only the URL is ever saved."""
    from urllib.parse import urlsplit, urlunsplit

    split = urlsplit(url)
    if split.password is None:
        return url, ""
    netloc = split.netloc.rsplit("@", 1)
    user = netloc[0].split(":", 1)[0]
    from urllib.parse import unquote

    return urlunsplit(split._replace(netloc=f"{user}@{netloc[1]}")), unquote(split.password)


def _login() -> str:
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "masivo"
