#include <gtest/gtest.h>

#include <boost/date_time/gregorian/gregorian.hpp>
#include <libtracker/action_item.hpp>

#include "render/value_text.hpp"

using namespace libtracker;
using namespace libtracker::detail;
using boost::gregorian::date;

TEST(ValueText, DueDatesAsTheTablesShowThem) {
  EXPECT_EQ(due_text(Due::on(date(2017, 5, 30), "30 May")), "2017-05-30");
  EXPECT_EQ(due_text(Due::tbd("TBC")), "TBD");
  EXPECT_EQ(due_text(Due()), "");
}

TEST(ValueText, EveryStateHasALabel) {
  EXPECT_EQ(state_label(State::open), "Open");
  EXPECT_EQ(state_label(State::in_progress), "In progress");
  EXPECT_EQ(state_label(State::blocked), "Blocked");
  EXPECT_EQ(state_label(State::done), "Done");
  EXPECT_EQ(state_label(State::cancelled), "Cancelled");
}

TEST(ValueText, StatusIsTheStateAndItsNote) {
  ActionItem item;
  item.state = State::in_progress;
  EXPECT_EQ(status_text(item), "In progress");
  item.status_note = "Draft with RT for review.";
  EXPECT_EQ(status_text(item), "In progress: Draft with RT for review.");
}

TEST(ValueText, OwnersInTheirOrder) {
  ActionItem item;
  EXPECT_EQ(owners_text(item), "");
  item.owners = {"Co-Chairs", "James Gannon", "Boban Krsic"};
  EXPECT_EQ(owners_text(item), "Co-Chairs, James Gannon, Boban Krsic");
}
