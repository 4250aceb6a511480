#include <gtest/gtest.h>

#include <libtracker/error.hpp>
#include <libtracker/export.hpp>
#include <libtracker/import.hpp>
#include <libtracker/store.hpp>

#include "support.hpp"

using namespace libtracker;
using namespace libtracker::fixtures;

namespace {

const date june15(2017, 6, 15);

std::vector<ActionItem> csv(const std::string& text, const std::string& source = "list.csv") {
  return parse_items(text, Format::csv, june15, {}, source);
}

ParseError csv_error(const std::string& text) {
  try {
    csv(text);
  } catch (const ParseError& e) {
    return e;
  }
  ADD_FAILURE() << "no ParseError for: " << text.substr(0, 200);
  return ParseError("", "", 0);
}

}  // namespace

TEST(CsvFormat, ReadsAWikiActionTable) {
  const auto items =
      csv(read_file(LIBTRACKER_DATA_DIR "/ssr2_action_table.csv"), "ssr2_action_table.csv");
  ASSERT_EQ(items.size(), 7u);
  const ActionItem& report = items[0];
  EXPECT_EQ(report.ref, "1");
  EXPECT_EQ(report.text,
            "Draft SSR2 progress report for SO/ACs to share ahead of ICANN59 in Johannesburg.");
  EXPECT_EQ(report.owners, std::vector<std::string>{"ICANN Org"});
  EXPECT_EQ(report.due, Due::on(date(2017, 6, 20)));
  EXPECT_EQ(report.due.text(), "6/20");
  EXPECT_EQ(report.state, State::in_progress);
  EXPECT_EQ(report.status_note, "Draft with RT for review.\nScheduled to publish 6/20.");
  EXPECT_EQ(report.created, date(2017, 6, 1));

  const ActionItem& call = items[1];
  EXPECT_EQ(call.text, "Schedule a call with Mr. Matogoro regarding connectivity, cc. co-chairs.");
  EXPECT_EQ(call.owners, (std::vector<std::string>{"ICANN Org", "Co-Chairs"}));
  EXPECT_TRUE(call.due.is_tbd());
  EXPECT_EQ(call.state, State::blocked);
  EXPECT_NE(call.status_note.find("followed up 6/2"), std::string::npos);

  EXPECT_EQ(items[3].owners,
            (std::vector<std::string>{"James Gannon", "Cathy Handley", "Denise Michel"}));
  EXPECT_EQ(items[3].state, State::open);
  EXPECT_EQ(items[3].due, Due::on(date(2017, 6, 30)));
  EXPECT_TRUE(items[4].created.is_special());  // no date of request

  const ActionItem& agenda = items[5];
  EXPECT_EQ(agenda.text, "Share the \"Tech Day\" agenda with the session chairs");
  EXPECT_EQ(agenda.owners,
            (std::vector<std::string>{"Régis Massé", "Guðrun Poulsen", "Danko Jevtović"}));
  EXPECT_EQ(agenda.state, State::done);
  EXPECT_EQ(items[6].state, State::cancelled);
  EXPECT_TRUE(items[6].due.is_none());
}

TEST(CsvFormat, QuotedFieldsDoubledQuotesCrlfAndBom) {
  const auto items =
      csv("\xEF\xBB\xBF"
          "Action,Owner\r\n\"Send \"\"final\"\" draft, then wait\",\"Alice Smith\"\r\n");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].text, "Send \"final\" draft, then wait");
  EXPECT_EQ(items[0].owners, std::vector<std::string>{"Alice Smith"});
}

TEST(CsvFormat, LfLineEndsBlankLinesAndNoFinalNewline) {
  const auto items = csv("Action,Owner\n\nFirst,Alice Smith\n,\n\nSecond,Bob Jones");
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[1].text, "Second");
}

TEST(CsvFormat, MultiLineCellKeepsItsLines) {
  const auto items =
      csv("Action,Details\n\"Review the form\",\"Line one\r\nLine two\nLine three\"\n");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].details, "Line one\nLine two\nLine three");  // CRLF in a cell becomes LF
}

TEST(CsvFormat, HeaderSynonymsAreCaseInsensitiveAndTrimmed) {
  const auto items =
      csv(" No. , ACTION ITEM ,Assigned  "
          "To,Deadline:,STATE,Comments,Category,Source,Impact,Effort,Requested\n"
          "A-7,Share links,ICANN Org,22 June,in progress,Links sent to Denise,\"security; "
          "threats\",SSR2 call,H,low,1 June 2017\n");
  ASSERT_EQ(items.size(), 1u);
  const ActionItem& it = items[0];
  EXPECT_EQ(it.ref, "A-7");
  EXPECT_EQ(it.text, "Share links");
  EXPECT_EQ(it.owners, std::vector<std::string>{"ICANN Org"});
  EXPECT_EQ(it.due, Due::on(date(2017, 6, 22)));
  EXPECT_EQ(it.state, State::in_progress);
  EXPECT_EQ(it.status_note, "Links sent to Denise");
  EXPECT_EQ(it.tags, (std::vector<std::string>{"security", "threats", "source:SSR2 call"}));
  EXPECT_EQ(it.impact, Rating::high);
  EXPECT_EQ(it.effort, Rating::low);
  EXPECT_EQ(it.created, date(2017, 6, 1));
}

TEST(CsvFormat, PriorityIsTheImpactAndCategoriesAreTags) {
  const auto items = csv("Action,Priority,Categories\nShare links,M,security; outreach\n");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].impact, Rating::medium);
  EXPECT_EQ(items[0].tags, (std::vector<std::string>{"security", "outreach"}));
}

TEST(CsvFormat, UnknownColumnsAreIgnored) {
  const auto items = csv("Colour,Action,Budget (USD)\nred,Book the room,\"1,200\"\n");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].text, "Book the room");
}

TEST(CsvFormat, CompletionDateWithoutStatusClosesTheItem) {
  const auto items = csv("Action,Completion Date\nCirculate minutes,12 June 2017\nOpen one,\n");
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].state, State::done);
  EXPECT_EQ(items[0].closed, date(2017, 6, 12));
  EXPECT_EQ(items[1].state, State::open);
  EXPECT_FALSE(items[1].closed);
}

TEST(CsvFormat, ErrorsNameTheSourceAndLine) {
  ParseError e = csv_error("Action,Owner\nFirst,Alice Smith\n\"Second\nstill second,Bob\n");
  EXPECT_EQ(e.source(), "list.csv");
  EXPECT_EQ(e.line(), 3u);  // where the unclosed quote opens
  EXPECT_NE(std::string(e.what()).find("list.csv:3"), std::string::npos);

  e = csv_error("Action,Owner\n\"multi\nline\",Alice Smith\nThird,Bob,extra\n");
  EXPECT_EQ(e.line(), 4u);
  EXPECT_NE(e.reason().find("3 fields"), std::string::npos);

  e = csv_error("Action,Owner,Due\nFirst,Alice Smith,TBD\nSecond,Bob Jones,32 June\n");
  EXPECT_EQ(e.line(), 3u);
  EXPECT_EQ(e.source(), "list.csv");

  e = csv_error("Owner,Due\nAlice Smith,TBD\n");
  EXPECT_EQ(e.line(), 1u);

  e = csv_error(std::string("Action,Owner\nok,Alice Smith\n\"two\nlines \xff\",Bob\n"));
  EXPECT_EQ(e.line(), 4u);  // the bad byte's own line inside the quoted cell
  EXPECT_EQ(e.reason(), "invalid UTF-8");
}

TEST(CsvFormat, FieldsAreLimitedToOneMebibyte) {
  const std::string limit(1u << 20, 'x');
  EXPECT_NO_THROW(csv("Action,Details\nBig,\"" + limit + "\"\n"));
  const ParseError e = csv_error("Action,Details\nBig," + limit + "y\n");
  EXPECT_EQ(e.line(), 2u);
  EXPECT_NE(e.reason().find("longer than"), std::string::npos);
  EXPECT_LT(std::string(e.what()).size(), 400u);  // the message shows an excerpt, not the field
}

TEST(CsvFormat, ExportGuardsAgainstFormulaInjection) {
  Store store;
  store.set_today(june15);
  const std::vector<std::string> texts{"=HYPERLINK(\"http://evil\",\"x\")", "+1+1", "-2+3",
                                       "@SUM(A1)", "Plain, with comma"};
  for (const auto& t : texts) store.add(item(t, {"Alice Smith"}));
  const std::string out = export_items(store, store.find(), {Format::csv});
  EXPECT_NE(out.find("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\""), std::string::npos);
  EXPECT_NE(out.find(",'+1+1,"), std::string::npos);
  EXPECT_NE(out.find(",'-2+3,"), std::string::npos);
  EXPECT_NE(out.find(",'@SUM(A1),"), std::string::npos);
  EXPECT_NE(out.find(",\"Plain, with comma\","), std::string::npos);
  // Reading the export back gives the text as it was, without the apostrophes.
  const auto back = parse_items(out, Format::csv, june15);
  ASSERT_EQ(back.size(), texts.size());
  for (std::size_t i = 0; i < texts.size(); ++i) {
    EXPECT_EQ(back[i].text, texts[i]);
  }
}

TEST(CsvFormat, ExportRoundTripsEveryField) {
  Store store;
  store.set_today(june15);
  ActionItem a = item("Send written responses to RT questions", {"ICANN Org", "Denise Michel"},
                      Due::on(date(2017, 6, 20), "6/20"), State::in_progress);
  a.details = "(GH) How does GSE work?\nSecond line, with \"quotes\"";
  a.status_note = "Draft with RT for review.";
  a.tags = {"gse", "source:SSR2 call"};
  a.impact = Rating::high;
  a.effort = Rating::low;
  a.ref = "12";
  a.created = date(2017, 6, 1);
  ActionItem b = item("Distribute draft agenda", {"Co-Chairs"}, Due::tbd(), State::done);
  b.created = date(2017, 5, 20);
  ActionItem c =
      item("Régis Massé to circulate the ccNSO agenda", {"Régis Massé"}, {}, State::blocked);
  c.status_note = "Waiting on Legal";
  store.add_all({a, b, c});
  const std::vector<ActionItem> before = store.find();
  const std::string out = export_items(store, before, {Format::csv});
  EXPECT_EQ(
      out.substr(0, out.find("\r\n")),
      "Item #,Action,Details,Owner,Due Date,Status,Status Note,Tags,Impact,Effort,Created,Closed");

  Store fresh;
  fresh.set_today(date(2017, 7, 1));
  const ImportResult r = import_text(fresh, out, {Format::csv});
  EXPECT_EQ(r.added.size(), 3u);
  const std::vector<ActionItem> after = fresh.find();
  ASSERT_EQ(after.size(), before.size());
  for (std::size_t i = 0; i < before.size(); ++i) {
    SCOPED_TRACE(before[i].text);
    EXPECT_EQ(after[i].text, before[i].text);
    EXPECT_EQ(after[i].details, before[i].details);
    EXPECT_EQ(after[i].owners, before[i].owners);
    EXPECT_EQ(after[i].due, before[i].due);
    EXPECT_EQ(after[i].state, before[i].state);
    EXPECT_EQ(after[i].status_note, before[i].status_note);
    EXPECT_EQ(after[i].tags, before[i].tags);
    EXPECT_EQ(after[i].impact, before[i].impact);
    EXPECT_EQ(after[i].effort, before[i].effort);
    EXPECT_EQ(after[i].created, before[i].created);
    EXPECT_EQ(after[i].closed, before[i].closed);
    EXPECT_EQ(after[i].ref, before[i].ref);
  }
  // And once more: the same list again changes nothing.
  const ImportResult again = import_text(fresh, out, {Format::csv});
  EXPECT_EQ(again.added.size(), 0u);
  EXPECT_EQ(again.updated.size(), 0u);
  EXPECT_EQ(again.unchanged.size(), 3u);
}
