// The weekly report on a large store: 100,000 items with about a million history events over
// a year. Target: under 100 ms for the report on today.
//
//   bench_report [--benchmark_filter=...]     (store kept in $BENCH_REPORT_DB, default
//                                              ./bench_report.db, and reused when present)

#include <benchmark/benchmark.h>
#include <libtracker/render.hpp>
#include <libtracker/store.hpp>
#include <libtracker/weekly_report.hpp>

#include <boost/date_time/gregorian/gregorian.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>

namespace {

using namespace libtracker;
namespace bg = boost::gregorian;

constexpr int item_count = 100000;
const bg::date last_day(2017, 6, 15);
const bg::date first_day = last_day - bg::days(364);

std::string db_path() {
  const char* env = std::getenv("BENCH_REPORT_DB");
  return env && *env ? env : "bench_report.db";
}

/// A year of activity: every day new items, due dates moved, notes, state changes, closures.
void build(const std::string& path) {
  const auto start = std::chrono::steady_clock::now();
  Store store(path);
  std::mt19937 rng(42);
  const std::vector<std::string> owners{"ICANN Org", "SSR2-RT", "Co-Chairs", "James Gannon", "Boban Krsic",
                                        "Denise Michel", "Emily Taylor", "Kerry-Ann Barrett", "Cathy Handley",
                                        "Guðrun Poulsen", "Régis Massé", "Danko Jevtović"};
  std::vector<ItemId> open;
  const int per_day = item_count / 365 + 1;
  int added = 0;
  std::size_t events = 0;
  auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
  for (bg::date day = first_day; day <= last_day; day += bg::days(1)) {
    store.set_today(day);
    store.atomically([&] {
      std::vector<ActionItem> batch;
      for (int i = 0; i < per_day && added < item_count; ++i, ++added) {
        ActionItem it;
        it.text = "Action " + std::to_string(added + 1) + ": review the SSR2 work plan section " +
                  std::to_string(pick(40)) + " and report back to the review team";
        it.owners = {owners[pick(owners.size())]};
        if (pick(4) == 0) it.owners.push_back(owners[pick(owners.size())]);
        if (it.owners.size() == 2 && it.owners[0] == it.owners[1]) it.owners.pop_back();
        const std::size_t kind = pick(10);
        if (kind == 0) it.due = Due::tbd();
        else if (kind > 1) it.due = Due::on(day + bg::days(static_cast<long>(3 + pick(40))));
        it.tags = {"ws" + std::to_string(pick(8))};
        batch.push_back(std::move(it));
      }
      for (ItemId id : store.add_all(batch)) {
        open.push_back(id);
        ++events;
      }
      // Changes on open items: due moves, notes, progress, and closures (~85% end closed).
      const int changes = 2450;
      for (int c = 0; c < changes && !open.empty(); ++c) {
        const std::size_t slot = pick(open.size());
        const ItemId id = open[slot];
        const std::size_t what = pick(100);
        ItemChanges ch;
        if (what < 45) {
          const long shift = static_cast<long>(pick(21)) - 5;
          ch.due = Due::on(day + bg::days(shift + 7));
          store.update(id, ch);
          ++events;
        } else if (what < 80) {
          ch.status_note = "Update " + std::to_string(c) + " on " + bg::to_iso_extended_string(day);
          store.update(id, ch);
          ++events;
        } else if (what < 90) {
          store.set_state(id, pick(2) ? State::in_progress : State::blocked);
          ++events;
        } else {
          store.set_state(id, pick(5) ? State::done : State::cancelled);
          events += 2;
          open[slot] = open.back();
          open.pop_back();
        }
      }
    });
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::fprintf(stderr, "built %s: %d items, ~%zu events, %zu open, in %.0f s\n", path.c_str(), added, events,
               open.size(), seconds);
}

const Store& store() {
  static const Store s = [] {
    const std::string path = db_path();
    if (!std::filesystem::exists(path)) build(path);
    Store opened(path);
    opened.set_today(last_day);
    return opened;
  }();
  return s;
}

void BM_WeeklyReportToday(benchmark::State& state) {
  const Store& s = store();
  std::size_t open = 0;
  for (auto _ : state) {
    WeeklyReport r = weekly_report(s, last_day);
    open = r.counts.open;
    benchmark::DoNotOptimize(r);
  }
  state.counters["open"] = static_cast<double>(open);
}
BENCHMARK(BM_WeeklyReportToday)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_WeeklyReportFourWeeksAgo(benchmark::State& state) {
  const Store& s = store();
  for (auto _ : state) benchmark::DoNotOptimize(weekly_report(s, last_day - bg::days(28)));
}
BENCHMARK(BM_WeeklyReportFourWeeksAgo)->Unit(benchmark::kMillisecond);

void BM_WeeklyReportHalfAYearAgo(benchmark::State& state) {
  const Store& s = store();
  for (auto _ : state) benchmark::DoNotOptimize(weekly_report(s, last_day - bg::days(182)));
}
BENCHMARK(BM_WeeklyReportHalfAYearAgo)->Unit(benchmark::kMillisecond);

void BM_RenderHtml(benchmark::State& state) {
  const WeeklyReport r = weekly_report(store(), last_day);
  RenderOptions options;
  options.layout.page_size = 50;
  for (auto _ : state) benchmark::DoNotOptimize(render_html(r, options));
}
BENCHMARK(BM_RenderHtml)->Unit(benchmark::kMillisecond);

void BM_RenderJson(benchmark::State& state) {
  const WeeklyReport r = weekly_report(store(), last_day);
  for (auto _ : state) benchmark::DoNotOptimize(render_json(r));
}
BENCHMARK(BM_RenderJson)->Unit(benchmark::kMillisecond);

void BM_CountOverdue(benchmark::State& state) {
  const Store& s = store();
  Query q;
  q.overdue = true;
  q.as_of = last_day;
  for (auto _ : state) benchmark::DoNotOptimize(s.count(q));
}
BENCHMARK(BM_CountOverdue)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
