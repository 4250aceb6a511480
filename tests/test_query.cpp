#include <gtest/gtest.h>

#include <algorithm>
#include <libtracker/store.hpp>

#include "support.hpp"

using namespace libtracker;
using namespace libtracker::fixtures;

namespace {

std::vector<ItemId> ids(const std::vector<ActionItem>& items) {
  std::vector<ItemId> out;
  for (const auto& i : items) out.push_back(i.id);
  return out;
}

class QueryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store.set_today(date(2017, 5, 18));
    add_ssr2_items(store);  // ids 1..10, see support.hpp
    store.set_today(date(2017, 6, 15));
    store.set_state(4, State::in_progress);
    store.set_state(2, State::done);
    store.set_state(9, State::blocked);
    ItemChanges tags;
    tags.tags = std::vector<std::string>{"johannesburg", "agenda"};
    store.update(6, tags);
    store.update(7, tags);
  }
  std::vector<ItemId> find(Query q) { return ids(store.find(q)); }
  Store store = test_store();
};

}  // namespace

TEST_F(QueryTest, ByState) {
  Query q;
  q.states = {State::in_progress, State::blocked};
  EXPECT_EQ(find(q), (std::vector<ItemId>{4, 9}));
  Query open;
  open.open = true;
  EXPECT_EQ(store.count(open), 9);
  Query closed;
  closed.closed = true;
  EXPECT_EQ(find(closed), std::vector<ItemId>{2});
}

TEST_F(QueryTest, ByOwnerCaseInsensitive) {
  Query q;
  q.owners = {"icann org"};
  EXPECT_EQ(find(q), (std::vector<ItemId>{9, 10}));
  q.owners = {"Denise Michel", "Boban Krsic"};
  EXPECT_EQ(find(q), (std::vector<ItemId>{4, 8}));
  q.owners = {"Nobody"};
  EXPECT_TRUE(find(q).empty());
}

TEST_F(QueryTest, ByOwnerThroughGroups) {
  store.add_member("Co-Chairs", "Emily Taylor");
  Query q;
  q.owners = {"Emily Taylor"};
  EXPECT_TRUE(find(q).empty());
  q.through_groups = true;
  EXPECT_EQ(find(q), (std::vector<ItemId>{4, 7}));
}

TEST_F(QueryTest, ByDueDate) {
  Query q;
  q.due_before = date(2017, 5, 30);
  EXPECT_EQ(find(q), std::vector<ItemId>{6});
  q = Query{};
  q.due_after = date(2017, 5, 30);
  EXPECT_EQ(find(q), std::vector<ItemId>{10});
  q = Query{};
  q.due_after = date(2017, 5, 24);
  q.due_before = date(2017, 6, 1);
  EXPECT_EQ(find(q), (std::vector<ItemId>{3, 6, 7}));
}

TEST_F(QueryTest, OverdueAsOfADay) {
  Query q;
  q.overdue = true;  // as of the store's today, 2017-06-15
  EXPECT_EQ(find(q), (std::vector<ItemId>{3, 6, 7}));
  q.as_of = date(2017, 5, 28);
  EXPECT_EQ(find(q), std::vector<ItemId>{6});
  q.as_of = date(2017, 6, 23);
  EXPECT_EQ(store.count(q), 4);
  store.set_state(3, State::done);  // closed items are never overdue
  q.as_of.reset();
  EXPECT_EQ(find(q), (std::vector<ItemId>{6, 7}));
}

TEST_F(QueryTest, TbdAndNoDueDate) {
  store.add(item("No date at all"));  // id 11
  Query q;
  q.tbd = true;
  EXPECT_EQ(find(q), (std::vector<ItemId>{1, 2, 4, 5, 8, 9}));
  q = Query{};
  q.no_due_date = true;
  EXPECT_EQ(find(q), (std::vector<ItemId>{1, 2, 4, 5, 8, 9, 11}));
}

TEST_F(QueryTest, ByTagAndMeeting) {
  Query q;
  q.tags = {"Johannesburg"};
  EXPECT_EQ(find(q), (std::vector<ItemId>{6, 7}));
  q.tags = {"johannesburg", "nothing"};
  EXPECT_TRUE(find(q).empty());
  const Meeting m = store.add_meeting({0, "Coordination", date(2017, 6, 15), ""});
  ItemChanges c;
  c.meeting = std::optional<MeetingId>(m.id);
  store.update(5, c);
  q = Query{};
  q.meeting = m.id;
  EXPECT_EQ(find(q), std::vector<ItemId>{5});
}

TEST_F(QueryTest, FullTextSearch) {
  Query q;
  q.text = "johannesburg";
  EXPECT_EQ(find(q), (std::vector<ItemId>{6, 7}));
  q.text = "share list";
  EXPECT_EQ(find(q), (std::vector<ItemId>{1, 2, 5, 6}));
  ItemChanges c;
  c.details = "Briefing on Anycast and L-root operations";
  store.update(9, c);
  q.text = "anycast";
  EXPECT_EQ(find(q), std::vector<ItemId>{9});
  q.text = "\"unbalanced AND OR NEAR(";  // user text is never FTS syntax
  EXPECT_NO_THROW(find(q));
}

TEST_F(QueryTest, FullTextFollowsEditsAndDeletes) {
  ItemChanges c;
  c.text = "Completely reworded action";
  store.update(1, c);
  Query q;
  q.text = "reworded";
  EXPECT_EQ(find(q), std::vector<ItemId>{1});
  q.text = "subtopic";
  EXPECT_TRUE(find(q).empty());
  store.remove(1);
  q.text = "reworded";
  EXPECT_TRUE(find(q).empty());
}

TEST_F(QueryTest, ByCreatedClosedAndChangedRanges) {
  store.set_today(date(2017, 6, 20));
  store.add(item("new on the 20th"));  // id 11
  store.set_state(3, State::done);
  Query q;
  q.created.from = date(2017, 6, 16);
  EXPECT_EQ(find(q), std::vector<ItemId>{11});
  q = Query{};
  q.closed_in.from = date(2017, 6, 15);
  q.closed_in.to = date(2017, 6, 15);
  EXPECT_EQ(find(q), std::vector<ItemId>{2});
  q = Query{};
  q.changed.from = date(2017, 6, 15);
  q.changed.to = date(2017, 6, 15);
  EXPECT_EQ(find(q), (std::vector<ItemId>{2, 4, 6, 7, 9}));
}

TEST_F(QueryTest, OrderingAndLimits) {
  Query q;
  q.open = true;
  q.order_by = OrderBy::due;
  const auto by_due = find(q);
  // Dated first (25 May, 30 May, 30 May, 22 June), then TBD by id.
  EXPECT_EQ(by_due, (std::vector<ItemId>{6, 3, 7, 10, 1, 4, 5, 8, 9}));
  q.limit = 2;
  q.offset = 1;
  EXPECT_EQ(find(q), (std::vector<ItemId>{3, 7}));
  EXPECT_EQ(store.count(q), 2);
  Query d;
  d.descending = true;
  d.limit = 3;
  EXPECT_EQ(find(d), (std::vector<ItemId>{10, 9, 8}));
}

TEST_F(QueryTest, FiltersCombineWithAnd) {
  Query q;
  q.owners = {"SSR2-RT"};
  q.overdue = true;
  EXPECT_EQ(find(q), (std::vector<ItemId>{3, 6}));
  q.tags = {"agenda"};
  EXPECT_EQ(find(q), std::vector<ItemId>{6});
}

TEST_F(QueryTest, ValuesAreBoundNotSpliced) {
  Query q;
  q.owners = {"'; DROP TABLE items; --"};
  q.tags = {"x' OR '1'='1"};
  EXPECT_TRUE(find(q).empty());
  EXPECT_EQ(store.count(), 10);
}

TEST_F(QueryTest, TableHasColumnsForEveryRow) {
  Query q;
  q.open = true;
  const ItemTable t = store.table(q);
  ASSERT_EQ(t.size(), 9u);
  EXPECT_EQ(t.id.size(), t.owners.size());
  const auto row = std::find(t.id.begin(), t.id.end(), 4) - t.id.begin();
  EXPECT_EQ(t.owners[row], "Co-Chairs; James Gannon; Boban Krsic");
  EXPECT_EQ(t.due[row], ItemTable::no_date);
  EXPECT_EQ(t.due_text[row], "TBD");
  EXPECT_EQ(t.state[row], static_cast<std::int8_t>(State::in_progress));
  const auto row3 = std::find(t.id.begin(), t.id.end(), 3) - t.id.begin();
  EXPECT_EQ(t.due[row3], (date(2017, 5, 30) - date(1970, 1, 1)).days());
  EXPECT_EQ(t.closed[row3], ItemTable::no_date);
}
