#include <gtest/gtest.h>

#include <libtracker/error.hpp>
#include <libtracker/store.hpp>

#include "support.hpp"

using namespace libtracker;
using namespace libtracker::fixtures;

namespace {

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override { store.set_today(date(2017, 6, 15)); }
  Store store = test_store();
};

}  // namespace

TEST_F(StoreTest, AddGivesIdCreatedDateAndVersion) {
  ActionItem in = item("Research collaborative tools the RT may use that can be publicly archived.",
                       {"ICANN Org"}, Due::tbd());
  in.tags = {"tools"};
  const ActionItem out = store.add(in);
  EXPECT_GT(out.id, 0);
  EXPECT_EQ(out.created, date(2017, 6, 15));
  EXPECT_EQ(out.version, 1);
  EXPECT_FALSE(out.closed);
  const ActionItem back = store.get(out.id);
  EXPECT_EQ(back.text, in.text);
  EXPECT_EQ(back.owners, std::vector<std::string>{"ICANN Org"});
  EXPECT_TRUE(back.due.is_tbd());
  EXPECT_EQ(back.tags, std::vector<std::string>{"tools"});
}

TEST_F(StoreTest, EveryFieldRoundTrips) {
  const Meeting m = store.add_meeting(
      {0, "SSR2 Staff, Co-Chairs Coordination", date(2017, 6, 15), "ICANN59 Johannesburg"});
  ActionItem in = item("Send written responses to RT questions", {"ICANN Org", "Denise Michel"},
                       Due::on(date(2017, 6, 20), "6/20"), State::in_progress);
  in.details = std::string(5000, 'q') + " (GH) How does GSE work?";
  in.status_note = "Draft with RT for review. Scheduled to publish 6/20.";
  in.tags = {"gse", "briefing"};
  in.meeting = m.id;
  in.impact = Rating::high;
  in.effort = Rating::low;
  in.ref = "12";
  in.created = date(2017, 6, 1);
  const ActionItem back = store.get(store.add(in).id);
  EXPECT_EQ(back.details, in.details);
  EXPECT_EQ(back.owners, in.owners);
  EXPECT_EQ(back.due, in.due);
  EXPECT_EQ(back.due.text(), "6/20");
  EXPECT_EQ(back.state, State::in_progress);
  EXPECT_EQ(back.status_note, in.status_note);
  EXPECT_EQ(back.tags, in.tags);
  EXPECT_EQ(back.meeting, m.id);
  EXPECT_EQ(back.impact, Rating::high);
  EXPECT_EQ(back.effort, Rating::low);
  EXPECT_EQ(back.ref, "12");
  EXPECT_EQ(back.created, date(2017, 6, 1));
  EXPECT_EQ(store.find_ref("12")->id, back.id);
  EXPECT_FALSE(store.find_ref("13"));
}

TEST_F(StoreTest, OwnersAreStoredOnceCaseInsensitively) {
  store.add(item("a", {"ICANN Org"}));
  const ActionItem b = store.add(item("b", {"icann org", "James Gannon", "JAMES GANNON"}));
  EXPECT_EQ(b.owners, (std::vector<std::string>{"ICANN Org", "James Gannon"}));
  EXPECT_EQ(store.owners().size(), 2u);
  store.add_owner("Geoff Huston", "GH");
  EXPECT_EQ(store.owner("geoff huston").initials, "GH");
  EXPECT_THROW(store.owner("Nobody"), NotFoundError);
}

TEST_F(StoreTest, OwnerOrderIsKept) {
  const ActionItem it = store.add(item("Draft a Statement of Work for specialist technical writer.",
                                       {"James Gannon", "Cathy Handley", "Denise Michel"}));
  EXPECT_EQ(store.get(it.id).owners,
            (std::vector<std::string>{"James Gannon", "Cathy Handley", "Denise Michel"}));
}

TEST_F(StoreTest, RejectsEmptyTextAndUnknownMeeting) {
  EXPECT_THROW(store.add(item("   ")), InvalidArgumentError);
  ActionItem it = item("x");
  it.meeting = 42;
  EXPECT_THROW(store.add(it), NotFoundError);
  EXPECT_EQ(store.count(), 0);
}

TEST_F(StoreTest, UpdateChangesOnlyTheGivenFieldsAndBumpsTheVersion) {
  const ActionItem it = store.add(item("Distribute draft Johannesburg agenda to email list.",
                                       {"Co-Chairs"}, Due::on(date(2017, 5, 30), "30 May")));
  ItemChanges c;
  c.due = Due::on(date(2017, 6, 20), "6/20");
  const ActionItem after = store.update(it.id, c, it.version);
  EXPECT_EQ(after.version, 2);
  EXPECT_EQ(after.due.date(), date(2017, 6, 20));
  EXPECT_EQ(after.text, it.text);
  EXPECT_EQ(after.owners, it.owners);
  // A no-op update changes nothing, not even the version.
  EXPECT_EQ(store.update(it.id, c).version, 2);
  EXPECT_EQ(store.update(it.id, ItemChanges{}).version, 2);
}

TEST_F(StoreTest, StaleWriteIsAConflictAndChangesNothing) {
  const ActionItem it =
      store.add(item("Schedule remainder of briefings related to SSR1.", {"ICANN Org"}));
  ItemChanges first;
  first.status_note = "Briefing proposed for Johannesburg";
  store.update(it.id, first, it.version);
  ItemChanges second;
  second.status_note = "stale";
  EXPECT_THROW(store.update(it.id, second, it.version), ConflictError);
  EXPECT_THROW(store.set_state(it.id, State::done, "", it.version), ConflictError);
  const ActionItem now = store.get(it.id);
  EXPECT_EQ(now.status_note, "Briefing proposed for Johannesburg");
  EXPECT_EQ(now.state, State::open);
  EXPECT_EQ(now.version, 2);
  EXPECT_EQ(store.history(it.id).size(), 2u);  // created + one change
}

TEST_F(StoreTest, ClosingSetsAndReopeningClearsTheClosedDate) {
  const ActionItem it = store.add(item("Draft SSR2 progress report", {"ICANN Org"}));
  store.set_today(date(2017, 6, 20));
  const ActionItem done = store.set_state(it.id, State::done, "Circulated 6/20");
  EXPECT_EQ(done.closed, date(2017, 6, 20));
  ASSERT_EQ(store.notes(it.id).size(), 1u);
  EXPECT_EQ(store.notes(it.id)[0].text, "Circulated 6/20");
  EXPECT_EQ(store.notes(it.id)[0].at.date(), date(2017, 6, 20));
  const ActionItem reopened = store.set_state(it.id, State::in_progress);
  EXPECT_FALSE(reopened.closed);
  const ActionItem cancelled = store.set_state(it.id, State::cancelled);
  EXPECT_EQ(cancelled.closed, date(2017, 6, 20));
}

TEST_F(StoreTest, AddingClosedItemsRecordsTheirClosedDate) {
  ActionItem in = item("Provide SSR1 briefings schedule", {}, {}, State::done);
  EXPECT_EQ(store.add(in).closed, date(2017, 6, 15));
  in.closed = date(2017, 6, 2);
  EXPECT_EQ(store.add(in).closed, date(2017, 6, 2));
}

TEST_F(StoreTest, NotesAreDatedAndAuthored) {
  const std::string author = recorded_actor(store, "Larisa");
  if (on_server()) EXPECT_NE(store.actor(), "Larisa");
  const ActionItem it =
      store.add(item("Schedule a call with Mr. Matogoro regarding connectivity cc. co-chairs."));
  store.add_note(it.id, "followed up 6/2");
  const auto notes = store.notes(it.id);
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0].author, author);
  EXPECT_EQ(notes[0].at.date(), date(2017, 6, 15));
  EXPECT_THROW(store.add_note(999, "x"), NotFoundError);
  EXPECT_THROW(store.add_note(it.id, "  "), InvalidArgumentError);
}

TEST_F(StoreTest, RemoveDeletesTheItemButKeepsItsHistory) {
  const ActionItem it = store.add(item("Entered by mistake", {"SSR2-RT"}));
  store.add_note(it.id, "oops");
  store.remove(it.id);
  EXPECT_THROW(store.get(it.id), NotFoundError);
  EXPECT_TRUE(store.notes(it.id).empty());
  const auto h = store.history(it.id);
  ASSERT_FALSE(h.empty());
  EXPECT_EQ(h.back().kind, EventKind::deleted);
  EXPECT_THROW(store.remove(it.id), NotFoundError);
  EXPECT_THROW(store.history(12345), NotFoundError);
}

TEST_F(StoreTest, ARemovedItemsIdIsNeverGivenAgain) {
  // Its history still names it: a new item with the same id would inherit that history.
  const ItemId first = store.add(item("Draft the work plan")).id;
  const ItemId last = store.add(item("Entered by mistake")).id;
  store.remove(last);
  const ActionItem next = store.add(item("Circulate the work plan"));
  EXPECT_GT(next.id, last);
  EXPECT_EQ(store.history(next.id).size(), 1u);
  EXPECT_EQ(store.history(last).back().kind, EventKind::deleted);
  store.remove(next.id);
  store.remove(first);
  EXPECT_GT(store.add_all({item("Book the room"), item("Send the agenda")}).at(0), next.id);
}

TEST_F(StoreTest, GetUnknownIdIsNotFound) {
  EXPECT_THROW(store.get(1), NotFoundError);
  EXPECT_THROW(store.update(1, ItemChanges{}), NotFoundError);
  EXPECT_THROW(store.set_state(1, State::done), NotFoundError);
}

TEST_F(StoreTest, BulkAddIsAllOrNothing) {
  std::vector<ActionItem> items{item("one"), item("two"), item("  ")};
  EXPECT_THROW(store.add_all(items), InvalidArgumentError);
  EXPECT_EQ(store.count(), 0);
  items.pop_back();
  EXPECT_EQ(store.add_all(items).size(), 2u);
  EXPECT_EQ(store.count(), 2);
}

TEST_F(StoreTest, AtomicallyRollsBackEverythingOnError) {
  store.add(item("kept"));
  EXPECT_THROW(store.atomically([&] {
    store.add(item("one"));
    store.add_note(1, "a note");
    throw std::runtime_error("import failed half way");
  }),
               std::runtime_error);
  EXPECT_EQ(store.count(), 1);
  EXPECT_TRUE(store.notes(1).empty());
  store.atomically([&] {
    store.add(item("two"));
    store.add(item("three"));
  });
  EXPECT_EQ(store.count(), 3);
}

TEST_F(StoreTest, MeetingsAndEventDates) {
  const Meeting m = store.add_meeting(
      {0, "SSR2 Staff, Co-Chairs Coordination", date(2017, 6, 15), "ICANN59 Johannesburg"});
  EXPECT_EQ(store.meeting(m.id).place, "ICANN59 Johannesburg");
  store.add_meeting({0, "ICANN59 Policy Forum", date(2017, 6, 26), "Johannesburg"});
  EXPECT_EQ(store.event_date("ICANN59"), date(2017, 6, 15));
  EXPECT_EQ(store.event_date("icann59"), date(2017, 6, 15));
  EXPECT_FALSE(store.event_date("ICANN5"));  // a word, not a prefix of one
  EXPECT_FALSE(store.event_date("ICANN60"));
  EXPECT_EQ(store.meetings().size(), 2u);
  EXPECT_THROW(store.meeting(99), NotFoundError);
  EXPECT_THROW(store.add_meeting({0, " ", date(2017, 6, 15), ""}), Error);
}

TEST_F(StoreTest, OwnersHaveAnOptionalCheckedEmailAddress) {
  store.add_owner("Guðrun Poulsen");
  EXPECT_EQ(store.owner("Guðrun Poulsen").email, "");
  const Owner o = store.set_owner_email("guðrun poulsen", " gudrun.poulsen@example.org ");
  EXPECT_EQ(o.name, "Guðrun Poulsen");
  EXPECT_EQ(o.email, "gudrun.poulsen@example.org");
  EXPECT_EQ(store.owners().at(0).email, "gudrun.poulsen@example.org");
  EXPECT_THROW(store.set_owner_email("Guðrun Poulsen", "g@example.org\r\nBcc: x@example.org"),
               ParseError);
  EXPECT_THROW(store.set_owner_email("Nobody", "nobody@example.org"), NotFoundError);
  EXPECT_TRUE(store.owners().size() == 1u);  // the unknown name created nobody
  EXPECT_EQ(store.owner("Guðrun Poulsen").email, "gudrun.poulsen@example.org");
  EXPECT_EQ(store.set_owner_email("Guðrun Poulsen", "").email, "");
}

TEST_F(StoreTest, RemindersSentAreRecordedWithTimeActorAndItems) {
  store.set_today(date(2017, 6, 15));
  const std::string staff = recorded_actor(store, "ssr2-staff");
  SentReminder r;
  r.day = date(2017, 6, 15);
  r.recipient = "Guðrun Poulsen";
  r.address = "gudrun.poulsen@example.org";
  r.message_id = "reminder.1@example.org";
  r.items = {3, 12, 7};
  const SentReminder stored = store.record_reminder(r);
  EXPECT_GT(stored.id, 0);
  r.recipient = "Danko Jevtović";
  r.items = {};
  store.record_reminder(r);
  const std::vector<SentReminder> mine = store.reminders_sent("guðrun POULSEN");
  ASSERT_EQ(store.reminders_sent().size(), 2u);
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(mine[0].day, date(2017, 6, 15));
  EXPECT_EQ(mine[0].sent_at.date(), date(2017, 6, 15));
  EXPECT_EQ(mine[0].actor, staff);
  EXPECT_EQ(mine[0].address, "gudrun.poulsen@example.org");
  EXPECT_EQ(mine[0].message_id, "reminder.1@example.org");
  EXPECT_EQ(mine[0].items, (std::vector<ItemId>{3, 12, 7}));
  EXPECT_TRUE(store.reminders_sent("Danko Jevtović").at(0).items.empty());
  r.recipient = " ";
  EXPECT_THROW(store.record_reminder(r), Error);
}

TEST_F(StoreTest, SettingsAreKeptUntilRemoved) {
  EXPECT_FALSE(store.setting("mail.from"));
  store.set_setting("mail.from", "SSR2 Staff <ssr2-staff@example.org>");
  store.set_setting("mail.from", "Jennifer Bryce <jennifer.bryce@example.org>");
  EXPECT_EQ(store.setting("mail.from"), "Jennifer Bryce <jennifer.bryce@example.org>");
  store.set_setting("mail.from", "");
  EXPECT_FALSE(store.setting("mail.from"));
  EXPECT_THROW(store.set_setting(" ", "x"), Error);
}

TEST_F(StoreTest, GroupsHaveMembers) {
  store.add_member("Co-Chairs", "James Gannon");
  store.add_member("Co-Chairs", "Denise Michel");
  const Owner g = store.owner("co-chairs");
  EXPECT_EQ(g.members, (std::vector<std::string>{"Denise Michel", "James Gannon"}));
  EXPECT_THROW(store.add_member("Co-Chairs", "co-chairs"), InvalidArgumentError);
}

TEST_F(StoreTest, FixedClockDrivesEveryTimestamp) {
  store.set_today(date(2017, 5, 1));
  const ActionItem it = store.add(item("x"));
  EXPECT_EQ(store.history(it.id)[0].at.date(), date(2017, 5, 1));
  EXPECT_EQ(store.today(), date(2017, 5, 1));
  store.set_today(std::nullopt);
  EXPECT_FALSE(store.fixed_today());
  EXPECT_GT(store.today(), date(2020, 1, 1));
}

TEST_F(StoreTest, InvalidArgumentsAreInvalidArgumentErrorsAndWriteNothing) {
  EXPECT_THROW(store.set_today(date(boost::date_time::not_a_date_time)), InvalidArgumentError);
  EXPECT_EQ(store.today(), date(2017, 6, 15));
  EXPECT_THROW(store.add_owner("  "), InvalidArgumentError);
  EXPECT_THROW(store.add_member("", "James Gannon"), InvalidArgumentError);
  EXPECT_THROW(store.add(item("x", {"Co-Chairs", " "})), InvalidArgumentError);
  const ActionItem it = store.add(item("x"));
  ItemChanges blank;
  blank.text = " ";
  EXPECT_THROW(store.update(it.id, blank), InvalidArgumentError);
  EXPECT_EQ(store.get(it.id).text, "x");
  EXPECT_EQ(store.count(), 1);
  EXPECT_TRUE(store.owners().empty());
}

TEST(StoreFile, DataSurvivesReopening) {
  TempDir dir;
  const std::string path = dir.file("team.db");
  ItemId id = 0;
  {
    Store s(path);
    id = s.add(item("Draft a Statement of Work for specialist technical writer.", {"James Gannon"}))
             .id;
  }
  Store s(path);
  EXPECT_EQ(s.get(id).owners, std::vector<std::string>{"James Gannon"});
  EXPECT_EQ(s.user_version(), Store::schema_version);
}

TEST(StoreFile, TwoConnectionsWriteTheSameFile) {
  TempDir dir;
  const std::string path = dir.file("shared.db");
  Store notebook(path);
  Store script(path);
  const ActionItem a = notebook.add(item("from the notebook"));
  const ActionItem b = script.add(item("from the script"));
  EXPECT_NE(a.id, b.id);
  EXPECT_EQ(notebook.count(), 2);
  EXPECT_EQ(script.get(a.id).text, "from the notebook");
  // The second writer's stale version is refused, not lost silently.
  ItemChanges c;
  c.text = "edited by the script";
  script.update(a.id, c, 1);
  c.text = "edited by the notebook";
  EXPECT_THROW(notebook.update(a.id, c, 1), ConflictError);
  EXPECT_EQ(notebook.get(a.id).text, "edited by the script");
}

TEST(StoreOptions, EverySynchronousSettingOpensAFileAndWrites) {
  TempDir dir;
  int n = 0;
  for (const Synchronous sync :
       {Synchronous::off, Synchronous::normal, Synchronous::full, Synchronous::extra}) {
    StoreOptions options;
    options.synchronous = sync;
    const std::string path = dir.file("sync-" + std::to_string(n++) + ".db");
    {
      Store s(path, options);
      s.add(item("Written"));
    }
    EXPECT_EQ(Store(path).count(), 1);
  }
}

TEST(StoreAddress, MessagesNameATrackerByHostDatabaseAndSchemaNeverThePasswordOrByItsFile) {
  EXPECT_EQ(describe_address("postgresql://staff:s3cret-pw@db.example.org/review?schema=ssr2"),
            "PostgreSQL at db.example.org, database review, schema ssr2");
  EXPECT_EQ(describe_address("host=/run/pg dbname=teams password=s3cret-pw"),
            "PostgreSQL at /run/pg, database teams");
  EXPECT_EQ(describe_address("sqlite:///srv/ssr2/team.db"), "/srv/ssr2/team.db");
  EXPECT_EQ(describe_address("team.db"), "team.db");
}
