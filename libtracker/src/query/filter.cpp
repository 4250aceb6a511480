// The filter language: terms separated by spaces, values quoted with ' or " when they hold spaces.

#include "libtracker/filter.hpp"

#include <string>

#include "libtracker/error.hpp"
#include "text/text_util.hpp"
#include "text/utf8.hpp"

namespace libtracker {
namespace {

struct Term {
  std::string key;  // "" for a bare word, "+" for a virtual tag
  std::string value;
  std::size_t position = 0;        // where the term starts
  std::size_t value_position = 0;  // where its value starts
};

class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}

  bool next(Term& term) {
    while (pos_ < text_.size() && detail::is_space(text_[pos_])) ++pos_;
    if (pos_ >= text_.size()) return false;
    term = Term{};
    term.position = pos_;
    if (text_[pos_] == '+') {
      term.key = "+";
      ++pos_;
      term.value_position = pos_;
      term.value = word();
      if (term.value.empty()) fail("expected a virtual tag after '+'", term.position);
      return true;
    }
    if (text_[pos_] == '"' || text_[pos_] == '\'') {
      term.value_position = pos_;
      term.value = quoted();
      return true;
    }
    // A key is letters, digits, '.' and '_' followed by ':'.
    std::size_t k = pos_;
    while (k < text_.size() && (std::isalnum(static_cast<unsigned char>(text_[k])) ||
                                text_[k] == '.' || text_[k] == '_'))
      ++k;
    if (k < text_.size() && text_[k] == ':' && k > pos_) {
      term.key = detail::lower(text_.substr(pos_, k - pos_));
      pos_ = k + 1;
      term.value_position = pos_;
      if (pos_ < text_.size() && (text_[pos_] == '"' || text_[pos_] == '\''))
        term.value = quoted();
      else
        term.value = word();
      if (term.value.empty())
        fail("expected a value after '" + term.key + ":'", term.value_position);
      return true;
    }
    term.value_position = pos_;
    term.value = word();
    return true;
  }

  [[noreturn]] void fail(const std::string& reason, std::size_t at) const {
    throw ParseError(reason, std::string(text_), at, "filter");
  }

 private:
  std::string word() {
    const std::size_t start = pos_;
    while (pos_ < text_.size() && !detail::is_space(text_[pos_])) ++pos_;
    return std::string(text_.substr(start, pos_ - start));
  }
  std::string quoted() {
    const char quote = text_[pos_];
    const std::size_t start = pos_;
    const std::size_t end = text_.find(quote, pos_ + 1);
    if (end == std::string_view::npos) fail("unterminated quote", start);
    pos_ = end + 1;
    if (pos_ < text_.size() && !detail::is_space(text_[pos_]))
      fail("expected a space after the closing quote", pos_);
    return std::string(text_.substr(start + 1, end - start - 1));
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

}  // namespace

Query parse_filter(std::string_view filter, boost::gregorian::date today,
                   const DateOptions& options) {
  if (const std::size_t bad = detail::invalid_utf8_at(filter); bad != std::string_view::npos)
    throw ParseError("invalid UTF-8", std::string(filter), bad, "filter");
  Query q;
  Lexer lexer(filter);
  Term t;
  auto date_of = [&](const Term& term) {
    try {
      return parse_date(term.value, today, options);
    } catch (const ParseError& e) {
      lexer.fail("bad date in '" + term.key + ":' (" + e.reason() + ")",
                 term.value_position + e.position());
    }
  };
  while (lexer.next(t)) {
    if (t.key.empty()) {
      q.text += (q.text.empty() ? "" : " ") + t.value;
    } else if (t.key == "+") {
      const std::string tag = detail::lower(t.value);
      if (tag == "overdue")
        q.overdue = true;
      else if (tag == "tbd")
        q.tbd = true;
      else if (tag == "nodue" || tag == "no_due_date")
        q.no_due_date = true;
      else if (tag == "open")
        q.open = true;
      else if (tag == "closed")
        q.closed = true;
      else
        lexer.fail("unknown virtual tag '+" + t.value +
                       "' (expected +overdue, +tbd, +nodue, +open or +closed)",
                   t.position);
    } else if (t.key == "state" || t.key == "status") {
      try {
        q.states.push_back(state_from_string(t.value));
      } catch (const ParseError& e) {
        lexer.fail(e.reason(), t.value_position);
      }
    } else if (t.key == "owner") {
      q.owners.push_back(t.value);
    } else if (t.key == "group" || t.key == "member") {
      q.owners.push_back(t.value);
      q.through_groups = true;
    } else if (t.key == "tag") {
      q.tags.push_back(t.value);
    } else if (t.key == "meeting") {
      try {
        std::size_t used = 0;
        q.meeting = std::stoll(t.value, &used);
        if (used != t.value.size() || *q.meeting < 1) throw std::invalid_argument("not an id");
      } catch (const std::exception&) {
        lexer.fail("expected a meeting id", t.value_position);
      }
    } else if (t.key == "due.before") {
      q.due_before = date_of(t);
    } else if (t.key == "due.after") {
      q.due_after = date_of(t);
    } else if (t.key == "created.after") {
      q.created.from = date_of(t) + boost::gregorian::days(1);
    } else if (t.key == "created.before") {
      q.created.to = date_of(t) - boost::gregorian::days(1);
    } else if (t.key == "text") {
      q.text += (q.text.empty() ? "" : " ") + t.value;
    } else {
      lexer.fail("unknown filter '" + t.key + ":'", t.position);
    }
  }
  if (q.open && q.closed) lexer.fail("+open and +closed exclude each other", 0);
  return q;
}

}  // namespace libtracker
