#include <gtest/gtest.h>

#include <boost/date_time/gregorian/gregorian.hpp>
#include <libtracker/render.hpp>
#include <libtracker/weekly_report.hpp>

#include "report/report_blocks.hpp"

using namespace libtracker;
using namespace libtracker::detail;
using boost::gregorian::date;

namespace {

using Texts = std::vector<std::string>;

ReportEntry entry(ItemId id, std::string text, std::vector<std::string> owners, Due due) {
  ReportEntry e;
  e.item.id = id;
  e.item.text = std::move(text);
  e.item.owners = std::move(owners);
  e.item.due = std::move(due);
  e.item.created = date(2017, 6, 1);
  return e;
}

/// A report built by hand: the blocks lay out whatever report they are given.
WeeklyReport sample() {
  WeeklyReport r;
  r.as_of = r.period_end = date(2017, 6, 15);
  r.period_start = date(2017, 6, 9);
  r.period_days = 7;
  ReportEntry late = entry(3, "Share links on threat mitigation", {"ICANN Org"},
                           Due::on(date(2017, 6, 1), "1 June"));
  late.overdue = true;
  late.days_overdue = 14;
  ReportEntry moved =
      entry(5, "Draft work plan", {"Co-Chairs", "ICANN Org"}, Due::on(date(2017, 6, 30)));
  moved.item.state = State::in_progress;
  moved.item.status_note = "With the RT";
  moved.old_due = date(2017, 6, 16);
  moved.new_due = date(2017, 6, 30);
  ReportEntry unowned = entry(7, "Schedule briefings", {}, Due::tbd());
  r.open = {late, moved, unowned};
  r.overdue = {late};
  r.no_due_date = {unowned};
  r.slipped = {moved};
  r.counts.open = 3;
  r.counts.overdue = 1;
  r.counts.no_due_date = 1;
  r.counts.slipped = 1;
  r.by_owner = {{"ICANN Org", {}}, {"", {}}};
  r.by_owner[0].counts.open = 2;
  r.by_owner[1].counts.open = 1;
  return r;
}

Texts headings(const std::vector<Block>& blocks) {
  Texts out;
  for (const Block& b : blocks)
    if (b.kind == Block::Kind::heading) out.push_back(b.text);
  return out;
}

const Block& table_of(const std::vector<Block>& blocks, const std::string& section) {
  for (const Block& b : blocks)
    if (b.kind == Block::Kind::table && b.section == section) return b;
  throw std::runtime_error("no table for " + section);
}

Texts texts(const std::vector<TableCell>& row) {
  Texts out;
  for (const TableCell& c : row) out.push_back(c.text);
  return out;
}

}  // namespace

TEST(ReportBlocks, EverySectionInReportOrder) {
  const std::vector<Block> blocks = report_blocks(sample(), {});
  EXPECT_EQ(headings(blocks), (Texts{"Weekly status report", "Review Open Action Items",
                                     "Overdue (1)", "Due this period (0)", "No due date (1)",
                                     "New (0)", "Completed (0)", "Slipped (1)", "By owner"}));
  ASSERT_EQ(blocks[1].kind, Block::Kind::paragraph);
  EXPECT_EQ(blocks[1].text, "As of 2017-06-15; period 2017-06-09 to 2017-06-15 (7 days).");
  Texts sections;
  for (const Block& b : blocks)
    if (b.kind == Block::Kind::heading) sections.push_back(b.section);
  EXPECT_EQ(sections, (Texts{"summary", "open", "overdue", "upcoming", "no_due_date", "new",
                             "completed", "slipped", "by_owner"}));
}

TEST(ReportBlocks, TheOpenTableAndTheSectionsStartPrintedPages) {
  Texts breaks;
  for (const Block& b : report_blocks(sample(), {}))
    if (b.page_break) breaks.push_back(b.text);
  EXPECT_EQ(breaks, (Texts{"Review Open Action Items", "Overdue (1)"}));
}

TEST(ReportBlocks, SummaryCountsEachSection) {
  const std::vector<Block> blocks = report_blocks(sample(), {});
  const Block& summary = table_of(blocks, "summary");
  EXPECT_EQ(summary.table.headers, (Texts{"Section", "Items"}));
  ASSERT_EQ(summary.table.rows.size(), all_report_sections.size());
  EXPECT_EQ(texts(summary.table.rows[0]), (Texts{"Open", "3"}));
  EXPECT_EQ(texts(summary.table.rows[6]), (Texts{"Slipped", "1"}));
  EXPECT_TRUE(summary.table.rows[0][1].numeric);
}

TEST(ReportBlocks, EachSectionHasItsOwnColumns) {
  const std::vector<Block> blocks = report_blocks(sample(), {});
  const Table& overdue = table_of(blocks, "overdue").table;
  EXPECT_EQ(overdue.headers, (Texts{"Action", "Owner", "Due Date", "Days overdue", "Status"}));
  ASSERT_EQ(overdue.rows.size(), 1u);
  EXPECT_EQ(texts(overdue.rows[0]),
            (Texts{"Share links on threat mitigation", "ICANN Org", "2017-06-01", "14", "Open"}));
  EXPECT_TRUE(overdue.overdue[0]);
  EXPECT_TRUE(overdue.rows[0][3].numeric);

  const Table& slipped = table_of(blocks, "slipped").table;
  EXPECT_EQ(slipped.headers, (Texts{"Action", "Owner", "Old due", "New due", "Status"}));
  EXPECT_EQ(texts(slipped.rows.at(0)),
            (Texts{"Draft work plan", "Co-Chairs, ICANN Org", "2017-06-16", "2017-06-30",
                   "In progress: With the RT"}));
  EXPECT_EQ(table_of(blocks, "new").table.headers,
            (Texts{"Action", "Owner", "Created", "Due Date", "Status"}));
  EXPECT_EQ(table_of(blocks, "completed").table.headers,
            (Texts{"Action", "Owner", "Closed", "Status"}));
  EXPECT_TRUE(table_of(blocks, "completed").table.rows.empty());
}

TEST(ReportBlocks, ItemNumbersAreAColumnWhenAsked) {
  RenderOptions options;
  options.show_ids = true;
  const std::vector<Block> blocks = report_blocks(sample(), options);
  const Table& open = table_of(blocks, "open").table;
  EXPECT_EQ(open.headers.front(), "#");
  EXPECT_EQ(texts(open.rows.at(2)), (Texts{"7", "Schedule briefings", "", "TBD", "Open"}));
  EXPECT_TRUE(open.rows[2][0].numeric);
}

TEST(ReportBlocks, GroupsAndPagesOfTheOpenTable) {
  RenderOptions options;
  options.layout.group_by = GroupBy::owner;
  options.layout.page_size = 2;
  const Texts all = headings(report_blocks(sample(), options));
  const Texts open(all.begin() + 1, all.begin() + 7);
  EXPECT_EQ(open,
            (Texts{"Review Open Action Items (1 of 2)", "Co-Chairs", "ICANN Org",
                   "Review Open Action Items (2 of 2)", "ICANN Org (continued)", "(no owner)"}));

  options.layout.group_by = GroupBy::state;
  options.layout.page_size = 0;
  const Texts by_state = headings(report_blocks(sample(), options));
  EXPECT_EQ(Texts(by_state.begin() + 1, by_state.begin() + 4),
            (Texts{"Review Open Action Items", "Open", "In progress"}));
}

TEST(ReportBlocks, NothingOpenSaysSo) {
  WeeklyReport empty = sample();
  empty.open.clear();
  const std::vector<Block> blocks = report_blocks(empty, {});
  ASSERT_EQ(blocks.at(4).kind, Block::Kind::paragraph);
  EXPECT_EQ(blocks[4].text, "No open action items.");
}

TEST(ReportBlocks, OwnerCountsPerSection) {
  const std::vector<Block> blocks = report_blocks(sample(), {});
  const Table& owners = table_of(blocks, "by_owner").table;
  EXPECT_EQ(owners.headers, (Texts{"Owner", "Open", "Overdue", "Due this period", "No due date",
                                   "New", "Completed", "Slipped"}));
  ASSERT_EQ(owners.rows.size(), 2u);
  EXPECT_EQ(texts(owners.rows[0]), (Texts{"ICANN Org", "2", "0", "0", "0", "0", "0", "0"}));
  EXPECT_EQ(owners.rows[1][0].text, "(no owner)");
}
