#include <gtest/gtest.h>

#include <boost/date_time/gregorian/gregorian.hpp>
#include <fstream>
#include <libtracker/date_parser.hpp>
#include <libtracker/error.hpp>
#include <string>

using namespace libtracker;
using boost::gregorian::date;

namespace {

// The SSR2 coordination call (seeds 003 and 004) met on Thursday 15 June 2017.
const date meeting(2017, 6, 15);

date on(const std::string& text, const DateOptions& options = {}) {
  return parse_date(text, meeting, options);
}

/// The ParseError @p text gives, or a failure when it parses.
ParseError error_of(const std::string& text, const DateOptions& options = {}) {
  try {
    parse_due(text, meeting, options);
  } catch (const ParseError& e) {
    return e;
  }
  ADD_FAILURE() << "\"" << text << "\" parsed without error";
  return ParseError("none", text, 0);
}

DateOptions with_icann59() {
  DateOptions options;
  options.event_date = [](std::string_view name) -> std::optional<date> {
    if (name == "ICANN59" || name == "ICANN59 Johannesburg") return date(2017, 6, 25);
    return std::nullopt;
  };
  return options;
}

}  // namespace

TEST(DateParser, ReadsFullDatesInTheUsualWritings) {
  EXPECT_EQ(on("2017-06-20"), date(2017, 6, 20));
  EXPECT_EQ(on("2017/6/20"), date(2017, 6, 20));
  EXPECT_EQ(on("20 June 2017"), date(2017, 6, 20));
  EXPECT_EQ(on("20 June, 2017"), date(2017, 6, 20));
  EXPECT_EQ(on("June 20, 2017"), date(2017, 6, 20));
  EXPECT_EQ(on("june 20 2017"), date(2017, 6, 20));
  EXPECT_EQ(on("20-Jun-2017"), date(2017, 6, 20));
  EXPECT_EQ(on("Sept. 3, 2018"), date(2018, 9, 3));
  EXPECT_EQ(on("6/20/2017"), date(2017, 6, 20));
  EXPECT_EQ(on("6/20/17"), date(2017, 6, 20));
}

TEST(DateParser, DayAndMonthWithoutYearTakeTheYearNearestTheMeeting) {
  // The due dates of the SSR2 tables (seed 004): "30 May", "25 May", "22 June".
  EXPECT_EQ(on("30 May"), date(2017, 5, 30));
  EXPECT_EQ(on("25 May"), date(2017, 5, 25));
  EXPECT_EQ(on("22 June"), date(2017, 6, 22));
  EXPECT_EQ(on("20 Jun"), date(2017, 6, 20));
  EXPECT_EQ(on("25th June"), date(2017, 6, 25));
  EXPECT_EQ(on("25th of June"), date(2017, 6, 25));
  EXPECT_EQ(on("June 22"), date(2017, 6, 22));
  EXPECT_EQ(on("June 22nd"), date(2017, 6, 22));
  EXPECT_EQ(on("Jun. 5"), date(2017, 6, 5));
  // Across the turn of the year the nearest year is not the meeting's year.
  EXPECT_EQ(parse_date("5 January", date(2017, 12, 20)), date(2018, 1, 5));
  EXPECT_EQ(parse_date("20 December", date(2018, 1, 5)), date(2017, 12, 20));
  // 29 February exists only in leap years: the nearest one.
  EXPECT_EQ(on("29 Feb"), date(2016, 2, 29));
}

TEST(DateParser, NumericDatesAreMonthFirstUnlessDayFirstIsAsked) {
  EXPECT_EQ(on("6/20"), date(2017, 6, 20));
  EXPECT_EQ(on("6/2"), date(2017, 6, 2));  // "followed up 6/2" in seed 004
  DateOptions day_first;
  day_first.day_first = true;
  EXPECT_EQ(on("20/6", day_first), date(2017, 6, 20));
  EXPECT_EQ(on("6/7", day_first), date(2017, 7, 6));
  EXPECT_EQ(on("20/6/2017", day_first), date(2017, 6, 20));
  EXPECT_THROW(on("20/6"), ParseError);  // month 20 does not exist
}

TEST(DateParser, LeadingWeekdayIsAcceptedAndMustAgree) {
  // "a plenary call scheduled on Tuesday 4 July?" and "Sunday 25th June" (seed 003).
  EXPECT_EQ(on("Tuesday 4 July"), date(2017, 7, 4));
  EXPECT_EQ(on("Sunday 25th June"), date(2017, 6, 25));
  EXPECT_EQ(on("Tue, 20 June 2017"), date(2017, 6, 20));
  EXPECT_EQ(on("Friday 23rd June"), date(2017, 6, 23));
  const ParseError e = error_of("Monday 25th June");
  EXPECT_EQ(e.position(), 0u);
  EXPECT_NE(e.reason().find("weekday"), std::string::npos);
}

TEST(DateParser, TbdAndTbcAreExplicitlyUndecidedAndKeepTheirText) {
  const Due tbd = parse_due("TBD", meeting);
  EXPECT_TRUE(tbd.is_tbd());
  EXPECT_EQ(tbd.text(), "TBD");
  const Due tbc = parse_due(" tbc ", meeting);
  EXPECT_TRUE(tbc.is_tbd());
  EXPECT_EQ(tbc.text(), "tbc");
  EXPECT_THROW(parse_date("TBD", meeting), ParseError);
}

TEST(DateParser, EmptyTextIsNoDueDateButNotADate) {
  EXPECT_TRUE(parse_due("", meeting).is_none());
  EXPECT_TRUE(parse_due("  \t ", meeting).is_none());
  EXPECT_THROW(parse_date("", meeting), ParseError);
}

TEST(DateParser, RelativeDatesCountFromTheMeeting) {
  EXPECT_EQ(on("today"), meeting);
  EXPECT_EQ(on("Tomorrow"), date(2017, 6, 16));
  EXPECT_EQ(on("in 3 days"), date(2017, 6, 18));
  EXPECT_EQ(on("in 2 weeks"), date(2017, 6, 29));
  EXPECT_EQ(on("in 1 month"), date(2017, 7, 15));
  EXPECT_EQ(on("+3d"), date(2017, 6, 18));
  EXPECT_EQ(on("+2w"), date(2017, 6, 29));
  EXPECT_EQ(on("next week"), date(2017, 6, 22));
  // 15 June 2017 is a Thursday: "next Friday" is the first Friday after it.
  EXPECT_EQ(on("next Friday"), date(2017, 6, 16));
  EXPECT_EQ(on("next Thursday"), date(2017, 6, 22));
  EXPECT_EQ(on("Friday"), date(2017, 6, 16));
  EXPECT_EQ(on("Thursday"), meeting);
}

TEST(DateParser, EndOfPeriods) {
  EXPECT_EQ(on("end of June"), date(2017, 6, 30));
  EXPECT_EQ(on("End of February 2016"), date(2016, 2, 29));
  EXPECT_EQ(on("end of month"), date(2017, 6, 30));
  EXPECT_EQ(on("end of the month"), date(2017, 6, 30));
  EXPECT_EQ(on("end of year"), date(2017, 12, 31));
  // End of week: the Friday on or after the reference date.
  EXPECT_EQ(on("end of week"), date(2017, 6, 16));
  EXPECT_EQ(parse_date("end of week", date(2017, 6, 16)), date(2017, 6, 16));
  EXPECT_EQ(parse_date("end of week", date(2017, 6, 17)), date(2017, 6, 23));
  // The last day of May nearest a January meeting is in the same year.
  EXPECT_EQ(parse_date("end of May", date(2018, 1, 10)), date(2018, 5, 31));
}

TEST(DateParser, EventNamesResolveThroughTheOptions) {
  const DateOptions options = with_icann59();
  EXPECT_EQ(on("ICANN59", options), date(2017, 6, 25));
  EXPECT_EQ(on("ICANN59 Johannesburg", options), date(2017, 6, 25));
  EXPECT_EQ(on("before ICANN59", options), date(2017, 6, 24));
  EXPECT_EQ(on("ahead of ICANN59", options), date(2017, 6, 24));
  EXPECT_EQ(on("by 30 June"), date(2017, 6, 30));
  EXPECT_EQ(on("before 30 June"), date(2017, 6, 29));
  // Without the lookup, or for an event it does not know, an event name is an error.
  EXPECT_THROW(on("ICANN59"), ParseError);
  EXPECT_THROW(on("ICANN60", options), ParseError);
}

TEST(DateParser, DueKeepsTheTrimmedOriginalText) {
  const Due due = parse_due("  30 May \n", meeting);
  EXPECT_EQ(due.text(), "30 May");
  EXPECT_EQ(due.to_string(), "2017-05-30");
}

TEST(DateParser, ErrorsNameTheDateAndPointAtTheOffendingCharacter) {
  struct Case {
    const char* text;
    std::size_t position;
  };
  const Case cases[] = {
      {"2024-01-15 garbage", 11},  // Boost's own parser would accept this
      {"31 June", 0},              // June has 30 days
      {"2017-02-30", 8},
      {"13/45", 0},  // no month 13
      {"June 20, 2017 x", 14},
      {"6/31", 2},
      {"  2017-13-01", 7},  // positions count in the text as given
      {"20 Juno", 3},
      {"next Fryday", 5},
      {"in three days", 3},
      {"+3y", 2},
      {"30 May.", 6},
      {"end off June", 4},
  };
  for (const Case& c : cases) {
    const ParseError e = error_of(c.text);
    EXPECT_EQ(e.position(), c.position) << c.text << ": " << e.what();
    EXPECT_EQ(e.source(), "date") << c.text;
    EXPECT_EQ(e.text(), c.text);
  }
}

TEST(DateParser, DayFirstErrorsPointAtTheMonth) {
  DateOptions day_first;
  day_first.day_first = true;
  EXPECT_EQ(error_of("13/45", day_first).position(), 3u);
}

TEST(DateParser, InvalidUtf8AndControlCharactersAreErrors) {
  EXPECT_EQ(error_of("30 May\xff").position(), 6u);
  EXPECT_EQ(error_of(std::string("30\0May", 6)).position(), 2u);
}

TEST(DateParser, DatesBeyondTheCalendarAreErrorsNotCrashes) {
  EXPECT_THROW(parse_date("in 9999 months", date(9990, 1, 1)), ParseError);
  EXPECT_THROW(parse_date("+9999w", date(9990, 1, 1)), ParseError);
  EXPECT_THROW(parse_date("before 1400-01-01", date(2017, 1, 1)), ParseError);
  EXPECT_THROW(on("1399-12-31"), ParseError);
}

TEST(DateParser, EveryLineOfTheBadCorpusIsAnError) {
  std::ifstream in(std::string(LIBTRACKER_DATA_DIR) + "/bad/dates.txt");
  ASSERT_TRUE(in) << "tests/data/bad/dates.txt is missing";
  std::string line;
  int count = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    ++count;
    try {
      const date d = parse_date(line, meeting);
      ADD_FAILURE() << "\"" << line << "\" parsed as " << d;
    } catch (const ParseError& e) {
      EXPECT_EQ(e.source(), "date");
      EXPECT_LE(e.position(), line.size()) << line;
    }
  }
  EXPECT_GE(count, 60);
}

TEST(DateParser, EveryLineOfTheInvalidTextCorpusIsAnError) {
  std::ifstream in(std::string(LIBTRACKER_DATA_DIR) + "/bad/invalid_utf8.txt", std::ios::binary);
  ASSERT_TRUE(in);
  std::string line;
  while (std::getline(in, line))
    if (!line.empty() && line[0] != '#') EXPECT_THROW(parse_due(line, meeting), ParseError) << line;
}
