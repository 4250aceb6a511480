#include <gtest/gtest.h>

#include <algorithm>
#include <boost/date_time/posix_time/posix_time.hpp>
#include <libtracker/copy.hpp>
#include <libtracker/error.hpp>
#include <libtracker/export.hpp>
#include <libtracker/store.hpp>
#include <nlohmann/json.hpp>

#include "support.hpp"

using namespace libtracker;
using namespace libtracker::fixtures;
using boost::posix_time::hours;
using boost::posix_time::ptime;

namespace {

/// The SSR2 team's tracker as the meeting of 15 June 2017 left it: the seed items, owners with
/// initials, addresses and a group, a meeting with its agenda and people, notes, changes of
/// state, a deleted item, reminders sent and a setting.
void fill(Store& store) {
  ptime now(date(2017, 6, 1), hours(9));
  store.set_clock([&now] { return now; });
  store.set_actor("Jennifer Bryce");
  add_ssr2_items(store);
  store.add_owner("Denise Michel", "DM");
  store.set_owner_email("Denise Michel", "denise.michel@example.org");
  store.add_member("Co-Chairs", "Denise Michel");
  store.add_member("Co-Chairs", "James Gannon");

  Meeting m{0, "SSR2 Staff, Co-Chairs Coordination", date(2017, 6, 15), "ICANN59 Johannesburg"};
  m.series = "SSR2 Coordination";
  m.end_date = date(2017, 6, 16);
  m.start = 9 * 60;
  m.end = 17 * 60 + 30;
  m.time_zone = "Africa/Johannesburg";
  AgendaItem welcome;
  welcome.title = "Welcome, roll call";
  welcome.start = 9 * 60;
  welcome.duration = 15;
  welcome.chairs = {{"Denise Michel", "ICANN Board"}};
  welcome.to_be_confirmed = true;
  AgendaItem lunch;
  lunch.day = 2;
  lunch.title = "Lunch";
  lunch.kind = AgendaKind::break_time;
  lunch.presenters = {{"Boban Krsic", ""}};
  lunch.engagement = EngagementLevel{1, 3};
  lunch.notes = "Room 3";
  m.agenda = {welcome, lunch};
  const Meeting stored = store.add_meeting(m);

  now = ptime(date(2017, 6, 5), hours(14));
  store.set_actor("Steve Conte");
  store.set_state(2, State::done, "Sent to the list");
  store.add_note(9, "Working with IT for approval on requested tools.");
  store.set_state(9, State::in_progress);
  ItemChanges link;
  link.meeting = stored.id;
  link.agenda_item = stored.agenda[0].id;
  link.tags = std::vector<std::string>{"jnb", "ssr1"};
  link.impact = Rating::high;
  store.update(4, link);
  store.remove(5);  // a "deleted" event with no item

  now = ptime(date(2017, 6, 12), hours(10));
  SentReminder sent;
  sent.recipient = "Denise Michel";
  sent.address = "denise.michel@example.org";
  sent.day = date(2017, 6, 12);
  sent.message_id = "<r1@example.org>";
  sent.items = {8};
  store.record_reminder(sent);
  store.set_setting("mail.from", "ssr2-staff@example.org");
  store.set_clock(nullptr);
  store.set_today(date(2017, 6, 15));
}

/// Everything a tracker holds, as JSON: the export of its items with their notes and history,
/// and what the export leaves out (owners, meetings, deleted items' history, reminders, settings).
nlohmann::json everything(Store& store) {
  nlohmann::json all;
  all["export"] = nlohmann::json::parse(export_items(store, store.find(), {Format::json}));
  for (const Owner& o : store.owners())
    all["owners"].push_back({o.id, o.name, o.initials, o.email, o.members});
  for (const Meeting& m : store.meetings()) {
    nlohmann::json agenda = nlohmann::json::array();
    for (const AgendaItem& a : m.agenda) {
      nlohmann::json people = nlohmann::json::array();
      for (const auto* list : {&a.chairs, &a.presenters})
        for (const Participant& p : *list) people.push_back({p.name, p.affiliation});
      agenda.push_back({a.id, a.position, a.day, a.start.value_or(-1), a.end.value_or(-1),
                        a.duration.value_or(-1), a.block, a.title, static_cast<int>(a.kind),
                        a.engagement ? a.engagement->low : 0, a.engagement ? a.engagement->high : 0,
                        a.to_be_confirmed, a.notes, people});
    }
    all["meetings"].push_back({m.id, m.title, to_iso_extended_string(m.date), m.place, m.series,
                               to_iso_extended_string(m.end_date), m.start.value_or(-1),
                               m.end.value_or(-1), m.time_zone, agenda});
  }
  for (const Event& e : store.events(date(2000, 1, 1), date(2100, 1, 1)))
    all["events"].push_back({e.id, e.item, to_iso_extended_string(e.at), e.actor,
                             static_cast<int>(e.kind), e.field, e.old_value, e.new_value,
                             e.version});
  for (const SentReminder& r : store.reminders_sent())
    all["reminders"].push_back({r.id, to_iso_extended_string(r.day),
                                to_iso_extended_string(r.sent_at), r.actor, r.recipient, r.address,
                                r.message_id, r.items});
  all["mail.from"] = store.setting("mail.from").value_or("");
  return all;
}

class CopyTest : public ::testing::Test {
 protected:
  TempDir dir;
  std::string source = dir.file("ssr2.db");
  /// The tracker between the two copies: a server schema when the tests run on a server.
  std::string middle = on_server() ? test_store_address() : dir.file("middle.db");
  std::string back = dir.file("back.db");
};

}  // namespace

/// The largest id of each kind a tracker gave, to see that new rows come after them.
struct LargestIds {
  std::int64_t owner = 0, note = 0, event = 0;
};

LargestIds largest_ids(Store& store) {
  LargestIds ids;
  for (const Owner& o : store.owners()) ids.owner = std::max(ids.owner, o.id);
  for (const Event& e : store.events(date(2000, 1, 1), date(2100, 1, 1))) {
    ids.event = std::max(ids.event, e.id);
    if (e.kind != EventKind::deleted)
      for (const Note& n : store.notes(e.item)) ids.note = std::max(ids.note, n.id);
  }
  return ids;
}

TEST_F(CopyTest, KeepsEveryRowWithItsIdsTimesAndActorsThereAndBack) {
  nlohmann::json expected;
  LargestIds largest;
  {
    Store store(source);
    fill(store);
    expected = everything(store);
    largest = largest_ids(store);
  }
  const auto deleted = std::count_if(expected["events"].begin(), expected["events"].end(),
                                     [](const nlohmann::json& e) { return e[1] == 5; });
  ASSERT_EQ(deleted, 2);  // item 5's "created" and "deleted" events, without the item
  const CopyCounts there = copy_tracker(source, middle);
  EXPECT_EQ(there.items, 9);
  EXPECT_EQ(there.owners, static_cast<std::int64_t>(expected["owners"].size()));
  EXPECT_EQ(there.group_members, 2);
  EXPECT_EQ(there.meetings, 1);
  EXPECT_EQ(there.agenda_items, 2);
  EXPECT_GE(there.notes, 1);
  EXPECT_EQ(there.events, static_cast<std::int64_t>(expected["events"].size()));
  EXPECT_EQ(there.reminders, 1);
  EXPECT_EQ(there.settings, 1);
  EXPECT_EQ(copy_tracker(middle, back).events, there.events);

  for (const std::string& address : {middle, back}) {
    SCOPED_TRACE(address);
    Store copy(address);
    copy.set_today(date(2017, 6, 15));
    EXPECT_EQ(everything(copy), expected);
    EXPECT_EQ(copy.on_server(), address == middle && on_server());
    // The full-text index holds the copied items.
    Query words;
    words.text = "threat mitigation";
    const std::vector<ActionItem> found = copy.find(words);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].id, 10);

    // New rows get ids past the copied ones (on a server, after its sequences were moved).
    const ActionItem added = copy.add(item("Circulate the work plan", {"Kerry-Ann Barrett"}));
    EXPECT_EQ(added.id, 11);
    EXPECT_GT(copy.history(added.id).front().id, largest.event);
    EXPECT_EQ(copy.owner("Kerry-Ann Barrett").id, largest.owner + 1);
    EXPECT_EQ(copy.add_note(added.id, "Sent.").id, largest.note + 1);
    EXPECT_EQ(copy.add_meeting({0, "SSR2 Plenary", date(2017, 6, 29), ""}).id, 2);
    Meeting with_agenda{0, "SSR2 Plenary", date(2017, 7, 6), ""};
    with_agenda.agenda.push_back({});
    with_agenda.agenda.back().title = "Work plan";
    EXPECT_EQ(copy.add_meeting(with_agenda).agenda.at(0).id, 3);
    SentReminder again;
    again.recipient = "Denise Michel";
    again.address = "denise.michel@example.org";
    again.day = date(2017, 6, 15);
    EXPECT_EQ(copy.record_reminder(again).id, 2);
  }
}

TEST_F(CopyTest, RefusesADestinationThatHoldsAnythingAndWritesNothing) {
  {
    Store store(source);
    fill(store);
  }
  nlohmann::json before;
  {
    Store destination(middle);
    destination.set_setting("mail.from", "someone@example.org");
    before = everything(destination);
  }
  try {
    copy_tracker(source, middle);
    FAIL() << "a destination with a setting was written over";
  } catch (const NotEmptyError& e) {
    EXPECT_NE(std::string(e.what()).find("(1 row in settings)"), std::string::npos) << e.what();
    EXPECT_EQ(e.destination(), Store(middle).path());
  }
  Store destination(middle);
  EXPECT_EQ(everything(destination), before);
  EXPECT_EQ(destination.count(), 0);
}

TEST_F(CopyTest, ReplaceEmptiesTheDestinationFirstUnlessAServerHasAHistory) {
  {
    Store store(source);
    fill(store);
  }
  {
    Store destination(middle);
    destination.add(item("An item of another team"));
  }
  CopyOptions replace;
  replace.replace = true;
  if (on_server()) {
    // The server's history is append-only: the other team's "created" event stays.
    EXPECT_THROW(copy_tracker(source, middle, replace), NotEmptyError);
    Store destination(middle);
    EXPECT_EQ(destination.count(), 1);
    EXPECT_EQ(destination.get(1).text, "An item of another team");
    return;
  }
  copy_tracker(source, middle, replace);
  Store copy(middle);
  Store original(source);
  copy.set_today(date(2017, 6, 15));
  original.set_today(date(2017, 6, 15));
  EXPECT_EQ(everything(copy), everything(original));
  Query words;
  words.text = "another team";
  EXPECT_TRUE(copy.find(words).empty());  // the index forgot the replaced item
}

TEST_F(CopyTest, ASourceThatDoesNotExistIsNotCreated) {
  EXPECT_THROW(copy_tracker(dir.file("missing.db"), back), NotFoundError);
  EXPECT_FALSE(std::filesystem::exists(dir.file("missing.db")));
  EXPECT_FALSE(std::filesystem::exists(back));
}

TEST_F(CopyTest, ADeletedItemsIdIsNotGivenAgain) {
  {
    Store store(source);
    add_ssr2_items(store);
    store.remove(10);  // its "created" and "deleted" events name it
  }
  copy_tracker(source, middle);
  Store copy(middle);
  const ActionItem added = copy.add(item("Circulate the work plan"));
  EXPECT_EQ(added.id, 11);
  EXPECT_EQ(copy.history(added.id).size(), 1u);
  copy.remove(added.id);
  // And back to a file: the ids of both deleted items stay retired there.
  copy_tracker(middle, back);
  Store file(back);
  EXPECT_EQ(file.add(item("Circulate the work plan again")).id, 12);
}
