"""Sending reminders with smtplib: the messages libtracker builds, one SMTP transaction each,
a refused recipient reported without stopping the others, and what was sent recorded in the
tracker so that the same day is not sent twice."""

from __future__ import annotations

import dataclasses
import os
import smtplib
import ssl
from urllib.parse import urlsplit

from . import _core
from ._errors import InvalidArgumentError

__all__ = ["SendSummary", "send_reminders"]


@dataclasses.dataclass
class SendSummary:
    """What send_reminders did: names and addresses sent to, failed (with the reason), skipped
    because already reminded that day, and people without an address."""

    sent: list[tuple[str, str]] = dataclasses.field(default_factory=list)
    failed: list[tuple[str, str, str]] = dataclasses.field(default_factory=list)
    skipped: list[tuple[str, str]] = dataclasses.field(default_factory=list)
    not_reachable: list[str] = dataclasses.field(default_factory=list)


def _connect(
    url: str, starttls: bool, timeout: float, context: ssl.SSLContext | None
) -> smtplib.SMTP:
    parts = urlsplit(url)
    if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
        raise InvalidArgumentError(
            f"an SMTP server is named smtp://host:port or smtps://host:port, not {url!r}"
        )
    context = context or ssl.create_default_context()
    if parts.scheme == "smtps":
        return smtplib.SMTP_SSL(parts.hostname, parts.port or 465, timeout=timeout, context=context)
    server = smtplib.SMTP(parts.hostname, parts.port or 25, timeout=timeout)
    if starttls:
        server.starttls(context=context)
    return server


def send_reminders(
    tracker: _core.Tracker,
    reminders: _core.Reminders,
    url: str,
    *,
    sender: str | None = None,
    reply_to: str | None = None,
    subject_prefix: str | None = None,
    starttls: bool = False,
    resend: bool = False,
    timeout: float = 30.0,
    ssl_context: ssl.SSLContext | None = None,
) -> SendSummary:
    """Sends each reminder of ``reminders`` through the SMTP server at ``url``
    (``smtp://host:port``, with ``starttls=True`` to require STARTTLS, or ``smtps://host:port``).

    The sender, Reply-To and subject prefix default to the tracker's settings ``mail.from``,
    ``mail.reply_to`` and ``mail.subject_prefix``. The user and password come from the
    environment (``TRACKER_SMTP_USER``, ``TRACKER_SMTP_PASSWORD``), never from arguments.
    People already reminded that day are skipped unless ``resend``. Each message accepted by
    the server is recorded with ``tracker.record_reminder``.
    """
    sender = sender or tracker.setting("mail.from") or ""
    reply_to = reply_to if reply_to is not None else tracker.setting("mail.reply_to") or ""
    prefix = (
        subject_prefix
        if subject_prefix is not None
        else tracker.setting("mail.subject_prefix") or ""
    )
    summary = SendSummary(not_reachable=[r.name for r in reminders.not_reachable])
    todo = []
    for r in reminders.messages:
        if r.already_sent and not resend:
            summary.skipped.append((r.name, r.address))
        else:
            todo.append(r)
    if not todo:
        return summary
    if not sender:
        raise InvalidArgumentError("reminders need a sender: sender=..., or the mail.from setting")
    messages = [(r, r.to_message(sender, reply_to=reply_to, subject_prefix=prefix)) for r in todo]
    user = os.environ.get("TRACKER_SMTP_USER", "")
    password = os.environ.get("TRACKER_SMTP_PASSWORD", "")
    server = _connect(url, starttls, timeout, ssl_context)
    try:
        if user:
            server.login(user, password)
        for r, message in messages:
            try:
                server.sendmail(message.sender, [message.to_address], message.as_bytes())
            except (smtplib.SMTPRecipientsRefused, smtplib.SMTPDataError) as e:
                summary.failed.append((r.name, r.address, str(e)))
                server.rset()
                continue
            except smtplib.SMTPServerDisconnected as e:
                summary.failed.append((r.name, r.address, str(e)))
                server = _connect(url, starttls, timeout, ssl_context)
                if user:
                    server.login(user, password)
                continue
            tracker.record_reminder(
                r.name,
                r.address,
                reminders.as_of,
                message_id=message.message_id,
                items=r.item_ids,
            )
            summary.sent.append((r.name, r.address))
    finally:
        try:
            server.quit()
        except smtplib.SMTPException:
            server.close()
    return summary
