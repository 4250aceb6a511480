#pragma once
/// @file mail.hpp
/// Reminders as e-mail: RFC 5322 messages with a plain-text and an HTML part, safe headers
/// (RFC 2047 encoded words for non-ASCII text, line breaks refused), and sending over SMTP.

#include <boost/date_time/posix_time/ptime.hpp>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "libtracker/reminders.hpp"

namespace libtracker {

class Store;

/// A display name and an address: "SSR2 Staff <ssr2-staff@example.org>".
struct Mailbox {
  std::string name;
  std::string address;
};

/// Reads "Name <address>" or a bare address. The name may be quoted ("\"Staff, SSR2\"
/// <a@b.org>") and hold any UTF-8 text but no control characters.
/// @throw ParseError for line breaks or other control characters, an invalid address
/// (see parse_email_address) or text after the closing bracket.
Mailbox parse_mailbox(std::string_view text);

/// @p text as a header value: itself when it is printable ASCII, else RFC 2047 encoded words
/// (UTF-8, base64) of at most 75 characters each, split between characters and folded.
/// @throw ParseError for CR, LF or other control characters, and for invalid UTF-8.
std::string encode_header_text(std::string_view text);

/// @p mailbox for an address header: `"Name" <address>`, or an encoded word name when it is
/// not ASCII. @throw ParseError as encode_header_text and parse_email_address.
std::string format_mailbox(const Mailbox& mailbox);

/// Who reminders come from.
struct MailOptions {
  /// From: required.
  Mailbox from;
  /// Reply-To, when not empty.
  Mailbox reply_to;
  /// Put before the subject ("[SSR2]"); no line breaks.
  std::string subject_prefix;
};

/// A message ready to send or save.
struct MailMessage {
  /// The recipient's name and address (the To header, and the SMTP recipient).
  Mailbox to;
  /// The envelope sender (MailOptions::from's address).
  std::string sender;
  /// The subject as text (before encoding).
  std::string subject;
  /// Without angle brackets.
  std::string message_id;
  std::string text;
  std::string html;
  /// The whole message, headers and MIME body, with CRLF line ends.
  std::string data;
};

/// The message of one person's reminder: To, From, Reply-To, a subject with the counts
/// ("Action items for Guðrun Poulsen: 2 overdue, 1 due by 2017-06-22, 3 without a date"),
/// Date (@p date), Message-ID, and multipart/alternative with render_reminder_text and
/// render_reminder_html, both UTF-8 quoted-printable.
/// @throw InvalidArgumentError when the reminder has no address or options.from none; ParseError as
/// format_mailbox.
MailMessage reminder_message(const Reminders& reminders, const Reminder& reminder,
                             const MailOptions& options, const boost::posix_time::ptime& date);

/// How to reach an SMTP server.
struct SmtpOptions {
  /// "smtp://host:port" (plain, or STARTTLS with require_tls) or "smtps://host:port" (TLS).
  std::string url;
  /// smtp://: upgrade with STARTTLS and fail when the server cannot.
  bool require_tls = false;
  /// Credentials (from the environment, never from a command line); empty: no AUTH.
  std::string user;
  std::string password;
  /// TLS: a PEM file of certificates to check the server's against; empty: the system's.
  std::string ca_file;
  /// Seconds to connect and for each message.
  long timeout_seconds = 30;
};

/// What happened to one message.
struct SendOutcome {
  std::string name;
  std::string address;
  std::string message_id;
  bool sent = false;
  /// Why it was not sent (the server's reply or the connection error).
  std::string error;
};

/// Sends @p messages one after the other over one connection when the server allows it. A
/// message the server refuses (a recipient rejected, a lost connection) is reported and the
/// next one is still tried; @p on_sent is called after each message that was accepted.
/// @throw InvalidArgumentError for a URL that is not smtp:// or smtps://.
std::vector<SendOutcome> send_messages(const SmtpOptions& smtp,
                                       const std::vector<MailMessage>& messages,
                                       const std::function<void(const MailMessage&)>& on_sent = {});

}  // namespace libtracker
