#include <gtest/gtest.h>

#include <libtracker/error.hpp>
#include <libtracker/store.hpp>

#include "support.hpp"

using namespace libtracker;
using namespace libtracker::fixtures;

namespace {

class HistoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store.set_today(date(2017, 5, 18));
    staff = recorded_actor(store, "staff");
  }
  Store store = test_store();
  std::string staff;
};

}  // namespace

TEST_F(HistoryTest, EveryChangeIsAnEventWithOldAndNewValue) {
  const ActionItem it = store.add(item("Distribute draft Johannesburg agenda to email list.",
                                       {"Co-Chairs"}, Due::on(date(2017, 5, 30), "30 May")));
  store.set_today(date(2017, 5, 25));
  ItemChanges c;
  c.due = Due::on(date(2017, 6, 6));
  c.owners = std::vector<std::string>{"Co-Chairs", "Denise Michel"};
  store.update(it.id, c);
  store.set_today(date(2017, 6, 2));
  store.add_note(it.id, "followed up 6/2");
  store.set_state(it.id, State::done);

  const auto h = store.history(it.id);
  ASSERT_EQ(h.size(), 6u);
  EXPECT_EQ(h[0].kind, EventKind::created);
  EXPECT_EQ(h[0].at.date(), date(2017, 5, 18));
  EXPECT_EQ(h[0].actor, staff);
  EXPECT_EQ(h[1].field, "owners");
  EXPECT_EQ(h[1].old_value, R"(["Co-Chairs"])");
  EXPECT_EQ(h[1].new_value, R"(["Co-Chairs","Denise Michel"])");
  EXPECT_EQ(h[2].field, "due");
  EXPECT_EQ(h[2].old_value, "2017-05-30");
  EXPECT_EQ(h[2].new_value, "2017-06-06");
  EXPECT_EQ(h[3].kind, EventKind::note);
  EXPECT_EQ(h[3].new_value, "followed up 6/2");
  EXPECT_EQ(h[4].field, "state");
  EXPECT_EQ(h[4].old_value, "open");
  EXPECT_EQ(h[4].new_value, "done");
  EXPECT_EQ(h[5].field, "closed");
  EXPECT_EQ(h[5].new_value, "2017-06-02");
}

TEST_F(HistoryTest, AnItemCanBeRebuiltAsOfAnyPastDay) {
  const ActionItem it =
      store.add(item("Share links to relevant articles regarding threat mitigation.", {"ICANN Org"},
                     Due::on(date(2017, 6, 1))));
  store.set_today(date(2017, 5, 25));
  ItemChanges c;
  c.due = Due::on(date(2017, 6, 22), "22 June");
  c.status_note = "In progress";
  store.update(it.id, c);
  store.set_today(date(2017, 6, 20));
  store.set_state(it.id, State::done);

  EXPECT_FALSE(store.get_as_of(it.id, date(2017, 5, 17)));  // not created yet
  const auto may20 = store.get_as_of(it.id, date(2017, 5, 20));
  ASSERT_TRUE(may20);
  EXPECT_EQ(may20->due.date(), date(2017, 6, 1));
  EXPECT_EQ(may20->status_note, "");
  EXPECT_EQ(may20->state, State::open);
  EXPECT_EQ(may20->version, 1);
  const auto june1 = store.get_as_of(it.id, date(2017, 6, 1));
  EXPECT_EQ(june1->due.date(), date(2017, 6, 22));
  EXPECT_EQ(june1->status_note, "In progress");
  EXPECT_EQ(june1->version, 2);
  EXPECT_FALSE(june1->closed);
  const auto june20 = store.get_as_of(it.id, date(2017, 6, 20));
  EXPECT_EQ(june20->state, State::done);
  EXPECT_EQ(june20->closed, date(2017, 6, 20));
  EXPECT_EQ(june20->version, store.get(it.id).version);
}

TEST_F(HistoryTest, DeletedItemsStillExistInThePast) {
  const ActionItem it = store.add(item("Entered by mistake", {"SSR2-RT"}, Due::tbd()));
  store.set_today(date(2017, 6, 1));
  store.remove(it.id);
  const auto before = store.get_as_of(it.id, date(2017, 5, 20));
  ASSERT_TRUE(before);
  EXPECT_EQ(before->text, "Entered by mistake");
  EXPECT_EQ(before->owners, std::vector<std::string>{"SSR2-RT"});
  EXPECT_FALSE(store.get_as_of(it.id, date(2017, 6, 1)));
  EXPECT_EQ(store.items_as_of(date(2017, 5, 20)).size(), 1u);
  EXPECT_TRUE(store.items_as_of(date(2017, 6, 2)).empty());
  EXPECT_THROW(store.get_as_of(777, date(2017, 6, 1)), NotFoundError);
}

TEST_F(HistoryTest, ItemsAsOfMatchesWhatTheStoreHeldThatDay) {
  add_ssr2_items(store);  // 2017-05-18
  const auto snapshot = store.find();
  store.set_today(date(2017, 6, 1));
  ItemChanges c;
  c.due = Due::on(date(2017, 7, 1));
  store.update(3, c);
  store.set_state(7, State::done);
  store.add(item("Added later"));
  store.set_today(date(2017, 6, 15));
  store.remove(1);

  const auto then = store.items_as_of(date(2017, 5, 31));
  ASSERT_EQ(then.size(), snapshot.size());
  for (std::size_t i = 0; i < then.size(); ++i) {
    EXPECT_EQ(then[i].id, snapshot[i].id);
    EXPECT_EQ(then[i].text, snapshot[i].text);
    EXPECT_EQ(then[i].due, snapshot[i].due);
    EXPECT_EQ(then[i].state, snapshot[i].state);
    EXPECT_EQ(then[i].owners, snapshot[i].owners);
    EXPECT_EQ(then[i].version, snapshot[i].version);
  }
  const auto now = store.items_as_of(date(2017, 6, 15));
  EXPECT_EQ(now.size(), snapshot.size());  // one added, one removed
  EXPECT_EQ(store.items_as_of(date(2017, 6, 1)).size(), snapshot.size() + 1);
}

TEST_F(HistoryTest, EventsInARange) {
  const ActionItem it = store.add(item("x"));
  store.set_today(date(2017, 5, 25));
  store.add_note(it.id, "n");
  store.set_today(date(2017, 6, 5));
  store.set_state(it.id, State::blocked);
  EXPECT_EQ(store.events(date(2017, 5, 18), date(2017, 5, 18)).size(), 1u);
  EXPECT_EQ(store.events(date(2017, 5, 19), date(2017, 6, 4)).size(), 1u);
  EXPECT_EQ(store.events(date(2017, 5, 1), date(2017, 6, 30)).size(), 3u);
}

TEST_F(HistoryTest, AFailedChangeLeavesNoHistory) {
  const ActionItem it = store.add(item("x"));
  ItemChanges c;
  c.meeting = std::optional<MeetingId>(5);  // no such meeting
  EXPECT_THROW(store.update(it.id, c), NotFoundError);
  EXPECT_EQ(store.history(it.id).size(), 1u);
  EXPECT_EQ(store.get(it.id).version, 1);
}

TEST_F(HistoryTest, StateCountsAreWhatItemsAsOfWouldCount) {
  // Six weeks of a team's work: items added, moved through states, reopened, deleted (one
  // deleted after being closed), and one added in a closed state.
  add_ssr2_items(store);  // 2017-05-18
  store.set_today(date(2017, 5, 24));
  store.set_state(1, State::in_progress);
  store.set_state(2, State::blocked);
  store.set_today(date(2017, 5, 31));
  store.set_state(1, State::done);
  store.set_state(3, State::cancelled);
  store.add(item("Added closed", {}, Due{}, State::done));
  store.set_today(date(2017, 6, 7));
  store.set_state(3, State::open);  // reopened
  store.remove(2);
  store.set_state(4, State::done);
  store.set_today(date(2017, 6, 14));
  store.remove(4);
  store.add(item("Added late"));

  std::vector<date> days;
  for (date d(2017, 5, 10); d <= date(2017, 6, 20); d += boost::gregorian::days(1))
    days.push_back(d);
  const std::vector<StateCounts> counts = store.state_counts(days);
  ASSERT_EQ(counts.size(), days.size());
  for (std::size_t i = 0; i < days.size(); ++i) {
    StateCounts expected{};
    for (const ActionItem& it : store.items_as_of(days[i]))
      ++expected[static_cast<std::size_t>(it.state)];
    EXPECT_EQ(counts[i], expected) << boost::gregorian::to_iso_extended_string(days[i]);
  }
  // Spot checks a reader can follow: nothing before the first day, and on 31 May one done
  // item, one cancelled, the added closed one.
  EXPECT_EQ(counts.front(), StateCounts{});
  const StateCounts may31 = counts[21];
  EXPECT_EQ(may31[static_cast<std::size_t>(State::done)], 2);
  EXPECT_EQ(may31[static_cast<std::size_t>(State::cancelled)], 1);
  EXPECT_EQ(may31[static_cast<std::size_t>(State::blocked)], 1);
}
