// extract_action_items on documents as any reader makes them (here built by hand, as a Word or
// PowerPoint reader would): tables, headings that carry state, lists, dates of the document.

#include <gtest/gtest.h>

#include <libtracker/extract.hpp>
#include <libtracker/minutes_parser.hpp>
#include <string>
#include <vector>

#include "support.hpp"

using namespace libtracker;
using namespace libtracker::fixtures;
using Names = std::vector<std::string>;

namespace {

Block heading(std::string text, std::size_t line = 0) {
  Block b;
  b.kind = BlockKind::heading;
  b.level = 1;
  b.text = std::move(text);
  b.position.line = line;
  return b;
}

Block bullet(std::string text, int level = 0) {
  Block b;
  b.kind = BlockKind::list_item;
  b.level = level;
  b.text = std::move(text);
  return b;
}

Block table(std::vector<std::vector<std::string>> rows, std::string part = {}) {
  Block b;
  b.kind = BlockKind::table;
  for (auto& r : rows) {
    TableRow row;
    row.cells = std::move(r);
    row.position.part = part;
    b.rows.push_back(std::move(row));
  }
  return b;
}

ExtractOptions on(date today) {
  ExtractOptions o;
  o.today = today;
  return o;
}

}  // namespace

TEST(Extractor, TablesUnderHeadingsThatCarryState) {
  Document doc;
  doc.source = "tracking.docx";
  doc.blocks.push_back(heading("SSR2 Tracking Tool - 12 September 2018"));
  doc.blocks.push_back(heading("OPEN ACTIONS/REQUESTS"));
  doc.blocks.push_back(table({{"Item #", "Action Item Request", "Action Owner", "Status"},
                              {"31", "Send the questions to OCTO.", "ICANN org", "In progress"}},
                             "page 1"));
  doc.blocks.push_back(heading("COMPLETED ACTIONS/REQUESTS"));
  doc.blocks.push_back(table({{"Item #", "Action Item Request", "Action Owner", "Completion Date"},
                              {"17", "Publish the work plan.", "Staff", "3 September 2018"},
                              {"18", "Book the room.", "Staff", ""}},
                             "page 2"));
  const ImportOutcome out = extract_action_items(doc, on(date(2026, 1, 1)));
  ASSERT_EQ(out.items.size(), 3u);
  EXPECT_EQ(out.reference, date(2018, 9, 12));
  EXPECT_EQ(out.reference_source, ReferenceSource::document);
  EXPECT_EQ(out.items[0].state, State::in_progress);
  EXPECT_EQ(out.items[0].ref, "31");
  EXPECT_EQ(out.items[1].state, State::done);
  EXPECT_EQ(out.items[1].closed, date(2018, 9, 3));
  EXPECT_EQ(out.items[2].state, State::done);  // under the completed heading, without a date
  EXPECT_FALSE(out.items[2].closed);
  EXPECT_EQ(out.parts, (Names{"page 1", "page 2", "page 2"}));
  for (const ActionItem& it : out.items) EXPECT_EQ(it.created, date(2018, 9, 12));
}

TEST(Extractor, ListsUnderActionHeadingsWithOwnersInTheSentence) {
  Document doc;
  doc.blocks.push_back(heading("Action items (3)"));
  doc.blocks.push_back(bullet("ICANN org to share the draft charter with the RT."));
  doc.blocks.push_back(
      bullet("Denise Michel and Žarko Kecić to draft the scoping note by 3 March"));
  doc.blocks.push_back(bullet("Status: in progress", 1));
  doc.blocks.push_back(bullet("Someone from legal to check the NDA."));
  doc.blocks.push_back(heading("Decisions reached"));
  doc.blocks.push_back(bullet("The team agreed to meet weekly."));
  ExtractOptions options = on(date(2018, 2, 20));
  options.reference = date(2018, 2, 20);
  const ImportOutcome out = extract_action_items(doc, options);
  ASSERT_EQ(out.items.size(), 3u);
  EXPECT_EQ(out.items[0].owners, (Names{"ICANN org"}));
  EXPECT_EQ(out.items[0].text, "ICANN org to share the draft charter with the RT.");
  EXPECT_EQ(out.items[1].owners, (Names{"Denise Michel", "Žarko Kecić"}));
  EXPECT_EQ(out.items[1].due.date(), date(2018, 3, 3));
  EXPECT_EQ(out.items[1].state, State::in_progress);
  EXPECT_TRUE(out.items[2].owners.empty());  // not clear: not guessed
  ASSERT_EQ(out.needs_review.size(), 1u);
  EXPECT_EQ(out.needs_review[0].text, "Someone from legal to check the NDA.");
  EXPECT_EQ(out.reference_source, ReferenceSource::caller);
}

TEST(Extractor, ATableWithoutAnActionHeaderIsNotAnActionList) {
  Document doc;
  doc.blocks.push_back(table({{"Time", "Session", "Chair"}, {"09:00", "Welcome", "Katrina"}}));
  const ImportOutcome out = extract_action_items(doc, on(date(2020, 3, 10)));
  EXPECT_TRUE(out.items.empty());
  EXPECT_TRUE(out.skipped.empty());
  EXPECT_EQ(out.reference_source, ReferenceSource::today);
  EXPECT_EQ(out.reference, date(2020, 3, 10));
}

TEST(Extractor, AnActionHeadingWithNothingUnderItIsReported) {
  Document doc;
  doc.blocks.push_back(heading("Action items", 4));
  doc.blocks.push_back(heading("AOB", 5));
  const ImportOutcome out = extract_action_items(doc, on(date(2020, 3, 10)));
  EXPECT_TRUE(out.items.empty());
  ASSERT_EQ(out.skipped.size(), 1u);
  EXPECT_EQ(out.skipped[0].line, 4u);
}

TEST(Extractor, CheckMarksInAStatusColumnMeanDone) {
  for (const char* mark :
       {"(tick)", "\xE2\x9C\x93", "\xE2\x9C\x94", "\xE2\x98\x91", "x", "yes", "done."}) {
    Document doc;
    doc.blocks.push_back(table({{"Action", "Owner", "Complete"}, {"Book it", "Anna", mark}}));
    const ImportOutcome out = extract_action_items(doc, on(date(2020, 3, 10)));
    ASSERT_EQ(out.items.size(), 1u) << mark;
    EXPECT_EQ(out.items[0].state, State::done) << mark;
  }
}

TEST(Extractor, RowsWithTooFewCellsAreSkippedNotMerged) {
  Document doc;
  doc.blocks.push_back(table(
      {{"Action", "Owner", "Due"}, {"Book the room", "Anna"}, {"Send the minutes", "Tom", "TBD"}}));
  const ImportOutcome out = extract_action_items(doc, on(date(2020, 3, 10)));
  ASSERT_EQ(out.items.size(), 1u);
  EXPECT_EQ(out.items[0].text, "Send the minutes");
  ASSERT_EQ(out.skipped.size(), 1u);
  EXPECT_NE(out.skipped[0].reason.find("2 cells"), std::string::npos);
}

TEST(Extractor, TheDocumentDateIsInItsTitleNotInTheRowsOfItsList) {
  Document doc;
  doc.blocks.push_back(table({{"Item #", "Date of Request", "Action", "Owner"},
                              {"1", "29 August 2018", "Send the figures.", "Staff"}}));
  EXPECT_FALSE(document_date(doc));
  doc.blocks.insert(doc.blocks.begin(), heading("Call of Tuesday, 4 September 2018"));
  EXPECT_EQ(document_date(doc), date(2018, 9, 4));
  const ImportOutcome out = extract_action_items(doc, on(date(2026, 1, 1)));
  ASSERT_EQ(out.items.size(), 1u);
  EXPECT_EQ(out.items[0].created, date(2018, 8, 29));
}
