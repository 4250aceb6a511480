#include <gtest/gtest.h>

#include <libtracker/error.hpp>
#include <libtracker/render.hpp>
#include <libtracker/store.hpp>
#include <libtracker/weekly_report.hpp>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "support.hpp"

using namespace libtracker;
using namespace libtracker::fixtures;

namespace {

const std::string script = "<script>alert('x')</script> & \"quoted\"";
const std::string pipes = "Split a | b \\ c and *stars* _under_ `code` [link](http://x)";
const std::string formula = "=cmd|' /C calc'!A0";
const std::string multiline = "First line\nSecond line\r\n- third";
const std::string diacritics = "Guðrun Poulsen, Danko Jevtović, Régis Massé";
const std::string cjk = "安全审查报告を共有する";
const std::string heading_like = "# not a heading";

/// A report whose user text tries every way to break out of a format.
class RenderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store.set_today(date(2017, 6, 8));
    ActionItem x = item(script, {"ICANN Org"}, Due::on(date(2017, 6, 1)));
    x.status_note = "Waiting on <b>Legal</b> & co";
    x.state = State::blocked;
    store.add(x);
    store.add(item(pipes, {"SSR2-RT"}, Due::on(date(2017, 6, 20))));
    store.add(item(formula, {"+Owner", "@mention"}, Due::tbd()));
    ActionItem m = item(multiline, {"Régis Massé"}, Due::on(date(2017, 6, 12)));
    m.status_note = "-1 left\nto do";
    store.add(m);
    store.add(item(diacritics, {"Guðrun Poulsen"}));
    const ItemId c = store.add(item(cjk, {"李小龍", "e\u0301lise"}, Due::on(date(2017, 6, 10)))).id;
    store.add(item(heading_like, {}, Due::on(date(2017, 6, 30))));
    store.set_today(date(2017, 6, 12));
    ItemChanges later;
    later.due = Due::on(date(2017, 6, 25));
    store.update(c, later);
    const ItemId done = store.add(item("Closed \"item\", with comma", {"ICANN Org"})).id;
    store.set_state(done, State::done);
    report = weekly_report(store, date(2017, 6, 15));
  }

  Store store;
  WeeklyReport report;
};

// -- tiny parsers, so each form is read back the way a consumer would --------------------

/// RFC 4180: fields, quoted fields with doubled quotes, CRLF records.
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, was_quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      EXPECT_TRUE(field.empty()) << "quote inside an unquoted field";
      quoted = was_quoted = true;
    } else if (c == ',') {
      row.push_back(field);
      field.clear();
      was_quoted = false;
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      row.push_back(field);
      rows.push_back(row);
      row.clear();
      field.clear();
      was_quoted = false;
      ++i;
    } else {
      EXPECT_NE(c, '\n') << "bare LF outside quotes";
      field += c;
    }
  }
  EXPECT_FALSE(quoted) << "unterminated quote";
  EXPECT_TRUE(field.empty() && row.empty()) << "last record without CRLF";
  (void)was_quoted;
  return rows;
}

/// Checks that every tag is balanced (void elements aside), that attribute values are quoted,
/// and that text holds no raw '<' and only known character references. Returns the text.
std::string check_html(const std::string& html) {
  static const std::vector<std::string> void_elements{"meta", "br", "!DOCTYPE"};
  std::vector<std::string> stack;
  std::string text;
  std::size_t i = 0;
  bool in_style = false;
  while (i < html.size()) {
    if (html[i] == '<') {
      const std::size_t end = html.find('>', i);
      EXPECT_NE(end, std::string::npos);
      if (end == std::string::npos) break;
      const std::string tag = html.substr(i + 1, end - i - 1);
      const bool closing = !tag.empty() && tag[0] == '/';
      std::string name = tag.substr(closing ? 1 : 0);
      name = name.substr(0, name.find_first_of(" \t\n"));
      EXPECT_NE(name, "script") << "a script element in the report";
      if (closing) {
        EXPECT_FALSE(stack.empty()) << "</" << name << "> with nothing open";
        if (!stack.empty()) {
          EXPECT_EQ(stack.back(), name);
          stack.pop_back();
        }
        if (name == "style") in_style = false;
      } else if (std::find(void_elements.begin(), void_elements.end(), name) ==
                 void_elements.end()) {
        stack.push_back(name);
        if (name == "style") in_style = true;
      }
      // Attributes: name="value" pairs only.
      static const std::regex attrs(R"(^/?[A-Za-z!][A-Za-z0-9]*(\s+[a-z-]+(="[^"<>]*")?)*\s*$)");
      EXPECT_TRUE(std::regex_match(tag, attrs)) << "malformed tag <" << tag << ">";
      i = end + 1;
      continue;
    }
    if (html[i] == '&' && !in_style) {
      static const std::regex ref(R"(^&(amp|lt|gt|quot|#39);)");
      EXPECT_TRUE(std::regex_search(html.substr(i, 8), ref)) << "bare & at " << html.substr(i, 20);
    }
    if (!in_style) text += html[i];
    ++i;
  }
  EXPECT_TRUE(stack.empty()) << "unclosed <" << (stack.empty() ? "" : stack.back()) << ">";
  return text;
}

std::string unescape_html(std::string s) {
  const std::pair<const char*, const char*> refs[] = {
      {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}};
  for (const auto& [from, to] : refs) {
    for (std::size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + 1))
      s.replace(p, std::string(from).size(), to);
  }
  return s;
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

/// Cells of a Markdown table row, split on pipes that are not backslash-escaped.
std::vector<std::string> markdown_cells(const std::string& row) {
  std::vector<std::string> cells;
  std::string cell;
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (row[i] == '\\' && i + 1 < row.size()) {
      cell += row.substr(i, 2);
      ++i;
    } else if (row[i] == '|') {
      cells.push_back(cell);
      cell.clear();
    } else {
      cell += row[i];
    }
  }
  cells.push_back(cell);
  // Leading and trailing pipes leave empty ends.
  EXPECT_TRUE(cells.front().empty()) << row;
  EXPECT_TRUE(cells.back().empty()) << row;
  return {cells.begin() + 1, cells.end() - 1};
}

}  // namespace

TEST_F(RenderTest, ReportHasTheHostileItems) {
  EXPECT_EQ(report.counts.open, 7u);
  EXPECT_EQ(report.counts.overdue,
            2u);  // the script item (due 06-01) and the multi-line one (06-12)
  EXPECT_EQ(report.counts.slipped, 1u);
  EXPECT_EQ(report.counts.completed, 1u);
}

TEST_F(RenderTest, JsonHasTheDocumentedShape) {
  const nlohmann::json j = nlohmann::json::parse(render_json(report));
  EXPECT_EQ(j["as_of"], "2017-06-15");
  EXPECT_EQ(j["period_start"], "2017-06-09");
  EXPECT_EQ(j["period_end"], "2017-06-15");
  for (const char* s :
       {"open", "overdue", "upcoming", "no_due_date", "new", "completed", "slipped"}) {
    ASSERT_TRUE(j["sections"].contains(s)) << s;
    EXPECT_EQ(j["counts"][s], j["sections"][s].size()) << s;
  }
  const auto& overdue = j["sections"]["overdue"];
  ASSERT_EQ(overdue.size(), 2u);
  EXPECT_EQ(overdue[0]["text"], script);
  EXPECT_EQ(overdue[0]["days_overdue"], 14);
  EXPECT_EQ(overdue[0]["overdue"], true);
  EXPECT_EQ(overdue[0]["state"], "blocked");
  EXPECT_EQ(overdue[0]["owners"], nlohmann::json::array({"ICANN Org"}));
  EXPECT_EQ(overdue[0]["due"], "2017-06-01");
  for (const char* key : {"id", "text", "details", "owners", "due", "state", "status_note", "tags",
                          "meeting", "impact", "effort", "created", "closed", "version"})
    EXPECT_TRUE(overdue[0].contains(key)) << key;
  const auto& slipped = j["sections"]["slipped"];
  ASSERT_EQ(slipped.size(), 1u);
  EXPECT_EQ(slipped[0]["text"], cjk);
  EXPECT_EQ(slipped[0]["old_due"], "2017-06-10");
  EXPECT_EQ(slipped[0]["new_due"], "2017-06-25");
  EXPECT_FALSE(j["sections"]["open"][0].contains("days_overdue"));
  EXPECT_EQ(j["sections"]["no_due_date"][0]["due"], "TBD");
  // Per owner, the unowned item last with a null owner.
  const auto& by_owner = j["counts"]["by_owner"];
  ASSERT_FALSE(by_owner.empty());
  EXPECT_TRUE(by_owner.back()["owner"].is_null());
  bool found = false;
  for (const auto& o : by_owner)
    if (o["owner"] == "李小龍") found = o["slipped"] == 1 && o["open"] == 1;
  EXPECT_TRUE(found);
  // One line when asked.
  RenderOptions compact;
  compact.json_indent = -1;
  const std::string one = render_json(report, compact);
  EXPECT_EQ(one.find('\n'), one.size() - 1);
  EXPECT_EQ(nlohmann::json::parse(one), j);
}

TEST_F(RenderTest, CsvParsesBackWithTheFormulaGuard) {
  const std::string csv = render_csv(report);
  const auto rows = parse_csv(csv);
  ASSERT_GE(rows.size(), 2u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"section", "id", "text", "owners", "due", "state",
                                               "status_note", "created", "closed", "days_overdue",
                                               "old_due", "new_due"}));
  std::size_t expected = 1;
  for (ReportSection s : all_report_sections) expected += report.counts.of(s);
  EXPECT_EQ(rows.size(), expected);
  bool saw_formula = false, saw_multiline = false, saw_script = false;
  for (const auto& row : rows) {
    ASSERT_EQ(row.size(), 12u);
    for (const std::string& cell : row) {
      if (!cell.empty()) {
        EXPECT_EQ(std::string("=+-@\t\r").find(cell[0]), std::string::npos)
            << "formula cell " << cell;
      }
    }
    if (row[2] == "'" + formula) {
      saw_formula = true;
      EXPECT_EQ(row[3], "'+Owner; @mention");
      EXPECT_EQ(row[4], "TBD");
    }
    if (row[2] == multiline) {
      saw_multiline = true;
      EXPECT_EQ(row[6], "'-1 left\nto do");
    }
    if (row[2] == script && row[0] == "overdue") {
      saw_script = true;
      EXPECT_EQ(row[9], "14");
    }
  }
  EXPECT_TRUE(saw_formula);
  EXPECT_TRUE(saw_multiline);
  EXPECT_TRUE(saw_script);
}

TEST_F(RenderTest, HtmlIsWellFormedSelfContainedAndEscaped) {
  RenderOptions options;
  options.layout.page_size = 3;
  const std::string html = render_html(report, options);
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("<meta charset=\"utf-8\">"), std::string::npos);
  EXPECT_NE(html.find("@page { size: A4"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("src="), std::string::npos);
  EXPECT_EQ(html.find("url("), std::string::npos);
  EXPECT_EQ(html.find("<b>"), std::string::npos);
  const std::string text = unescape_html(check_html(html));
  for (const std::string& s : {script, formula, diacritics, cjk, heading_like,
                               std::string("Waiting on <b>Legal</b> & co")})
    EXPECT_NE(text.find(s), std::string::npos) << s;
  EXPECT_NE(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;"),
            std::string::npos);
  EXPECT_NE(html.find("Review Open Action Items (1 of 3)"), std::string::npos);
  EXPECT_NE(html.find("Review Open Action Items (3 of 3)"), std::string::npos);
  // Overdue rows are marked: in the open table and in the overdue section.
  std::size_t marked = 0;
  for (std::size_t p = html.find("<tr class=\"overdue\">"); p != std::string::npos;
       p = html.find("<tr class=\"overdue\">", p + 1))
    ++marked;
  EXPECT_EQ(marked, 4u);
  // Line breaks in user text stay visible.
  EXPECT_NE(html.find("First line<br>Second line"), std::string::npos);
}

TEST_F(RenderTest, HtmlFragmentScopesEveryStyleToTheReport) {
  RenderOptions options;
  options.html_fragment = true;
  const std::string html = render_html(report, options);
  EXPECT_EQ(html.rfind("<style>", 0), 0u);
  for (const char* page_level : {"<!DOCTYPE", "<html", "<body", "<head", "@page"})
    EXPECT_EQ(html.find(page_level), std::string::npos) << page_level;
  const std::string text = unescape_html(check_html(html));
  EXPECT_NE(text.find(script), std::string::npos);
  // Embedded in a notebook, the report must not restyle the rest of the page: every selector
  // of every rule starts with the report's own class.
  const std::string css = html.substr(0, html.find("</style>"));
  static const std::regex rule(R"(([^{}]+)\{)");
  std::size_t selectors = 0;
  for (auto m = std::sregex_iterator(css.begin() + 7, css.end(), rule); m != std::sregex_iterator();
       ++m) {
    std::stringstream group((*m)[1].str());
    for (std::string selector; std::getline(group, selector, ',');) {
      selector.erase(0, selector.find_first_not_of(" \n"));
      if (selector.rfind("@media", 0) == 0) continue;
      EXPECT_EQ(selector.rfind(".libtracker-report", 0), 0u) << selector;
      ++selectors;
    }
  }
  EXPECT_GT(selectors, 10u);
  EXPECT_NE(html.find("<div class=\"libtracker-report\">"), std::string::npos);
}

TEST_F(RenderTest, MarkdownTablesKeepTheirShape) {
  RenderOptions options;
  options.layout.page_size = 4;
  options.layout.group_by = GroupBy::owner;
  const std::string md = render_markdown(report, options);
  const auto all = lines(md);
  std::size_t tables = 0;
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (all[i].empty() || all[i][0] != '|') continue;
    // A table: header, rule, rows, all with the same number of cells.
    ++tables;
    const std::size_t columns = markdown_cells(all[i]).size();
    ASSERT_LT(i + 1, all.size());
    ASSERT_TRUE(std::regex_match(all[i + 1], std::regex(R"(^\|( -{3,}:? \|)+$)"))) << all[i + 1];
    EXPECT_EQ(markdown_cells(all[i + 1]).size(), columns);
    std::size_t j = i + 2;
    for (; j < all.size() && !all[j].empty() && all[j][0] == '|'; ++j)
      EXPECT_EQ(markdown_cells(all[j]).size(), columns) << all[j];
    i = j;
  }
  EXPECT_GE(tables, 8u);
  EXPECT_NE(md.find("## Review Open Action Items (1 of "), std::string::npos);
  EXPECT_NE(md.find("### ICANN Org"), std::string::npos);
  EXPECT_EQ(md.find("<script>"), std::string::npos);
  EXPECT_EQ(md.find("<b>"), std::string::npos);
  EXPECT_NE(md.find("&lt;script&gt;"), std::string::npos);
  EXPECT_NE(md.find("a \\| b \\\\ c and \\*stars\\* \\_under\\_ \\`code\\` \\[link\\](http://x)"),
            std::string::npos);
  EXPECT_NE(md.find("| First line<br>Second line<br>\\- third |"), std::string::npos);
  EXPECT_NE(md.find("| \\# not a heading |"), std::string::npos);
  EXPECT_NE(md.find(diacritics), std::string::npos);
  EXPECT_NE(md.find(cjk), std::string::npos);
}

TEST_F(RenderTest, TextColumnsLineUpByDisplayWidth) {
  RenderOptions options;
  options.width = 80;
  options.show_ids = true;
  const std::string text = render_text(report, options);
  const auto all = lines(text);
  for (const std::string& line : all) EXPECT_LE(display_width(line), 80u) << line;
  // In the open table, the Owner column starts at the same display column on every row.
  std::size_t header = 0;
  while (header < all.size() && all[header].find("Owner") == std::string::npos) ++header;
  ASSERT_LT(header, all.size());
  const std::string& head = all[header];
  const std::size_t owner_col = display_width(head.substr(0, head.find("Owner")));
  const std::string& rule = all[header + 1];
  ASSERT_EQ(rule.find_first_not_of(" -"), std::string::npos);
  std::size_t checked = 0;
  for (std::size_t i = header + 2; i < all.size() && !all[i].empty() && all[i] != "None."; ++i) {
    // The character before the owner column is a gap; the one at it starts a name.
    const std::string& row = all[i];
    std::size_t col = 0, byte = 0;
    while (byte < row.size() && col < owner_col) {
      std::size_t next = byte + 1;
      while (next < row.size() && (static_cast<unsigned char>(row[next]) & 0xC0) == 0x80) ++next;
      col += display_width(row.substr(byte, next - byte));
      byte = next;
    }
    EXPECT_EQ(col, owner_col) << row;
    EXPECT_EQ(row[byte - 1], ' ') << row;
    ++checked;
    if (row.find("Poulsen") != std::string::npos || row.find("李小龍") != std::string::npos) {
      EXPECT_NE(row[byte], ' ') << row;
    }
  }
  EXPECT_EQ(checked, report.counts.open);
  EXPECT_EQ(text.find('\r'), std::string::npos);
  EXPECT_NE(text.find("\u2026"), std::string::npos);  // long text cut with an ellipsis
  EXPECT_NE(text.find("! "), std::string::npos);      // overdue rows marked
}

TEST(RenderText, DisplayWidthCountsWideAndCombiningCharacters) {
  EXPECT_EQ(display_width("abc"), 3u);
  EXPECT_EQ(display_width("Régis"), 5u);
  EXPECT_EQ(display_width("e\u0301"), 1u);  // e + combining acute
  EXPECT_EQ(display_width("安全"), 4u);
  EXPECT_EQ(display_width("ｆｕｌｌ"), 8u);
  EXPECT_EQ(display_width("\xff"), 1u);  // an invalid byte still takes a cell
}

TEST(RenderText, ItemTablesFitTheTerminal) {
  std::vector<ActionItem> items{item("安全审查报告を共有する、そして次のステップを決める",
                                     {"李小龍"}, Due::on(date(2017, 6, 1))),
                                item("Short", {"Guðrun Poulsen"}, Due::tbd())};
  items[0].id = 1;
  items[1].id = 22;
  const std::string text = render_items_text(items, date(2017, 6, 15), 40);
  for (const std::string& line : lines(text)) EXPECT_LE(display_width(line), 40u) << line;
  EXPECT_NE(text.find("\u2026"), std::string::npos);
  EXPECT_EQ(text.rfind("  ID", 0), 0u);
  EXPECT_NE(text.find("!  1"), std::string::npos);
  EXPECT_EQ(render_items_text({}, date(2017, 6, 15)), "No items.\n");
}

TEST(RenderFormat, NamesAndDispatch) {
  EXPECT_EQ(report_format_from_string("md"), ReportFormat::markdown);
  EXPECT_EQ(report_format_from_string("HTML"), ReportFormat::html);
  EXPECT_EQ(report_format_from_string("txt"), ReportFormat::text);
  EXPECT_THROW(report_format_from_string("pdf"), ParseError);
  Store store;
  store.set_today(date(2017, 6, 15));
  add_ssr2_items(store);
  const WeeklyReport r = weekly_report(store, date(2017, 6, 15));
  for (ReportFormat f : {ReportFormat::text, ReportFormat::markdown, ReportFormat::html,
                         ReportFormat::csv, ReportFormat::json})
    EXPECT_FALSE(render(r, f).empty()) << to_string(f);
  EXPECT_EQ(render(r, ReportFormat::markdown), render_markdown(r));
}

TEST(RenderSeed, MarkdownReproducesTheSlideTable) {
  Store store;
  store.set_today(date(2017, 6, 15));
  add_ssr2_items(store);
  RenderOptions options;
  options.layout.page_size = 4;
  const std::string md = render_markdown(weekly_report(store, date(2017, 6, 15)), options);
  EXPECT_NE(
      md.find("## Review Open Action Items (2 of 3)\n\n| Action | Owner | Due Date | Status |"),
      std::string::npos);
  EXPECT_NE(
      md.find("| Draft SSR2 Review Team work plan with key dates, circulate to RT for input. | "
              "Co-Chairs, James Gannon, Boban Krsic | TBD | Open |"),
      std::string::npos)
      << md;
}
