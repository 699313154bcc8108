"""The one command-line parser. Each subcommand lives in `app/commands/<name>.py`.

Nothing here imports Qt or the heavy modules: a command's module is imported only
when that command runs, so `masivo --version` starts fast on a server.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence
from typing import TextIO

from app import __version__
from app.providers.smtp_presets import PRESETS

PRESET_IDS = tuple(PRESETS)
PROVIDERS = ("demo", "connecta", "connectus", "itcloud", "wavy", "convergia", "smtp")
SMS_MODES = ("1via", "2via", "flash")  # IT Cloud's `metodo_envio` (Capabilities.sms_modes)
SENDING_EXIT_CODES = (
    "exit codes: 0 every valid recipient accepted; 4 some messages unknown (the provider may or may "
    "not have taken them: check them before re-sending; they are never sent again by themselves); "
    "1 paused, failed, or rows failed or pending; 2 a mistake in the command; 3 someone else is "
    "sending the campaign; 130 interrupted"
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="masivo",
        description="SMS and e-mail campaigns from a spreadsheet. Without a command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"masivo {__version__}")
    # Actions of a command ("credentials set") accept --json too; SUPPRESS keeps the command's value.
    json_flag = argparse.ArgumentParser(add_help=False)
    json_flag.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="print one JSON object"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(
        name: str, help: str, module: str | None = None, epilog: str | None = None
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help, description=help, epilog=epilog)
        sub.add_argument("--json", action="store_true", help="print one JSON object instead of text")
        sub.set_defaults(module=module or name)
        return sub

    def message_source(sub: argparse.ArgumentParser) -> None:
        source = sub.add_mutually_exclusive_group(required=True)
        source.add_argument("--message", metavar="TEXT", help="the message template")
        source.add_argument("--message-file", metavar="FILE", help="a UTF-8 file holding the template")

    command("gui", "open the window (the default without a command)")

    check = command("check", "read a recipients sheet and report every row that cannot be sent to")
    check.add_argument("file", metavar="FILE")
    check.add_argument("--sheet", metavar="NAME")
    check.add_argument(
        "--country", metavar="CC", help="default country for numbers without a prefix (e.g. CL)"
    )
    check.add_argument("--channel", choices=("sms", "email"), default="sms")
    check.add_argument("--provider", choices=PROVIDERS, help="apply this provider's number rules")
    check.add_argument("--phone-column", metavar="HEADER")
    check.add_argument("--email-column", metavar="HEADER")

    preview = command("preview", "count characters, SMS segments and credits of a message")
    message_source(preview)
    preview.add_argument(
        "--recipients", metavar="FILE", help="render the message for every row of this sheet"
    )
    preview.add_argument("--country", metavar="CC")
    preview.add_argument("--provider", choices=PROVIDERS, default="demo")

    send = command("send", "send a campaign", epilog=SENDING_EXIT_CODES)
    send.add_argument("--provider", choices=PROVIDERS, required=True)
    send.add_argument("--recipients", metavar="FILE", required=True)
    message_source(send)
    send.add_argument("--channel", choices=("sms", "email"), default="sms")
    send.add_argument("--subject", metavar="S")
    send.add_argument("--sender-name", metavar="N")
    send.add_argument("--sender-email", metavar="E")
    send.add_argument("--html", action="store_true", help="the e-mail message is HTML (a text part is made)")
    send.add_argument(
        "--sms-mode",
        choices=SMS_MODES,
        help="for providers that offer it (itcloud): 1via one-way (the default); 2via two-way, recipients "
        "can answer and their answers arrive in `masivo replies`; flash shows on the phone's screen at "
        "once and is not kept in its inbox",
    )
    send.add_argument("--country", metavar="CC")
    send.add_argument("--sheet", metavar="NAME")
    send.add_argument("--base-url", metavar="URL", help="replace the provider's scheme, host and port")
    send.add_argument("--batch-size", metavar="N", type=int)
    send.add_argument(
        "--interval", metavar="S", type=float, help="seconds between requests (at least the provider's)"
    )
    send.add_argument("--name", metavar="NAME", help="a name to find the campaign by later")
    send.add_argument("--at", metavar="DATETIME", help="start at this local date and time (YYYY-MM-DD HH:MM)")
    send.add_argument("--yes", action="store_true", help="do not ask for confirmation")

    resume = command("resume", "resume a paused or interrupted campaign", epilog=SENDING_EXIT_CODES)
    resume.add_argument("campaign", metavar="CAMPAIGN")
    resume.add_argument("--base-url", metavar="URL")
    resume.add_argument("--yes", action="store_true")

    status = command("status", "show a campaign's counts by state")
    status.add_argument("campaign", metavar="CAMPAIGN")
    status.add_argument("--refresh", action="store_true", help="ask the provider for new statuses first")
    status.add_argument("--base-url", metavar="URL")

    command("campaigns", "list every campaign with its status and counts")

    report = command("report", "write a campaign's report sheet")
    report.add_argument("campaign", metavar="CAMPAIGN")
    report.add_argument("--out", metavar="FILE.xlsx", required=True)

    command("providers", "list the providers and what each supports")

    credentials = command("credentials", "store, test or delete a provider's credentials (OS keyring)")
    cred_actions = credentials.add_subparsers(dest="action", metavar="ACTION", required=True)
    cred_set = cred_actions.add_parser(
        "set", parents=[json_flag], help="store credentials; the secret is read from stdin or a prompt"
    )
    cred_set.add_argument("provider", choices=PROVIDERS)
    cred_set.add_argument("--user", required=True, help="user name or account id")
    cred_set.add_argument(
        "--field", action="append", default=[], metavar="KEY=VALUE",
        help="another field of the provider (smtp: preset, host, port, security, from_email...)",
    )  # fmt: skip
    for action in ("delete", "test"):
        sub = cred_actions.add_parser(action, parents=[json_flag], help=f"{action} the stored credentials")
        sub.add_argument("provider", choices=PROVIDERS)
        sub.add_argument("--base-url", metavar="URL")

    balance = command("balance", "show a provider's credit balance")
    balance.add_argument("--provider", choices=PROVIDERS, required=True)
    balance.add_argument("--base-url", metavar="URL")

    webhooks = command("webhooks", "receive status updates and replies that providers push")
    hook_actions = webhooks.add_subparsers(dest="action", metavar="ACTION", required=True)
    serve = hook_actions.add_parser("serve", parents=[json_flag], help="run the receiver until Ctrl+C")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument(
        "--port", type=tcp_port, default=8787, help="1 to 65535 (default 8787); 0: any free port, as printed"
    )
    urls = hook_actions.add_parser(
        "urls", parents=[json_flag], help="the URLs to paste into each provider's console"
    )
    urls.add_argument("--base-url", metavar="PUBLIC_URL", required=True)
    hook_actions.add_parser("rotate", parents=[json_flag], help="make new secret URL tokens")
    key = hook_actions.add_parser(
        "unsubscribe-key", parents=[json_flag],
        help="show the key of e-mail's unsubscribe links; --set stores one read from stdin",
    )  # fmt: skip
    key.add_argument("--set", action="store_true", help="store the key read from stdin")

    replies = command("replies", "list the replies received")
    replies.add_argument("--campaign", metavar="C")

    suppression = command("suppression", "numbers and addresses that must never receive anything")
    sup_actions = suppression.add_subparsers(dest="action", metavar="ACTION", required=True)
    sup_actions.add_parser("list", parents=[json_flag], help="list every entry")
    sup_add = sup_actions.add_parser("add", parents=[json_flag], help="add a number or address")
    sup_add.add_argument("value", metavar="VALUE")
    sup_add.add_argument("--reason", default="")
    sup_add.add_argument("--country", metavar="CC")
    sup_remove = sup_actions.add_parser("remove", parents=[json_flag], help="remove a number or address")
    sup_remove.add_argument("value", metavar="VALUE")
    sup_remove.add_argument("--country", metavar="CC")

    db = command("db", "the journal database (SQLite or a team's PostgreSQL)")
    db_actions = db.add_subparsers(dest="action", metavar="ACTION", required=True)
    db_actions.add_parser("info", parents=[json_flag], help="backend, schema version and location")
    db_actions.add_parser("upgrade", parents=[json_flag], help="apply pending schema migrations")

    email_check = command(
        "email-check", "check the sender domain's SPF, DKIM and DMARC for e-mail campaigns", "email_check"
    )
    add = email_check.add_argument
    add("--from", dest="sender", metavar="ADDRESS", required=True, help="the sender, e.g. ventas@empresa.cl")
    add("--service", choices=PRESET_IDS, help="the mail service (default: the smtp provider's preset)")
    add("--dkim-selector", metavar="S", default="", help="the DKIM selector (default: the service's usual)")
    add("--nameserver", metavar="IP[:PORT]", help="ask this DNS server instead of the system's")

    command("selftest", "check that this installation works (headless)")
    return parser


def tcp_port(text: str) -> int:
    """A TCP port, 1 to 65535, or 0 for any free one: anything else would bind some other port."""
    try:
        port = int(text)
    except ValueError:
        port = -1
    if 0 <= port <= 65535:
        return port
    from app.commands.texts import TEXTS
    from app.core.wording import word

    raise argparse.ArgumentTypeError(word(TEXTS, "not_a_port", text=text))


def run(argv: Sequence[str], out: TextIO = sys.stdout) -> int:
    """Parse `argv` and run the chosen headless command; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(out)
        return 2
    from app.commands._errors import CommandError
    from app.commands.texts import TEXTS
    from app.core.gil import take_short_turns
    from app.core.logs import setup_logging
    from app.core.paths import log_dir
    from app.core.wording import word

    log_file = setup_logging(log_dir())
    take_short_turns()  # the receiver's request threads and its writer hand the GIL back and forth
    try:
        module = importlib.import_module(f"app.commands.{args.module}")
        code: int = module.run(args, out)
    except CommandError as exc:
        print(exc, file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        print(word(TEXTS, "interrupted"), file=sys.stderr)
        return 130
    except Exception:
        # Last resort: a traceback is for the log, the user gets one sentence and where to look.
        logging.getLogger("app.cli").exception("masivo %s failed", args.command)
        print(word(TEXTS, "unexpected_error", command=args.command, log_file=log_file), file=sys.stderr)
        return 70
    return code
