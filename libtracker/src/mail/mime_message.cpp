// Reminder messages: RFC 5322 headers (RFC 2047 encoded words for non-ASCII text, line breaks
// refused, so no header can be injected) and a MIME multipart/alternative body with the
// reminder's text and HTML forms, both quoted-printable.

#include <boost/date_time/posix_time/posix_time.hpp>
#include <random>

#include "libtracker/email_address.hpp"
#include "libtracker/error.hpp"
#include "libtracker/mail.hpp"
#include "libtracker/render.hpp"
#include "libtracker/text.hpp"
#include "text/escape.hpp"
#include "text/text_util.hpp"
#include "text/utf8.hpp"

namespace libtracker {
namespace {

constexpr const char* header_source = "mail header";
/// Raw bytes per encoded word: 48 base64 characters, 60 with the =?UTF-8?B?...?= around them.
constexpr std::size_t encoded_word_bytes = 36;
/// A header line is folded before it grows past this (RFC 5322 recommends 78).
constexpr std::size_t fold_at = 76;

std::string base64(std::string_view bytes) {
  static const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const unsigned v = (static_cast<unsigned char>(bytes[i]) << 16) |
                       (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                       static_cast<unsigned char>(bytes[i + 2]);
    out += alphabet[(v >> 18) & 63];
    out += alphabet[(v >> 12) & 63];
    out += alphabet[(v >> 6) & 63];
    out += alphabet[v & 63];
  }
  if (i < bytes.size()) {
    unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    out += alphabet[(v >> 18) & 63];
    out += alphabet[(v >> 12) & 63];
    out += i + 1 < bytes.size() ? alphabet[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

void check_header_text(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\r' || c == '\n')
      throw ParseError("line break in a header", std::string(text), i, header_source);
    if (c < 0x20 || c == 0x7F)
      throw ParseError("control character in a header", std::string(text), i, header_source);
  }
  const std::size_t bad = detail::invalid_utf8_at(text);
  if (bad != std::string_view::npos)
    throw ParseError("invalid UTF-8 in a header", std::string(text), bad, header_source);
}

bool plain_ascii(std::string_view text) {
  for (char c : text)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return text.find("=?") == std::string_view::npos;  // would read as an encoded word
}

/// Folds printable ASCII at spaces so that no line grows past fold_at.
std::string fold_ascii(std::string_view text) {
  std::string out;
  std::size_t line = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start + 1);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view word = text.substr(start, end - start);  // with its leading space
    if (line > 0 && line + word.size() > fold_at && word.front() == ' ') {
      out += "\r\n";
      line = 0;
    }
    out += word;
    line += word.size();
    start = end;
  }
  return out;
}

std::string two_digits(int n) {
  return std::string(1, static_cast<char>('0' + n / 10 % 10)) + static_cast<char>('0' + n % 10);
}

/// RFC 5322 date-time in UTC: "Thu, 15 Jun 2017 09:30:00 +0000".
std::string rfc5322_date(const boost::posix_time::ptime& t) {
  static const char* days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const auto d = t.date();
  const auto tod = t.time_of_day();
  return std::string(days[d.day_of_week().as_number()]) + ", " + std::to_string(d.day()) + " " +
         months[d.month() - 1] + " " + std::to_string(static_cast<int>(d.year())) + " " +
         two_digits(static_cast<int>(tod.hours())) + ":" +
         two_digits(static_cast<int>(tod.minutes())) + ":" +
         two_digits(static_cast<int>(tod.seconds())) + " +0000";
}

/// Quoted-printable (RFC 2045) with CRLF hard line breaks and lines of at most 76 characters.
std::string quoted_printable(std::string_view text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    const bool last = end == std::string_view::npos;
    if (last) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::size_t width = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
      const auto c = static_cast<unsigned char>(line[i]);
      const bool trailing_space = (c == ' ' || c == '\t') && i + 1 == line.size();
      std::string token;
      if (c == '=' || c >= 0x7F || (c < 0x20 && c != '\t') || trailing_space ||
          (c == '.' && width == 0)) {
        token = {'=', hex[c >> 4], hex[c & 15]};
      } else {
        token = std::string(1, static_cast<char>(c));
      }
      if (width + token.size() > 75) {
        out += "=\r\n";
        width = 0;
      }
      out += token;
      width += token.size();
    }
    if (last) break;
    out += "\r\n";
    start = end + 1;
  }
  return out;
}

std::string random_hex(std::size_t digits) {
  static const char* hex = "0123456789abcdef";
  std::random_device rd;
  std::string out;
  while (out.size() < digits) {
    unsigned v = rd();
    for (int k = 0; k < 8 && out.size() < digits; ++k, v >>= 4) out += hex[v & 15];
  }
  return out;
}

std::string reminder_subject(const Reminders& all, const Reminder& r, const MailOptions& options) {
  std::string subject;
  if (!options.subject_prefix.empty()) subject = options.subject_prefix + " ";
  subject += "Action items for " + detail::one_line(r.name) + ", " + iso_date(all.as_of) + ": " +
             std::to_string(r.open_count()) + " open (" + std::to_string(r.overdue.size()) +
             " overdue, " + std::to_string(r.due_soon.size()) + " due by " +
             iso_date(all.due_until) + ", " + std::to_string(r.no_due_date.size()) +
             " without a date)";
  return subject;
}

}  // namespace

Mailbox parse_mailbox(std::string_view text) {
  const std::string whole(detail::trim(text));
  check_header_text(whole);
  const std::size_t open = whole.rfind('<');
  if (open == std::string::npos) return {std::string(), parse_email_address(whole)};
  const std::size_t close = whole.find('>', open);
  if (close == std::string::npos)
    throw ParseError("no closing > after the address", whole, open, "mailbox");
  if (close + 1 != whole.size())
    throw ParseError("text after the address", whole, close + 1, "mailbox");
  std::string name(detail::trim(std::string_view(whole).substr(0, open)));
  if (name.size() >= 2 && name.front() == '"' && name.back() == '"') {
    std::string unquoted;
    for (std::size_t i = 1; i + 1 < name.size(); ++i) {
      if (name[i] == '\\' && i + 2 < name.size()) ++i;
      unquoted += name[i];
    }
    name = unquoted;
  }
  Mailbox m;
  m.name = std::move(name);
  try {
    m.address = parse_email_address(whole.substr(open + 1, close - open - 1));
  } catch (const ParseError& e) {
    throw ParseError(e.reason(), whole, open + 1 + e.position(), "mailbox");
  }
  return m;
}

std::string encode_header_text(std::string_view text) {
  check_header_text(text);
  if (plain_ascii(text)) return fold_ascii(text);
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t end = i;
    while (end < text.size()) {
      // Whole code points only; check_header_text made sure the text is valid UTF-8.
      const std::size_t n = detail::decode_utf8(text, end).bytes;
      if (end + n - i > encoded_word_bytes) break;
      end += n;
    }
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + base64(text.substr(i, end - i)) + "?=";
    i = end;
  }
  return out;
}

std::string format_mailbox(const Mailbox& mailbox) {
  const std::string address = parse_email_address(mailbox.address);
  if (mailbox.name.empty()) return address;
  check_header_text(mailbox.name);
  if (!plain_ascii(mailbox.name)) return encode_header_text(mailbox.name) + " <" + address + ">";
  std::string quoted = "\"";
  for (char c : mailbox.name) {
    if (c == '"' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return quoted + "\" <" + address + ">";
}

MailMessage reminder_message(const Reminders& reminders, const Reminder& reminder,
                             const MailOptions& options, const boost::posix_time::ptime& date) {
  if (reminder.address.empty())
    throw InvalidArgumentError(reminder.name + " has no e-mail address (not reachable)");
  if (options.from.address.empty())
    throw InvalidArgumentError("reminders need a sender address (From)");
  check_header_text(options.subject_prefix);
  MailMessage m;
  m.to = {detail::one_line(reminder.name), reminder.address};
  m.sender = parse_email_address(options.from.address);
  m.subject = reminder_subject(reminders, reminder, options);
  const std::string domain = m.sender.substr(m.sender.rfind('@') + 1);
  m.message_id = "reminder." + iso_date(reminders.as_of) + "." + random_hex(16) + "@" + domain;
  RenderOptions render;
  render.width = 100;
  m.text = render_reminder_text(reminders, reminder, render);
  m.html = render_reminder_html(reminders, reminder, render);

  const std::string boundary = "=_libtracker_" + random_hex(24);  // "=_" never occurs in QP
  std::string& d = m.data;
  d += "Date: " + rfc5322_date(date) + "\r\n";
  d += "From: " + format_mailbox(options.from) + "\r\n";
  if (!options.reply_to.address.empty())
    d += "Reply-To: " + format_mailbox(options.reply_to) + "\r\n";
  d += "To: " + format_mailbox(m.to) + "\r\n";
  d += "Subject: " + encode_header_text(m.subject) + "\r\n";
  d += "Message-ID: <" + m.message_id + ">\r\n";
  d += "Auto-Submitted: auto-generated\r\n";
  d += "MIME-Version: 1.0\r\n";
  d += "Content-Type: multipart/alternative;\r\n boundary=\"" + boundary + "\"\r\n";
  d += "\r\n";
  d += "This is a message in MIME format: a plain-text and an HTML part.\r\n";
  d += "\r\n--" + boundary + "\r\n";
  d += "Content-Type: text/plain; charset=utf-8\r\n";
  d += "Content-Transfer-Encoding: quoted-printable\r\n\r\n";
  d += quoted_printable(m.text) + "\r\n";
  d += "\r\n--" + boundary + "\r\n";
  d += "Content-Type: text/html; charset=utf-8\r\n";
  d += "Content-Transfer-Encoding: quoted-printable\r\n\r\n";
  d += quoted_printable(m.html) + "\r\n";
  d += "\r\n--" + boundary + "--\r\n";
  return m;
}

}  // namespace libtracker
