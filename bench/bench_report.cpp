// The weekly report on a large store: BENCH_REPORT_ITEMS items (default 100,000) with about
// BENCH_REPORT_EVENTS history events (default 1,000,000) over a year. Target: under 100 ms for
// the report on today.
//
//   bench_report [--benchmark_filter=...]     (store kept in $BENCH_DIR, default the system's
//                                              temporary directory, and reused when present)
//
// When BENCH_PG names a PostgreSQL server (libpq's key=value form, without schema=),
// weekly_report/pg_libtracker makes the same report from a tracker schema on it holding the same
// rows as the file (copied by COPY, bench/plain_postgres.hpp, then VACUUM ANALYZE; writing a
// year of single changes through the store's write path would take far longer). Target: under
// 300 ms. The server's report is checked against the file's (the same JSON) once.

#include <benchmark/benchmark.h>
#include <sqlite3.h>

#include <boost/date_time/gregorian/gregorian.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <libtracker/render.hpp>
#include <libtracker/store.hpp>
#include <libtracker/text.hpp>
#include <libtracker/weekly_report.hpp>

#include "bench_data.hpp"
#include "plain_postgres.hpp"

namespace {

using namespace libtracker;
namespace bg = boost::gregorian;
namespace fs = std::filesystem;

const bg::date last_day(2017, 6, 15);
const bg::date first_day = last_day - bg::days(364);

std::size_t item_count() { return bench::env_size("BENCH_REPORT_ITEMS", 100000); }
std::size_t event_count() { return bench::env_size("BENCH_REPORT_EVENTS", 1000000); }

std::string db_path() {
  const fs::path dir = bench::env_text("BENCH_DIR", fs::temp_directory_path().string());
  fs::create_directories(dir);
  return (dir / ("report-v2-" + std::to_string(item_count()) + "-" + std::to_string(event_count()) +
                 ".db"))
      .string();
}

/// A year of activity: every day new items (from the generator, as they were first written
/// down: open), due dates moved, status notes, state changes and closures (~85% end closed).
void build(const std::string& path) {
  const auto start = std::chrono::steady_clock::now();
  const std::string partial = path + ".partial";
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(partial + suffix);
  {
    Store store(partial, StoreOptions{10000, Synchronous::off, false});
    store.set_actor("bench");
    const bench::ItemGenerator generator(last_day);
    bench::Random rng(42);
    const std::size_t items = item_count();
    // Each change is one event, a closure two (state and closed), a state set again none:
    // 1.063 on average, as measured.
    const std::size_t later_events = event_count() > items ? event_count() - items : 0;
    const std::size_t changes_per_day = later_events * 1000 / 1063 / 365;
    std::vector<ItemId> open;
    const std::size_t per_day = items / 365 + 1;
    std::size_t added = 0, events = 0;
    for (bg::date day = first_day; day <= last_day; day += bg::days(1)) {
      store.set_today(day);
      store.atomically([&] {
        std::vector<ActionItem> batch;
        for (std::size_t i = 0; i < per_day && added < items; ++i, ++added) {
          ActionItem it = generator.item(added);
          it.state = State::open;
          it.created = day;
          it.closed.reset();
          if (it.due.has_date())
            it.due = Due::on(day + bg::days(static_cast<long>(3 + rng.below(40))));
          batch.push_back(std::move(it));
        }
        for (ItemId id : store.add_all(batch)) {
          open.push_back(id);
          ++events;
        }
        for (std::size_t c = 0; c < changes_per_day && !open.empty(); ++c) {
          const std::size_t slot = rng.below(open.size());
          const ItemId id = open[slot];
          const std::size_t what = rng.below(100);
          ItemChanges ch;
          if (what < 45) {
            const long shift = static_cast<long>(rng.below(21)) - 5;
            ch.due = Due::on(day + bg::days(shift + 7));
            store.update(id, ch);
            ++events;
          } else if (what < 80) {
            ch.status_note = "Update " + std::to_string(c) + " on " + libtracker::iso_date(day);
            store.update(id, ch);
            ++events;
          } else if (what < 90) {
            store.set_state(id, rng.below(2) ? State::in_progress : State::blocked);
            ++events;
          } else {
            store.set_state(id, rng.below(5) ? State::done : State::cancelled);
            events += 2;
            open[slot] = open.back();
            open.pop_back();
          }
        }
      });
    }
    std::fprintf(stderr, "built %s: %zu items, ~%zu events, %zu open, in %.0f s\n", path.c_str(),
                 added, events, open.size(),
                 std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  fs::rename(partial, path);
}

const Store& store() {
  static const Store s = [] {
    const std::string path = db_path();
    if (!fs::exists(path)) build(path);
    Store opened(path);
    opened.set_today(last_day);
    return opened;
  }();
  return s;
}

/// Rows of a table of the store, counted by SQLite itself.
double rows(const char* table) {
  const Store& opened = store();  // builds the store when missing
  sqlite3* db = nullptr;
  sqlite3_open_v2(opened.path().c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(db, (std::string("SELECT count(*) FROM ") + table).c_str(), -1, &s, nullptr);
  const double n =
      sqlite3_step(s) == SQLITE_ROW ? static_cast<double>(sqlite3_column_int64(s, 0)) : 0;
  sqlite3_finalize(s);
  sqlite3_close(db);
  return n;
}

/// The report as of the last day from @p s, which holds the file's rows.
void report_today(benchmark::State& state, const Store& s) {
  std::size_t open = 0;
  for (auto _ : state) {
    WeeklyReport r = weekly_report(s, last_day);
    open = r.counts.open;
    benchmark::DoNotOptimize(r);
  }
  state.counters["open"] = static_cast<double>(open);
  state.counters["items"] = rows("items");
  state.counters["events"] = rows("events");
}

void BM_WeeklyReportToday(benchmark::State& state) { report_today(state, store()); }
BENCHMARK(BM_WeeklyReportToday)->Name("weekly_report/libtracker")->Unit(benchmark::kMillisecond);

/// The server (BENCH_PG), empty when none is given.
const std::string& server() {
  static const std::string address = bench::env_text("BENCH_PG", "");
  return address;
}

/// The report's store on the server: the file's rows, copied once per size and server.
const Store& server_store() {
  static const Store s = [] {
    const std::string schema =
        "report_v2_" + std::to_string(item_count()) + "_" + std::to_string(event_count());
    const std::string address = server() + " schema=" + schema;
    bench::pg::Connection c(server());
    if (c.exec("SELECT count(*) FROM pg_namespace WHERE nspname = '" + schema + "'") == "0") {
      const Store& file = store();  // builds the file when missing
      const auto start = std::chrono::steady_clock::now();
      { const Store made(address); }
      {
        sqlite3* db = nullptr;
        sqlite3_open_v2(file.path().c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
        bench::pg::Connection in(server(), schema);
        bench::pg::copy_sqlite_tables(db, in,
                                      {"owners", "group_members", "meetings", "items",
                                       "item_owners", "item_tags", "notes", "events"});
        sqlite3_close(db);
        in.exec("VACUUM ANALYZE");
      }
      std::fprintf(stderr, "copied %s into schema %s in %.0f s\n", file.path().c_str(),
                   schema.c_str(),
                   std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    Store opened(address, StoreOptions{10000, Synchronous::normal, true});
    opened.set_today(last_day);
    const bool same = render_json(weekly_report(opened, last_day)) ==
                      render_json(weekly_report(store(), last_day));
    std::fprintf(stderr, "weekly report on the server %s the file's\n",
                 same ? "is the same as" : "DIFFERS from");
    return opened;
  }();
  return s;
}

void BM_ServerWeeklyReportToday(benchmark::State& state) { report_today(state, server_store()); }

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

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  if (!server().empty())
    benchmark::RegisterBenchmark("weekly_report/pg_libtracker", BM_ServerWeeklyReportToday)
        ->Unit(benchmark::kMillisecond);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
