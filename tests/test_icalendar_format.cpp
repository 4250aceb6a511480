#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <libtracker/error.hpp>
#include <libtracker/export.hpp>
#include <libtracker/import.hpp>
#include <libtracker/store.hpp>

#include "support.hpp"

using namespace libtracker;
using namespace libtracker::fixtures;

namespace {

const date june15(2017, 6, 15);

void fill(Store& store) {
  store.set_today(june15);
  ActionItem a =
      item("Send written responses to RT questions; see (GH), (AA) and the L-root notes\\",
           {"ICANN Org", "Denise Michel"}, Due::on(date(2017, 6, 20)), State::in_progress);
  a.details = std::string("Régis Massé, Guðrun Poulsen and Danko Jevtović asked: ") +
              std::string(200, 'x') + "\nHow does GSE work?";
  a.status_note = "Draft with RT for review.";
  a.tags = {"gse", "briefing, urgent"};
  a.impact = Rating::high;
  store.add(a);
  store.add(item("Schedule a call with Mr. Matogoro", {"ICANN Org"}, Due::tbd(), State::blocked));
  store.add(item("Distribute draft Johannesburg agenda", {"Co-Chairs"}, Due::on(date(2017, 5, 30)),
                 State::done));
  store.add(item("Research collaborative tools", {}, {}, State::cancelled));
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t end; (end = text.find("\r\n", start)) != std::string::npos; start = end + 2)
    out.push_back(text.substr(start, end - start));
  return out;
}

/// The content lines with folding undone.
std::vector<std::string> unfolded(const std::string& text) {
  std::vector<std::string> out;
  for (const std::string& l : lines(text)) {
    if (!l.empty() && l[0] == ' ' && !out.empty())
      out.back() += l.substr(1);
    else
      out.push_back(l);
  }
  return out;
}

bool has_line(const std::vector<std::string>& ls, const std::string& line) {
  return std::find(ls.begin(), ls.end(), line) != ls.end();
}

int run(const std::string& command) {
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/// The interpreter that checks the files, quoted for the shell.
std::string python() { return "'" LIBTRACKER_TEST_PYTHON "'"; }

}  // namespace

TEST(IcalendarFormat, OneTodoPerItemWithEscapingAndFolding) {
  Store store;
  fill(store);
  const std::string ics = export_items(store, store.find(), {Format::ics});
  // CRLF everywhere, no line longer than 75 octets, no UTF-8 sequence split by folding.
  EXPECT_EQ(ics.substr(ics.size() - 2), "\r\n");
  std::size_t crlf = 0;
  for (std::size_t i = 0; i < ics.size(); ++i)
    if (ics[i] == '\n') {
      EXPECT_EQ(ics[i - 1], '\r');
      ++crlf;
    }
  for (const std::string& l : lines(ics)) {
    EXPECT_LE(l.size(), 75u) << l;
    ASSERT_FALSE(l.empty());
    EXPECT_NE(static_cast<unsigned char>(l[l[0] == ' ' ? 1 : 0]) & 0xC0, 0x80)
        << "folded inside a UTF-8 sequence: " << l;
  }
  const auto ls = unfolded(ics);
  EXPECT_EQ(ls.front(), "BEGIN:VCALENDAR");
  EXPECT_TRUE(has_line(ls, "VERSION:2.0"));
  EXPECT_TRUE(has_line(ls, "PRODID:-//libtracker//EN"));
  EXPECT_EQ(std::count(ls.begin(), ls.end(), "BEGIN:VTODO"), 4);
  EXPECT_TRUE(has_line(ls, "UID:item-1@libtracker"));
  EXPECT_TRUE(has_line(ls, "DTSTAMP:20170615T000000Z"));
  EXPECT_TRUE(has_line(ls,
                       "SUMMARY:Send written responses to RT questions\\; see (GH)\\, (AA) and the "
                       "L-root notes\\\\"));
  EXPECT_TRUE(has_line(ls, "DUE;VALUE=DATE:20170620"));
  EXPECT_TRUE(has_line(ls, "STATUS:IN-PROCESS"));
  EXPECT_TRUE(has_line(ls, "STATUS:NEEDS-ACTION"));
  EXPECT_TRUE(has_line(ls, "STATUS:COMPLETED"));
  EXPECT_TRUE(has_line(ls, "COMPLETED:20170615T000000Z"));
  EXPECT_TRUE(has_line(ls, "STATUS:CANCELLED"));
  EXPECT_TRUE(has_line(ls, "X-LIBTRACKER-STATE:blocked"));
  EXPECT_TRUE(has_line(ls, "PRIORITY:1"));
  EXPECT_TRUE(has_line(ls, "CATEGORIES:gse,briefing\\, urgent"));
  EXPECT_TRUE(has_line(ls, "CONTACT:ICANN Org"));
  EXPECT_TRUE(has_line(ls, "CONTACT:Denise Michel"));
  bool description = false;
  for (const std::string& l : ls)
    if (l.rfind("DESCRIPTION:Régis Massé\\, Guðrun Poulsen", 0) == 0) {
      description = true;
      EXPECT_NE(l.find("\\nHow does GSE work?\\n\\nStatus: Draft with RT for review."),
                std::string::npos);
    }
  EXPECT_TRUE(description);
  EXPECT_EQ(ls.back(), "END:VCALENDAR");
}

TEST(IcalendarFormat, OneCalendarPerOwner) {
  Store store;
  fill(store);
  const std::string ics = export_items(store, store.find(), {Format::ics, true});
  const auto ls = unfolded(ics);
  EXPECT_EQ(std::count(ls.begin(), ls.end(), "BEGIN:VCALENDAR"), 4);  // 3 owners and the unowned
  EXPECT_TRUE(has_line(ls, "X-WR-CALNAME:ICANN Org"));
  EXPECT_TRUE(has_line(ls, "X-WR-CALNAME:Denise Michel"));
  EXPECT_TRUE(has_line(ls, "X-WR-CALNAME:Co-Chairs"));
  EXPECT_TRUE(has_line(ls, "X-WR-CALNAME:(no owner)"));
  EXPECT_EQ(std::count(ls.begin(), ls.end(), "BEGIN:VTODO"), 5);  // item 1 is in two calendars
}

TEST(IcalendarFormat, IsNotAnImportFormat) {
  Store store;
  try {
    import_text(store, "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", {Format::ics, {}, {}, "todo.ics"});
    FAIL() << "imported";
  } catch (const ParseError& e) {
    EXPECT_EQ(e.source(), "todo.ics");
    EXPECT_NE(e.reason().find("export format only"), std::string::npos);
  }
}

// A real parser reads what we write: Python's icalendar package (the test extra), run by
// LIBTRACKER_TEST_PYTHON (the test script passes its virtual environment's python).
TEST(IcalendarFormat, ParsesWithThePythonIcalendarPackage) {
  if (run(python() + " -c 'import icalendar' >/dev/null 2>&1") != 0)
    FAIL() << "the Python icalendar package is missing for " << python()
           << ": pip install '.[test]' into it, or configure with -DLIBTRACKER_TEST_PYTHON=...";
  Store store;
  fill(store);
  TempDir dir;
  const std::string script = LIBTRACKER_DATA_DIR "/../python_checks/check_ics.py";
  {
    std::ofstream out(dir.file("all.ics"), std::ios::binary);
    out << export_items(store, store.find(), {Format::ics});
  }
  {
    std::ofstream out(dir.file("owners.ics"), std::ios::binary);
    out << export_items(store, store.find(), {Format::ics, true});
  }
  const std::string log = dir.file("check.log");
  EXPECT_EQ(run(python() + " '" + script + "' '" + dir.file("all.ics") +
                "' --calendars 1 --todos 4"
                " --summary 'Send written responses to RT questions; see (GH), (AA) and the L-root "
                "notes\\'"
                " --contact 'Denise Michel' --category 'briefing, urgent' >'" +
                log + "' 2>&1"),
            0)
      << read_file(log);
  EXPECT_EQ(run(python() + " '" + script + "' '" + dir.file("owners.ics") +
                "' --calendars 4 --todos 5 >'" + log + "' 2>&1"),
            0)
      << read_file(log);
}

// Meetings are events beside the to-dos: in UTC when their time zone is known (Cancún is UTC-5
// all year; Paris UTC+2 in summer), whole days when they have no times, and agenda items with
// their own times as events of their own. Python's icalendar reads them back.
TEST(IcalendarFormat, MeetingsAndTimedAgendaItemsAreEvents) {
  if (run(python() + " -c 'import icalendar' >/dev/null 2>&1") != 0)
    FAIL() << "the Python icalendar package is missing for " << python()
           << ": pip install '.[test]' into it, or configure with -DLIBTRACKER_TEST_PYTHON=...";
  Store store;
  fill(store);
  Meeting cancun;
  cancun.title = "ccNSO Members Meeting";
  cancun.place = "ICANN67 Cancun (MX)";
  cancun.date = date(2020, 3, 10);
  cancun.end_date = date(2020, 3, 11);
  cancun.time_zone = "America/Cancun";
  cancun.start = 9 * 60;
  cancun.end = 18 * 60 + 30;
  AgendaItem intro;
  intro.title = "ccNSO Members Meeting introduction";
  intro.start = 9 * 60;
  intro.end = 9 * 60 + 45;
  intro.chairs = {{"Katrina Sataki", ".lv"}};
  AgendaItem council;
  council.title = "ccNSO Council meeting";
  council.day = 2;
  council.start = 17 * 60;
  council.end = 18 * 60 + 30;
  AgendaItem untimed;
  untimed.title = "ccNSO Networking Event";
  cancun.agenda = {intro, council, untimed};
  store.add_meeting(cancun);
  Meeting call;
  call.title = "SSR2 Plenary";
  call.date = date(2017, 6, 20);
  call.start = 14 * 60;
  call.end = 15 * 60 + 30;
  call.time_zone = "Europe/Paris";
  store.add_meeting(call);
  Meeting day;
  day.title = "SSR2 Staff, Co-Chairs Coordination";
  day.date = june15;
  store.add_meeting(day);

  const std::string ics = export_items(store, store.find(), {Format::ics});
  EXPECT_NE(ics.find("DTSTART:20200310T140000Z"), std::string::npos);
  EXPECT_NE(ics.find("DTSTART;VALUE=DATE:20170615"), std::string::npos);
  TempDir dir;
  {
    std::ofstream out(dir.file("meetings.ics"), std::ios::binary);
    out << ics;
  }
  const std::string script = LIBTRACKER_DATA_DIR "/../python_checks/check_ics.py";
  const std::string log = dir.file("check.log");
  EXPECT_EQ(run(python() + " '" + script + "' '" + dir.file("meetings.ics") +
                "' --calendars 1 --todos 4 --events 5"
                " --event 'ccNSO Members Meeting=2020-03-10T14:00'"
                " --event 'ccNSO Members Meeting introduction=2020-03-10T14:00'"
                " --event 'ccNSO Council meeting=2020-03-11T22:00'"
                " --event 'SSR2 Plenary=2017-06-20T12:00'"
                " --event 'SSR2 Staff, Co-Chairs Coordination=2017-06-15' >'" +
                log + "' 2>&1"),
            0)
      << read_file(log);
  // Per-owner calendars hold the to-dos only.
  EXPECT_EQ(export_items(store, store.find(), {Format::ics, true}).find("VEVENT"),
            std::string::npos);
}
