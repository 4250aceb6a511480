#include <gtest/gtest.h>

#include <filesystem>
#include <libtracker/error.hpp>
#include <libtracker/export.hpp>
#include <libtracker/formats.hpp>
#include <libtracker/import.hpp>
#include <libtracker/store.hpp>

#include "support.hpp"

using namespace libtracker;
using namespace libtracker::fixtures;

namespace {

const date june15(2017, 6, 15);

/// Everything a user could see of the store: every item with its notes and history.
std::string dump(const Store& store) {
  return std::to_string(store.count()) + "\n" + export_items(store, store.find(), {Format::json});
}

class ImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store.set_today(june15);
    add_ssr2_items(store);
    store.add_note(1, "Discussed on the 8 June call");
    store.set_state(2, State::in_progress);
    ActionItem numbered =
        item("Review non-disclosure form with ICANN Legal", {"James Gannon"}, Due::tbd());
    numbered.ref = "1";
    store.add(numbered);
  }
  Store store = test_store();
};

std::string replace(std::string text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << "missing: " << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

}  // namespace

// -- the bad-input corpus: each file a typed error, the database unchanged ------------------

class BadInput : public ImportTest, public ::testing::WithParamInterface<std::string> {};

TEST_P(BadInput, IsAParseErrorAndChangesNothing) {
  const std::filesystem::path dir = std::filesystem::path(LIBTRACKER_DATA_DIR) / "bad" / GetParam();
  const Format format = GetParam() == "csv"    ? Format::csv
                        : GetParam() == "json" ? Format::json
                                               : Format::taskwarrior;
  const std::string before = dump(store);
  std::size_t cases = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    SCOPED_TRACE(name);
    ++cases;
    ImportOptions options;
    options.format = format;
    options.source = name;
    try {
      import_text(store, read_file(entry.path().string()), options);
      ADD_FAILURE() << name << " was imported";
    } catch (const ParseError& e) {
      EXPECT_EQ(e.source(), name) << e.what();
      EXPECT_GE(e.line(), 1u) << e.what();
      EXPECT_EQ(std::string(e.what()).rfind(name + ":", 0), 0u) << e.what();
    } catch (const std::exception& e) {
      ADD_FAILURE() << name << ": not a ParseError: " << e.what();
    }
    EXPECT_TRUE(dump(store) == before) << name << " changed the store";
  }
  EXPECT_GE(cases, 30u);
}

INSTANTIATE_TEST_SUITE_P(Corpus, BadInput, ::testing::Values("csv", "json", "taskwarrior"));

TEST_F(ImportTest, TenMegabyteFieldIsRefused) {
  const std::string before = dump(store);
  const std::string big(10u << 20, 'a');
  for (const std::string& text : {"Action,Owner\nShort,Alice Smith\n\"" + big + "\",Bob Jones\n",
                                  "Action,Owner\nShort,Alice Smith\n" + big + ",Bob Jones\n"}) {
    try {
      import_text(store, text, {Format::csv, {}, {}, "big.csv"});
      ADD_FAILURE() << "imported";
    } catch (const ParseError& e) {
      EXPECT_EQ(e.line(), 3u);
      EXPECT_LT(std::string(e.what()).size(), 400u);
    }
  }
  EXPECT_TRUE(dump(store) == before);
}

TEST_F(ImportTest, AnErrorInTheLastRowWritesNothingOfTheRest) {
  const std::string before = dump(store);
  std::string csv = "Action,Owner\n";
  for (int i = 0; i < 500; ++i) csv += "New action " + std::to_string(i) + ",Alice Smith\n";
  csv += "Last action,Alice,,Bob\n";
  EXPECT_THROW(import_text(store, csv, {Format::csv}), ParseError);
  EXPECT_TRUE(dump(store) == before);
}

TEST_F(ImportTest, IcsIsNotAnImportFormat) {
  EXPECT_THROW(import_text(store, "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", {Format::ics}),
               ParseError);
  EXPECT_THROW(export_items(store, store.find(), {Format::minutes}), InvalidArgumentError);
}

// -- re-import -----------------------------------------------------------------------------

TEST(Reimport, SeedMinutesTwiceThenNextWeeksVersion) {
  Store store = test_store();
  store.set_today(june15);
  const std::string minutes = read_file(LIBTRACKER_SEEDS_DIR "/004_aef3142de91aa82d.txt");
  ImportOptions options;
  options.format = Format::minutes;
  options.source = "004_aef3142de91aa82d.txt";
  const ImportResult first = import_text(store, minutes, options);
  ASSERT_GE(first.added.size(), 15u);
  EXPECT_TRUE(first.updated.empty());
  const std::int64_t count = store.count();

  const ImportResult second = import_text(store, minutes, options);
  EXPECT_TRUE(second.added.empty());
  EXPECT_TRUE(second.updated.empty());
  EXPECT_EQ(static_cast<std::int64_t>(second.unchanged.size()), count);
  EXPECT_EQ(store.count(), count);

  // Next week: one due date moved, one status changed, one item added.
  store.set_today(date(2017, 6, 22));
  std::string next =
      replace(minutes, "Distribute draft Johannesburg agenda to email list.\tCo-Chairs\t30 May",
              "Distribute draft Johannesburg agenda to email list.\tCo-Chairs\t6 June");
  next = replace(next,
                 "- Staff to provide list of events recommended for SSR2 to attend during ICANN59 "
                 "Johannesburg.\n - Status: In progress.",
                 "- Staff to provide list of events recommended for SSR2 to attend during ICANN59 "
                 "Johannesburg.\n - Status: Completed.");
  next = replace(next, "Schedule remainder of briefings related to SSR1.\tICANN Org\tTBD\n",
                 "Schedule remainder of briefings related to SSR1.\tICANN Org\tTBD\n"
                 "Circulate the ICANN59 session summary to the RT.\tDenise Michel\t29 June\n");
  options.reference = date(2017, 6, 22);
  const ImportResult third = import_text(store, next, options);
  ASSERT_EQ(third.added.size(), 1u);
  EXPECT_EQ(store.get(third.added[0]).text, "Circulate the ICANN59 session summary to the RT.");
  ASSERT_EQ(third.updated.size(), 2u);
  EXPECT_EQ(static_cast<std::int64_t>(third.unchanged.size()), count - 2);
  EXPECT_EQ(store.count(), count + 1);

  const auto agenda = store.find([] {
    Query q;
    q.text = "Distribute draft Johannesburg agenda";
    return q;
  }());
  ASSERT_EQ(agenda.size(), 1u);
  EXPECT_EQ(agenda[0].due, Due::on(date(2017, 6, 6)));
  const auto events = store.history(agenda[0].id);
  ASSERT_EQ(events.back().kind, EventKind::changed);
  EXPECT_EQ(events.back().field, "due");
  EXPECT_EQ(events.back().old_value, "2017-05-30");
  EXPECT_EQ(events.back().new_value, "2017-06-06");
  EXPECT_EQ(events.back().at.date(), date(2017, 6, 22));

  const auto list = store.find([] {
    Query q;
    q.text = "list of events recommended";
    return q;
  }());
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].state, State::done);
  bool state_event = false;
  for (const Event& e : store.history(list[0].id))
    state_event = state_event ||
                  (e.field == "state" && e.old_value == "in_progress" && e.new_value == "done");
  EXPECT_TRUE(state_event);
}

TEST(Reimport, NextWeeksCsvUpdatesByItemNumber) {
  Store store = test_store();
  store.set_today(june15);
  const std::string week1 = read_file(LIBTRACKER_DATA_DIR "/ssr2_action_table.csv");
  const ImportResult first =
      import_text(store, week1, {Format::csv, {}, {}, "ssr2_action_table.csv"});
  ASSERT_EQ(first.added.size(), 7u);

  // Item 4 is renamed and started, item 3 slips, a new item 8 appears.
  std::string week2 = replace(week1, "4,Draft a Statement of Work for specialist technical writer.",
                              "4,Draft the Statement of Work for the specialist technical writer.");
  week2 = replace(week2, "25 May 2017,30 June,Not started,",
                  "25 May 2017,30 June,In progress,First draft circulated");
  week2 = replace(week2, "30 May 2017,22 June,In progress,", "30 May 2017,29 June,In progress,");
  week2 += "8,Circulate the ICANN59 session summary,Denise Michel,22 June 2017,29 June,Open,\r\n";
  store.set_today(date(2017, 6, 22));
  const ImportResult second =
      import_text(store, week2, {Format::csv, date(2017, 6, 22), {}, "week2.csv"});
  ASSERT_EQ(second.added.size(), 1u);
  EXPECT_EQ(second.updated.size(), 2u);
  EXPECT_EQ(second.unchanged.size(), 5u);
  const ActionItem sow = *store.find_ref("4");
  EXPECT_EQ(sow.text, "Draft the Statement of Work for the specialist technical writer.");
  EXPECT_EQ(sow.state, State::in_progress);
  EXPECT_EQ(sow.status_note, "First draft circulated");
  EXPECT_EQ(store.find_ref("3")->due, Due::on(date(2017, 6, 29)));
  // Progress notes left empty do not erase what the tracker knows.
  EXPECT_EQ(store.find_ref("1")->status_note,
            "Draft with RT for review.\nScheduled to publish 6/20.");
}

TEST(Reimport, EmptyCellsDoNotEraseAndTextAndOwnersMatchWithoutNumbers) {
  Store store = test_store();
  store.set_today(june15);
  ActionItem a = item("Share links to relevant articles", {"ICANN Org", "Denise Michel"},
                      Due::on(date(2017, 6, 22)));
  a.status_note = "Links collected";
  a.tags = {"threats"};
  const ItemId id = store.add(a).id;
  const ImportResult r = import_text(store,
                                     "Action,Owner,Due,Progress Notes,Tags\n  SHARE links to "
                                     "relevant articles ,\"denise michel; ICANN org\",,,\n",
                                     {Format::csv});
  EXPECT_EQ(r.unchanged, std::vector<ItemId>{id});
  const ActionItem after = store.get(id);
  EXPECT_EQ(after.status_note, "Links collected");
  EXPECT_EQ(after.tags, std::vector<std::string>{"threats"});
  EXPECT_EQ(after.due, Due::on(date(2017, 6, 22)));
  EXPECT_EQ(after.version, 1);
}

TEST(Reimport, ProgressIsReportedAndItemsLinkToTheMeeting) {
  Store store = test_store();
  store.set_today(june15);
  const Meeting m = store.add_meeting({0, "SSR2 call", june15, "ICANN59 Johannesburg"});
  std::string csv = "Action,Owner,Due\n";
  for (int i = 0; i < 250; ++i)
    csv += "Action " + std::to_string(i) + ",Alice Smith,before ICANN59\n";
  std::vector<std::pair<std::size_t, std::size_t>> calls;
  ImportOptions options;
  options.format = Format::csv;
  options.meeting = m.id;
  options.progress = [&](std::size_t done, std::size_t total) { calls.emplace_back(done, total); };
  const ImportResult r = import_text(store, csv, options);
  EXPECT_EQ(r.added.size(), 250u);
  ASSERT_FALSE(calls.empty());
  EXPECT_LE(calls.size(), 260u);
  EXPECT_GE(calls.size(), 50u);
  EXPECT_EQ(calls.back(), std::make_pair(std::size_t{250}, std::size_t{250}));
  const ActionItem first = store.get(r.added[0]);
  EXPECT_EQ(first.meeting, m.id);
  // "before ICANN59" resolves through the store's meetings.
  EXPECT_TRUE(first.due.has_date());
  EXPECT_LE(first.due.date(), june15);
}

// -- formats ---------------------------------------------------------------------------------

TEST(Formats, NamesAndFileExtensions) {
  for (Format f : {Format::minutes, Format::csv, Format::json, Format::taskwarrior, Format::ics,
                   Format::docx, Format::pptx, Format::xlsx, Format::pdf, Format::html})
    EXPECT_EQ(format_from_string(to_string(f)), f);
  EXPECT_EQ(format_from_string(" CSV "), Format::csv);
  EXPECT_THROW(format_from_string("odt"), ParseError);  // no OpenDocument reader
  EXPECT_EQ(format_for_path("team/actions.CSV"), Format::csv);
  EXPECT_EQ(format_for_path("export.json"), Format::json);
  EXPECT_EQ(format_for_path("pending.task.json"), Format::taskwarrior);
  EXPECT_EQ(format_for_path("todo.ics"), Format::ics);
  EXPECT_EQ(format_for_path("004_aef3142de91aa82d.txt"), Format::minutes);
  EXPECT_EQ(format_for_path("notes.md"), Format::minutes);
  EXPECT_EQ(format_for_path("actions.xlsx"), Format::xlsx);
  EXPECT_EQ(format_for_path("Minutes.DOCX"), Format::docx);
  EXPECT_EQ(format_for_path("slides.pptx"), Format::pptx);
  EXPECT_EQ(format_for_path("minutes.pdf"), Format::pdf);
  EXPECT_EQ(format_for_path("tracker.htm"), Format::html);
  EXPECT_THROW(format_for_path("actions.ods"), ParseError);
  EXPECT_THROW(format_for_path("README"), ParseError);
}

TEST(ImportDates, ItemsOfAPastListHaveTheirHistoryFromTheirDay) {
  Store store = test_store();
  store.set_today(date(2026, 1, 15));  // imported long after the meeting
  ImportOptions options;
  options.format = Format::minutes;
  options.source = "tracking.txt";
  const std::string page =
      "Tracking tool, last updated 12 September 2018\n"
      "\n"
      "Open actions\n"
      "Item #\tDate of Request\tAction Item Request\tAction Owner\tDue\n"
      "41\t29 August 2018\tSend the budget figures.\tICANN org\t19 September\n"
      "\n"
      "Completed actions\n"
      "Item #\tDate of Request\tAction Item Request\tAction Owner\tCompletion Date\n"
      "35\t1 August 2018\tSend the slides.\tStaff\t7 August 2018\n";
  const ImportResult result = import_text(store, page, options);
  ASSERT_EQ(result.added.size(), 2u);
  EXPECT_EQ(result.reference, date(2018, 9, 12));
  EXPECT_EQ(result.reference_source, ReferenceSource::document);
  const ActionItem budget = store.get(result.added[0]);
  EXPECT_EQ(budget.created, date(2018, 8, 29));
  EXPECT_EQ(budget.due.date(), date(2018, 9, 19));  // the document's year, not today's
  // The report for the meeting's day sees the list as it stood then.
  EXPECT_EQ(store.items_as_of(date(2018, 9, 12)).size(), 2u);
  EXPECT_EQ(store.items_as_of(date(2018, 8, 28)).size(), 1u);  // requested on 1 August
  EXPECT_EQ(store.items_as_of(date(2018, 7, 31)).size(), 0u);
  ASSERT_TRUE(store.get_as_of(result.added[1], date(2018, 8, 5)));
  EXPECT_EQ(store.get_as_of(result.added[1], date(2018, 8, 5))->state, State::open);
  EXPECT_EQ(store.get_as_of(result.added[1], date(2018, 8, 7))->state, State::done);
  EXPECT_EQ(store.get(result.added[1]).closed, date(2018, 8, 7));
}

TEST(ImportDates, ADryRunSaysWhatWouldHappenAndWritesNothing) {
  Store store = test_store();
  store.set_today(june15);
  add_ssr2_items(store);
  const std::string before = dump(store);
  ImportOptions options;
  options.format = Format::csv;
  options.dry_run = true;
  const ImportResult result = import_text(
      store, "Action,Owner\nBook the room,Anna Berg\nSend the minutes,Tom Baker\n", options);
  EXPECT_TRUE(result.dry_run);
  EXPECT_EQ(result.added.size(), 2u);
  ASSERT_EQ(result.items.size(), 2u);
  EXPECT_EQ(result.items[1].text, "Send the minutes");
  EXPECT_EQ(dump(store), before);
}
