// Reminder messages: header encoding (RFC 2047), refused header injection, mailboxes, and
// the MIME structure, decoded again here to compare with the renderers' output.

#include <gtest/gtest.h>

#include <boost/date_time/posix_time/posix_time.hpp>
#include <libtracker/error.hpp>
#include <libtracker/mail.hpp>
#include <libtracker/render.hpp>
#include <libtracker/store.hpp>

#include "support.hpp"

using namespace libtracker;
using fixtures::date;

namespace {

std::string base64_decode(const std::string& in) {
  const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  unsigned value = 0;
  int bits = 0;
  for (char c : in) {
    if (c == '=') break;
    value = (value << 6) | static_cast<unsigned>(alphabet.find(c));
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((value >> bits) & 0xFF);
    }
  }
  return out;
}

/// The text of a header value made of encoded words and plain text.
std::string decode_header(const std::string& value) {
  std::string out;
  std::size_t i = 0;
  while (i < value.size()) {
    const std::size_t start = value.find("=?UTF-8?B?", i);
    if (start == std::string::npos) {
      out += value.substr(i);
      break;
    }
    std::string between = value.substr(i, start - i);
    if (between.find_first_not_of(" \r\n") != std::string::npos) out += between;
    const std::size_t end = value.find("?=", start + 10);
    out += base64_decode(value.substr(start + 10, end - start - 10));
    i = end + 2;
  }
  return out;
}

std::string qp_decode(const std::string& in) {
  std::string out;
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] == '=' && i + 2 < in.size() && in[i + 1] == '\r' && in[i + 2] == '\n') {
      i += 2;
    } else if (in[i] == '=' && i + 2 < in.size()) {
      out += static_cast<char>(std::stoi(in.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else if (in[i] == '\r' && i + 1 < in.size() && in[i + 1] == '\n') {
      out += '\n';
      ++i;
    } else {
      out += in[i];
    }
  }
  return out;
}

std::vector<std::string> lines(const std::string& data) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t end; (end = data.find("\r\n", start)) != std::string::npos; start = end + 2)
    out.push_back(data.substr(start, end - start));
  return out;
}

/// The value of header @p name, unfolded.
std::string header(const std::string& data, const std::string& name) {
  const std::string head = data.substr(0, data.find("\r\n\r\n"));
  const std::size_t at = head.find("\r\n" + name + ": ");
  const std::size_t start = head.rfind(name + ": ", 0) == 0 ? name.size() + 2
                            : at == std::string::npos       ? std::string::npos
                                                            : at + name.size() + 4;
  if (start == std::string::npos) return {};
  std::size_t end = start;
  while ((end = head.find("\r\n", end)) != std::string::npos && end + 2 < head.size() &&
         head[end + 2] == ' ')
    end += 2;
  std::string value =
      head.substr(start, end == std::string::npos ? std::string::npos : end - start);
  for (std::size_t fold; (fold = value.find("\r\n ")) != std::string::npos;) value.erase(fold, 2);
  return value;
}

}  // namespace

TEST(MailHeaders, AsciiStaysAsItIsAndOtherTextBecomesEncodedWords) {
  EXPECT_EQ(encode_header_text("Action items for James Gannon"), "Action items for James Gannon");
  EXPECT_EQ(encode_header_text("Guðrun Poulsen"), "=?UTF-8?B?R3XDsHJ1biBQb3Vsc2Vu?=");
  EXPECT_EQ(encode_header_text("Danko Jevtović"), "=?UTF-8?B?RGFua28gSmV2dG92acSH?=");
  // Text that reads like an encoded word is encoded, so it is shown as written.
  EXPECT_EQ(decode_header(encode_header_text("=?UTF-8?B?QQ==?=")), "=?UTF-8?B?QQ==?=");
  EXPECT_NE(encode_header_text("=?UTF-8?B?QQ==?=").find("=?UTF-8?B?PT9"), std::string::npos);
}

TEST(MailHeaders, LongTextIsSplitBetweenCharactersAndFolded) {
  std::string text;
  for (int i = 0; i < 12; ++i) text += "Guðrun Poulsen, Danko Jevtović, 李小龍; ";
  const std::string encoded = encode_header_text(text);
  EXPECT_EQ(decode_header(encoded), text);
  for (const std::string& line : lines(encoded + "\r\n")) {
    EXPECT_LE(line.size(), 76u) << line;
    // Each word decodes on its own to whole characters (no split UTF-8 sequence).
    const std::size_t start = line.find("=?UTF-8?B?");
    const std::string word = base64_decode(line.substr(start + 10, line.size() - start - 12));
    const unsigned char last = static_cast<unsigned char>(word.back());
    EXPECT_TRUE(last < 0x80 || (last & 0xC0) == 0x80) << line;
    const unsigned char first = static_cast<unsigned char>(word.front());
    EXPECT_NE(first & 0xC0, 0x80) << line;
  }
  std::string ascii;
  for (int i = 0; i < 20; ++i) ascii += "word" + std::to_string(i) + " ";
  for (const std::string& line : lines(encode_header_text(ascii) + "\r\n"))
    EXPECT_LE(line.size(), 76u) << line;
}

TEST(MailHeaders, LineBreaksAndControlCharactersAreRefused) {
  for (const char* bad : {"Reminder\r\nBcc: everyone@example.org", "Reminder\nBcc: x@y.org",
                          "Reminder\rX", "Tab\tX", "Bell\x07"}) {
    try {
      encode_header_text(bad);
      ADD_FAILURE() << bad;
    } catch (const ParseError& e) {
      EXPECT_EQ(e.source(), "mail header");
    }
  }
  EXPECT_THROW(encode_header_text("bad \xC3 utf-8"), ParseError);
  EXPECT_THROW(format_mailbox({"Guðrun\r\nBcc: x@example.org", "g@example.org"}), ParseError);
  EXPECT_THROW(format_mailbox({"Guðrun", "g@example.org\r\nBcc: x@example.org"}), ParseError);
}

TEST(MailHeaders, MailboxesAreReadAndWritten) {
  Mailbox m = parse_mailbox(" SSR2 Staff <ssr2-staff@example.org> ");
  EXPECT_EQ(m.name, "SSR2 Staff");
  EXPECT_EQ(m.address, "ssr2-staff@example.org");
  m = parse_mailbox("\"Staff, SSR2 \\\"RT\\\"\" <ssr2@example.org>");
  EXPECT_EQ(m.name, "Staff, SSR2 \"RT\"");
  m = parse_mailbox("jennifer.bryce@example.org");
  EXPECT_EQ(m.name, "");
  EXPECT_EQ(m.address, "jennifer.bryce@example.org");
  EXPECT_THROW(parse_mailbox("Staff <ssr2@example.org> extra"), ParseError);
  EXPECT_THROW(parse_mailbox("Staff <ssr2@example.org"), ParseError);
  EXPECT_THROW(parse_mailbox("Staff\r\nBcc: x@example.org <ssr2@example.org>"), ParseError);
  EXPECT_THROW(parse_mailbox("Staff <not an address>"), ParseError);

  EXPECT_EQ(format_mailbox({"Guðrun Poulsen", "gudrun.poulsen@example.org"}),
            "=?UTF-8?B?R3XDsHJ1biBQb3Vsc2Vu?= <gudrun.poulsen@example.org>");
  EXPECT_EQ(format_mailbox({"Staff, SSR2 \"RT\"", "ssr2@example.org"}),
            "\"Staff, SSR2 \\\"RT\\\"\" <ssr2@example.org>");
  EXPECT_EQ(format_mailbox({"", "ssr2@example.org"}), "ssr2@example.org");
}

namespace {

class ReminderMessage : public ::testing::Test {
 protected:
  void SetUp() override {
    store.set_today(date(2017, 6, 1));
    ActionItem a = fixtures::item("Review NDA <script>alert(1)</script> & report back",
                                  {"Guðrun Poulsen"}, Due::on(date(2017, 6, 9)));
    a.status_note = "Waiting on =?UTF-8?B? legal";
    store.add(a);
    store.add(fixtures::item("Agenda for ICANN59 — Johannesburg", {"Guðrun Poulsen"},
                             Due::on(date(2017, 6, 20))));
    store.add(fixtures::item("Schedule SSR1 briefings", {"Guðrun Poulsen"}, Due::tbd()));
    store.set_owner_email("Guðrun Poulsen", "gudrun.poulsen@example.org");
    store.set_today(date(2017, 6, 15));
    all = reminders(store, date(2017, 6, 15));
    options.from = {"SSR2 Staff", "ssr2-staff@example.org"};
    options.reply_to = {"Jennifer Bryce", "jennifer.bryce@example.org"};
    options.subject_prefix = "[SSR2]";
  }
  Store store;
  Reminders all;
  MailOptions options;
  const boost::posix_time::ptime at{date(2017, 6, 15), boost::posix_time::hours(7)};
};

}  // namespace

TEST_F(ReminderMessage, HeadersSayWhoWhatAndTheCounts) {
  ASSERT_EQ(all.messages.size(), 1u);
  const MailMessage m = reminder_message(all, all.messages[0], options, at);
  EXPECT_EQ(m.sender, "ssr2-staff@example.org");
  EXPECT_EQ(m.to.address, "gudrun.poulsen@example.org");
  EXPECT_EQ(m.subject,
            "[SSR2] Action items for Guðrun Poulsen, 2017-06-15: 3 open (1 overdue, 1 due by "
            "2017-06-22, 1 without a date)");
  EXPECT_EQ(header(m.data, "Date"), "Thu, 15 Jun 2017 07:00:00 +0000");
  EXPECT_EQ(header(m.data, "From"), "\"SSR2 Staff\" <ssr2-staff@example.org>");
  EXPECT_EQ(header(m.data, "Reply-To"), "\"Jennifer Bryce\" <jennifer.bryce@example.org>");
  EXPECT_EQ(decode_header(header(m.data, "To")), "Guðrun Poulsen <gudrun.poulsen@example.org>");
  EXPECT_EQ(decode_header(header(m.data, "Subject")), m.subject);
  EXPECT_EQ(header(m.data, "Message-ID"), "<" + m.message_id + ">");
  EXPECT_NE(m.message_id.find("@example.org"), std::string::npos);
  EXPECT_EQ(header(m.data, "MIME-Version"), "1.0");
  // Every line of the message is ASCII and at most 78 characters: nothing needs 8BITMIME.
  for (const std::string& line : lines(m.data)) {
    EXPECT_LE(line.size(), 78u) << line;
    for (char c : line) EXPECT_LT(static_cast<unsigned char>(c), 0x80) << line;
  }
  // A second message has its own id.
  EXPECT_NE(reminder_message(all, all.messages[0], options, at).message_id, m.message_id);
}

TEST_F(ReminderMessage, BothPartsDecodeToTheRenderersOutput) {
  const MailMessage m = reminder_message(all, all.messages[0], options, at);
  const std::string type = header(m.data, "Content-Type");
  ASSERT_EQ(type.rfind("multipart/alternative; boundary=\"", 0), 0u) << type;
  const std::string boundary = type.substr(33, type.size() - 34);
  std::vector<std::string> parts;
  const std::string delimiter = "\r\n--" + boundary;
  std::size_t at_part = m.data.find(delimiter);
  while (at_part != std::string::npos) {
    const std::size_t start = at_part + delimiter.size();
    if (m.data.compare(start, 2, "--") == 0) break;
    const std::size_t next = m.data.find(delimiter, start);
    parts.push_back(m.data.substr(start + 2, next - start - 2));
    at_part = next;
  }
  ASSERT_EQ(parts.size(), 2u);
  RenderOptions render;
  const std::string expected[] = {render_reminder_text(all, all.messages[0], render),
                                  render_reminder_html(all, all.messages[0], render)};
  const char* types[] = {"text/plain; charset=utf-8", "text/html; charset=utf-8"};
  for (std::size_t i = 0; i < 2; ++i) {
    const std::size_t body = parts[i].find("\r\n\r\n");
    const std::string head = parts[i].substr(0, body);
    EXPECT_NE(head.find("Content-Type: " + std::string(types[i])), std::string::npos) << head;
    EXPECT_NE(head.find("Content-Transfer-Encoding: quoted-printable"), std::string::npos);
    EXPECT_EQ(qp_decode(parts[i].substr(body + 4)), expected[i] + "\n");
  }
  EXPECT_EQ(m.text, expected[0]);
  EXPECT_NE(m.html.find("Review NDA &lt;script&gt;alert(1)&lt;/script&gt; &amp; report back"),
            std::string::npos);
  EXPECT_EQ(m.html.find("<script>"), std::string::npos);
  EXPECT_NE(m.text.find("Agenda for ICANN59 — Johannesburg"), std::string::npos);
}

TEST_F(ReminderMessage, NoAddressOrNoSenderIsAnError) {
  Reminder nobody = all.messages[0];
  nobody.address.clear();
  EXPECT_THROW(reminder_message(all, nobody, options, at), Error);
  MailOptions no_from = options;
  no_from.from = {};
  EXPECT_THROW(reminder_message(all, all.messages[0], no_from, at), Error);
  MailOptions bad_prefix = options;
  bad_prefix.subject_prefix = "[SSR2]\r\nBcc: all@example.org";
  EXPECT_THROW(reminder_message(all, all.messages[0], bad_prefix, at), ParseError);
}

TEST(Smtp, OnlySmtpAndSmtpsUrlsAreAccepted) {
  SmtpOptions smtp;
  smtp.url = "http://127.0.0.1:25";
  EXPECT_THROW(send_messages(smtp, {}), Error);
}
