#include <gtest/gtest.h>

#include <libtracker/action_item.hpp>
#include <libtracker/due.hpp>
#include <libtracker/error.hpp>
#include <libtracker/rating.hpp>
#include <libtracker/state.hpp>

using namespace libtracker;
using boost::gregorian::date;

TEST(Due, KeepsItsOriginalTextBesideItsMeaning) {
  const Due d = Due::on(date(2017, 5, 30), "30 May");
  EXPECT_TRUE(d.has_date());
  EXPECT_EQ(d.date(), date(2017, 5, 30));
  EXPECT_EQ(d.text(), "30 May");
  EXPECT_EQ(d.to_string(), "2017-05-30");
  EXPECT_EQ(d, Due::on(date(2017, 5, 30)));  // same meaning, other wording
  EXPECT_NE(d, Due::tbd());
}

TEST(Due, NoneTbdAndDateAreDistinct) {
  EXPECT_TRUE(Due().is_none());
  EXPECT_EQ(Due().to_string(), "");
  EXPECT_TRUE(Due::tbd("TBC").is_tbd());
  EXPECT_EQ(Due::tbd("TBC").text(), "TBC");
  EXPECT_EQ(Due::tbd().to_string(), "TBD");
  EXPECT_THROW(Due::tbd().date(), InvalidArgumentError);
  EXPECT_THROW(Due().date(), InvalidArgumentError);
}

TEST(Due, CanonicalFormRoundTripsAndIsStrict) {
  EXPECT_EQ(Due::from_string("2017-06-20"), Due::on(date(2017, 6, 20)));
  EXPECT_TRUE(Due::from_string("TBD").is_tbd());
  EXPECT_TRUE(Due::from_string("").is_none());
  EXPECT_THROW(Due::from_string("2024-01-15 garbage"), ParseError);
  EXPECT_THROW(Due::from_string("2017-02-30"), ParseError);
  EXPECT_THROW(Due::from_string("20170620"), ParseError);
  EXPECT_THROW(Due::on(date(boost::date_time::not_a_date_time)), InvalidArgumentError);
}

TEST(State, DoneAndCancelledAreClosed) {
  EXPECT_FALSE(is_closed(State::open));
  EXPECT_FALSE(is_closed(State::in_progress));
  EXPECT_FALSE(is_closed(State::blocked));
  EXPECT_TRUE(is_closed(State::done));
  EXPECT_TRUE(is_closed(State::cancelled));
}

TEST(State, NamesRoundTrip) {
  for (State s : all_states) EXPECT_EQ(state_from_string(to_string(s)), s);
  EXPECT_EQ(state_from_string("In Progress"), State::in_progress);
  EXPECT_EQ(state_from_string("in-progress"), State::in_progress);
  try {
    state_from_string("finished");
    FAIL() << "expected a ParseError";
  } catch (const ParseError& e) {
    EXPECT_EQ(e.text(), "finished");
    EXPECT_NE(std::string(e.what()).find("finished"), std::string::npos);
  }
}

TEST(Rating, ReadsTheBreakOutLetters) {
  EXPECT_EQ(rating_from_string("H"), Rating::high);
  EXPECT_EQ(rating_from_string("m"), Rating::medium);
  EXPECT_EQ(rating_from_string("Low"), Rating::low);
  EXPECT_THROW(rating_from_string("X"), ParseError);
}

TEST(ActionItem, OverdueMeansOpenWithAPastDueDate) {
  ActionItem it;
  it.text = "Distribute draft Johannesburg agenda to email list.";
  it.due = Due::on(date(2017, 5, 30));
  EXPECT_TRUE(it.is_overdue(date(2017, 6, 15)));
  EXPECT_FALSE(it.is_overdue(date(2017, 5, 30)));  // due today is not overdue
  it.state = State::done;
  EXPECT_FALSE(it.is_overdue(date(2017, 6, 15)));
  it.state = State::open;
  it.due = Due::tbd();
  EXPECT_FALSE(it.is_overdue(date(2017, 6, 15)));
}

TEST(ParseError, NamesSourceLineTextAndPosition) {
  const ParseError e("unknown month", "30 Mya", 3, "minutes.txt", 12);
  const std::string what = e.what();
  EXPECT_NE(what.find("minutes.txt:12"), std::string::npos);
  EXPECT_NE(what.find("position 3"), std::string::npos);
  EXPECT_NE(what.find("30 Mya"), std::string::npos);
  EXPECT_EQ(e.at_line("other.csv", 4).line(), 4u);
}
