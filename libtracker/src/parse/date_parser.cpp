// Due dates as written in minutes: a small strict grammar over tokens, never Boost's lenient
// string parsers (which accept "2024-01-15 garbage").

#include "libtracker/date_parser.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <vector>

#include "libtracker/error.hpp"
#include "libtracker/text.hpp"
#include "text/text_util.hpp"
#include "text/utf8.hpp"

namespace libtracker {
namespace {

namespace g = boost::gregorian;

enum class Kind { number, word, punct, end };

struct Token {
  Kind kind = Kind::end;
  std::string_view text;
  std::string lower;  // words only
  std::size_t pos = 0;
  bool space_before = false;
};

bool is_word_byte(char c) noexcept {
  const auto u = static_cast<unsigned char>(c);
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || u >= 0x80;
}

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

constexpr const char* month_names[] = {"january",   "february", "march",    "april",
                                       "may",       "june",     "july",     "august",
                                       "september", "october",  "november", "december"};
constexpr const char* weekday_names[] = {"sunday",   "monday", "tuesday", "wednesday",
                                         "thursday", "friday", "saturday"};

/// 1-12 for a month name or its abbreviation ("Jun", "Sept"), 0 otherwise.
int month_number(const std::string& w) {
  for (int m = 0; m < 12; ++m) {
    const std::string_view full = month_names[m];
    if (w == full || (w.size() == 3 && full.substr(0, 3) == w)) return m + 1;
  }
  if (w == "sept") return 9;
  return 0;
}

/// 0 (Sunday) - 6 (Saturday) for a weekday name or abbreviation, -1 otherwise.
int weekday_number(const std::string& w) {
  for (int d = 0; d < 7; ++d) {
    const std::string_view full = weekday_names[d];
    if (w == full || (w.size() == 3 && full.substr(0, 3) == w)) return d;
  }
  if (w == "tues") return 2;
  if (w == "wednes" || w == "weds") return 3;
  if (w == "thur" || w == "thurs") return 4;
  return -1;
}

bool is_ordinal_suffix(const std::string& w) {
  return w == "st" || w == "nd" || w == "rd" || w == "th";
}

/// Reads one due-date text. Positions in errors are offsets into the whole original text.
class DateReader {
 public:
  DateReader(std::string_view text, g::date reference, const DateOptions& options)
      : text_(text), reference_(reference), options_(options) {}

  Due read() {
    const detail::TextProblem problem = detail::find_text_problem(text_);
    if (problem.found()) fail(problem.reason, problem.position);
    if (reference_.is_special()) fail("the reference date is not a calendar date", 0);
    tokenize();
    const std::string trimmed(detail::trim(text_));
    if (tokens_.front().kind == Kind::end) return Due();
    if (tokens_.size() == 2 && tokens_[0].kind == Kind::word &&
        (tokens_[0].lower == "tbd" || tokens_[0].lower == "tbc" || tokens_[0].lower == "tba"))
      return Due::tbd(trimmed);
    g::date day(boost::date_time::not_a_date_time);
    try {
      day = expression();
    } catch (const std::out_of_range&) {
      fail("date out of range", tokens_.front().pos);
    }
    if (day.is_special()) fail("date out of range", tokens_.front().pos);
    return Due::on(day, trimmed);
  }

 private:
  [[noreturn]] void fail(const std::string& reason, std::size_t pos) const {
    throw ParseError(reason, std::string(text_), pos, "date");
  }

  void tokenize() {
    std::size_t i = 0;
    bool space = false;
    while (i < text_.size()) {
      const char c = text_[i];
      if (detail::is_space(c)) {
        space = true;
        ++i;
        continue;
      }
      if (text_.substr(i, 2) == "\xC2\xA0") {  // no-break space
        space = true;
        i += 2;
        continue;
      }
      Token t;
      t.pos = i;
      t.space_before = space;
      std::size_t k = i + 1;
      if (is_digit(c)) {
        t.kind = Kind::number;
        while (k < text_.size() && is_digit(text_[k])) ++k;
      } else if (is_word_byte(c)) {
        t.kind = Kind::word;
        while (k < text_.size() && is_word_byte(text_[k]) && text_.substr(k, 2) != "\xC2\xA0") ++k;
      } else {
        t.kind = Kind::punct;
      }
      t.text = text_.substr(i, k - i);
      if (t.kind == Kind::word) t.lower = detail::lower(t.text);
      tokens_.push_back(std::move(t));
      space = false;
      i = k;
    }
    Token end;
    end.pos = text_.size();
    tokens_.push_back(end);
  }

  const Token& peek(std::size_t ahead = 0) const {
    const std::size_t k = at_ + ahead;
    return tokens_[k < tokens_.size() ? k : tokens_.size() - 1];
  }
  const Token& next() {
    const Token& t = tokens_[at_];
    if (at_ + 1 < tokens_.size()) ++at_;
    return t;
  }
  bool is_word(const Token& t, std::string_view w) const {
    return t.kind == Kind::word && t.lower == w;
  }
  bool is_punct(const Token& t, char c) const {
    return t.kind == Kind::punct && t.text.size() == 1 && t.text[0] == c;
  }
  bool accept_word(std::string_view w) {
    if (!is_word(peek(), w)) return false;
    next();
    return true;
  }
  bool accept_punct(char c) {
    if (!is_punct(peek(), c)) return false;
    next();
    return true;
  }
  void expect_end() {
    if (peek().kind != Kind::end) fail("unexpected text after the date", peek().pos);
  }

  int number_value(const Token& t) const {
    if (t.kind != Kind::number) fail("expected a number", t.pos);
    if (t.text.size() > 4) fail("number too long for a date", t.pos);
    return std::atoi(std::string(t.text).c_str());
  }

  /// "before X", "ahead of X", "prior to X" (the day before X), "by X", or X.
  g::date expression() {
    const std::size_t start = peek().pos;
    if (accept_word("before")) return shifted(target(), -1, start);
    if (is_word(peek(), "ahead") && is_word(peek(1), "of")) {
      at_ += 2;
      return shifted(target(), -1, start);
    }
    if (is_word(peek(), "prior") && is_word(peek(1), "to")) {
      at_ += 2;
      return shifted(target(), -1, start);
    }
    accept_word("by");
    return target();
  }

  /// A date, or else (when DateOptions::event_date knows it) the name of an event.
  g::date target() {
    const Token& first = peek();
    if (first.kind == Kind::end) fail("expected a date", first.pos);
    const std::size_t start = at_;
    try {
      const g::date d = date_expression();
      expect_end();
      return d;
    } catch (const ParseError&) {
      if (options_.event_date) {
        const std::string_view name = detail::trim(text_.substr(tokens_[start].pos));
        const std::optional<g::date> event = options_.event_date(name);
        if (event && !event->is_special()) return *event;
      }
      throw;
    } catch (const std::out_of_range&) {
      fail("date out of range", first.pos);
    }
  }

  g::date date_expression() {
    const Token& t = peek();
    if (t.kind == Kind::number) return absolute_date(-1, 0);
    if (is_punct(t, '+')) return offset_after_plus();
    if (t.kind != Kind::word) fail("not a date", t.pos);
    const std::string& w = t.lower;
    int shift = 0;
    if (w == "today" || w == "tomorrow" || w == "yesterday") {
      shift = w == "today" ? 0 : w == "tomorrow" ? 1 : -1;
      next();
      return shifted(reference_, shift, t.pos);
    }
    if (w == "next") return next_expression();
    if (w == "end") return end_expression();
    if (w == "in") return in_expression();
    const int weekday = weekday_number(w);
    if (weekday >= 0) {
      const std::size_t weekday_pos = t.pos;
      next();
      accept_abbreviation_dot(t);
      accept_punct(',');
      if (peek().kind == Kind::end) return on_or_after(weekday);
      return absolute_date(weekday, weekday_pos);
    }
    if (month_number(w) > 0) return absolute_date(-1, 0);
    if (options_.event_date) fail("not a date, and no event of that name is known", t.pos);
    fail("not a date", t.pos);
  }

  g::date on_or_after(int weekday) const {
    const int today = reference_.day_of_week().as_number();
    return shifted(reference_, (weekday - today + 7) % 7, 0);
  }

  /// @p d moved by @p days, or an error at @p pos when that leaves Boost's calendar (1400-9999).
  g::date shifted(g::date d, long days, std::size_t pos) const {
    const long lo = static_cast<long>(g::date(1400, 1, 1).day_number());
    const long hi = static_cast<long>(g::date(9999, 12, 31).day_number());
    const long n = static_cast<long>(d.day_number()) + days;
    if (n < lo || n > hi) fail("date out of range", pos);
    return d + g::days(days);
  }

  g::date shifted_months(g::date d, long months, std::size_t pos) const {
    const long year = (d.year() * 12L + d.month() - 1 + months) / 12;
    if (year < 1400 || year > 9999) fail("date out of range", pos);
    return d + g::months(static_cast<int>(months));
  }

  /// "next Friday" (the first Friday after the reference), "next week", "next month".
  g::date next_expression() {
    next();
    const Token& t = next();
    if (t.kind != Kind::word)
      fail("expected a weekday, \"week\" or \"month\" after \"next\"", t.pos);
    g::date d;
    if (t.lower == "week") {
      d = shifted(reference_, 7, t.pos);
    } else if (t.lower == "month") {
      d = shifted_months(reference_, 1, t.pos);
    } else {
      const int weekday = weekday_number(t.lower);
      if (weekday < 0) fail("expected a weekday, \"week\" or \"month\" after \"next\"", t.pos);
      accept_abbreviation_dot(t);
      const int today = reference_.day_of_week().as_number();
      const int ahead = (weekday - today + 7) % 7;
      d = shifted(reference_, ahead == 0 ? 7 : ahead, t.pos);
    }
    return d;
  }

  /// "end of week" (the Friday on or after the reference), "end of month", "end of year",
  /// "end of June [2017]" (the last day of June in the year nearest the reference).
  g::date end_expression() {
    next();
    if (!accept_word("of")) fail("expected \"of\" after \"end\"", peek().pos);
    accept_word("the");
    const Token& t = next();
    if (t.kind != Kind::word) fail("expected week, month, year or a month name", t.pos);
    if (t.lower == "week") return on_or_after(5);
    if (t.lower == "month") return reference_.end_of_month();
    if (t.lower == "year") return g::date(reference_.year(), 12, 31);
    const int month = month_number(t.lower);
    if (month == 0) fail("expected week, month, year or a month name", t.pos);
    accept_abbreviation_dot(t);
    if (peek().kind == Kind::number) {
      const Token& y = next();
      const int year = full_year(y, false);
      return g::date(year, month, g::gregorian_calendar::end_of_month_day(year, month));
    }
    return nearest([month](int year) {
      return g::date(year, month, g::gregorian_calendar::end_of_month_day(year, month));
    });
  }

  /// "in 3 days", "in 2 weeks", "in 1 month".
  g::date in_expression() {
    next();
    const Token& n = peek();
    const int count = number_value(n);
    next();
    return add_units(count, next(), n.pos);
  }

  /// "+3d", "+2w".
  g::date offset_after_plus() {
    next();
    const Token& n = peek();
    if (n.kind != Kind::number || n.space_before) fail("expected a number after '+'", n.pos);
    const int count = number_value(n);
    next();
    return add_units(count, next(), n.pos);
  }

  g::date add_units(int count, const Token& unit, std::size_t number_pos) {
    if (unit.kind != Kind::word) fail("expected days, weeks or months", unit.pos);
    const std::string& u = unit.lower;
    try {
      if (u == "d" || u == "day" || u == "days") return shifted(reference_, count, number_pos);
      if (u == "w" || u == "week" || u == "weeks")
        return shifted(reference_, 7L * count, number_pos);
      if (u == "month" || u == "months") return shifted_months(reference_, count, number_pos);
    } catch (const std::out_of_range&) {
      fail("date out of range", number_pos);
    }
    fail("expected days, weeks or months", unit.pos);
  }

  /// A four-digit year, or (when @p two_digits) a two-digit one meaning 20YY.
  int full_year(const Token& t, bool two_digits) const {
    if (t.kind != Kind::number) fail("expected a year", t.pos);
    if (t.text.size() == 2 && two_digits) return 2000 + number_value(t);
    if (t.text.size() != 4)
      fail(two_digits ? "expected a year of two or four digits" : "expected a four-digit year",
           t.pos);
    const int year = number_value(t);
    if (year < 1400 || year > 9999) fail("year out of range", t.pos);
    return year;
  }

  /// The date in the year nearest the reference, @p make(year) building it (or throwing
  /// std::out_of_range for a year where it does not exist, like 29 February).
  template <typename Make>
  g::date nearest(Make make) const {
    g::date best(boost::date_time::not_a_date_time);
    long best_distance = 0;
    const int year = reference_.year();
    for (int y = year - 4; y <= year + 4; ++y) {
      if (y < 1400 || y > 9999) continue;
      g::date candidate(boost::date_time::not_a_date_time);
      try {
        candidate = make(y);
      } catch (const std::out_of_range&) {
        continue;
      }
      const long distance = std::labs((candidate - reference_).days());
      // Years ascend, so on a tie the later date wins: a due date is more often ahead.
      if (best.is_special() || distance <= best_distance) {
        best = candidate;
        best_distance = distance;
      }
    }
    return best;
  }

  /// Builds year-month-day, checking each part; @p year 0 means the year nearest the reference.
  g::date make_date(int year, int month, std::size_t month_pos, int day, std::size_t day_pos) {
    if (month < 1 || month > 12) fail("no such month", month_pos);
    if (day < 1 || day > 31) fail("no such day", day_pos);
    if (year != 0) {
      if (day > g::gregorian_calendar::end_of_month_day(year, month))
        fail("no such day in that month", day_pos);
      return g::date(year, month, day);
    }
    const g::date d = nearest([&](int y) { return g::date(y, month, day); });
    if (d.is_special()) fail("no such day in that month", day_pos);
    return d;
  }

  /// "2017-06-20", "6/20[/2017]", "20[th] [of] June [2017]", "20-Jun-2017", "June 20[th][,]
  /// [2017]", after an optional weekday (@p weekday >= 0) that must agree with the date.
  g::date absolute_date(int weekday, std::size_t weekday_pos) {
    const g::date d = calendar_date();
    if (weekday >= 0 && d.day_of_week().as_number() != weekday)
      fail("the weekday does not match the date (" + iso_date(d) + " is a " +
               std::string(d.day_of_week().as_long_string()) + ")",
           weekday_pos);
    return d;
  }

  g::date calendar_date() {
    const Token& first = peek();
    if (first.kind == Kind::word) {
      const int month = month_number(first.lower);
      if (month == 0) fail("expected a date", first.pos);
      next();
      accept_abbreviation_dot(first);
      const Token& day_token = next();
      const int day = number_value(day_token);
      accept_ordinal();
      int year = 0;
      if (accept_punct(',') || peek().kind == Kind::number) year = full_year(next(), false);
      return make_date(year, month, first.pos, day, day_token.pos);
    }
    const Token& n1 = next();
    const int v1 = number_value(n1);
    const Token& sep = peek();
    if ((is_punct(sep, '-') || is_punct(sep, '/')) && n1.text.size() == 4 &&
        peek(1).kind == Kind::number) {
      // ISO order: year, month, day with one separator.
      const char s = sep.text[0];
      next();
      const Token& m = next();
      if (m.text.size() > 2) fail("expected a month of one or two digits", m.pos);
      if (!accept_punct(s)) fail(std::string("expected '") + s + "' before the day", peek().pos);
      const Token& d = next();
      if (d.kind != Kind::number || d.text.size() > 2)
        fail("expected a day of one or two digits", d.pos);
      return make_date(full_year(n1, false), number_value(m), m.pos, number_value(d), d.pos);
    }
    if (is_punct(sep, '/')) {
      next();
      const Token& n2 = next();
      const int v2 = number_value(n2);
      if (n1.text.size() > 2) fail("expected a one- or two-digit number", n1.pos);
      if (n2.text.size() > 2) fail("expected a one- or two-digit number", n2.pos);
      int year = 0;
      if (accept_punct('/')) year = full_year(next(), true);
      if (options_.day_first) return make_date(year, v2, n2.pos, v1, n1.pos);
      return make_date(year, v1, n1.pos, v2, n2.pos);
    }
    // Day first with a month name: "20 June", "25th of June", "20-Jun-2017".
    if (n1.text.size() > 2) fail("expected a day of one or two digits", n1.pos);
    accept_ordinal();
    const bool dashes = accept_punct('-');
    if (!dashes) accept_word("of");
    const Token& m = next();
    const int month = m.kind == Kind::word ? month_number(m.lower) : 0;
    if (month == 0) fail("expected a month name", m.pos);
    accept_abbreviation_dot(m);
    int year = 0;
    if (dashes) {
      if (accept_punct('-')) year = full_year(next(), true);
    } else if (accept_punct(',') || peek().kind == Kind::number) {
      year = full_year(next(), false);
    }
    return make_date(year, month, m.pos, v1, n1.pos);
  }

  /// The period after an abbreviated month or weekday name ("Jun.", "Tue."), not after "May".
  void accept_abbreviation_dot(const Token& name) {
    bool full = false;
    for (const char* m : month_names) full = full || name.lower == m;
    for (const char* d : weekday_names) full = full || name.lower == d;
    if (!full && !peek().space_before) accept_punct('.');
  }

  void accept_ordinal() {
    const Token& t = peek();
    if (t.kind == Kind::word && !t.space_before && is_ordinal_suffix(t.lower)) next();
  }

  std::string_view text_;
  g::date reference_;
  const DateOptions& options_;
  std::vector<Token> tokens_;
  std::size_t at_ = 0;
};

}  // namespace

Due parse_due(std::string_view text, boost::gregorian::date reference, const DateOptions& options) {
  return DateReader(text, reference, options).read();
}

boost::gregorian::date parse_date(std::string_view text, boost::gregorian::date reference,
                                  const DateOptions& options) {
  const Due due = parse_due(text, reference, options);
  if (!due.has_date()) {
    const std::string_view trimmed = detail::trim(text);
    const std::size_t at = trimmed.empty() ? text.size() : trimmed.data() - text.data();
    throw ParseError(
        due.is_tbd() ? "expected a calendar date, not \"" + due.text() + "\"" : "expected a date",
        std::string(text), at, "date");
  }
  return due.date();
}

}  // namespace libtracker
