// The Word, PowerPoint, Excel, PDF and HTML readers on files made by real producers
// (tests/data/documents, written by tests/data/make_office_fixtures.py with python-docx,
// python-pptx, openpyxl and LibreOffice), and the same list in every format giving the same
// items field by field.

#include <gtest/gtest.h>

#include <algorithm>
#include <libtracker/error.hpp>
#include <libtracker/formats.hpp>
#include <libtracker/import.hpp>
#include <libtracker/readers.hpp>
#include <string>
#include <vector>

#include "support.hpp"

namespace {

using namespace libtracker;
using boost::gregorian::date;
using fixtures::read_file;

std::string doc_path(const std::string& name) {
  return std::string(LIBTRACKER_DATA_DIR) + "/documents/" + name;
}

Document read(const std::string& name) {
  const std::string content = read_file(doc_path(name));
  const std::optional<DocumentFormat> format = detect_document_format(content);
  if (!format) throw std::runtime_error("not detected: " + name);
  return read_document(content, *format, name);
}

/// The blocks of one kind, in order.
std::vector<const Block*> blocks(const Document& d, BlockKind kind) {
  std::vector<const Block*> out;
  for (const Block& b : d.blocks)
    if (b.kind == kind) out.push_back(&b);
  return out;
}

std::vector<std::string> texts(const Document& d, BlockKind kind) {
  std::vector<std::string> out;
  for (const Block* b : blocks(d, kind)) out.push_back(b->text);
  return out;
}

/// Every text of the document (blocks and cells), to check what must not be there.
std::string all_text(const Document& d) {
  std::string out;
  for (const Block& b : d.blocks) {
    out += b.text + "\n";
    for (const TableRow& r : b.rows)
      for (const std::string& c : r.cells) out += c + "\n";
  }
  return out;
}

const std::vector<std::string> kCrossHeader = {"Item #", "Action", "Owner", "Due Date", "Status"};
const std::string kLongAction =
    "Draft the scoping note on abuse reporting, with the questions the subgroup raised on "
    "registrar obligations, the data sources to ask for and a timeline for the study.";

/// The open-actions table of the cross-format list, as every reader must give it (dates as
/// the file has them).
void expect_cross_table(const Block& table, const std::string& due1, const std::string& due3) {
  ASSERT_EQ(table.kind, BlockKind::table);
  ASSERT_EQ(table.rows.size(), 5u);
  EXPECT_EQ(table.rows[0].cells, kCrossHeader);
  EXPECT_EQ(table.rows[1].cells,
            (std::vector<std::string>{"1", "Share the draft charter with the review team.",
                                      "ICANN Org", due1, "In progress"}));
  EXPECT_EQ(table.rows[3].cells[1], kLongAction);  // wrapped over lines, still one cell
  EXPECT_EQ(table.rows[3].cells[2], "Denise Michel, Žarko Kecić");
  EXPECT_EQ(table.rows[3].cells[3], due3);
  EXPECT_EQ(table.rows[4].cells[3], "TBD");
}

// --- Word -------------------------------------------------------------------------------------

TEST(DocxReader, HeadingsAndTablesFromBothProducers) {
  for (const char* name : {"cross_list.docx", "cross_list_lo.docx"}) {
    SCOPED_TRACE(name);
    const Document d = read(name);
    EXPECT_EQ(texts(d, BlockKind::heading),
              (std::vector<std::string>{"Abuse Subgroup Call, 12 September 2018", "Open actions",
                                        "Completed actions"}));
    const auto tables = blocks(d, BlockKind::table);
    ASSERT_EQ(tables.size(), 2u);
    expect_cross_table(*tables[0], "20 September 2018", "3 October 2018");
    EXPECT_EQ(tables[1]->rows[1].cells[1], "Send the meeting notes to the list.");
    EXPECT_EQ(tables[0]->position.part, "table 1");
  }
}

TEST(DocxReader, ListLevelsTrackedChangesCommentsAndMergedCells) {
  for (const char* name : {"minutes_2018.docx", "minutes_2018_lo.docx"}) {
    SCOPED_TRACE(name);
    const Document d = read(name);
    std::vector<std::pair<std::string, int>> items;
    for (const Block* b : blocks(d, BlockKind::list_item)) items.emplace_back(b->text, b->level);
    // The list level of "List Bullet 2" comes from the numbering bound to the style.
    const std::vector<std::pair<std::string, int>> expected = {
        {"Denise Michel", 0},
        {"Žarko Kecić", 0},
        {"Laurin Weissinger", 0},
        {"ICANN org to share the draft charter with the RT by 11 June.", 0},
        {"Status: in progress", 1},
        {"Subgroup members to review the text by Monday 18 June.", 0},
        // The tracked deletion is gone and the insertion is in: the changes accepted.
        {"Staff to provide language used in the past for the statement of work.", 0}};
    EXPECT_EQ(items, expected);
    EXPECT_EQ(all_text(d).find("COMMENT TEXT"), std::string::npos);
    EXPECT_EQ(all_text(d).find("old language"), std::string::npos);
    const auto heading = blocks(d, BlockKind::heading);
    ASSERT_GE(heading.size(), 3u);
    EXPECT_EQ(heading[2]->text, "Action Items:");

    const auto tables = blocks(d, BlockKind::table);
    ASSERT_EQ(tables.size(), 1u);
    const auto& rows = tables[0]->rows;
    ASSERT_EQ(rows.size(), 5u);
    // Two paragraphs in one cell are one cell, joined by a line break.
    EXPECT_EQ(rows[1].cells[0], "Scoping note\n(first draft circulated)");
    // The lead merged down over two rows is read once, in its first row.
    EXPECT_EQ(rows[2].cells,
              (std::vector<std::string>{"Data sources", "Laurin Weissinger", "25 June"}));
    EXPECT_EQ(rows[3].cells, (std::vector<std::string>{"Timeline", "", "2 July"}));
    // A note merged across the three columns is one cell, in the first column.
    EXPECT_EQ(rows[4].cells, (std::vector<std::string>{"Dates are the calls' dates."}));
  }
}

// --- PowerPoint -------------------------------------------------------------------------------

TEST(PptxReader, SlidesInOrderWithTitlesBulletLevelsAndTables) {
  for (const char* name : {"ssr2_slides.pptx", "ssr2_slides_lo.pptx"}) {
    SCOPED_TRACE(name);
    const Document d = read(name);
    const auto headings = blocks(d, BlockKind::heading);
    ASSERT_GE(headings.size(), 8u);
    EXPECT_EQ(headings[0]->text, "SSR2 Staff, Co-Chairs Coordination");
    EXPECT_EQ(headings[0]->position.part, "slide 1");
    EXPECT_EQ(headings[3]->text, "Open Action Items/Requests");
    EXPECT_EQ(headings[3]->position.part, "slide 4");
    EXPECT_EQ(headings[6]->text, "Review Open Action Items (2 of 3)");
    EXPECT_EQ(headings[6]->position.part, "slide 7");

    // The bullets of slide 4, with their levels.
    std::vector<std::pair<std::string, int>> slide4;
    for (const Block* b : blocks(d, BlockKind::list_item))
      if (b->position.part == "slide 4") slide4.emplace_back(b->text, b->level);
    ASSERT_EQ(slide4.size(), 10u);
    EXPECT_EQ(slide4[0], std::make_pair(std::string("Draft SSR2 progress report for SO/ACs to "
                                                    "share ahead of ICANN59 in Johannesburg."),
                                        0));
    EXPECT_EQ(slide4[1],
              std::make_pair(std::string("Status: Confirm OK and next steps from Co-Chairs."), 1));

    const auto tables = blocks(d, BlockKind::table);
    ASSERT_EQ(tables.size(), 3u);
    EXPECT_EQ(tables[1]->position.part, "slide 7");
    ASSERT_EQ(tables[1]->rows.size(), 11u);
    EXPECT_EQ(tables[1]->rows[0].cells, (std::vector<std::string>{"Action", "Owner", "Due Date"}));
    EXPECT_EQ(tables[1]->rows[4].cells[1], "Co-Chairs, James Gannon, Boban Krsic");
    EXPECT_EQ(tables[1]->rows[3].cells[2], "30 May");
    EXPECT_EQ(tables[2]->rows.size(), 5u);
    // Speaker notes are not read.
    EXPECT_EQ(all_text(d).find("Speaker notes"), std::string::npos);
  }
}

// --- Excel ------------------------------------------------------------------------------------

TEST(XlsxReader, SheetsTitleRowsDatesInBothSystemsAndNumbers) {
  for (const char* name : {"cross_list.xlsx", "cross_list_1904.xlsx", "cross_list_lo.xlsx"}) {
    SCOPED_TRACE(name);
    const Document d = read(name);
    // Each sheet is a heading; the merged title above the header row is a heading under it.
    EXPECT_EQ(
        texts(d, BlockKind::heading),
        (std::vector<std::string>{"Open", "Abuse Subgroup Call, 12 September 2018", "Completed"}));
    const auto tables = blocks(d, BlockKind::table);
    ASSERT_EQ(tables.size(), 2u);
    // Date cells are ISO dates (1900 and 1904 systems alike); item numbers are "1", not "1.0".
    expect_cross_table(*tables[0], "2018-09-20", "2018-10-03");
    EXPECT_EQ(tables[0]->position.part, "sheet Open");
    EXPECT_EQ(tables[1]->position.part, "sheet Completed");
    EXPECT_EQ(tables[1]->rows[1].cells,
              (std::vector<std::string>{"5", "Send the meeting notes to the list.",
                                        "Laurin Weissinger", "2018-09-10"}));
  }
}

TEST(XlsxReader, SeedTablesWithTitlesAbove) {
  for (const char* name : {"ssr2_tables.xlsx", "ssr2_tables_lo.xlsx"}) {
    SCOPED_TRACE(name);
    const Document d = read(name);
    const auto tables = blocks(d, BlockKind::table);
    ASSERT_EQ(tables.size(), 3u);
    EXPECT_EQ(tables[1]->rows[0].cells, (std::vector<std::string>{"Action", "Owner", "Due Date"}));
    EXPECT_EQ(tables[1]->rows.size(), 11u);
    const auto headings = texts(d, BlockKind::heading);
    EXPECT_NE(std::find(headings.begin(), headings.end(), "Review Open Action Items (2 of 3)"),
              headings.end());
  }
}

// --- PDF --------------------------------------------------------------------------------------

TEST(PdfReader, TablesFromColumnPositionsKeepWrappedCellsWhole) {
  const Document d = read("cross_list.pdf");
  const auto tables = blocks(d, BlockKind::table);
  ASSERT_EQ(tables.size(), 2u);
  expect_cross_table(*tables[0], "20 September 2018", "3 October 2018");
  EXPECT_EQ(tables[0]->position.part, "page 1");
  EXPECT_EQ(texts(d, BlockKind::heading),
            (std::vector<std::string>{"Abuse Subgroup Call, 12 September 2018", "Open actions",
                                      "Completed actions"}));
}

TEST(PdfReader, CentredCellsBesideAWrappedActionStayInItsRow) {
  // Written by fpdf2, as report generators write PDFs: ruled cells centred vertically, so a
  // wrapped action's number, owner, due date and status sit between its lines, and the narrow
  // "Item #" column runs into "Action" in the header.
  const Document d = read("cross_list_fpdf.pdf");
  const auto tables = blocks(d, BlockKind::table);
  ASSERT_EQ(tables.size(), 2u);
  expect_cross_table(*tables[0], "20 September 2018", "3 October 2018");
  ASSERT_EQ(tables[1]->rows.size(), 2u);
  EXPECT_EQ(tables[1]->rows[0].cells,
            (std::vector<std::string>{"Item #", "Action", "Owner", "Completion Date"}));
}

TEST(PdfReader, SlidesAndMinutesExportedByLibreOffice) {
  const Document slides = read("ssr2_slides.pdf");
  const auto tables = blocks(slides, BlockKind::table);
  ASSERT_EQ(tables.size(), 3u);
  ASSERT_EQ(tables[1]->rows.size(), 11u);
  EXPECT_EQ(tables[1]->rows[4].cells,
            (std::vector<std::string>{
                "Draft SSR2 Review Team work plan with key dates, circulate to RT for input.",
                "Co-Chairs, James Gannon, Boban Krsic", "TBD"}));
  EXPECT_EQ(tables[1]->position.part, "page 7");
  // Bullets set in the slides' large font are list items, not headings.
  std::vector<std::pair<std::string, int>> page4;
  for (const Block* b : blocks(slides, BlockKind::list_item))
    if (b->position.part == "page 4") page4.emplace_back(b->text, b->level);
  ASSERT_GE(page4.size(), 2u);
  EXPECT_EQ(page4[1],
            std::make_pair(std::string("Status: Confirm OK and next steps from Co-Chairs."), 1));

  const Document minutes = read("minutes_2018.pdf");
  std::vector<std::pair<std::string, int>> items;
  for (const Block* b : blocks(minutes, BlockKind::list_item))
    items.emplace_back(b->text, b->level);
  ASSERT_GE(items.size(), 5u);
  EXPECT_EQ(items[3], std::make_pair(std::string("ICANN org to share the draft charter with the "
                                                 "RT by 11 June."),
                                     0));
  EXPECT_EQ(items[4], std::make_pair(std::string("Status: in progress"), 1));
}

// --- HTML -------------------------------------------------------------------------------------

TEST(TaskLists, ATickedBoxIsDoneInConfluenceAndInText) {
  // Confluence's meeting notes keep their actions as a task list: an item of class "checked"
  // is done. The same list typed as Markdown task boxes reads the same.
  const std::string html =
      "<html><body><h1>Subgroup call, 5 March 2019</h1><h2>Decisions</h2>"
      "<p>The charter stays as drafted.</p>"
      "<ul class=\"inline-task-list\" data-inline-tasks-content-id=\"7\">"
      "<li data-inline-task-id=\"1\" class=\"checked\"><span>Staff to circulate the notes "
      "to the list.</span></li>"
      "<li data-inline-task-id=\"2\"><span>Denise Michel to draft the scoping note by 20 March "
      "2019</span></li></ul><ul><li>Plain points are not tasks.</li></ul></body></html>";
  const std::string text =
      "Subgroup call, 5 March 2019\n\nDecisions\n\nThe charter stays as drafted.\n\n"
      "- [x] Staff to circulate the notes to the list.\n"
      "- [ ] Denise Michel to draft the scoping note by 20 March 2019\n";
  const date reference(2019, 3, 5);
  for (const auto& [input, format] :
       std::vector<std::pair<std::string, Format>>{{html, Format::html}, {text, Format::minutes}}) {
    SCOPED_TRACE(to_string(format));
    const std::vector<ActionItem> items = parse_items(input, format, reference);
    ASSERT_EQ(items.size(), 2u);
    EXPECT_EQ(items[0].text, "Staff to circulate the notes to the list.");
    EXPECT_EQ(items[0].owners, std::vector<std::string>{"Staff"});
    EXPECT_EQ(items[0].state, State::done);
    EXPECT_EQ(items[1].text, "Denise Michel to draft the scoping note by 20 March 2019");
    EXPECT_EQ(items[1].owners, std::vector<std::string>{"Denise Michel"});
    EXPECT_EQ(items[1].due.date(), date(2019, 3, 20));
    EXPECT_EQ(items[1].state, State::open);
  }
  const Document d = read_document(html, DocumentFormat::html, "notes.html");
  std::vector<std::optional<bool>> done;
  for (const Block* b : blocks(d, BlockKind::list_item)) done.push_back(b->done);
  EXPECT_EQ(done, (std::vector<std::optional<bool>>{true, false, std::nullopt}));
}

TEST(HtmlReader, ConfluencePageTablesListsAndWhatIsNotContent) {
  const Document d = read("tracking_tool.html");
  EXPECT_EQ(texts(d, BlockKind::heading),
            (std::vector<std::string>{"SSR2 Tracking Tool", "OPEN ACTIONS/REQUESTS",
                                      "COMPLETED ACTIONS/REQUESTS", "Notes"}));
  const auto tables = blocks(d, BlockKind::table);
  ASSERT_EQ(tables.size(), 2u);
  const auto& open = tables[0]->rows;
  ASSERT_EQ(open.size(), 3u);
  EXPECT_EQ(open[0].cells[3], "Action Item Request");
  // Entities decoded, paragraphs of a cell joined by a line break, the tick emoticon as text.
  EXPECT_EQ(open[1].cells[3],
            "Provide the RT with the list of contracted-party audits & their findings.\n"
            "Include the 2017 round.");
  EXPECT_EQ(open[1].cells[5], "(tick)");
  // The source cell spans two rows: read once, the row below keeps its columns.
  EXPECT_EQ(open[2].cells[0], "13");
  EXPECT_EQ(open[2].cells[1], "");
  EXPECT_EQ(open[2].cells[3], "Share the DNS abuse study\u2019s methodology\u00a0note.");
  EXPECT_EQ(open[2].cells[4], "Staff");
  EXPECT_EQ(tables[1]->rows[0].cells.size(), 9u);
  std::vector<std::pair<std::string, int>> items;
  for (const Block* b : blocks(d, BlockKind::list_item)) items.emplace_back(b->text, b->level);
  EXPECT_EQ(items,
            (std::vector<std::pair<std::string, int>>{{"Requests come from the plenary calls", 0},
                                                      {"and from the subgroups", 1}}));
  // Navigation, breadcrumbs, scripts, styles and the footer are not read.
  const std::string text = all_text(d);
  for (const char* absent : {"Spaces", "Working Documents", "not content", "border", "Powered"})
    EXPECT_EQ(text.find(absent), std::string::npos) << absent;
}

// --- Detection --------------------------------------------------------------------------------

TEST(DocumentFormat, DetectedFromContentNotName) {
  const std::vector<std::pair<std::string, DocumentFormat>> cases = {
      {"cross_list.docx", DocumentFormat::docx}, {"cross_list_lo.docx", DocumentFormat::docx},
      {"cross_list.pptx", DocumentFormat::pptx}, {"ssr2_slides_lo.pptx", DocumentFormat::pptx},
      {"cross_list.xlsx", DocumentFormat::xlsx}, {"cross_list_lo.xlsx", DocumentFormat::xlsx},
      {"cross_list.pdf", DocumentFormat::pdf},   {"cross_list.html", DocumentFormat::html}};
  for (const auto& [name, format] : cases) {
    const std::string content = read_file(doc_path(name));
    EXPECT_EQ(detect_document_format(content), format) << name;
    // A Word file saved as ".txt" is still read as Word.
    EXPECT_EQ(format_for_file(content, "minutes.txt"), format_from_string(to_string(format)))
        << name;
  }
  EXPECT_EQ(detect_document_format("Action\tOwner\tDue Date\nShare links\tICANN Org\tTBD\n"),
            std::nullopt);
  EXPECT_EQ(detect_document_format("{\"items\": []}"), std::nullopt);
  EXPECT_EQ(detect_document_format("PK\3\4 not really a zip"), std::nullopt);
  EXPECT_EQ(format_for_file("Action,Owner\nx,y\n", "list.csv"), Format::csv);
  EXPECT_EQ(format_for_path("Minutes.DOCX"), Format::docx);
  EXPECT_EQ(format_for_path("page.htm"), Format::html);
  EXPECT_EQ(format_from_string("pdf"), Format::pdf);
}

TEST(DocumentFormat, ForcedFormatThatDoesNotFitIsAParseErrorNamingTheFile) {
  const std::string pdf = read_file(doc_path("cross_list.pdf"));
  try {
    read_document(pdf, DocumentFormat::docx, "minutes.docx");
    FAIL() << "a PDF read as Word";
  } catch (const ParseError& e) {
    EXPECT_EQ(e.source(), "minutes.docx");
    EXPECT_NE(std::string(e.what()).find("ZIP"), std::string::npos) << e.what();
  }
}

// --- The same list in every format ------------------------------------------------------------

TEST(CrossFormat, TheSameListGivesTheSameItemsFieldByField) {
  const date reference(2018, 9, 12);
  const std::vector<std::pair<std::string, Format>> files = {
      {"cross_list.docx", Format::docx},      {"cross_list_lo.docx", Format::docx},
      {"cross_list.pptx", Format::pptx},      {"cross_list.xlsx", Format::xlsx},
      {"cross_list_1904.xlsx", Format::xlsx}, {"cross_list_lo.xlsx", Format::xlsx},
      {"cross_list.pdf", Format::pdf},        {"cross_list_fpdf.pdf", Format::pdf},
      {"cross_list.html", Format::html}};
  const std::vector<ActionItem> expected =
      parse_items(read_file(doc_path("cross_list.docx")), Format::docx, reference);
  ASSERT_EQ(expected.size(), 5u);
  EXPECT_EQ(expected[0].text, "Share the draft charter with the review team.");
  EXPECT_EQ(expected[0].owners, std::vector<std::string>{"ICANN Org"});
  EXPECT_EQ(expected[0].due.date(), date(2018, 9, 20));
  EXPECT_EQ(expected[0].state, State::in_progress);
  EXPECT_EQ(expected[2].text, kLongAction);
  EXPECT_EQ(expected[2].owners, (std::vector<std::string>{"Denise Michel", "Žarko Kecić"}));
  EXPECT_TRUE(expected[3].due.is_tbd());
  EXPECT_EQ(expected[4].state, State::done);
  ASSERT_TRUE(expected[4].closed.has_value());
  EXPECT_EQ(*expected[4].closed, date(2018, 9, 10));

  for (const auto& [name, format] : files) {
    SCOPED_TRACE(name);
    const std::vector<ActionItem> items =
        parse_items(read_file(doc_path(name)), format, reference, {}, name);
    ASSERT_EQ(items.size(), expected.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
      SCOPED_TRACE(i);
      EXPECT_EQ(items[i].ref, expected[i].ref);
      EXPECT_EQ(items[i].text, expected[i].text);
      EXPECT_EQ(items[i].owners, expected[i].owners);
      EXPECT_EQ(items[i].due.is_tbd(), expected[i].due.is_tbd());
      ASSERT_EQ(items[i].due.has_date(), expected[i].due.has_date());
      if (expected[i].due.has_date()) EXPECT_EQ(items[i].due.date(), expected[i].due.date());
      EXPECT_EQ(items[i].state, expected[i].state);
      EXPECT_EQ(items[i].closed, expected[i].closed);
      EXPECT_EQ(items[i].created, expected[i].created);
    }
  }
}

}  // namespace
