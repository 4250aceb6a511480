// Reminders as data: who gets which items as of a day, from the weekly report and history.

#include <gtest/gtest.h>

#include <libtracker/error.hpp>
#include <libtracker/reminders.hpp>
#include <libtracker/store.hpp>

#include "support.hpp"

using namespace libtracker;
using fixtures::date;
using fixtures::item;

namespace {

std::vector<ItemId> ids(const std::vector<ReportEntry>& entries) {
  std::vector<ItemId> out;
  for (const ReportEntry& e : entries) out.push_back(e.item.id);
  return out;
}

std::vector<std::string> names(const std::vector<Reminder>& reminders) {
  std::vector<std::string> out;
  for (const Reminder& r : reminders) out.push_back(r.name);
  return out;
}

const Reminder& of(const std::vector<Reminder>& reminders, const std::string& name) {
  for (const Reminder& r : reminders)
    if (r.name == name) return r;
  throw std::runtime_error("no reminder for " + name);
}

class RemindersTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store.set_today(date(2017, 6, 1));
    add("Draft SSR2 work plan", {"Co-Chairs", "James Gannon"}, Due::on(date(2017, 6, 9)));  // 1
    add("Share links on threat mitigation", {"ICANN Org"}, Due::on(date(2017, 6, 22)));     // 2
    add("Schedule SSR1 briefings", {"Guðrun Poulsen"}, Due::tbd());                         // 3
    add("Agenda for ICANN59", {"Danko Jevtović"}, Due::on(date(2017, 6, 16)));              // 4
    add("Outreach plan", {"Guðrun Poulsen"}, Due::on(date(2017, 7, 30)));                   // 5
    add("Review NDA", {"Danko Jevtović"}, Due::on(date(2017, 6, 10)));                      // 6
    add("Collect travel forms", {"Danko Jevtović"}, Due::on(date(2017, 6, 2)));             // 7
    add("Nobody's item", {}, Due::on(date(2017, 6, 3)));                                    // 8
    add("Reply to observers", {"SSR2-RT"}, Due::tbd());                                     // 9
    add("Book rooms", {"Boban Krsic"}, Due::on(date(2017, 6, 5)));                          // 10
    store.add_member("Co-Chairs", "Guðrun Poulsen");
    store.add_member("Co-Chairs", "Danko Jevtović");
    store.add_member("SSR2-RT", "Co-Chairs");  // a group within a group
    store.set_owner_email("Guðrun Poulsen", "gudrun.poulsen@example.org");
    store.set_owner_email("Danko Jevtović", "danko.jevtovic@example.org");
    store.set_owner_email("Boban Krsic", "boban.krsic@example.org");
    store.set_today(date(2017, 6, 2));
    store.set_state(7, State::done);
    store.set_today(date(2017, 6, 5));
    store.set_state(10, State::done);
    store.set_today(date(2017, 6, 12));
    store.set_state(6, State::done);
    store.set_today(date(2017, 6, 15));
  }
  void add(const std::string& text, std::vector<std::string> owners, Due due) {
    store.add(item(text, std::move(owners), std::move(due)));
  }
  Store store = fixtures::test_store();
};

}  // namespace

TEST_F(RemindersTest, EachPersonGetsTheirItemsBySection) {
  const Reminders r = reminders(store, date(2017, 6, 15));
  EXPECT_EQ(r.as_of, date(2017, 6, 15));
  EXPECT_EQ(r.days, 7);  // no meeting is known
  EXPECT_EQ(r.due_until, date(2017, 6, 22));
  EXPECT_FALSE(r.next_meeting);
  // Boban Krsic has an address but nothing open: no message. Items without owners are nobody's.
  EXPECT_EQ(names(r.messages), (std::vector<std::string>{"Danko Jevtović", "Guðrun Poulsen"}));
  EXPECT_EQ(names(r.not_reachable), (std::vector<std::string>{"ICANN Org", "James Gannon"}));

  const Reminder& danko = of(r.messages, "Danko Jevtović");
  EXPECT_EQ(danko.address, "danko.jevtovic@example.org");
  EXPECT_EQ(ids(danko.overdue), std::vector<ItemId>{1});  // through Co-Chairs
  EXPECT_EQ(danko.overdue.at(0).days_overdue, 6);
  EXPECT_EQ(ids(danko.due_soon), std::vector<ItemId>{4});
  EXPECT_EQ(ids(danko.no_due_date), std::vector<ItemId>{9});  // SSR2-RT > Co-Chairs > Danko
  EXPECT_TRUE(danko.later.empty());
  EXPECT_EQ(ids(danko.closed), std::vector<ItemId>{6});  // 7 was closed before the last 7 days
  EXPECT_EQ(danko.open_count(), 3u);
  EXPECT_EQ(danko.item_ids(), (std::vector<ItemId>{1, 4, 9, 6}));
  EXPECT_FALSE(danko.last_reminder);
  EXPECT_FALSE(danko.already_sent);

  const Reminder& gudrun = of(r.messages, "Guðrun Poulsen");
  EXPECT_EQ(ids(gudrun.overdue), std::vector<ItemId>{1});
  EXPECT_TRUE(gudrun.due_soon.empty());
  EXPECT_EQ(ids(gudrun.no_due_date), (std::vector<ItemId>{3, 9}));
  EXPECT_EQ(ids(gudrun.later), std::vector<ItemId>{5});
  EXPECT_TRUE(gudrun.closed.empty());

  const Reminder& icann = of(r.not_reachable, "ICANN Org");  // a group without members
  EXPECT_EQ(icann.address, "");
  EXPECT_EQ(ids(icann.due_soon), std::vector<ItemId>{2});
  EXPECT_EQ(ids(of(r.not_reachable, "James Gannon").overdue), std::vector<ItemId>{1});
}

TEST_F(RemindersTest, APastDayIsRebuiltFromHistory) {
  const Reminders r = reminders(store, date(2017, 6, 10));
  const Reminder& danko = of(r.messages, "Danko Jevtović");
  EXPECT_EQ(ids(danko.overdue), std::vector<ItemId>{1});
  EXPECT_EQ(danko.overdue.at(0).days_overdue, 1);
  EXPECT_EQ(ids(danko.due_soon), (std::vector<ItemId>{6, 4}));  // 6 was still open then
  EXPECT_TRUE(danko.closed.empty());  // 7 was closed on 2 June, before the last 7 days
  // Boban's item was closed on 5 June: on 4 June he still had something open.
  EXPECT_EQ(names(reminders(store, date(2017, 6, 4)).messages),
            (std::vector<std::string>{"Boban Krsic", "Danko Jevtović", "Guðrun Poulsen"}));
}

TEST_F(RemindersTest, TheDueSoonWindowIsDaysOrUntilTheNextMeeting) {
  ReminderOptions today_only;
  today_only.days = 0;
  const Reminders r0 = reminders(store, date(2017, 6, 15), today_only);
  EXPECT_EQ(r0.due_until, date(2017, 6, 15));
  EXPECT_EQ(ids(of(r0.messages, "Danko Jevtović").later), std::vector<ItemId>{4});

  store.add_meeting({0, "SSR2 Staff, Co-Chairs Coordination", date(2017, 6, 15), ""});  // today
  store.add_meeting({0, "SSR2 Plenary", date(2017, 6, 29), ""});
  store.add_meeting({0, "SSR2 Plenary", date(2017, 6, 20), "ICANN59 Johannesburg"});
  const Reminders meeting = reminders(store, date(2017, 6, 15));
  ASSERT_TRUE(meeting.next_meeting);
  EXPECT_EQ(meeting.next_meeting->date, date(2017, 6, 20));
  EXPECT_EQ(meeting.days, 5);
  EXPECT_EQ(meeting.due_until, date(2017, 6, 20));
  EXPECT_EQ(ids(of(meeting.not_reachable, "ICANN Org").later), std::vector<ItemId>{2});
  // The next meeting of one series.
  store.add_meeting({0, "SSR2 Staff, Co-Chairs Coordination", date(2017, 6, 22), ""});
  ReminderOptions coordination;
  coordination.series = "SSR2 Staff, Co-Chairs Coordination";
  const Reminders series = reminders(store, date(2017, 6, 15), coordination);
  ASSERT_TRUE(series.next_meeting);
  EXPECT_EQ(series.next_meeting->date, date(2017, 6, 22));
  EXPECT_EQ(series.days, 7);
  // An explicit window wins over the meeting.
  ReminderOptions fortnight;
  fortnight.days = 14;
  const Reminders wide = reminders(store, date(2017, 6, 15), fortnight);
  EXPECT_FALSE(wide.next_meeting);
  EXPECT_EQ(ids(of(wide.messages, "Guðrun Poulsen").later), std::vector<ItemId>{5});
  EXPECT_EQ(ids(of(wide.not_reachable, "ICANN Org").due_soon), std::vector<ItemId>{2});
}

TEST_F(RemindersTest, OwnersNarrowToPeopleAndGroupsToTheirMembers) {
  ReminderOptions chairs;
  chairs.owners = {"co-chairs"};
  const Reminders r = reminders(store, date(2017, 6, 15), chairs);
  EXPECT_EQ(names(r.messages), (std::vector<std::string>{"Danko Jevtović", "Guðrun Poulsen"}));
  EXPECT_TRUE(r.not_reachable.empty());
  ReminderOptions james;
  james.owners = {"James Gannon"};
  const Reminders j = reminders(store, date(2017, 6, 15), james);
  EXPECT_TRUE(j.messages.empty());
  EXPECT_EQ(names(j.not_reachable), std::vector<std::string>{"James Gannon"});
  ReminderOptions unknown;
  unknown.owners = {"Nobody Known"};
  EXPECT_THROW(reminders(store, date(2017, 6, 15), unknown), NotFoundError);
}

TEST_F(RemindersTest, ClosedSinceTheLastReminderAndSentOncePerDay) {
  SentReminder sent;
  sent.recipient = "Danko Jevtović";
  sent.address = "danko.jevtovic@example.org";
  sent.day = date(2017, 6, 1);
  store.record_reminder(sent);
  Reminders r = reminders(store, date(2017, 6, 15));
  const Reminder& danko = of(r.messages, "Danko Jevtović");
  ASSERT_TRUE(danko.last_reminder);
  EXPECT_EQ(*danko.last_reminder, date(2017, 6, 1));
  EXPECT_EQ(ids(danko.closed), (std::vector<ItemId>{7, 6}));  // since 1 June, by closed date
  EXPECT_FALSE(danko.already_sent);

  sent.day = date(2017, 6, 15);
  store.record_reminder(sent);
  r = reminders(store, date(2017, 6, 15));
  EXPECT_TRUE(of(r.messages, "Danko Jevtović").already_sent);
  EXPECT_EQ(*of(r.messages, "Danko Jevtović").last_reminder, date(2017, 6, 1));
  EXPECT_FALSE(of(r.messages, "Guðrun Poulsen").already_sent);
  // The next week, the last reminder is the one of the 15th.
  store.set_today(date(2017, 6, 22));
  const Reminders next = reminders(store, date(2017, 6, 22));
  EXPECT_EQ(*of(next.messages, "Danko Jevtović").last_reminder, date(2017, 6, 15));
  EXPECT_TRUE(of(next.messages, "Danko Jevtović").closed.empty());
}

TEST_F(RemindersTest, BadArgumentsAreErrors) {
  EXPECT_THROW(reminders(store, boost::gregorian::date(boost::date_time::not_a_date_time)), Error);
  ReminderOptions negative;
  negative.days = -1;
  EXPECT_THROW(reminders(store, date(2017, 6, 15), negative), Error);
}
