// E-mail addresses: a strict subset of RFC 5322's addr-spec (dot-atom local part, host-name
// domain, ASCII only), enough for every address a team keeps and safe in any header.

#include "libtracker/email_address.hpp"

#include <algorithm>

#include "libtracker/error.hpp"
#include "text/text_util.hpp"

namespace libtracker {
namespace {

constexpr const char* source = "e-mail address";

bool is_alnum(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/// RFC 5322 atext: the characters of a dot-atom besides the dots.
bool is_atext(char c) noexcept {
  if (is_alnum(c)) return true;
  for (const char* p = "!#$%&'*+-/=?^_`{|}~"; *p != '\0'; ++p)
    if (c == *p) return true;
  return false;
}

}  // namespace

std::string parse_email_address(std::string_view text) {
  const std::string address(detail::trim(text));
  const auto fail = [&](const std::string& reason, std::size_t at) -> ParseError {
    return ParseError(reason, address, at, source);
  };
  if (address.empty()) throw fail("empty address", 0);
  for (std::size_t i = 0; i < address.size(); ++i) {
    const auto c = static_cast<unsigned char>(address[i]);
    if (c >= 0x80)
      throw fail("non-ASCII character (internationalized addresses are not supported)", i);
    if (c < 0x20 || c == 0x7F) throw fail("control character", i);
    if (c == ' ' || c == '\t') throw fail("space in an address", i);
    if (c == '<' || c == '>')
      throw fail("a display name or angle brackets (give the bare address)", i);
  }
  if (address.size() > 254) throw fail("address longer than 254 characters", 254);
  const std::size_t at = address.rfind('@');
  if (at == std::string::npos) throw fail("no @ in the address", address.size());
  if (address.find('@') != at) throw fail("more than one @", address.find('@'));

  const std::string_view local = std::string_view(address).substr(0, at);
  if (local.empty()) throw fail("nothing before the @", 0);
  if (local.size() > 64) throw fail("local part longer than 64 characters", 64);
  for (std::size_t i = 0; i < local.size(); ++i) {
    const char c = local[i];
    if (c == '.') {
      if (i == 0 || i + 1 == local.size() || local[i + 1] == '.')
        throw fail("a dot at the start or end of the local part, or two dots", i);
    } else if (!is_atext(c)) {
      throw fail(std::string("character '") + c + "' in the local part", i);
    }
  }

  const std::size_t domain_at = at + 1;
  const std::string_view domain = std::string_view(address).substr(domain_at);
  if (domain.empty()) throw fail("no domain after the @", domain_at);
  if (domain.size() > 253) throw fail("domain longer than 253 characters", domain_at);
  std::size_t labels = 0;
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = std::min(domain.find('.', start), domain.size());
    const std::string_view label = domain.substr(start, end - start);
    const std::size_t label_at = domain_at + start;
    if (label.empty()) throw fail("empty label in the domain", label_at);
    if (label.size() > 63) throw fail("domain label longer than 63 characters", label_at);
    if (label.front() == '-' || label.back() == '-')
      throw fail("domain label starting or ending with a hyphen", label_at);
    for (std::size_t i = 0; i < label.size(); ++i)
      if (!is_alnum(label[i]) && label[i] != '-')
        throw fail(std::string("character '") + label[i] + "' in the domain", label_at + i);
    ++labels;
    if (end == domain.size()) break;
    start = end + 1;
  }
  if (labels < 2) throw fail("the domain needs a dot (example.org)", domain_at);
  return address;
}

}  // namespace libtracker
