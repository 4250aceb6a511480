#include <gtest/gtest.h>

#include <libtracker/error.hpp>
#include <libtracker/render.hpp>
#include <libtracker/report_layout.hpp>
#include <libtracker/store.hpp>
#include <libtracker/weekly_report.hpp>

#include "support.hpp"

using namespace libtracker;
using namespace libtracker::fixtures;

namespace {

std::vector<std::string> texts(const std::vector<ReportEntry>& entries) {
  std::vector<std::string> out;
  for (const ReportEntry& e : entries) out.push_back(e.item.text);
  return out;
}

using Names = std::vector<std::string>;

const OwnerCounts* owner_counts(const WeeklyReport& r, const std::string& owner) {
  for (const OwnerCounts& o : r.by_owner)
    if (o.owner == owner) return &o;
  return nullptr;
}

ItemChanges due_change(Due due) {
  ItemChanges c;
  c.due = std::move(due);
  return c;
}

/// Four weeks of an SSR2-like action list, with a fixed clock:
///   06-01  A (Co-Chairs, James Gannon; due 06-09), B (ICANN Org; 06-22), C (ICANN Org; TBD),
///          D (James Gannon, Emily Taylor; no due), E (ICANN Org; 06-05)
///   06-05  E done                     06-08  A due 06-09 -> 06-16; F (SSR2-RT; 06-12) added
///   06-10  B in progress, with a note 06-13  G (Co-Chairs; 06-14) added; C due TBD -> 06-20
///   06-14  F due 06-12 -> 06-30; D removed
///   06-15  G done; A due 06-16 -> 06-13 (earlier)
///   06-16  E reopened                 06-17  I (ICANN Org; 06-19) added
///   06-18  I due 06-19 -> 06-26       06-20  B cancelled; F due 06-30 -> 07-10
///   06-22  H (Denise Michel; TBD) added
class WeeklyReportTest : public ::testing::Test {
 protected:
  void day(int m, int d) { store.set_today(date(2017, m, d)); }

  void SetUp() override {
    day(6, 1);
    a = store
            .add(item("A: Draft SSR2 work plan", {"Co-Chairs", "James Gannon"},
                      Due::on(date(2017, 6, 9))))
            .id;
    b = store
            .add(item("B: Share links on threat mitigation", {"ICANN Org"},
                      Due::on(date(2017, 6, 22))))
            .id;
    c = store.add(item("C: Schedule remaining SSR1 briefings", {"ICANN Org"}, Due::tbd())).id;
    d = store.add(item("D: Review non-disclosure form", {"James Gannon", "Emily Taylor"})).id;
    e = store.add(item("E: Research collaborative tools", {"ICANN Org"}, Due::on(date(2017, 6, 5))))
            .id;
    day(6, 5);
    store.set_state(e, State::done);
    day(6, 8);
    store.update(a, due_change(Due::on(date(2017, 6, 16))));
    f = store.add(item("F: Consolidate duplicative items", {"SSR2-RT"}, Due::on(date(2017, 6, 12))))
            .id;
    day(6, 10);
    store.set_state(b, State::in_progress, "Collecting articles");
    ItemChanges note;
    note.status_note = "Collecting articles";
    store.update(b, note);
    day(6, 13);
    g = store.add(item("G: Distribute draft agenda", {"Co-Chairs"}, Due::on(date(2017, 6, 14)))).id;
    store.update(c, due_change(Due::on(date(2017, 6, 20))));
    day(6, 14);
    store.update(f, due_change(Due::on(date(2017, 6, 30))));
    store.remove(d);
    day(6, 15);
    store.set_state(g, State::done);
    store.update(a, due_change(Due::on(date(2017, 6, 13))));
    on_june_15 = render_json(weekly_report(store, date(2017, 6, 15)));
    day(6, 16);
    store.set_state(e, State::open);
    day(6, 17);
    i = store
            .add(item("I: Send written responses to RT questions", {"ICANN Org"},
                      Due::on(date(2017, 6, 19))))
            .id;
    day(6, 18);
    store.update(i, due_change(Due::on(date(2017, 6, 26))));
    day(6, 20);
    store.set_state(b, State::cancelled);
    store.update(f, due_change(Due::on(date(2017, 7, 10))));
    day(6, 22);
    h = store.add(item("H: Draft note on SSR1 implementation", {"Denise Michel"}, Due::tbd())).id;
  }

  Store store = test_store();
  ItemId a = 0, b = 0, c = 0, d = 0, e = 0, f = 0, g = 0, h = 0, i = 0;
  std::string on_june_15;
};

}  // namespace

TEST_F(WeeklyReportTest, PeriodIsTheDaysEndingOnTheReportDay) {
  const WeeklyReport r = weekly_report(store, date(2017, 6, 22));
  EXPECT_EQ(r.as_of, date(2017, 6, 22));
  EXPECT_EQ(r.period_start, date(2017, 6, 16));
  EXPECT_EQ(r.period_end, date(2017, 6, 22));
  EXPECT_EQ(r.period_days, 7);
  const WeeklyReport two_weeks = weekly_report(store, date(2017, 6, 22), 14);
  EXPECT_EQ(two_weeks.period_start, date(2017, 6, 9));
  EXPECT_THROW(weekly_report(store, date(2017, 6, 22), 0), InvalidArgumentError);
  EXPECT_THROW(weekly_report(store, date(boost::date_time::not_a_date_time)), InvalidArgumentError);
}

TEST_F(WeeklyReportTest, ReportOnToday) {
  const WeeklyReport r = weekly_report(store, date(2017, 6, 22));
  EXPECT_EQ(
      texts(r.open),
      (Names{"E: Research collaborative tools", "A: Draft SSR2 work plan",
             "C: Schedule remaining SSR1 briefings", "I: Send written responses to RT questions",
             "F: Consolidate duplicative items", "H: Draft note on SSR1 implementation"}));
  EXPECT_EQ(texts(r.overdue), (Names{"E: Research collaborative tools", "A: Draft SSR2 work plan",
                                     "C: Schedule remaining SSR1 briefings"}));
  ASSERT_EQ(r.overdue.size(), 3u);
  EXPECT_EQ(r.overdue[0].days_overdue, 17);  // reopened: due 06-05
  EXPECT_EQ(r.overdue[1].days_overdue, 9);
  EXPECT_EQ(r.overdue[2].days_overdue, 2);
  EXPECT_TRUE(r.open[0].overdue);
  EXPECT_FALSE(r.open[3].overdue);
  EXPECT_EQ(texts(r.upcoming), (Names{"I: Send written responses to RT questions"}));
  EXPECT_EQ(texts(r.no_due_date), (Names{"H: Draft note on SSR1 implementation"}));
  EXPECT_EQ(texts(r.new_items), (Names{"I: Send written responses to RT questions",
                                       "H: Draft note on SSR1 implementation"}));
  EXPECT_EQ(texts(r.completed), (Names{"B: Share links on threat mitigation"}));
  EXPECT_EQ(r.completed[0].item.state, State::cancelled);
  ASSERT_EQ(texts(r.slipped), (Names{"I: Send written responses to RT questions",
                                     "F: Consolidate duplicative items"}));
  EXPECT_EQ(r.slipped[0].old_due, date(2017, 6, 19));
  EXPECT_EQ(r.slipped[0].new_due, date(2017, 6, 26));
  EXPECT_EQ(r.slipped[1].old_due, date(2017, 6, 30));
  EXPECT_EQ(r.slipped[1].new_due, date(2017, 7, 10));

  EXPECT_EQ(r.counts.open, 6u);
  EXPECT_EQ(r.counts.overdue, 3u);
  EXPECT_EQ(r.counts.upcoming, 1u);
  EXPECT_EQ(r.counts.no_due_date, 1u);
  EXPECT_EQ(r.counts.new_items, 2u);
  EXPECT_EQ(r.counts.completed, 1u);
  EXPECT_EQ(r.counts.slipped, 2u);
}

TEST_F(WeeklyReportTest, ReportOnAPastDayIgnoresLaterChanges) {
  // 06-15, seen from 06-22: A was overdue by 2 days, E was still done, B still in progress,
  // I and H did not exist, and D had been removed the day before.
  const WeeklyReport r = weekly_report(store, date(2017, 6, 15));
  EXPECT_EQ(texts(r.open),
            (Names{"A: Draft SSR2 work plan", "C: Schedule remaining SSR1 briefings",
                   "B: Share links on threat mitigation", "F: Consolidate duplicative items"}));
  EXPECT_EQ(r.open[2].item.state, State::in_progress);
  EXPECT_EQ(r.open[2].item.status_note, "Collecting articles");
  EXPECT_EQ(r.open[3].item.due, Due::on(date(2017, 6, 30)));
  ASSERT_EQ(r.overdue.size(), 1u);
  EXPECT_EQ(r.overdue[0].item.id, a);
  EXPECT_EQ(r.overdue[0].days_overdue, 2);
  EXPECT_EQ(texts(r.upcoming), (Names{"C: Schedule remaining SSR1 briefings"}));
  EXPECT_TRUE(r.no_due_date.empty());
  EXPECT_EQ(texts(r.new_items), (Names{"G: Distribute draft agenda"}));
  EXPECT_EQ(texts(r.completed), (Names{"G: Distribute draft agenda"}));
  // C went from TBD to a date (not a slip); A moved earlier; F moved 06-12 -> 06-30.
  ASSERT_EQ(texts(r.slipped), (Names{"F: Consolidate duplicative items"}));
  EXPECT_EQ(r.slipped[0].old_due, date(2017, 6, 12));
  EXPECT_EQ(r.slipped[0].new_due, date(2017, 6, 30));

  // Exactly what the report said on the day itself.
  EXPECT_EQ(render_json(r), on_june_15);
}

TEST_F(WeeklyReportTest, ReportOnTheFirstWeek) {
  const WeeklyReport r = weekly_report(store, date(2017, 6, 7));
  EXPECT_EQ(texts(r.open),
            (Names{"A: Draft SSR2 work plan", "B: Share links on threat mitigation",
                   "C: Schedule remaining SSR1 briefings", "D: Review non-disclosure form"}));
  EXPECT_EQ(r.open[0].item.due, Due::on(date(2017, 6, 9)));
  EXPECT_TRUE(r.overdue.empty());
  EXPECT_EQ(texts(r.upcoming), (Names{"A: Draft SSR2 work plan"}));
  EXPECT_EQ(texts(r.no_due_date),
            (Names{"C: Schedule remaining SSR1 briefings", "D: Review non-disclosure form"}));
  EXPECT_EQ(r.new_items.size(), 5u);
  ASSERT_EQ(texts(r.completed), (Names{"E: Research collaborative tools"}));
  EXPECT_EQ(r.completed[0].item.closed, date(2017, 6, 5));
  EXPECT_TRUE(r.slipped.empty());
}

TEST_F(WeeklyReportTest, BeforeAnythingExistedTheReportIsEmpty) {
  const WeeklyReport r = weekly_report(store, date(2017, 5, 31));
  EXPECT_TRUE(r.open.empty());
  EXPECT_TRUE(r.new_items.empty());
  EXPECT_TRUE(r.by_owner.empty());
  EXPECT_EQ(r.counts, ReportCounts{});
}

TEST_F(WeeklyReportTest, OwnersCountForEveryItemTheyShare) {
  const WeeklyReport r = weekly_report(store, date(2017, 6, 15));
  const OwnerCounts* chairs = owner_counts(r, "Co-Chairs");
  const OwnerCounts* james = owner_counts(r, "James Gannon");
  const OwnerCounts* org = owner_counts(r, "ICANN Org");
  const OwnerCounts* rt = owner_counts(r, "SSR2-RT");
  ASSERT_TRUE(chairs && james && org && rt);
  EXPECT_EQ(chairs->counts.open, 1u);  // A, shared with James Gannon
  EXPECT_EQ(chairs->counts.overdue, 1u);
  EXPECT_EQ(chairs->counts.new_items, 1u);  // G
  EXPECT_EQ(chairs->counts.completed, 1u);
  EXPECT_EQ(james->counts.open, 1u);
  EXPECT_EQ(james->counts.overdue, 1u);
  EXPECT_EQ(org->counts.open, 2u);  // B, C
  EXPECT_EQ(org->counts.upcoming, 1u);
  EXPECT_EQ(rt->counts.slipped, 1u);
  EXPECT_EQ(owner_counts(r, "Emily Taylor"), nullptr);  // D was removed on 06-14
  // By name.
  Names names;
  for (const OwnerCounts& o : r.by_owner) names.push_back(o.owner);
  EXPECT_EQ(names, (Names{"Co-Chairs", "ICANN Org", "James Gannon", "SSR2-RT"}));
}

TEST_F(WeeklyReportTest, ItemsWithoutOwnersAreCountedLast) {
  store.add(item("Unowned follow-up", {}, Due::on(date(2017, 6, 23))));
  const WeeklyReport r = weekly_report(store, date(2017, 6, 22));
  ASSERT_FALSE(r.by_owner.empty());
  EXPECT_EQ(r.by_owner.back().owner, "");
  EXPECT_EQ(r.by_owner.back().counts.open, 1u);
  EXPECT_EQ(r.by_owner.back().counts.upcoming, 1u);
}

TEST_F(WeeklyReportTest, CurrentAndHistoricalPathsAgree) {
  // On today the report reads the current rows; from tomorrow the same day is rebuilt from
  // history. Both must say the same, for every period length.
  for (int period : {1, 7, 14, 30}) {
    store.set_today(date(2017, 6, 22));
    const std::string now = render_json(weekly_report(store, date(2017, 6, 22), period));
    store.set_today(date(2017, 6, 23));
    const std::string rebuilt = render_json(weekly_report(store, date(2017, 6, 22), period));
    EXPECT_EQ(now, rebuilt) << "period " << period;
  }
}

TEST_F(WeeklyReportTest, FutureDayWithAFixedClockInThePastUsesHistory) {
  // A change recorded "after" the report day (the clock was moved back) must not leak in.
  store.set_today(date(2017, 6, 30));
  store.update(c, due_change(Due::on(date(2017, 8, 1))));
  store.set_today(date(2017, 6, 22));
  const WeeklyReport r = weekly_report(store, date(2017, 6, 25));
  bool found = false;
  for (const ReportEntry& entry : r.open) {
    if (entry.item.id == c) {
      found = true;
      EXPECT_EQ(entry.item.due, Due::on(date(2017, 6, 20)));
    }
  }
  EXPECT_TRUE(found);
}

TEST_F(WeeklyReportTest, SlipIsJudgedOnTheWholePeriod) {
  // Moved later, then back to before where it started: not slipped.
  store.set_today(date(2017, 6, 23));
  store.update(h, due_change(Due::on(date(2017, 6, 28))));
  store.set_today(date(2017, 6, 24));
  store.update(h, due_change(Due::on(date(2017, 7, 28))));
  store.update(i, due_change(Due::on(date(2017, 7, 1))));
  store.set_today(date(2017, 6, 25));
  store.update(i, due_change(Due::on(date(2017, 6, 20))));
  const WeeklyReport r = weekly_report(store, date(2017, 6, 25));
  // h: TBD -> 06-28 -> 07-28 (no date before the period's first change: not a slip);
  // i: 06-26 -> 07-01 -> 06-20 (net earlier); F's 06-20 slip still counts.
  EXPECT_EQ(texts(r.slipped), (Names{"F: Consolidate duplicative items"}));
}

TEST_F(WeeklyReportTest, PagesOfTheOpenTable) {
  const WeeklyReport r = weekly_report(store, date(2017, 6, 22));
  ReportLayout layout;
  layout.page_size = 4;
  const std::vector<ReportPage> pages = paginate(r, layout);
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_EQ(pages[0].title, "Review Open Action Items (1 of 2)");
  EXPECT_EQ(pages[1].title, "Review Open Action Items (2 of 2)");
  EXPECT_EQ(pages[0].groups.at(0).rows.size(), 4u);
  EXPECT_EQ(pages[1].groups.at(0).rows.size(), 2u);
  EXPECT_TRUE(pages[1].groups[0].continued);

  const std::vector<ReportPage> one = paginate(r);
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].title, "Review Open Action Items");

  const std::vector<ReportPage> none = paginate(weekly_report(store, date(2017, 5, 1)), layout);
  ASSERT_EQ(none.size(), 1u);
  EXPECT_TRUE(none[0].groups.empty());
}

TEST_F(WeeklyReportTest, GroupingByOwnerRepeatsSharedItems) {
  const WeeklyReport r = weekly_report(store, date(2017, 6, 22));
  ReportLayout layout;
  layout.group_by = GroupBy::owner;
  const std::vector<ReportPage> pages = paginate(r, layout);
  ASSERT_EQ(pages.size(), 1u);
  Names keys;
  std::size_t rows = 0;
  for (const ReportGroup& g : pages[0].groups) {
    keys.push_back(g.key);
    rows += g.rows.size();
  }
  EXPECT_EQ(keys, (Names{"Co-Chairs", "Denise Michel", "ICANN Org", "James Gannon", "SSR2-RT"}));
  EXPECT_EQ(rows, 7u);                            // A is under Co-Chairs and James Gannon
  EXPECT_EQ(pages[0].groups[2].rows.size(), 3u);  // E, C, I
}

TEST_F(WeeklyReportTest, GroupingByStateFollowsTheStateOrder) {
  store.set_state(c, State::blocked, "Waiting on Legal");
  store.set_state(a, State::in_progress);
  const WeeklyReport r = weekly_report(store, date(2017, 6, 22));
  ReportLayout layout;
  layout.group_by = GroupBy::state;
  layout.page_size = 3;
  const std::vector<ReportPage> pages = paginate(r, layout);
  ASSERT_EQ(pages.size(), 2u);
  Names keys;
  for (const ReportPage& p : pages)
    for (const ReportGroup& g : p.groups) keys.push_back(g.key + (g.continued ? "+" : ""));
  EXPECT_EQ(keys, (Names{"open", "open+", "in_progress", "blocked"}));
  EXPECT_EQ(group_by_from_string("Owner"), GroupBy::owner);
  EXPECT_THROW(group_by_from_string("colour"), ParseError);
}

TEST(WeeklyReportSeed, Ssr2TablesAsOfTheMeetingDay) {
  // The "(2 of 3)" table of seed 004 on the meeting day: three of ten items are overdue.
  Store store = test_store();
  store.set_today(date(2017, 6, 15));
  add_ssr2_items(store);
  const WeeklyReport r = weekly_report(store, date(2017, 6, 15));
  EXPECT_EQ(r.counts.open, 10u);
  EXPECT_EQ(r.counts.overdue, 3u);
  EXPECT_EQ(r.overdue[0].item.text, "Share thoughts on list regarding Johannesburg agenda topics.");
  EXPECT_EQ(r.overdue[0].days_overdue, 21);
  EXPECT_EQ(r.counts.no_due_date, 6u);
  EXPECT_EQ(r.counts.upcoming, 0u);  // 22 June is the day after the period's last day
  EXPECT_EQ(r.counts.new_items, 10u);
  const WeeklyReport two = weekly_report(store, date(2017, 6, 15), 8);
  EXPECT_EQ(two.counts.upcoming, 1u);
  ReportLayout layout;
  layout.page_size = 4;
  EXPECT_EQ(paginate(r, layout).back().title, "Review Open Action Items (3 of 3)");
}

// The report shows the next meeting (the first on or after its day) and its agenda.
TEST_F(WeeklyReportTest, ShowsTheNextMeetingAndItsAgenda) {
  EXPECT_FALSE(weekly_report(store, date(2017, 6, 15)).next_meeting.has_value());
  Meeting past;
  past.title = "SSR2 Plenary";
  past.date = date(2017, 6, 8);
  store.add_meeting(past);
  Meeting next;
  next.title = "SSR2 Plenary";
  next.date = date(2017, 6, 20);
  next.start = 14 * 60;
  next.time_zone = "UTC";
  AgendaItem welcome;
  welcome.title = "Welcome, roll call";
  AgendaItem subtopics;
  subtopics.title = "Subtopic <updates>";
  next.agenda = {welcome, subtopics};
  store.add_meeting(next);

  const WeeklyReport r = weekly_report(store, date(2017, 6, 15));
  ASSERT_TRUE(r.next_meeting.has_value());
  EXPECT_EQ(r.next_meeting->date, date(2017, 6, 20));
  ASSERT_EQ(r.next_meeting->agenda.size(), 2u);
  const std::string text = render_text(r);
  EXPECT_NE(text.find("Next meeting: SSR2 Plenary"), std::string::npos) << text;
  EXPECT_NE(text.find("2017-06-20, 14:00 UTC"), std::string::npos) << text;
  EXPECT_NE(text.find("Welcome, roll call"), std::string::npos) << text;
  const std::string html = render_html(r);
  EXPECT_NE(html.find("Subtopic &lt;updates&gt;"), std::string::npos);
  const std::string json = render_json(r);
  EXPECT_NE(json.find("\"next_meeting\""), std::string::npos);
  EXPECT_NE(json.find("\"Welcome, roll call\""), std::string::npos);
  // A report on a later day has no next meeting.
  EXPECT_FALSE(weekly_report(store, date(2017, 6, 21)).next_meeting.has_value());
}
