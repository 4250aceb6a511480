// read_text_document: minutes text as headings, list items with levels, paragraphs and tables.

#include <gtest/gtest.h>

#include <libtracker/error.hpp>
#include <libtracker/readers.hpp>
#include <string>

using namespace libtracker;

namespace {

std::string kinds(const Document& doc) {
  std::string out;
  for (const Block& b : doc.blocks) {
    const char k[] = {'H', 'P', 'L', 'T'};
    out += k[static_cast<int>(b.kind)];
    if (b.kind == BlockKind::list_item) out += std::to_string(b.level);
  }
  return out;
}

}  // namespace

TEST(TextReader, HeadingsBulletsWithLevelsAndJoinedLines) {
  const Document doc = read_text_document(
      "Review Open Action Items\n"
      "\n"
      "\xEF\x82\xA7 Draft the progress report for the SO/ACs to share ahead of\n"
      "Johannesburg.\n"
      "\xE2\x80\xA2 Status: Draft with the RT for review.\n"
      "\xEF\x82\xA7 Send the language to the RT.\n"
      "  - owner: Staff\n"
      "## Next steps\n"
      "The chair closed the call\n"
      "at noon.\n",
      "call.txt");
  EXPECT_EQ(doc.source, "call.txt");
  EXPECT_EQ(kinds(doc), "HL0L1L0L1HP");
  EXPECT_EQ(doc.blocks[1].text,
            "Draft the progress report for the SO/ACs to share ahead of Johannesburg.");
  EXPECT_EQ(doc.blocks[1].position.line, 3u);
  EXPECT_EQ(doc.blocks[2].text, "Status: Draft with the RT for review.");
  EXPECT_EQ(doc.blocks[6].text, "The chair closed the call at noon.");
}

TEST(TextReader, TabAndPipeRowsAreTablesAcrossBlankLines) {
  const Document doc = read_text_document(
      "Action\tOwner\tDue Date\n"
      "Share the links.\tICANN Org\t22 June\n"
      "\n"
      "Draft the guidelines for the review team and\n"
      "circulate them.\tCo-Chairs\tTBD\n"
      "Closing remarks\n"
      "| # | Action |\n"
      "|---|---|\n"
      "| 1 | Book the room |\n");
  ASSERT_EQ(kinds(doc), "THT");
  const Block& tabs = doc.blocks[0];
  ASSERT_EQ(tabs.rows.size(), 3u);
  EXPECT_EQ(tabs.rows[1].cells,
            (std::vector<std::string>{"Share the links.", "ICANN Org", "22 June"}));
  // A first cell broken over a line before its row is joined to it, at the line it starts.
  EXPECT_EQ(tabs.rows[2].cells[0], "Draft the guidelines for the review team and circulate them.");
  EXPECT_EQ(tabs.rows[2].position.line, 4u);
  const Block& pipes = doc.blocks[2];
  ASSERT_EQ(pipes.rows.size(), 2u);  // the rule row is layout
  EXPECT_EQ(pipes.rows[1].cells, (std::vector<std::string>{"1", "Book the room"}));
}

TEST(TextReader, HeadingsInAnyCaseWithColonsAndCounts) {
  for (const char* heading : {"Action Items:", "ACTION ITEMS", "Actions", "Action items (3)",
                              "Actions arising", "Decisions reached:", "## Notes"}) {
    const Document doc = read_text_document(std::string("Some text.\n") + heading + "\n- x\n");
    ASSERT_EQ(doc.blocks.size(), 3u) << heading;
    EXPECT_EQ(doc.blocks[1].kind, BlockKind::heading) << heading;
  }
}

TEST(TextReader, InvalidTextIsAParseErrorNamingTheLine) {
  try {
    read_text_document("ok\nbad \xC3\x28 line\n", "notes.txt");
    FAIL() << "no error";
  } catch (const ParseError& e) {
    EXPECT_EQ(e.source(), "notes.txt");
    EXPECT_EQ(e.line(), 2u);
  }
}

TEST(CsvReader, OneTableWithTheLineOfEachRecord) {
  const Document doc = read_csv_document("Action,Owner\n\"two\nlines\",Anna\nThird,Bob\n", "a.csv");
  ASSERT_EQ(doc.blocks.size(), 1u);
  ASSERT_EQ(doc.blocks[0].rows.size(), 3u);
  EXPECT_EQ(doc.blocks[0].rows[1].cells[0], "two\nlines");
  EXPECT_EQ(doc.blocks[0].rows[2].position.line, 4u);
  EXPECT_THROW(read_csv_document("Action,Owner\nx,y,z\n", "a.csv"), ParseError);
}
