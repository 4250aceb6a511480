// libtracker's store against plain SQLite (bench/plain_sqlite.hpp), side by side in one run:
//
//   bulk_add/{libtracker,sqlite}         BENCH_ITEMS items (default 1,000,000) into a new file,
//                                        one transaction (Store::add_all against prepared INSERTs)
//   count_overdue/{libtracker,sqlite}    Store::count(overdue) against the same SELECT count(*)
//   find_owner_open/{libtracker,sqlite}  Store::find(owner, state=open) against the join, for the
//                                        owner whose open items are closest to BENCH_ITEMS / 1,000
//
// and, when BENCH_PG names a PostgreSQL server (libpq's key=value form, without schema=), the
// store on the server against libpq alone (bench/plain_postgres.hpp):
//
//   bulk_add/{pg_libtracker,pg_copy}     BENCH_PG_ITEMS items (default 100,000) into an empty
//                                        tracker schema, one transaction (Store::add_all against
//                                        one COPY per table)
//   count_overdue/{pg_libtracker,pg_libpq}  Store::count(overdue) against the same SELECT
//                                        count(*), prepared, on a schema of BENCH_ITEMS items
//
// Files live in $BENCH_DIR (default: the system's temporary directory); the store the queries
// read is built once per size and reused (on the server: once per size and server, written by
// COPY, then VACUUM ANALYZE). Run with --benchmark_repetitions=N
// --benchmark_enable_random_interleaving=true so that the two sides alternate.

#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <libtracker/store.hpp>

#include "bench_data.hpp"
#include "plain_postgres.hpp"
#include "plain_sqlite.hpp"

namespace {

namespace fs = std::filesystem;
namespace bg = boost::gregorian;
using namespace libtracker;

const bg::date today(2017, 6, 15);

std::size_t item_count() {
  static const std::size_t n = bench::env_size("BENCH_ITEMS", 1000000);
  return n;
}

fs::path bench_dir() {
  static const fs::path dir = [] {
    fs::path d = bench::env_text("BENCH_DIR", fs::temp_directory_path().string());
    fs::create_directories(d);
    return d;
  }();
  return dir;
}

void remove_database(const fs::path& path) {
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path.string() + suffix);
}

const std::vector<ActionItem>& generated_items() {
  static const std::vector<ActionItem> items = bench::ItemGenerator(today).items(item_count());
  return items;
}

std::int64_t micros(const boost::posix_time::ptime& t) {
  return (t - boost::posix_time::ptime(bg::date(1970, 1, 1))).total_microseconds();
}

// -- bulk add ------------------------------------------------------------------------------

template <class Write>
void bulk_add(benchmark::State& state, const char* name, Write write) {
  const auto& items = generated_items();
  const fs::path path = bench_dir() / (std::string("bulk-") + name + ".db");
  for (auto _ : state) {
    remove_database(path);
    const auto start = std::chrono::steady_clock::now();
    write(path.string(), items);
    state.SetIterationTime(
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  remove_database(path);
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * items.size()));
  state.counters["items"] = static_cast<double>(items.size());
}

void BM_BulkAddLibtracker(benchmark::State& state) {
  bulk_add(state, "libtracker", [](const std::string& path, const std::vector<ActionItem>& items) {
    Store store(path);
    store.set_today(today);
    store.set_actor("bench");
    store.add_all(items);
  });
}

void BM_BulkAddSqlite(benchmark::State& state) {
  bulk_add(state, "sqlite", [](const std::string& path, const std::vector<ActionItem>& items) {
    bench::plain::bulk_insert(path, items, micros(boost::posix_time::ptime(today)));
  });
}

// -- queries on a store of item_count() items ------------------------------------------------

/// The store the queries read: built by libtracker from the generator, once per size.
const std::string& query_database() {
  static const std::string path = [] {
    const fs::path p = bench_dir() / ("items-v1-" + std::to_string(item_count()) + ".db");
    if (!fs::exists(p)) {
      const auto start = std::chrono::steady_clock::now();
      const fs::path partial = p.string() + ".partial";
      remove_database(partial);
      {
        Store store(partial.string(), StoreOptions{10000, Synchronous::off, false});
        store.set_today(today);
        store.set_actor("bench");
        const bench::ItemGenerator gen(today);
        constexpr std::size_t batch = 100000;
        for (std::size_t first = 0; first < item_count(); first += batch)
          store.add_all(gen.items(std::min(batch, item_count() - first), first));
      }
      fs::rename(partial, p);
      std::fprintf(stderr, "built %s in %.0f s\n", p.c_str(),
                   std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    return p.string();
  }();
  return path;
}

const Store& query_store() {
  static const Store store = [] {
    Store s(query_database(), StoreOptions{10000, Synchronous::normal, true});
    s.set_today(today);
    return s;
  }();
  return store;
}

bench::plain::Connection& plain_connection() {
  static bench::plain::Connection c(query_database(), true);
  return c;
}

/// The owner with the number of open items closest to item_count() / 1000.
const std::string& find_owner() {
  static const std::string owner = [] {
    const std::int64_t target =
        std::max<std::int64_t>(1, static_cast<std::int64_t>(item_count() / 1000));
    bench::plain::Statement s(
        plain_connection().get(),
        "SELECT o.name, count(*) FROM owners o JOIN item_owners io ON io.owner_id = o.id "
        "JOIN items i ON i.id = io.item_id WHERE i.state = 0 GROUP BY o.id");
    std::string best;
    std::int64_t best_distance = INT64_MAX;
    while (sqlite3_step(s.get()) == SQLITE_ROW) {
      const std::int64_t distance = std::abs(sqlite3_column_int64(s.get(), 1) - target);
      if (distance < best_distance) {
        best_distance = distance;
        best = bench::plain::column_text(s.get(), 0);
      }
    }
    return best;
  }();
  return owner;
}

Query overdue_query() {
  Query q;
  q.overdue = true;
  q.as_of = today;
  return q;
}

void BM_CountOverdueLibtracker(benchmark::State& state) {
  const Store& store = query_store();
  const Query q = overdue_query();
  std::int64_t n = 0;
  for (auto _ : state) benchmark::DoNotOptimize(n = store.count(q));
  state.counters["count"] = static_cast<double>(n);
  state.counters["items"] = static_cast<double>(item_count());
}

void BM_CountOverdueSqlite(benchmark::State& state) {
  bench::plain::Statement s(plain_connection().get(), bench::plain::count_overdue_sql);
  std::int64_t n = 0;
  for (auto _ : state) benchmark::DoNotOptimize(n = bench::plain::count_overdue(s, today));
  state.counters["count"] = static_cast<double>(n);
  state.counters["items"] = static_cast<double>(item_count());
}

void BM_FindOwnerOpenLibtracker(benchmark::State& state) {
  const Store& store = query_store();
  Query q;
  q.owners = {find_owner()};
  q.states = {State::open};
  std::size_t n = 0;
  for (auto _ : state) {
    const std::vector<ActionItem> found = store.find(q);
    n = found.size();
    benchmark::DoNotOptimize(found.data());
  }
  state.counters["results"] = static_cast<double>(n);
}

void BM_FindOwnerOpenSqlite(benchmark::State& state) {
  bench::plain::Statement s(plain_connection().get(), bench::plain::find_owner_open_sql);
  const std::string& owner = find_owner();
  std::size_t n = 0;
  for (auto _ : state) {
    const std::vector<bench::plain::Row> found = bench::plain::find_owner_open(s, owner, 0);
    n = found.size();
    benchmark::DoNotOptimize(found.data());
  }
  state.counters["results"] = static_cast<double>(n);
}

// -- the same on a PostgreSQL server ----------------------------------------------------------

/// The server (BENCH_PG), empty when none is given.
const std::string& server() {
  static const std::string address = bench::env_text("BENCH_PG", "");
  return address;
}

/// The tracker @p schema on the server, as a store address.
std::string server_store(const std::string& schema) { return server() + " schema=" + schema; }

/// Drops @p schema and lets libtracker make it again, empty (not timed).
void fresh_schema(const std::string& schema) {
  {
    bench::pg::Connection c(server());
    c.exec("SET client_min_messages TO warning; DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
  }
  const Store made(server_store(schema));
}

const std::vector<ActionItem>& server_items() {
  static const std::vector<ActionItem> items =
      bench::ItemGenerator(today).items(bench::env_size("BENCH_PG_ITEMS", 100000));
  return items;
}

/// True once a bulk add on the server ran in this process (its rows are then compared).
bool server_bulk_add_ran = false;

template <class Write>
void server_bulk_add(benchmark::State& state, const std::string& schema, Write write) {
  server_bulk_add_ran = true;
  const auto& items = server_items();
  for (auto _ : state) {
    fresh_schema(schema);
    const auto start = std::chrono::steady_clock::now();
    write(schema, items);
    state.SetIterationTime(
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * items.size()));
  state.counters["items"] = static_cast<double>(items.size());
}

void BM_ServerBulkAddLibtracker(benchmark::State& state) {
  server_bulk_add(state, "bulk_libtracker",
                  [](const std::string& schema, const std::vector<ActionItem>& items) {
                    Store store(server_store(schema));
                    store.set_today(today);
                    store.set_actor("bench");
                    store.add_all(items);
                  });
}

void BM_ServerBulkAddCopy(benchmark::State& state) {
  server_bulk_add(state, "bulk_copy",
                  [](const std::string& schema, const std::vector<ActionItem>& items) {
                    bench::pg::Connection c(server(), schema);
                    bench::pg::copy_items(
                        c, items, bench::pg::iso_instant(micros(boost::posix_time::ptime(today))));
                  });
}

/// Items of the two bulk-add schemas that differ in any stored value (none, when COPY wrote
/// the rows the store writes); -1 when either schema is missing.
std::int64_t bulk_add_differences() {
  bench::pg::Connection c(server());
  if (c.exec("SELECT count(*) FROM pg_namespace WHERE nspname IN ('bulk_libtracker', "
             "'bulk_copy')") != "2")
    return -1;
  const std::string row =
      "i.id, text, details, due_kind, due_date, due_text, state, status_note, created, closed, "
      "i.version, owners, tags, search, (SELECT string_agg(o.name || ':' || io.position, ',' "
      "ORDER BY io.position) FROM %s.item_owners io JOIN %s.owners o ON o.id = io.owner_id WHERE "
      "io.item_id = i.id), (SELECT string_agg(tag, ',' ORDER BY tag) FROM %s.item_tags t WHERE "
      "t.item_id = i.id), e.kind, e.new_value, e.version, e.at FROM %s.items i JOIN %s.events e ON "
      "e.item_id = i.id";
  const auto in = [&](const std::string& schema) {
    std::string out = row;
    for (std::size_t at; (at = out.find("%s")) != std::string::npos;) out.replace(at, 2, schema);
    return "SELECT " + out;
  };
  return std::stoll(c.exec("SELECT count(*) FROM ((" + in("bulk_libtracker") + " EXCEPT " +
                           in("bulk_copy") + ") UNION ALL (" + in("bulk_copy") + " EXCEPT " +
                           in("bulk_libtracker") + ")) d"));
}

/// The schema the server's queries read: item_count() generated items, written by COPY (the
/// same rows as the store writes, see bulk_add_differences) once per size.
const std::string& server_query_schema() {
  static const std::string schema = [] {
    const std::string name = "items_v1_" + std::to_string(item_count());
    bench::pg::Connection c(server());
    if (c.exec("SELECT count(*) FROM pg_namespace WHERE nspname = '" + name + "'") == "0") {
      const auto start = std::chrono::steady_clock::now();
      fresh_schema(name);
      {
        bench::pg::Connection in(server(), name);
        bench::pg::copy_items(in, generated_items(),
                              bench::pg::iso_instant(micros(boost::posix_time::ptime(today))));
        in.exec("VACUUM ANALYZE");
      }
      std::fprintf(stderr, "built schema %s in %.0f s\n", name.c_str(),
                   std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    return name;
  }();
  return schema;
}

void BM_ServerCountOverdueLibtracker(benchmark::State& state) {
  static const Store store = [] {
    Store s(server_store(server_query_schema()), StoreOptions{10000, Synchronous::normal, true});
    s.set_today(today);
    return s;
  }();
  const Query q = overdue_query();
  std::int64_t n = 0;
  for (auto _ : state) benchmark::DoNotOptimize(n = store.count(q));
  state.counters["count"] = static_cast<double>(n);
  state.counters["items"] = static_cast<double>(item_count());
}

void BM_ServerCountOverdueLibpq(benchmark::State& state) {
  static bench::pg::Connection c = [] {
    bench::pg::Connection opened(server(), server_query_schema());
    opened.prepare("count_overdue", bench::pg::count_overdue_sql);
    return opened;
  }();
  std::int64_t n = 0;
  for (auto _ : state) benchmark::DoNotOptimize(n = bench::pg::count_overdue(c, today));
  state.counters["count"] = static_cast<double>(n);
  state.counters["items"] = static_cast<double>(item_count());
}

BENCHMARK(BM_BulkAddLibtracker)
    ->Name("bulk_add/libtracker")
    ->UseManualTime()
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BulkAddSqlite)
    ->Name("bulk_add/sqlite")
    ->UseManualTime()
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CountOverdueLibtracker)
    ->Name("count_overdue/libtracker")
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CountOverdueSqlite)->Name("count_overdue/sqlite")->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FindOwnerOpenLibtracker)
    ->Name("find_owner_open/libtracker")
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FindOwnerOpenSqlite)->Name("find_owner_open/sqlite")->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  if (!server().empty()) {
    benchmark::RegisterBenchmark("bulk_add/pg_libtracker", BM_ServerBulkAddLibtracker)
        ->UseManualTime()
        ->Iterations(1)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("bulk_add/pg_copy", BM_ServerBulkAddCopy)
        ->UseManualTime()
        ->Iterations(1)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("count_overdue/pg_libtracker", BM_ServerCountOverdueLibtracker)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("count_overdue/pg_libpq", BM_ServerCountOverdueLibpq)
        ->Unit(benchmark::kMillisecond);
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  if (server_bulk_add_ran) {
    const std::int64_t differences = bulk_add_differences();
    if (differences > 0) {
      std::fprintf(stderr, "bulk_add/pg_copy wrote other rows than Store::add_all: %lld differ\n",
                   static_cast<long long>(differences));
      return 1;
    }
    if (differences == 0)
      std::fprintf(stderr, "bulk_add on the server: COPY's rows are the store's (none differ)\n");
  }
  return 0;
}
