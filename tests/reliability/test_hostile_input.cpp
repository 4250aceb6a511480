// Hostile input: SQL text in every field is stored verbatim and matched as text, never run;
// filter strings that do not parse are a ParseError naming the position; and text made to
// break a format (HTML, script tags, Markdown pipes, CSV formulas, iCalendar delimiters) comes
// out inert in every report form and every export.

#include <gtest/gtest.h>

#include <fstream>
#include <libtracker/error.hpp>
#include <libtracker/export.hpp>
#include <libtracker/filter.hpp>
#include <libtracker/import.hpp>
#include <libtracker/render.hpp>
#include <libtracker/store.hpp>
#include <libtracker/weekly_report.hpp>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "sqlite_support.hpp"
#include "support.hpp"

namespace libtracker {
namespace {

using fixtures::date;
using fixtures::RawDatabase;
using fixtures::TempDir;

const date june15(2017, 6, 15);
const std::string drop = "'; DROP TABLE items; --";
const std::string union_select = "x\" UNION SELECT name FROM sqlite_master --";
const std::string comment_close = "*/ DELETE FROM events; /*";

TEST(HostileInput, SqlTextInEveryFieldIsStoredVerbatimAndMatchedAsText) {
  TempDir dir;
  const std::string path = dir.file("hostile.db");
  Store store(path);
  store.set_today(june15);
  fixtures::add_ssr2_items(store);
  const std::int64_t seed_items = store.count();
  const std::string schema_before =
      RawDatabase(path).value("SELECT group_concat(sql, ';') FROM sqlite_master");

  Meeting m;
  m.title = drop;
  m.place = union_select;
  m.date = june15;
  const MeetingId meeting = store.add_meeting(m).id;
  ActionItem it = fixtures::item(drop, {drop, union_select}, Due::tbd(comment_close));
  it.details = union_select;
  it.status_note = comment_close;
  it.tags = {drop, "1=1"};
  it.meeting = meeting;
  it.ref = drop;
  const ActionItem added = store.add(it);
  store.add_note(added.id, union_select);
  ItemChanges c;
  c.text = drop + " (changed)";
  store.update(added.id, c);

  const ActionItem back = store.get(added.id);
  EXPECT_EQ(back.text, drop + " (changed)");
  EXPECT_EQ(back.details, union_select);
  EXPECT_EQ(back.owners, (std::vector<std::string>{drop, union_select}));
  EXPECT_EQ(back.due.text(), comment_close);
  EXPECT_EQ(back.status_note, comment_close);
  EXPECT_EQ(back.tags, (std::vector<std::string>{drop, "1=1"}));
  EXPECT_EQ(store.meeting(meeting).title, drop);
  EXPECT_EQ(store.notes(added.id).at(0).text, union_select);
  EXPECT_EQ(store.find_ref(drop)->id, added.id);
  EXPECT_EQ(store.history(added.id).back().old_value, drop);

  // Queries take the text as a value: it finds exactly the hostile item, or nothing.
  Query by_owner;
  by_owner.owners = {drop};
  EXPECT_EQ(store.count(by_owner), 1);
  Query by_tag;
  by_tag.tags = {drop};
  EXPECT_EQ(store.count(by_tag), 1);
  Query by_words;
  by_words.text = drop;
  EXPECT_EQ(store.count(by_words), 1);
  by_words.text = "\" OR 1=1 --";
  EXPECT_EQ(store.count(by_words), 0);
  EXPECT_EQ(store.count(parse_filter("owner:\"" + drop + "\"", june15)), 1);
  EXPECT_EQ(store.count(parse_filter("tag:'1=1'", june15)), 1);
  EXPECT_EQ(store.count(parse_filter("due.before:2017-06-01 OR 1=1", june15)), 0);
  EXPECT_EQ(store.count(parse_filter("UNION SELECT sqlite_master", june15)),
            1);  // words of the details

  // Nothing else was touched: the same tables and indexes, every seed item still there.
  EXPECT_EQ(RawDatabase(path).value("SELECT group_concat(sql, ';') FROM sqlite_master"),
            schema_before);
  EXPECT_EQ(store.count(), seed_items + 1);
  EXPECT_EQ(RawDatabase(path).integrity(), "ok");
}

std::vector<std::string> corpus_lines(const std::string& name) {
  std::ifstream in(std::string(LIBTRACKER_DATA_DIR) + "/bad/" + name, std::ios::binary);
  EXPECT_TRUE(in) << name << " is missing";
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::string decoded;  // \xNN is a raw byte
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (line.compare(i, 2, "\\x") == 0 && i + 3 < line.size() + 0) {
        decoded += static_cast<char>(std::stoi(line.substr(i + 2, 2), nullptr, 16));
        i += 3;
      } else {
        decoded += line[i];
      }
    }
    out.push_back(decoded);
  }
  return out;
}

TEST(HostileInput, BadFiltersAreParseErrorsNamingThePosition) {
  const auto filters = corpus_lines("filters.txt");
  ASSERT_GE(filters.size(), 20u);
  for (const std::string& f : filters) {
    try {
      parse_filter(f, june15);
      ADD_FAILURE() << "accepted: " << f;
    } catch (const ParseError& e) {
      EXPECT_EQ(e.source(), "filter") << f;
      EXPECT_EQ(e.text(), f);
      EXPECT_LE(e.position(), f.size()) << f;
    } catch (const std::exception& e) {
      ADD_FAILURE() << f << ": not a ParseError: " << e.what();
    }
  }
}

// -- escaping: one store of hostile items, every output form --------------------------------

const std::string script = "<script>alert('x')</script> & <img src=x onerror=alert(1)>";
const std::string pipes = "a | b | c\\ with `code` and **bold** # heading, $5 to $10";
const std::string formula = "=HYPERLINK(\"http://evil.example\",\"click\")";
const std::string ical = "semi;colon, comma\\backslash\nBEGIN:VEVENT\nEND:VTODO";

class Escaping : public ::testing::Test {
 protected:
  void SetUp() override {
    store.set_today(june15);
    auto add = [&](const std::string& text, std::vector<std::string> owners,
                   const std::string& note) {
      ActionItem it = fixtures::item(text, std::move(owners), Due::on(date(2017, 6, 1)));
      it.status_note = note;
      it.tags = {"t"};
      const ItemId id = store.add(it).id;
      store.add_note(id, note);
    };
    add(script, {"<b>ICANN Org</b>"}, "</td></tr><script>x()</script>");
    add(pipes, {"Co|Chairs"}, "| --- |");
    add(formula, {"+cmd|' /C calc'!A0"}, "@SUM(1+1)*cmd|' /C calc'!A0");
    add(ical, {"Name;ROLE=CHAIR:mailto:x@example.org"}, "line\r\nATTENDEE:mailto:y@example.org");
    report = weekly_report(store, june15);
  }
  /// CSV and Taskwarrior keep owners as one list in a cell, read back by the owner-list
  /// parser, which takes names only; the round trips below give the items plain owners.
  void plain_owners() {
    for (const auto& it : store.find()) {
      ItemChanges c;
      c.owners = std::vector<std::string>{"ICANN Org", "Co-Chairs"};
      store.update(it.id, c);
    }
  }
  Store store;
  WeeklyReport report;
  const std::vector<std::string> texts{script, pipes, formula, ical};
};

TEST_F(Escaping, HtmlReportHasNoMarkupFromUserText) {
  const std::string html = render_html(report);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("<b>"), std::string::npos);
  EXPECT_EQ(html.find("</td></tr><script"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;img src=x"),
            std::string::npos);
}

TEST_F(Escaping, MarkdownRowsKeepTheirColumns) {
  const std::string md = render_markdown(report);
  // Every row of a table has as many unescaped pipes as the table's header.
  std::istringstream in(md);
  std::size_t header_pipes = 0, rows = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] != '|') {
      header_pipes = 0;  // the next table starts with its header
      continue;
    }
    std::size_t pipes_here = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '\\')
        ++i;
      else if (line[i] == '|')
        ++pipes_here;
    }
    if (header_pipes == 0) header_pipes = pipes_here;
    EXPECT_EQ(pipes_here, header_pipes) << line;
    ++rows;
  }
  EXPECT_GT(rows, 8u);
  EXPECT_NE(md.find("a \\| b \\| c"), std::string::npos);
  EXPECT_NE(md.find("\\$5 to \\$10"), std::string::npos);  // not mathematics in Jupyter
  EXPECT_EQ(md.find("<script"), std::string::npos);        // Markdown viewers render raw HTML
  EXPECT_EQ(md.find("<b>"), std::string::npos);
}

TEST_F(Escaping, CsvFormsGuardFormulasAndParseBack) {
  for (const std::string& csv :
       {render_csv(report), export_items(store, store.find(), {Format::csv})}) {
    EXPECT_EQ(csv.find("\n=HYPERLINK"), std::string::npos);
    EXPECT_EQ(csv.find(",=HYPERLINK"), std::string::npos);
    EXPECT_EQ(csv.find(",+cmd"), std::string::npos);
    EXPECT_EQ(csv.find(",@SUM"), std::string::npos);
  }
  // The export reads back as the same items (the guard is taken off again).
  plain_owners();
  const auto back =
      parse_items(export_items(store, store.find(), {Format::csv}), Format::csv, june15);
  ASSERT_EQ(back.size(), texts.size());
  for (std::size_t i = 0; i < texts.size(); ++i) EXPECT_EQ(back[i].text, texts[i]);
}

TEST_F(Escaping, JsonFormsParseBackToTheSameText) {
  const nlohmann::json report_json = nlohmann::json::parse(render_json(report));
  std::vector<std::string> seen;
  for (const auto& e : report_json["sections"]["open"]) seen.push_back(e["text"]);
  EXPECT_EQ(seen, texts);
  for (Format f : {Format::json, Format::taskwarrior}) {
    if (f == Format::taskwarrior) plain_owners();
    const auto back = parse_items(export_items(store, store.find(), {f}), f, june15);
    ASSERT_EQ(back.size(), texts.size());
    for (std::size_t i = 0; i < texts.size(); ++i) {
      EXPECT_EQ(back[i].text, texts[i]);
      EXPECT_EQ(back[i].owners, store.get(static_cast<ItemId>(i + 1)).owners);
    }
  }
}

TEST_F(Escaping, ICalendarTextCannotStartAComponentOrProperty) {
  const std::string ics = export_items(store, store.find(), {Format::ics});
  // Content lines are CRLF-separated; a user's line break is the two characters \n.
  std::size_t begins = 0;
  for (std::size_t p = ics.find("\r\nBEGIN:"); p != std::string::npos;
       p = ics.find("\r\nBEGIN:", p + 1))
    ++begins;
  EXPECT_EQ(begins, texts.size());  // one VTODO per item after BEGIN:VCALENDAR
  EXPECT_EQ(ics.find("\r\nATTENDEE:mailto:y"), std::string::npos);
  EXPECT_EQ(ics.find("\nBEGIN:VEVENT"), std::string::npos);
  EXPECT_NE(ics.find("semi\\;colon\\, comma\\\\backslash\\nBEGIN:VEVENT\\nEND:VTODO"),
            std::string::npos);
  for (std::size_t p = ics.find('\n'); p != std::string::npos; p = ics.find('\n', p + 1))
    EXPECT_EQ(ics[p - 1], '\r') << "bare line feed at " << p;
}

TEST_F(Escaping, TerminalTextHasNoControlCharacters) {
  for (const std::string& text : {render_text(report), render_items_text(store.find(), june15)}) {
    for (const char c : text) {
      const auto u = static_cast<unsigned char>(c);
      EXPECT_FALSE(u < 0x20 && c != '\n') << "control character " << int(u);
      EXPECT_NE(u, 0x7f);
    }
  }
}

}  // namespace
}  // namespace libtracker
