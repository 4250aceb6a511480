"""Reminders end to end: computed as data, sent through a real SMTP server on loopback
(aiosmtpd, started here) by Python's smtplib and by the tracker command (libcurl), and the
messages received parsed with the email package."""

from __future__ import annotations

import datetime
import email
import email.policy
import os
import shutil
import socket
import ssl
import subprocess
import sysconfig
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

import libtracker as lt

DAY = datetime.date(2017, 6, 15)
GUDRUN = "gudrun.poulsen@example.org"
DANKO = "danko.jevtovic@example.org"
SENDER = "SSR2 Staff <ssr2-staff@example.org>"


class Inbox:
    """An aiosmtpd handler that keeps what it receives and refuses some recipients."""

    def __init__(self, refuse: tuple[str, ...] = ()) -> None:
        self.received: list[tuple[str, list[str], bytes]] = []
        self.refuse = set(refuse)

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, rcpt_options: Any
    ) -> str:
        if address in self.refuse:
            return "550 5.1.1 <" + address + ">: mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.received.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 Message accepted for delivery"

    def messages(self) -> list[EmailMessage]:
        return [
            email.message_from_bytes(data, policy=email.policy.default)  # type: ignore[misc]
            for _, _, data in self.received
        ]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def smtp_server() -> Iterator[tuple[Inbox, str, Controller]]:
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield inbox, f"smtp://127.0.0.1:{controller.port}", controller
    finally:
        controller.stop()


def fill_team(t: lt.Tracker) -> lt.Tracker:
    """Four people, two groups, items overdue, due soon, without a date and closed."""
    t.today = datetime.date(2017, 6, 1)
    t.add("Draft SSR2 work plan", owners=["Co-Chairs", "James Gannon"], due="2017-06-09")
    t.add("Share links on threat mitigation", owners="ICANN Org", due="2017-06-22")
    t.add("Review NDA <script>alert(1)</script> & report", owners="Guðrun Poulsen", due="TBD")
    t.add("Agenda for ICANN59 — Johannesburg", owners="Danko Jevtović", due="2017-06-16")
    closed = t.add("Collect travel forms", owners="Danko Jevtović", due="2017-06-10")
    t.import_owners_text(
        "name,email,initials,groups\n"
        f"Guðrun Poulsen,{GUDRUN},GP,Co-Chairs\n"
        f"Danko Jevtović,{DANKO},DJ,Co-Chairs\n"
    )
    t.today = datetime.date(2017, 6, 12)
    t.set_state(closed.id, "done")
    t.today = DAY
    return t


@pytest.fixture
def team(tracker: lt.Tracker) -> lt.Tracker:
    return fill_team(tracker)


def test_reminders_are_data_per_person(team: lt.Tracker) -> None:
    r = team.reminders(as_of=DAY)
    assert isinstance(r, lt.Reminders)
    assert (r.as_of, r.days, r.due_until, r.next_meeting) == (
        DAY,
        7,
        datetime.date(2017, 6, 22),
        None,
    )
    assert [m.name for m in r.messages] == ["Danko Jevtović", "Guðrun Poulsen"]
    assert [p.name for p in r.not_reachable] == ["ICANN Org", "James Gannon"]
    danko = r.messages[0]
    assert isinstance(danko, lt.Reminder)
    assert [i.text for i in danko.overdue] == ["Draft SSR2 work plan"]
    assert danko.days_overdue == {danko.overdue[0].id: 6}
    assert [i.text for i in danko.due_soon] == ["Agenda for ICANN59 — Johannesburg"]
    assert [i.text for i in danko.closed] == ["Collect travel forms"]
    assert danko.open_count == 2
    assert "&lt;script&gt;" in r.messages[1].to_html()
    assert "Review NDA <script>" in r.messages[1].to_text()
    team.add_meeting("SSR2 Plenary", datetime.date(2017, 6, 20))
    by_meeting = team.reminders(as_of=DAY)
    assert by_meeting.next_meeting is not None
    assert (by_meeting.days, by_meeting.due_until) == (5, datetime.date(2017, 6, 20))
    assert [p.name for p in team.reminders(as_of=DAY, owners=["Co-Chairs"]).not_reachable] == []
    with pytest.raises(lt.NotFoundError):
        team.reminders(as_of=DAY, owners=["Nobody Known"])


def check_gudrun(message: EmailMessage) -> None:
    """Guðrun's message as a mail client reads it."""
    to = message["To"].addresses[0]
    assert (to.display_name, to.addr_spec) == ("Guðrun Poulsen", GUDRUN)
    sender = message["From"].addresses[0]
    assert (sender.display_name, sender.addr_spec) == ("SSR2 Staff", "ssr2-staff@example.org")
    assert message["Subject"] == (
        "Action items for Guðrun Poulsen, 2017-06-15: 2 open "
        "(1 overdue, 0 due by 2017-06-22, 1 without a date)"
    )
    assert message.get_content_type() == "multipart/alternative"
    text = message.get_body(("plain",))
    html = message.get_body(("html",))
    assert text is not None
    assert html is not None
    plain = text.get_content()
    assert "Action items for Guðrun Poulsen" in plain
    assert "Draft SSR2 work plan" in plain
    assert "Review NDA <script>alert(1)</script> & report" in plain
    markup = html.get_content()
    assert "Review NDA &lt;script&gt;alert(1)&lt;/script&gt; &amp; report" in markup
    assert "<script>" not in markup
    assert '<tr class="overdue">' in markup
    assert message["Message-ID"].startswith("<reminder.2017-06-15.")


def check_danko(message: EmailMessage) -> None:
    to = message["To"].addresses[0]
    assert (to.display_name, to.addr_spec) == ("Danko Jevtović", DANKO)
    assert message["Subject"] == (
        "Action items for Danko Jevtović, 2017-06-15: 2 open "
        "(1 overdue, 1 due by 2017-06-22, 0 without a date)"
    )
    plain = message.get_body(("plain",))
    assert plain is not None
    body = plain.get_content()
    assert "Agenda for ICANN59 — Johannesburg" in body
    assert "Closed in the last 7 days (1)" in body
    assert "Collect travel forms" in body


def test_send_reminders_with_smtplib(
    team: lt.Tracker, smtp_server: tuple[Inbox, str, Controller]
) -> None:
    inbox, url, _ = smtp_server
    reminders = team.reminders(as_of=DAY)
    summary = lt.send_reminders(team, reminders, url, sender=SENDER, reply_to="jb@example.org")
    assert isinstance(summary, lt.SendSummary)
    assert summary.sent == [("Danko Jevtović", DANKO), ("Guðrun Poulsen", GUDRUN)]
    assert (summary.failed, summary.skipped) == ([], [])
    assert summary.not_reachable == ["ICANN Org", "James Gannon"]
    assert [(frm, to) for frm, to, _ in inbox.received] == [
        ("ssr2-staff@example.org", [DANKO]),
        ("ssr2-staff@example.org", [GUDRUN]),
    ]
    danko, gudrun = inbox.messages()
    check_danko(danko)
    check_gudrun(gudrun)
    assert gudrun["Reply-To"] == "jb@example.org"
    sent = team.reminders_sent()
    assert [(s.recipient, s.address, s.day) for s in sent] == [
        ("Danko Jevtović", DANKO, DAY),
        ("Guðrun Poulsen", GUDRUN, DAY),
    ]
    assert f"<{sent[1].message_id}>" == gudrun["Message-ID"]
    # The same day again: nothing is sent twice.
    again = lt.send_reminders(team, team.reminders(as_of=DAY), url, sender=SENDER)
    assert again.sent == []
    assert again.skipped == [("Danko Jevtović", DANKO), ("Guðrun Poulsen", GUDRUN)]
    assert len(inbox.received) == 2


def test_a_refused_recipient_is_reported_and_the_others_are_sent(
    team: lt.Tracker, smtp_server: tuple[Inbox, str, Controller]
) -> None:
    inbox, url, _ = smtp_server
    inbox.refuse = {DANKO}
    summary = lt.send_reminders(team, team.reminders(as_of=DAY), url, sender=SENDER)
    assert summary.sent == [("Guðrun Poulsen", GUDRUN)]
    assert [(name, address) for name, address, _ in summary.failed] == [("Danko Jevtović", DANKO)]
    assert "550" in summary.failed[0][2]
    assert [to for _, to, _ in inbox.received] == [[GUDRUN]]
    assert [s.recipient for s in team.reminders_sent()] == ["Guðrun Poulsen"]
    # Danko's reminder is still due; Guðrun's is not sent again.
    inbox.refuse = set()
    retry = lt.send_reminders(team, team.reminders(as_of=DAY), url, sender=SENDER)
    assert retry.sent == [("Danko Jevtović", DANKO)]
    assert retry.skipped == [("Guðrun Poulsen", GUDRUN)]


def tracker_binary() -> str:
    """The tracker command: next to this Python (a pip install), else on PATH, else $TRACKER_BIN."""
    scripts = Path(sysconfig.get_path("scripts")) / "tracker"
    if scripts.is_file():
        return str(scripts)
    found = os.environ.get("TRACKER_BIN") or shutil.which("tracker")
    if not found:
        pytest.fail("the tracker command is not installed")
    return found


def cli(
    db: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [tracker_binary(), "--db", str(db), "--as-of", DAY.isoformat(), *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        check=False,
    )


@pytest.fixture
def team_db(tmp_path: Path) -> Path:
    path = tmp_path / "team.db"
    with lt.Tracker(str(path)) as t:
        t.today = DAY
        fill_team(t)
    return path


def test_tracker_remind_sends_over_smtp_with_libcurl(
    team_db: Path, smtp_server: tuple[Inbox, str, Controller]
) -> None:
    inbox, url, _ = smtp_server
    inbox.refuse = {DANKO}
    assert cli(team_db, "config", "set", "mail.from", SENDER).returncode == 0
    run = cli(team_db, "remind", "--smtp", url)
    assert run.returncode == 4, run.stderr
    assert "1 sent, 1 failed, 0 already sent, 2 not reachable." in run.stdout
    assert "FAILED Danko Jevtović <danko.jevtovic@example.org>" in run.stdout
    assert "550" in run.stdout
    assert "not reachable (no e-mail address): James Gannon" in run.stdout
    assert "1 reminder was not sent" in run.stderr
    (message,) = inbox.messages()
    check_gudrun(message)
    # Danko is sent on the second run, Guðrun not again.
    inbox.refuse = set()
    run = cli(team_db, "remind", "--smtp", url)
    assert run.returncode == 0, run.stderr
    assert "already sent: Guðrun Poulsen" in run.stdout
    assert "1 sent, 0 failed, 1 already sent" in run.stdout
    check_danko(inbox.messages()[1])
    with lt.Tracker(str(team_db)) as t:
        assert sorted(s.recipient for s in t.reminders_sent()) == [
            "Danko Jevtović",
            "Guðrun Poulsen",
        ]


def test_tracker_remind_out_writes_eml_files_a_mail_parser_reads(
    team_db: Path, tmp_path: Path
) -> None:
    out = tmp_path / "eml"
    run = cli(team_db, "remind", "--out", str(out), "--from", SENDER, "--subject-prefix", "[SSR2]")
    assert run.returncode == 0, run.stderr
    files = sorted(out.glob("*.eml"))
    assert [f.name for f in files] == [f"2017-06-15-{DANKO}.eml", f"2017-06-15-{GUDRUN}.eml"]
    with files[1].open("rb") as fp:
        gudrun = email.message_from_binary_file(fp, policy=email.policy.default)
    assert isinstance(gudrun, EmailMessage)
    assert gudrun["Subject"].startswith("[SSR2] Action items for Guðrun Poulsen")
    del gudrun["Subject"]
    gudrun["Subject"] = (
        "Action items for Guðrun Poulsen, 2017-06-15: 2 open "
        "(1 overdue, 0 due by 2017-06-22, 1 without a date)"
    )
    check_gudrun(gudrun)
    # Writing files records nothing: a later --smtp run still sends.
    with lt.Tracker(str(team_db)) as t:
        assert t.reminders_sent() == []
    dry = cli(team_db, "remind", "--dry-run")
    assert dry.returncode == 0
    assert "would send to Danko Jevtović <danko.jevtovic@example.org>" in dry.stdout
    assert "2 to send, 2 not reachable." in dry.stdout
    # A sender with a line break is refused before anything is written.
    bad = cli(team_db, "remind", "--out", str(tmp_path / "bad"), "--from", "x\r\nBcc: y@z.org")
    assert bad.returncode == 1
    assert not (tmp_path / "bad").exists()


def make_certificate(directory: Path) -> tuple[Path, Path]:
    cert, key = directory / "cert.pem", directory / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
         "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return cert, key


def test_starttls_and_credentials_from_the_environment(team_db: Path, tmp_path: Path) -> None:
    if shutil.which("openssl") is None:
        pytest.fail("openssl is needed to make the test server's certificate")
    cert, key = make_certificate(tmp_path)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    logins: list[tuple[bytes, bytes]] = []

    def authenticator(server: Any, session: Any, envelope: Any, mechanism: str, auth: Any) -> Any:
        assert isinstance(auth, LoginPassword)
        logins.append((auth.login, auth.password))
        return AuthResult(success=auth.password == b"s3cret")

    inbox = Inbox()
    controller = Controller(
        inbox,
        hostname="127.0.0.1",
        port=free_port(),
        tls_context=context,
        require_starttls=True,
        authenticator=authenticator,
        auth_required=True,
    )
    controller.start()
    try:
        url = f"smtp://127.0.0.1:{controller.port}"
        env = {"TRACKER_SMTP_USER": "staff", "TRACKER_SMTP_PASSWORD": "s3cret"}
        run = cli(
            team_db, "remind", "--smtp", url, "--starttls", "--ca-file", str(cert),
            "--from", SENDER, "--owner", "Guðrun Poulsen", env=env,
        )  # fmt: skip
        assert run.returncode == 0, run.stdout + run.stderr
        assert logins == [(b"staff", b"s3cret")]
        check_gudrun(inbox.messages()[0])
        wrong = cli(
            team_db, "remind", "--smtp", url, "--starttls", "--ca-file", str(cert),
            "--from", SENDER, "--owner", "Danko Jevtović",
            env={**env, "TRACKER_SMTP_PASSWORD": "wrong"},
        )  # fmt: skip
        assert wrong.returncode == 4
        assert len(inbox.received) == 1
        with lt.Tracker(str(team_db)) as t:
            os.environ["TRACKER_SMTP_USER"] = "staff"
            os.environ["TRACKER_SMTP_PASSWORD"] = "s3cret"
            try:
                summary = lt.send_reminders(
                    t,
                    t.reminders(as_of=DAY, owners=["Danko Jevtović"]),
                    url,
                    sender=SENDER,
                    starttls=True,
                    ssl_context=ssl.create_default_context(cafile=str(cert)),
                )
            finally:
                del os.environ["TRACKER_SMTP_USER"], os.environ["TRACKER_SMTP_PASSWORD"]
        assert summary.sent == [("Danko Jevtović", DANKO)]
        check_danko(inbox.messages()[1])
    finally:
        controller.stop()
