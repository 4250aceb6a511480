// The tracker command-line tool, run as a user would: the real binary, in a temporary
// directory, with its output and exit code checked.

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support.hpp"

#ifndef TRACKER_BIN
#define TRACKER_BIN ""
#endif

using namespace libtracker::fixtures;

namespace {

struct Result {
  int code = -1;
  std::string out;
  std::string err;
};

std::string quote(const std::string& arg) {
  std::string q = "'";
  for (char c : arg) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (std::string(TRACKER_BIN).empty()) GTEST_SKIP() << "built without the tracker binary";
  }

  /// Runs tracker with @p args in the temp dir; @p env is prepended ("TRACKER_DB=x").
  Result tracker(const std::vector<std::string>& args, const std::string& env = "") {
    std::string cmd = "cd " + quote(dir.path().string()) + " && " + env + " " + quote(TRACKER_BIN);
    for (const std::string& a : args) cmd += " " + quote(a);
    cmd += " > out.txt 2> err.txt < /dev/null";
    const int status = std::system(cmd.c_str());
    Result r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = read_file(dir.file("out.txt"));
    r.err = read_file(dir.file("err.txt"));
    return r;
  }
  /// tracker --db test.db --as-of DAY ARGS...
  Result on(const std::string& day, std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", "test.db", "--as-of", day});
    return tracker(args);
  }
  void write(const std::string& name, const std::string& text) {
    std::ofstream(dir.file(name), std::ios::binary) << text;
  }
  /// A small history: five items over two weeks.
  void scenario() {
    ASSERT_EQ(on("2017-06-01", {"init"}).code, 0);
    ASSERT_EQ(on("2017-06-01", {"add", "Draft SSR2 work plan", "--owner", "Co-Chairs, James Gannon",
                                "--due", "9 June"})
                  .code,
              0);
    ASSERT_EQ(on("2017-06-01", {"add", "Share links on threat mitigation", "--owner", "ICANN Org",
                                "--due", "22 June"})
                  .code,
              0);
    ASSERT_EQ(on("2017-06-01", {"add", "Schedule SSR1 briefings", "--owner", "ICANN Org", "--due",
                                "TBD", "--tag", "briefing"})
                  .code,
              0);
    ASSERT_EQ(on("2017-06-02",
                 {"add", "Research collaborative tools", "--owner", "icann org", "--due", "6/5"})
                  .code,
              0);
    ASSERT_EQ(on("2017-06-05", {"done", "4", "--note", "Tools approved"}).code, 0);
    ASSERT_EQ(on("2017-06-12", {"set", "1", "due=16 June", "status=Draft with RT"}).code, 0);
    ASSERT_EQ(on("2017-06-13", {"add", "Guðrun's <b>review</b> | =SUM(A1)", "--owner",
                                "Guðrun Poulsen", "--due", "2017-06-14"})
                  .code,
              0);
    ASSERT_EQ(on("2017-06-14", {"start", "2"}).code, 0);
  }
  std::string count(const std::string& day, std::vector<std::string> filter) {
    filter.insert(filter.begin(), "count");
    const Result r = on(day, filter);
    EXPECT_EQ(r.code, 0) << r.err;
    return r.out;
  }

  TempDir dir;
};

}  // namespace

TEST_F(CliTest, AddListCountAndShow) {
  scenario();
  const Result list = on("2017-06-15", {"list"});
  ASSERT_EQ(list.code, 0) << list.err;
  EXPECT_NE(list.out.find("Draft SSR2 work plan"), std::string::npos);
  EXPECT_NE(list.out.find("Co-Chairs, James Gannon"), std::string::npos);
  EXPECT_NE(list.out.find("2017-06-16"), std::string::npos);
  EXPECT_TRUE(list.err.empty()) << list.err;

  EXPECT_EQ(count("2017-06-15", {}), "5\n");
  EXPECT_EQ(count("2017-06-15", {"+open"}), "4\n");
  EXPECT_EQ(count("2017-06-15", {"+overdue"}), "1\n");  // the 06-14 item
  EXPECT_EQ(count("2017-06-20", {"+overdue"}), "2\n");
  EXPECT_EQ(count("2017-06-15", {"owner:ICANN Org"}), "3\n");  // quotes the shell removed
  EXPECT_EQ(count("2017-06-15", {"owner:\"ICANN Org\"", "state:in_progress"}), "1\n");
  EXPECT_EQ(count("2017-06-15", {"owner:'ICANN Org'", "+tbd"}), "1\n");
  EXPECT_EQ(count("2017-06-15", {"tag:briefing"}), "1\n");
  EXPECT_EQ(count("2017-06-15", {"due.before:20 June"}), "3\n");
  EXPECT_EQ(count("2017-06-15", {"collaborative", "+closed"}), "1\n");

  const Result json = on("2017-06-15", {"list", "--format", "json", "+open"});
  ASSERT_EQ(json.code, 0) << json.err;
  const nlohmann::json items = nlohmann::json::parse(json.out);
  ASSERT_TRUE(items.is_array());
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[0]["text"], "Draft SSR2 work plan");
  EXPECT_EQ(items[0]["owners"], nlohmann::json::array({"Co-Chairs", "James Gannon"}));
  EXPECT_EQ(items[0]["due"], "2017-06-16");
  EXPECT_EQ(items[0]["status_note"], "Draft with RT");
  EXPECT_EQ(items[1]["state"], "in_progress");
  EXPECT_EQ(items[2]["due"], "TBD");

  const Result show = on("2017-06-15", {"show", "4"});
  ASSERT_EQ(show.code, 0) << show.err;
  EXPECT_NE(show.out.find("Research collaborative tools"), std::string::npos);
  EXPECT_NE(show.out.find("ICANN Org"), std::string::npos);  // the known spelling
  EXPECT_NE(show.out.find("done"), std::string::npos);
  EXPECT_NE(show.out.find("Tools approved"), std::string::npos);
  const Result show_json = on("2017-06-15", {"show", "4", "--format", "json"});
  ASSERT_EQ(show_json.code, 0) << show_json.err;
  const nlohmann::json item = nlohmann::json::parse(show_json.out);
  EXPECT_EQ(item["id"], 4);
  EXPECT_EQ(item["closed"], "2017-06-05");
}

TEST_F(CliTest, HistoryShowsEveryChange) {
  scenario();
  const Result h = on("2017-06-15", {"history", "1"});
  ASSERT_EQ(h.code, 0) << h.err;
  std::istringstream lines(h.out);
  std::vector<std::string> all;
  for (std::string line; std::getline(lines, line);) all.push_back(line);
  ASSERT_EQ(all.size(), 3u) << h.out;
  EXPECT_EQ(all[0].rfind("2017-06-01 00:00:00", 0), 0u);
  EXPECT_NE(all[0].find("created"), std::string::npos);
  EXPECT_NE(all[1].find("due: 2017-06-09 -> 2017-06-16"), std::string::npos) << all[1];
  EXPECT_NE(all[2].find("status_note: (none) -> Draft with RT"), std::string::npos) << all[2];
  const Result state = on("2017-06-15", {"history", "4"});
  EXPECT_NE(state.out.find("state: open -> done"), std::string::npos) << state.out;
}

TEST_F(CliTest, DatabaseFromOptionEnvironmentOrWorkingDirectory) {
  EXPECT_EQ(tracker({"init"}).code, 0);
  EXPECT_TRUE(std::filesystem::exists(dir.file("tracker.db")));
  EXPECT_EQ(tracker({"add", "From the default"}).code, 0);
  EXPECT_EQ(tracker({"init"}, "TRACKER_DB=env.db").code, 0);
  EXPECT_EQ(tracker({"add", "From the environment"}, "TRACKER_DB=env.db").code, 0);
  EXPECT_EQ(tracker({"count"}, "TRACKER_DB=env.db").out, "1\n");
  EXPECT_EQ(tracker({"--db", "tracker.db", "count"}, "TRACKER_DB=env.db").out, "1\n");
  EXPECT_EQ(tracker({"list", "--format", "json"}, "TRACKER_DB=env.db").out.find("From the default"),
            std::string::npos);
}

TEST_F(CliTest, UsageErrorsExitTwo) {
  scenario();
  for (const std::vector<std::string>& args : {std::vector<std::string>{},
                                               {"frobnicate"},
                                               {"list", "--colour"},
                                               {"add"},
                                               {"show"},
                                               {"report"},
                                               {"report", "weekly", "--group-by", "colour"},
                                               {"report", "weekly", "--period", "x"},
                                               {"list", "--format", "yaml"}}) {
    std::vector<std::string> full{"--db", "test.db"};
    full.insert(full.end(), args.begin(), args.end());
    const Result r = tracker(full);
    std::string joined;
    for (const auto& a : args) joined += a + " ";
    EXPECT_EQ(r.code, 2) << joined << r.err;
    EXPECT_EQ(r.err.rfind("tracker: error: ", 0), 0u) << joined << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << joined << r.err;
    EXPECT_TRUE(r.out.empty()) << joined;
  }
  const Result help = tracker({"--help"});
  EXPECT_EQ(help.code, 0);
  EXPECT_NE(help.out.find("report"), std::string::npos);
}

TEST_F(CliTest, BadInputExitsOneAndWritesNothing) {
  scenario();
  const std::string before = on("2017-06-15", {"list", "--format", "json"}).out;
  const std::string history = on("2017-06-15", {"history", "1"}).out;
  struct Case {
    std::vector<std::string> args;
    const char* what;
  };
  for (const Case& c :
       {Case{{"add", "Bad date", "--due", "31 Febtember"}, "Febtember"},
        Case{{"add", "Bad state", "--state", "sleeping"}, "sleeping"},
        Case{{"set", "1", "status=kept?", "due=someday soon"}, "someday"},
        Case{{"set", "1", "colour=red"}, "colour"}, Case{{"set", "1", "text="}, "text"},
        Case{{"set", "99", "status=x"}, "99"}, Case{{"done", "99"}, "99"},
        Case{{"show", "abc"}, "abc"}, Case{{"note", "42", "hello"}, "42"},
        Case{{"list", "due.before:notadate"}, "notadate"},
        Case{{"report", "weekly", "--as-of", "the 45th"}, "45th"}}) {
    const Result r = on("2017-06-15", c.args);
    EXPECT_EQ(r.code, 1) << c.args[0] << " " << r.err;
    EXPECT_EQ(r.err.rfind("tracker: error: ", 0), 0u) << r.err;
    EXPECT_NE(r.err.find(c.what), std::string::npos) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  }
  EXPECT_EQ(tracker({"--db", "test.db", "--as-of", "Smarch 3", "list"}).code, 1);
  EXPECT_EQ(on("2017-06-15", {"list", "--format", "json"}).out, before);
  EXPECT_EQ(on("2017-06-15", {"history", "1"}).out, history);
}

TEST_F(CliTest, OwnersGetAddressesBySetAndFromACsv) {
  scenario();
  Result r = on("2017-06-15", {"owner", "set", "guðrun poulsen", "--email", "gp@example.org"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("Guðrun Poulsen: gp@example.org"), std::string::npos) << r.out;
  write("owners.csv",
        "name,email,initials,groups\nDanko Jevtović,danko@example.org,DJ,Co-Chairs\n"
        "James Gannon,james@example.org,JG,Co-Chairs\n");
  r = on("2017-06-15", {"owner", "import", "owners.csv"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("1 owners added, 1 updated"), std::string::npos) << r.out;
  r = on("2017-06-15", {"owner", "list"});
  EXPECT_NE(r.out.find("Co-Chairs: no e-mail address; members: Danko Jevtović, James Gannon"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("James Gannon (JG): james@example.org"), std::string::npos) << r.out;

  // Bad addresses, unknown owners and bad files are input errors that change nothing.
  const std::string before = on("2017-06-15", {"owner", "list"}).out;
  write("bad.csv", "name,email\nBoban Krsic,boban@example.org\nEmily Taylor,emily@\n");
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"owner", "set", "James Gannon", "--email", "x@y.org\r\nBcc: z"},
        {"owner", "set", "Nobody Known", "--email", "nobody@example.org"},
        {"owner", "import", "bad.csv"}}) {
    r = on("2017-06-15", args);
    EXPECT_EQ(r.code, 1) << args[2] << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  }
  EXPECT_NE(r.err.find("bad.csv:3"), std::string::npos) << r.err;
  EXPECT_EQ(on("2017-06-15", {"owner", "list"}).out, before);
}

TEST_F(CliTest, MissingDatabaseIsAStorageErrorAndIsNotCreated) {
  const Result r = tracker({"--db", "absent.db", "add", "Something"});
  EXPECT_EQ(r.code, 3);
  EXPECT_NE(r.err.find("absent.db"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(dir.file("absent.db")));
  EXPECT_EQ(tracker({"--db", "absent.db", "list"}).code, 3);
  EXPECT_FALSE(std::filesystem::exists(dir.file("absent.db")));
  write("garbage.db", std::string(4096, 'x'));
  EXPECT_EQ(tracker({"--db", "garbage.db", "list"}).code, 3);
}

TEST_F(CliTest, WeeklyReportInEveryFormat) {
  scenario();
  const Result text = on("2017-06-15", {"report", "weekly", "--page-size", "2"});
  ASSERT_EQ(text.code, 0) << text.err;
  EXPECT_NE(text.out.find("Review Open Action Items (1 of 2)"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("Review Open Action Items (2 of 2)"), std::string::npos);

  const Result json = on("2017-06-15", {"report", "weekly", "--format", "json"});
  ASSERT_EQ(json.code, 0) << json.err;
  const nlohmann::json j = nlohmann::json::parse(json.out);
  EXPECT_EQ(j["as_of"], "2017-06-15");
  EXPECT_EQ(j["period_start"], "2017-06-09");
  EXPECT_EQ(j["counts"]["open"], 4);
  EXPECT_EQ(j["counts"]["overdue"], 1);
  EXPECT_EQ(j["counts"]["new"], 1);
  EXPECT_EQ(j["counts"]["slipped"], 1);
  EXPECT_EQ(j["sections"]["slipped"][0]["old_due"], "2017-06-09");
  EXPECT_EQ(j["sections"]["overdue"][0]["days_overdue"], 1);

  // A past report, asked after later changes, with its own --as-of.
  const Result past =
      on("2017-06-20", {"report", "weekly", "--format", "json", "--as-of", "2017-06-07"});
  ASSERT_EQ(past.code, 0) << past.err;
  const nlohmann::json p = nlohmann::json::parse(past.out);
  EXPECT_EQ(p["counts"]["open"], 3);
  EXPECT_EQ(p["counts"]["completed"], 1);
  EXPECT_EQ(p["sections"]["open"][0]["due"], "2017-06-09");

  ASSERT_EQ(on("2017-06-15",
               {"report", "weekly", "--format", "html", "-o", "report.html", "--group-by", "owner"})
                .code,
            0);
  const std::string html = read_file(dir.file("report.html"));
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("Guðrun&#39;s &lt;b&gt;review&lt;/b&gt; | =SUM(A1)"), std::string::npos);
  EXPECT_NE(html.find("class=\"overdue\""), std::string::npos);

  ASSERT_EQ(on("2017-06-15", {"report", "weekly", "--format", "md", "-o", "report.md"}).code, 0);
  EXPECT_NE(read_file(dir.file("report.md")).find("| Action | Owner | Due Date | Status |"),
            std::string::npos);
  const Result csv = on("2017-06-15", {"report", "weekly", "--format", "csv"});
  ASSERT_EQ(csv.code, 0);
  EXPECT_EQ(csv.out.rfind("section,id,text,", 0), 0u);
  EXPECT_NE(csv.out.find(",Guðrun's <b>review</b> | =SUM(A1),"), std::string::npos) << csv.out;

  // A failed report leaves no file behind.
  EXPECT_EQ(on("2017-06-15", {"report", "weekly", "--as-of", "nonsense", "-o", "bad.html"}).code,
            1);
  EXPECT_FALSE(std::filesystem::exists(dir.file("bad.html")));
}

TEST_F(CliTest, ExportAndImportRoundTrip) {
  scenario();
  const Result csv = on("2017-06-15", {"export"});
  ASSERT_EQ(csv.code, 0) << csv.err;
  EXPECT_NE(csv.out.find("Draft SSR2 work plan"), std::string::npos);
  const Result json = on("2017-06-15", {"export", "--format", "json", "-o", "items.json"});
  ASSERT_EQ(json.code, 0) << json.err;
  EXPECT_TRUE(json.out.empty());
  ASSERT_EQ(on("2017-06-15", {"export", "--format", "json", "+open", "-o", "open.json"}).code, 0);

  ASSERT_EQ(tracker({"--db", "copy.db", "init"}).code, 0);
  const Result im = tracker({"--db", "copy.db", "import", "items.json"});
  ASSERT_EQ(im.code, 0) << im.err;
  EXPECT_NE(im.out.find("5 added"), std::string::npos) << im.out;
  // Piped: no progress bar.
  EXPECT_EQ(im.err.find('\r'), std::string::npos);
  EXPECT_EQ(tracker({"--db", "copy.db", "count"}).out, "5\n");
  // Again: updates nothing, adds nothing.
  const Result again = tracker({"--db", "copy.db", "import", "items.json"});
  ASSERT_EQ(again.code, 0) << again.err;
  EXPECT_NE(again.out.find("0 added"), std::string::npos) << again.out;
  EXPECT_EQ(tracker({"--db", "copy.db", "count"}).out, "5\n");

  // A broken file: exit 1, nothing imported.
  write("broken.json", "[{\"text\": \"ok\"}, {\"text\": 12, \"due\": [}");
  const Result broken = tracker({"--db", "copy.db", "import", "broken.json"});
  EXPECT_EQ(broken.code, 1) << broken.err;
  EXPECT_EQ(broken.err.rfind("tracker: error: ", 0), 0u);
  EXPECT_EQ(tracker({"--db", "copy.db", "count"}).out, "5\n");
  EXPECT_EQ(tracker({"--db", "copy.db", "import", "missing.csv"}).code, 1);
  EXPECT_EQ(tracker({"--db", "copy.db", "import", "items.json", "--format", "odt"}).code, 2);
  // A JSON file forced to be read as a PDF is bad input naming the file, and writes nothing.
  const Result forced = tracker({"--db", "copy.db", "import", "items.json", "--format", "pdf"});
  EXPECT_EQ(forced.code, 1) << forced.err;
  EXPECT_NE(forced.err.find("items.json"), std::string::npos) << forced.err;
  EXPECT_EQ(tracker({"--db", "copy.db", "count"}).out, "5\n");
}

TEST_F(CliTest, ImportsTheSeedSlidesAsPowerPointLikeTheText) {
  ASSERT_EQ(on("2017-06-15", {"init"}).code, 0);
  const std::string pptx = std::string(LIBTRACKER_DATA_DIR) + "/documents/ssr2_slides.pptx";
  const Result im = on("2017-06-15", {"import", pptx, "--ref-date", "15 June 2017"});
  ASSERT_EQ(im.code, 0) << im.err;
  EXPECT_NE(im.out.find("added"), std::string::npos) << im.out;
  EXPECT_EQ(count("2017-06-15", {"owner:SSR2-RT"}), "5\n");
  EXPECT_EQ(count("2017-06-15", {"+overdue"}), "3\n");
  // Named .txt, the PowerPoint file is still read as one (from its content): nothing new.
  write("slides.txt", read_file(pptx));
  const Result again = on("2017-06-15", {"import", "slides.txt", "--ref-date", "15 June 2017"});
  ASSERT_EQ(again.code, 0) << again.err;
  EXPECT_NE(again.out.find(" 0 added"), std::string::npos) << again.out;
  // A Word file that is cut short is bad input naming the file; nothing is written.
  const std::string docx =
      read_file(std::string(LIBTRACKER_DATA_DIR) + "/documents/cross_list.docx");
  write("cut.docx", docx.substr(0, docx.size() / 3));
  const std::string before = count("2017-06-15", {});
  const Result cut = on("2017-06-15", {"import", "cut.docx"});
  EXPECT_EQ(cut.code, 1);
  EXPECT_NE(cut.err.find("cut.docx"), std::string::npos) << cut.err;
  EXPECT_EQ(count("2017-06-15", {}), before);
}

TEST_F(CliTest, ImportsTheSeedSlides) {
  ASSERT_EQ(on("2017-06-15", {"init"}).code, 0);
  const std::string seed = std::string(LIBTRACKER_SEEDS_DIR) + "/004_aef3142de91aa82d.txt";
  const Result im =
      on("2017-06-15", {"import", seed, "--format", "minutes", "--ref-date", "15 June 2017"});
  ASSERT_EQ(im.code, 0) << im.err;
  EXPECT_EQ(count("2017-06-15", {"owner:SSR2-RT"}), "5\n");
  EXPECT_EQ(count("2017-06-15", {"+overdue"}), "3\n");
  const Result report =
      on("2017-06-15", {"report", "weekly", "--format", "md", "--page-size", "8"});
  ASSERT_EQ(report.code, 0) << report.err;
  EXPECT_NE(report.out.find("Review Open Action Items (1 of "), std::string::npos);
}

TEST_F(CliTest, ImportSaysWhatItDidWhatItSkippedAndWhichDateItUsed) {
  ASSERT_EQ(tracker({"--db", "test.db", "init"}).code, 0);
  const std::string minutes =
      std::string(LIBTRACKER_DATA_DIR) + "/import/minutes_owners_in_sentence.txt";
  // A dry run shows the items and writes nothing.
  const Result dry =
      tracker({"--db", "test.db", "import", minutes, "--format", "minutes", "--dry-run"});
  ASSERT_EQ(dry.code, 0) << dry.err;
  EXPECT_NE(dry.out.find("Would import"), std::string::npos) << dry.out;
  EXPECT_NE(dry.out.find("7 added"), std::string::npos) << dry.out;
  EXPECT_NE(dry.out.find("ICANN org to share the draft charter with the RT. [ICANN org]"),
            std::string::npos)
      << dry.out;
  EXPECT_EQ(tracker({"--db", "test.db", "count"}).out, "0\n");

  // Without --ref-date, the date the minutes state in their first line.
  const Result im = tracker({"--db", "test.db", "import", minutes, "--format", "minutes"});
  ASSERT_EQ(im.code, 0) << im.err;
  EXPECT_NE(im.out.find("7 added, 0 updated, 0 unchanged"), std::string::npos) << im.out;
  EXPECT_NE(im.out.find("Reference date: 2018-05-22 (stated in the document)"), std::string::npos)
      << im.out;
  EXPECT_NE(im.out.find("Needs review:\n  line 26: Somebody to follow up"), std::string::npos)
      << im.out;
  EXPECT_EQ(tracker({"--db", "test.db", "count"}).out, "7\n");
  // "by 3 June" was read against the meeting's year, not today's.
  EXPECT_EQ(
      tracker({"--db", "test.db", "count", "due.after:2018-06-02", "due.before:2018-06-04"}).out,
      "1\n");
  // The items were on the list on the meeting's day: the report for that day shows them.
  const Result report =
      tracker({"--db", "test.db", "--as-of", "2018-05-22", "report", "weekly", "--format", "md"});
  ASSERT_EQ(report.code, 0) << report.err;
  EXPECT_NE(report.out.find("ICANN org to share the draft charter"), std::string::npos)
      << report.out;
  // Again: nothing changes.
  const Result again = tracker({"--db", "test.db", "import", minutes, "--format", "minutes"});
  EXPECT_NE(again.out.find("0 added, 0 updated, 7 unchanged"), std::string::npos) << again.out;

  // A table with a short row and an unknown column: both reported with their lines.
  write("list.txt",
        "Action\tOwner\tBudget\nBook the room.\tAnna Berg\t100\nOnly the action here.\n"
        "Send the minutes.\tTom Baker\n");
  const Result table = tracker(
      {"--db", "test.db", "import", "list.txt", "--format", "minutes", "--ref-date", "2018-05-22"});
  ASSERT_EQ(table.code, 0) << table.err;
  EXPECT_NE(table.out.find("Reference date: 2018-05-22 (given)"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("line 4: Send the minutes. | Tom Baker -- row has 2 cells"),
            std::string::npos)
      << table.out;
  EXPECT_NE(table.out.find("Columns ignored: \"Budget\""), std::string::npos) << table.out;
}

// An agenda file is detected by its grid and imported as a meeting; importing it again updates
// it; the slides of a call link their items to the call they name; the pack of the next call.
TEST_F(CliTest, AgendasMeetingsAndTheMeetingPack) {
  ASSERT_EQ(on("2017-06-15", {"init"}).code, 0);
  const std::string seeds = LIBTRACKER_SEEDS_DIR;
  Result r = on("2017-06-15",
                {"import", seeds + "/000_341ab4ae26bd7f1a.txt", "--time-zone", "America/Cancun"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("1 meetings added"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("heading, not an agenda row"), std::string::npos) << r.out;
  r = on("2017-06-15", {"import", seeds + "/000_341ab4ae26bd7f1a.txt", "--format", "agenda",
                        "--time-zone", "America/Cancun"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("1 meetings updated"), std::string::npos) << r.out;

  r = on("2017-06-15", {"import", seeds + "/004_aef3142de91aa82d.txt", "--ref-date", "2017-06-15"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("1 meetings added"), std::string::npos) << r.out;
  r = on("2017-06-15", {"report", "meeting", "next", "--series",
                        "SSR2 Staff, Co-Chairs Coordination", "--format", "md"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("# SSR2 Staff, Co-Chairs Coordination, 2017-06-15"), std::string::npos);
  EXPECT_NE(r.out.find("Update on requested tools"), std::string::npos);
  EXPECT_NE(r.out.find("## Review Open Action Items (1 of 2)"), std::string::npos) << r.out;
  r = on("2017-06-15", {"report", "meeting", "1", "--format", "json"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("\"Katrina Sataki\""), std::string::npos);

  // An agenda in a Word file is an agenda too: found by its grid, not its name.
  r = on("2017-06-15",
         {"import", std::string(LIBTRACKER_DATA_DIR) + "/documents/agenda_icann68.docx",
          "--time-zone", "Asia/Kuala_Lumpur"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("1 meetings added"), std::string::npos) << r.out;
  r = on("2017-06-15", {"report", "meeting", "3", "--format", "md"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("IANA naming function review"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Pierre Bonis"), std::string::npos) << r.out;

  // Bad agendas write nothing and say why, with the line.
  write("bad.txt",
        "Plenary\n\tTuesday, 11 June 2024\n\t\t09:00 – 09:30\tOpening\t1\n"
        "\t\t09:30 – 10:00\tTalks\t4\n\t\t10:00 – 10:15\tBreak\t\n");
  r = on("2017-06-15", {"import", "bad.txt"});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("engagement level 4"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("bad.txt"), std::string::npos) << r.err;
  r = on("2017-06-15", {"report", "meeting", "4"});
  EXPECT_NE(r.code, 0);
  r = on("2017-06-15", {"report", "meeting", "next", "--series", "SSR2 Plenary"});
  EXPECT_NE(r.code, 0);
  EXPECT_NE(r.err.find("no meeting"), std::string::npos) << r.err;
}

// Meetings and deadlines in prose are proposed, numbered, and written only when accepted.
TEST_F(CliTest, ProposalsFromProseAreWrittenOnlyWhenAccepted) {
  ASSERT_EQ(on("2024-02-01", {"init"}).code, 0);
  const std::string news = std::string(LIBTRACKER_SEEDS_DIR) + "/002_82b849f913068f74.txt";
  Result r = on("2024-02-01", {"import", news, "--propose"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("6 proposals; nothing is written"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("2. meeting 2024-03-03: Internet Governance Liaison Committee working "
                       "session [Internet Governance Liaison Committee (IGLC)] at ICANN79"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("\"On Sunday, 3 March, the IGLC will hold a working session at ICANN79.\""),
            std::string::npos)
      << r.out;
  r = on("2024-02-01", {"list", "--format", "json"});
  EXPECT_EQ(r.out.find("Complete its work"), std::string::npos) << r.out;

  r = on("2024-02-01", {"import", news, "--accept", "9"});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("there are 6 proposals"), std::string::npos) << r.err;

  r = on("2024-02-01", {"import", news, "--accept", "5,6"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("Accepted 2 of 6 proposals"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("1 meetings added"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("1 items added"), std::string::npos) << r.out;
  r = on("2024-02-01", {"list"});
  EXPECT_NE(r.out.find("Complete its work"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("ccPDP4 WG"), std::string::npos) << r.out;
  r = on("2024-02-01",
         {"report", "meeting", "next", "--series", "ccNSO Council", "--format", "md"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("ccNSO Council meeting"), std::string::npos) << r.out;

  r = on("2024-02-01", {"import", news, "--accept", "all"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("4 meetings added, 1 meetings updated, 0 items added, 1 items unchanged"),
            std::string::npos)
      << r.out;
}

TEST_F(CliTest, CopyMovesTheWholeTrackerIntoAnEmptyOne) {
  scenario();
  const Result before = on("2017-06-15", {"export", "--format", "json"});
  ASSERT_EQ(before.code, 0) << before.err;

  // Through the server when the tests run on one, else through a second file.
  // On a server, the address holds a password (the one libpq has from PGPASSWORD, else one a
  // trusting server ignores): what the copy prints names the server, never the password.
  const char* pg_password = std::getenv("PGPASSWORD");
  const std::string password = pg_password != nullptr && *pg_password ? pg_password : "unused-pw";
  const std::string middle =
      on_server() ? test_store_address() + " password='" + password + "'" : "middle.db";
  const Result there = tracker({"copy", "test.db", middle});
  ASSERT_EQ(there.code, 0) << there.err;
  EXPECT_EQ(there.out.find(password), std::string::npos) << there.out;
  EXPECT_NE(there.out.find(on_server() ? ", schema t" : "middle.db"), std::string::npos)
      << there.out;
  EXPECT_NE(there.out.find(" 5 items, "), std::string::npos) << there.out;
  EXPECT_NE(there.out.find(" 4 owners, "), std::string::npos) << there.out;
  ASSERT_EQ(tracker({"copy", middle, "back.db"}).code, 0);
  for (const std::string& db : {middle, std::string("back.db")}) {
    const Result exported =
        tracker({"--db", db, "--as-of", "2017-06-15", "export", "--format", "json"});
    ASSERT_EQ(exported.code, 0) << exported.err;
    EXPECT_EQ(exported.out, before.out) << db;
  }

  // A destination that holds anything is refused (exit 3) and left as it was; --replace
  // empties a file first.
  const Result refused = tracker({"copy", "test.db", "back.db"});
  EXPECT_EQ(refused.code, 3);
  EXPECT_NE(refused.err.find("back.db is not empty"), std::string::npos) << refused.err;
  EXPECT_EQ(tracker({"--db", "back.db", "count"}).out, "5\n");
  ASSERT_EQ(tracker({"--db", "back.db", "add", "Another team's item"}).code, 0);
  const Result replaced = tracker({"copy", "--replace", "test.db", "back.db"});
  ASSERT_EQ(replaced.code, 0) << replaced.err;
  EXPECT_EQ(tracker({"--db", "back.db", "count"}).out, "5\n");
  // A source that does not exist is bad input, and is not created.
  EXPECT_EQ(tracker({"copy", "missing.db", "other.db"}).code, 1);
  EXPECT_FALSE(std::filesystem::exists(dir.file("missing.db")));
}
