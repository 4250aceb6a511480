#include "libtracker/due.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>
#include <cstdio>
#include <utility>

#include "libtracker/error.hpp"
#include "libtracker/text.hpp"
#include "text/text_util.hpp"

namespace libtracker {

Due Due::tbd(std::string text) {
  Due d;
  d.kind_ = Kind::tbd;
  d.text_ = text.empty() ? "TBD" : std::move(text);
  return d;
}

Due Due::on(boost::gregorian::date day, std::string text) {
  if (day.is_special()) throw InvalidArgumentError("a due date must be a calendar date");
  Due d;
  d.kind_ = Kind::date;
  d.date_ = day;
  d.text_ = text.empty() ? iso_date(day) : std::move(text);
  return d;
}

boost::gregorian::date Due::date() const {
  if (kind_ != Kind::date)
    throw InvalidArgumentError("due has no date (it is " + to_string() + ")");
  return date_;
}

std::string Due::to_string() const {
  switch (kind_) {
    case Kind::none:
      return {};
    case Kind::tbd:
      return "TBD";
    case Kind::date:
      return iso_date(date_);
  }
  return {};
}

Due Due::from_string(std::string_view canonical) {
  const std::string_view s = detail::trim(canonical);
  if (s.empty()) return Due();
  if (detail::iequals(s, "TBD")) return Due::tbd();
  // Strictly YYYY-MM-DD: Boost's own parser accepts trailing garbage.
  bool shape = s.size() == 10 && s[4] == '-' && s[7] == '-';
  for (std::size_t i = 0; shape && i < s.size(); ++i)
    if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) shape = false;
  if (!shape)
    throw ParseError("expected an ISO date YYYY-MM-DD, \"TBD\" or nothing", std::string(canonical),
                     0, "due");
  const int y = std::stoi(std::string(s.substr(0, 4)));
  const int m = std::stoi(std::string(s.substr(5, 2)));
  const int d = std::stoi(std::string(s.substr(8, 2)));
  try {
    return Due::on(boost::gregorian::date(y, m, d));
  } catch (const std::out_of_range&) {
    throw ParseError("no such calendar date", std::string(canonical), 0, "due");
  }
}

}  // namespace libtracker
