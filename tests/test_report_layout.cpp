#include <gtest/gtest.h>

#include <libtracker/error.hpp>
#include <libtracker/report_layout.hpp>
#include <libtracker/weekly_report.hpp>

using namespace libtracker;

namespace {

using Texts = std::vector<std::string>;

ReportEntry entry(std::string text, std::vector<std::string> owners, State state = State::open) {
  ReportEntry e;
  e.item.text = std::move(text);
  e.item.owners = std::move(owners);
  e.item.state = state;
  return e;
}

/// Layout reads only the report's open section, in its order: a report built by hand will do.
WeeklyReport open_items(std::vector<ReportEntry> open) {
  WeeklyReport r;
  r.open = std::move(open);
  return r;
}

/// "key: text, text" per group, "+" marking a continued group, "|" between pages.
std::string shape(const std::vector<ReportPage>& pages) {
  std::string out;
  for (const ReportPage& p : pages) {
    if (!out.empty()) out += " | ";
    for (const ReportGroup& g : p.groups) {
      out += (g.continued ? "+" : "") + g.key + ":";
      for (const ReportEntry& e : g.rows) out += " " + e.item.text;
      out += ";";
    }
  }
  return out;
}

}  // namespace

TEST(ReportLayout, OnePageUnlessAPageSizeIsGiven) {
  const WeeklyReport r = open_items({entry("A", {"X"}), entry("B", {"Y"}), entry("C", {})});
  const std::vector<ReportPage> one = paginate(r);
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].title, "Review Open Action Items");
  EXPECT_EQ(one[0].number, 1u);
  EXPECT_EQ(one[0].page_count, 1u);
  EXPECT_EQ(shape(one), ": A B C;");
}

TEST(ReportLayout, PagesAreNumberedInTheirTitles) {
  std::vector<ReportEntry> rows;
  for (const char* t : {"A", "B", "C", "D", "E", "F", "G"}) rows.push_back(entry(t, {"X"}));
  ReportLayout layout;
  layout.page_size = 3;
  layout.title = "Open items";
  const std::vector<ReportPage> pages = paginate(open_items(rows), layout);
  ASSERT_EQ(pages.size(), 3u);
  EXPECT_EQ(pages[0].title, "Open items (1 of 3)");
  EXPECT_EQ(pages[2].title, "Open items (3 of 3)");
  EXPECT_EQ(pages[2].number, 3u);
  EXPECT_EQ(pages[1].page_count, 3u);
  EXPECT_EQ(shape(pages), ": A B C; | +: D E F; | +: G;");
}

TEST(ReportLayout, NothingOpenIsOneEmptyPage) {
  ReportLayout layout;
  layout.page_size = 4;
  layout.group_by = GroupBy::owner;
  const std::vector<ReportPage> pages = paginate(open_items({}), layout);
  ASSERT_EQ(pages.size(), 1u);
  EXPECT_TRUE(pages[0].groups.empty());
  EXPECT_EQ(pages[0].title, "Review Open Action Items");
}

TEST(ReportLayout, ByOwnerAnItemStandsUnderEachOfItsOwners) {
  const WeeklyReport r =
      open_items({entry("A", {"James Gannon", "Co-Chairs"}), entry("B", {"ICANN Org"}),
                  entry("C", {}), entry("D", {"co-chairs", "CO-CHAIRS"})});
  ReportLayout layout;
  layout.group_by = GroupBy::owner;
  // By name regardless of case, the first spelling shown; an owner named twice counts once;
  // items without owners last.
  EXPECT_EQ(shape(paginate(r, layout)), "Co-Chairs: A D;ICANN Org: B;James Gannon: A;: C;");
}

TEST(ReportLayout, ByStateInTheStatesOrder) {
  const WeeklyReport r = open_items({entry("A", {}, State::blocked), entry("B", {}),
                                     entry("C", {}, State::in_progress), entry("D", {})});
  ReportLayout layout;
  layout.group_by = GroupBy::state;
  layout.page_size = 2;
  EXPECT_EQ(shape(paginate(r, layout)), "open: B D; | in_progress: C;blocked: A;");
}

TEST(ReportLayout, AGroupCutByAPageContinuesOnTheNext) {
  const WeeklyReport r =
      open_items({entry("A", {"X"}), entry("B", {"X"}), entry("C", {"X"}), entry("D", {"Y"})});
  ReportLayout layout;
  layout.group_by = GroupBy::owner;
  layout.page_size = 2;
  EXPECT_EQ(shape(paginate(r, layout)), "X: A B; | +X: C;Y: D;");
}

TEST(ReportLayout, GroupingNames) {
  for (GroupBy g : {GroupBy::none, GroupBy::owner, GroupBy::state})
    EXPECT_EQ(group_by_from_string(to_string(g)), g);
  EXPECT_EQ(group_by_from_string(" Owners "), GroupBy::owner);
  EXPECT_EQ(group_by_from_string("status"), GroupBy::state);
  EXPECT_EQ(group_by_from_string(""), GroupBy::none);
  try {
    group_by_from_string("colour");
    FAIL() << "colour is not a grouping";
  } catch (const ParseError& e) {
    EXPECT_EQ(e.text(), "colour");
    EXPECT_EQ(e.source(), "group by");
  }
}

TEST(PackLayout, LongActionsTakeTheirOwnPage) {
  std::vector<ReportEntry> entries(12);
  for (std::size_t i = 0; i < entries.size(); ++i) entries[i].item.text = "Short action";
  entries[2].item.details = std::string(3200, 'x');  // 40 lines of 80 columns: a whole page
  PackLayout layout;
  const auto pages = paginate_entries(entries, layout);
  ASSERT_EQ(pages.size(), 3u);
  EXPECT_EQ(pages[0].groups[0].rows.size(), 2u);
  EXPECT_EQ(pages[1].groups[0].rows.size(), 1u);
  EXPECT_EQ(pages[2].groups[0].rows.size(), 9u);
  EXPECT_EQ(pages[1].title, "Review Open Action Items (2 of 3)");
  layout.page_lines = 0;  // rows only
  EXPECT_EQ(paginate_entries(entries, layout).size(), 2u);
}
