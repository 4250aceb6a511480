#include <gtest/gtest.h>

#include <boost/date_time/posix_time/posix_time.hpp>
#include <cstdlib>
#include <fstream>
#include <libtracker/error.hpp>
#include <libtracker/export.hpp>
#include <libtracker/import.hpp>
#include <libtracker/store.hpp>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "support.hpp"

using namespace libtracker;
using namespace libtracker::fixtures;

namespace {

const date june15(2017, 6, 15);

std::vector<ActionItem> tasks(const std::string& text) {
  return parse_items(text, Format::taskwarrior, june15, {}, "tasks.json");
}

/// A store with every state, owners, tags that Taskwarrior cannot hold, notes and ratings.
void fill(Store& store) {
  store.set_today(june15);
  ActionItem a = item("Send written responses to RT questions", {"ICANN Org", "Denise Michel"},
                      Due::on(date(2017, 6, 20)), State::in_progress);
  a.details = "(GH) How does GSE work?\nSecond line";
  a.status_note = "Draft with RT for review.";
  a.tags = {"gse", "source:SSR2 call", "project:ssr2"};
  a.impact = Rating::high;
  a.effort = Rating::medium;
  a.ref = "12";
  a.created = date(2017, 6, 1);
  const ItemId ia = store.add(a).id;
  store.add_note(ia, "Asked OCTO for input");
  store.add(item("Schedule a call with Mr. Matogoro", {"ICANN Org"}, Due::tbd(), State::blocked));
  ActionItem c = item("Distribute draft Johannesburg agenda", {"Co-Chairs"},
                      Due::on(date(2017, 5, 30)), State::done);
  c.closed = date(2017, 5, 29);
  store.add(c);
  store.add(item("Research collaborative tools", {"Régis Massé"}, {}, State::cancelled));
  ActionItem e = item("Share links to relevant articles", {}, Due::on(date(2017, 6, 22)));
  e.ref = "155de23c-a64f-49b7-8708-2c0c2f2d4fa9";
  store.add(e);
}

void expect_same_items(const std::vector<ActionItem>& before,
                       const std::vector<ActionItem>& after) {
  ASSERT_EQ(after.size(), before.size());
  for (std::size_t i = 0; i < before.size(); ++i) {
    SCOPED_TRACE(before[i].text);
    EXPECT_EQ(after[i].text, before[i].text);
    EXPECT_EQ(after[i].details, before[i].details);
    EXPECT_EQ(after[i].owners, before[i].owners);
    EXPECT_EQ(after[i].due, before[i].due);
    EXPECT_EQ(after[i].state, before[i].state);
    EXPECT_EQ(after[i].status_note, before[i].status_note);
    auto sorted = [](std::vector<std::string> v) {
      std::sort(v.begin(), v.end());
      return v;
    };
    EXPECT_EQ(sorted(after[i].tags), sorted(before[i].tags));
    EXPECT_EQ(after[i].impact, before[i].impact);
    EXPECT_EQ(after[i].effort, before[i].effort);
    EXPECT_EQ(after[i].created, before[i].created);
    EXPECT_EQ(after[i].closed, before[i].closed);
    if (!before[i].ref.empty()) EXPECT_EQ(after[i].ref, before[i].ref);
  }
}

int run(const std::string& command) {
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

TEST(TaskwarriorFormat, ReadsTaskExport) {
  const auto items = tasks(read_file(LIBTRACKER_DATA_DIR "/taskwarrior_export.json"));
  ASSERT_EQ(items.size(), 6u);  // the recurring template is left out, its instance kept
  const ActionItem& a = items[0];
  EXPECT_EQ(a.text, "Send written responses to RT questions on GSE outreach");
  EXPECT_EQ(a.ref, "5bdf5cb2-a117-4286-b23a-8d85284336d0");
  EXPECT_EQ(a.state, State::open);
  EXPECT_EQ(a.due, Due::on(date(2017, 6, 20)));
  EXPECT_EQ(a.created, date(2017, 6, 1));
  EXPECT_EQ(a.impact, Rating::high);
  EXPECT_EQ(a.tags, (std::vector<std::string>{"briefing", "gse", "project:ssr2"}));
  EXPECT_EQ(items[1].state, State::in_progress);  // started
  EXPECT_EQ(items[2].state, State::blocked);      // waiting
  EXPECT_EQ(items[3].state, State::done);
  EXPECT_EQ(items[3].closed, date(2017, 5, 29));
  EXPECT_EQ(items[4].state, State::cancelled);
  EXPECT_EQ(items[5].text, "Weekly coordination call notes");

  Store store;
  store.set_today(june15);
  const ImportResult r = import_text(
      store, read_file(LIBTRACKER_DATA_DIR "/taskwarrior_export.json"), {Format::taskwarrior});
  ASSERT_EQ(r.added.size(), 6u);
  const auto notes = store.notes(r.added[0]);
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0].text, "Asked OCTO for input");
  EXPECT_EQ(notes[0].at, boost::posix_time::ptime(date(2017, 6, 2), boost::posix_time::hours(12)));
  // The same export again updates nothing.
  const ImportResult again = import_text(
      store, read_file(LIBTRACKER_DATA_DIR "/taskwarrior_export.json"), {Format::taskwarrior});
  EXPECT_TRUE(again.added.empty());
  EXPECT_EQ(again.unchanged.size(), 6u);
}

TEST(TaskwarriorFormat, ReadsOneTaskPerLine) {
  const auto items = tasks(
      "{\"description\":\"First\",\"status\":\"pending\",\"owner\":\"James Gannon, Boban "
      "Krsic\"},\n"
      "{\"description\":\"Second\",\"status\":\"completed\",\"end\":\"20170610T120000Z\"}\n");
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].owners, (std::vector<std::string>{"James Gannon", "Boban Krsic"}));
  EXPECT_EQ(items[1].closed, date(2017, 6, 10));
  try {
    tasks(
        "{\"description\":\"First\",\"status\":\"pending\"}\n{\"description\":\"Second\","
        "\"status\":\"later\"}\n");
    FAIL() << "no ParseError";
  } catch (const ParseError& e) {
    EXPECT_EQ(e.line(), 2u);
    EXPECT_EQ(e.source(), "tasks.json");
  }
}

TEST(TaskwarriorFormat, ExportUsesStableUuids) {
  Store store;
  fill(store);
  const std::string first = export_items(store, store.find(), {Format::taskwarrior});
  const nlohmann::json doc = nlohmann::json::parse(first);
  ASSERT_EQ(doc.size(), 5u);
  const std::regex v4("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  std::set<std::string> uuids;
  for (const auto& t : doc) {
    EXPECT_TRUE(std::regex_match(t["uuid"].get<std::string>(), v4)) << t["uuid"];
    uuids.insert(t["uuid"].get<std::string>());
  }
  EXPECT_EQ(uuids.size(), 5u);
  EXPECT_EQ(doc[4]["uuid"], "155de23c-a64f-49b7-8708-2c0c2f2d4fa9");  // a uuid ref is kept
  EXPECT_EQ(doc[0]["trackerref"], "12");
  EXPECT_EQ(doc[0]["status"], "pending");
  EXPECT_TRUE(doc[0].contains("start"));
  EXPECT_EQ(doc[0]["project"], "ssr2");
  EXPECT_EQ(doc[0]["priority"], "H");
  EXPECT_EQ(doc[0]["due"], "20170620T000000Z");
  EXPECT_EQ(doc[0]["tags"], nlohmann::json::array({"gse"}));
  EXPECT_EQ(doc[1]["trackerstate"], "blocked");
  EXPECT_EQ(doc[2]["status"], "completed");
  EXPECT_EQ(doc[2]["end"], "20170529T000000Z");
  EXPECT_EQ(doc[3]["status"], "deleted");
  // Exporting writes nothing and gives the same uuids every time.
  store.set_today(date(2017, 7, 1));
  const nlohmann::json later =
      nlohmann::json::parse(export_items(store, store.find(), {Format::taskwarrior}));
  for (std::size_t i = 0; i < doc.size(); ++i) EXPECT_EQ(later[i]["uuid"], doc[i]["uuid"]);
}

TEST(TaskwarriorFormat, ExportReadsBackIntoTheSameItems) {
  Store store;
  fill(store);
  const std::string out = export_items(store, store.find(), {Format::taskwarrior});
  Store fresh;
  fresh.set_today(date(2017, 7, 1));
  import_text(fresh, out, {Format::taskwarrior});
  expect_same_items(store.find(), fresh.find());
  EXPECT_EQ(fresh.notes(1).size(), 1u);
}

// The real program: `task import` must accept our export, and what `task export` then writes
// must read back into the same items.
TEST(TaskwarriorFormat, RoundTripThroughTheRealTaskProgram) {
  if (run("command -v task >/dev/null 2>&1") != 0)
    FAIL() << "the Taskwarrior program `task` is not installed: apt-get install taskwarrior";
  TempDir dir;
  {
    std::ofstream rc(dir.file("taskrc"));
    rc << "data.location=" << dir.file("data")
       << "\nconfirmation=off\njson.array=on\nverbose=nothing\n"
       << "hooks=off\nrecurrence=off\n";
  }
  Store store;
  fill(store);
  {
    std::ofstream out(dir.file("items.json"), std::ios::binary);
    out << export_items(store, store.find(), {Format::taskwarrior});
  }
  const std::string env =
      "TASKRC='" + dir.file("taskrc") + "' TASKDATA='" + dir.file("data") + "' ";
  ASSERT_EQ(run(env + "task import '" + dir.file("items.json") + "' >'" + dir.file("import.log") +
                "' 2>&1"),
            0)
      << read_file(dir.file("import.log"));
  ASSERT_EQ(run(env + "task export >'" + dir.file("export.json") + "' 2>'" +
                dir.file("export.log") + "'"),
            0)
      << read_file(dir.file("export.log"));
  run(env + "task count status:pending >'" + dir.file("count.txt") + "' 2>/dev/null");
  EXPECT_EQ(std::stoi(read_file(dir.file("count.txt"))), 3);  // open, in progress, blocked

  const std::string exported = read_file(dir.file("export.json"));
  Store fresh;
  fresh.set_today(date(2017, 7, 1));
  const ImportResult r = import_text(fresh, exported, {Format::taskwarrior, {}, {}, "export.json"});
  ASSERT_EQ(r.added.size(), 5u);
  // Taskwarrior orders its export its own way; compare by text.
  std::vector<ActionItem> before = store.find(), after = fresh.find();
  auto by_text = [](const ActionItem& a, const ActionItem& b) { return a.text < b.text; };
  std::sort(before.begin(), before.end(), by_text);
  std::sort(after.begin(), after.end(), by_text);
  expect_same_items(before, after);
  const auto with_note =
      std::find_if(after.begin(), after.end(), [](const ActionItem& a) { return a.ref == "12"; });
  ASSERT_NE(with_note, after.end());
  ASSERT_EQ(fresh.notes(with_note->id).size(), 1u);
  EXPECT_EQ(fresh.notes(with_note->id)[0].text, "Asked OCTO for input");

  // And Taskwarrior's export imported into the original store matches every item.
  const ImportResult back = import_text(store, exported, {Format::taskwarrior});
  EXPECT_TRUE(back.added.empty());
  EXPECT_EQ(store.count(), 5);
}
