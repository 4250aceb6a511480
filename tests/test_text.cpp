#include <gtest/gtest.h>

#include <boost/date_time/gregorian/gregorian.hpp>
#include <libtracker/due.hpp>
#include <libtracker/text.hpp>

using namespace libtracker;
namespace bg = boost::gregorian;

TEST(IsoDate, WritesWhatBoostWritesForEveryDayOfSeveralCenturies) {
  // Day by day across leap years, century years and the ends of Boost's calendar.
  for (bg::date d(1400, 1, 1); d <= bg::date(1410, 12, 31); d += bg::days(1))
    ASSERT_EQ(iso_date(d), bg::to_iso_extended_string(d));
  for (bg::date d(1896, 1, 1); d <= bg::date(2104, 12, 31); d += bg::days(1))
    ASSERT_EQ(iso_date(d), bg::to_iso_extended_string(d));
  EXPECT_EQ(iso_date(bg::date(9999, 12, 31)), "9999-12-31");
  EXPECT_EQ(iso_date(bg::date(2017, 6, 5)), "2017-06-05");
}

TEST(IsoDate, SpecialDatesAreEmpty) {
  EXPECT_EQ(iso_date(bg::date(boost::date_time::not_a_date_time)), "");
  EXPECT_EQ(iso_date(bg::date(boost::date_time::pos_infin)), "");
  EXPECT_EQ(iso_date(bg::date(boost::date_time::neg_infin)), "");
}

TEST(IsoDate, IsTheCanonicalFormOfADueDate) {
  const bg::date day(2017, 5, 30);
  EXPECT_EQ(Due::on(day, "30 May").to_string(), iso_date(day));
  EXPECT_EQ(Due::on(day).text(), "2017-05-30");
  EXPECT_EQ(Due::from_string(iso_date(day)).date(), day);
}

TEST(Join, PutsTheSeparatorBetweenEachTwoParts) {
  EXPECT_EQ(join({}, ", "), "");
  EXPECT_EQ(join({"Co-Chairs"}, ", "), "Co-Chairs");
  EXPECT_EQ(join({"Co-Chairs", "James Gannon", "Boban Krsic"}, ", "),
            "Co-Chairs, James Gannon, Boban Krsic");
  EXPECT_EQ(join({"a", "b"}, ""), "ab");
  EXPECT_EQ(join({"Régis", "安全"}, "; "), "Régis; 安全");
}

TEST(Join, EmptyPartsKeepTheirSeparators) {
  // A CSV row with empty cells reads back as it was written.
  EXPECT_EQ(join({"", "", "Owner"}, ","), ",,Owner");
  EXPECT_EQ(join({"Item #", "", ""}, ","), "Item #,,");
  EXPECT_EQ(join({""}, ","), "");
  EXPECT_EQ(join({"", ""}, ","), ",");
}
