// Concurrency between processes sharing one file (a notebook, a script and the CLI at once):
// writers doing read-modify-write updates with expected versions lose no update and never see
// "database is locked"; readers running reports meanwhile see only whole changes.
//
// LIBTRACKER_CONCURRENCY_UPDATES sets the updates per writer process (default 1,000).

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <libtracker/error.hpp>
#include <libtracker/store.hpp>
#include <libtracker/weekly_report.hpp>
#include <map>
#include <string>
#include <vector>

#include "sqlite_support.hpp"
#include "support.hpp"

namespace libtracker {
namespace {

using fixtures::TempDir;

constexpr int writers = 4;
constexpr int readers = 2;
constexpr int counters = 5;

int updates_per_writer() {
  const char* env = std::getenv("LIBTRACKER_CONCURRENCY_UPDATES");
  return env ? std::max(1, std::atoi(env)) : 1000;
}

int counter_of(const ActionItem& item) {
  return item.status_note.empty() ? 0 : std::stoi(item.status_note);
}

/// Runs @p body in a child process; its exit status is 0 when it returned true.
template <class Body>
pid_t spawn(Body body) {
  const pid_t pid = fork();
  if (pid == 0) {
    int code = 1;
    try {
      code = body() ? 0 : 1;
    } catch (const std::exception& e) {
      std::fprintf(stderr, "child %d: %s\n", static_cast<int>(getpid()), e.what());
    }
    std::fflush(nullptr);
    _exit(code);
  }
  return pid;
}

bool exited_cleanly(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

TEST(Concurrency, FourWritersLoseNoUpdateWhileReadersRunReports) {
  TempDir dir;
  const std::string path = dir.file("shared.db");
  const std::string done_flag = dir.file("writers-done");
  const boost::gregorian::date today(2017, 6, 15);
  std::vector<ItemId> ids;
  {
    Store s(path);
    s.set_today(today);
    for (int c = 0; c < counters; ++c)
      ids.push_back(s.add(fixtures::item("counter " + std::to_string(c), {"ICANN Org"},
                                         Due::on(today + boost::gregorian::days(c))))
                        .id);
  }
  const int updates = updates_per_writer();
  // Every process waits at this gate until all are started, so the writers really overlap.
  int gate[2];
  ASSERT_EQ(pipe(gate), 0);
  auto wait_at_gate = [&gate] {
    close(gate[1]);
    char c;
    return read(gate[0], &c, 1) == 0;  // end of file: the parent opened the gate
  };

  std::vector<pid_t> writer_pids;
  for (int w = 0; w < writers; ++w) {
    writer_pids.push_back(spawn([&, w] {
      Store s(path);
      if (!wait_at_gate()) return false;
      s.set_today(today);
      long conflicts = 0;
      for (int i = 0; i < updates; ++i) {
        const ItemId id = ids[static_cast<std::size_t>((w + i) % counters)];
        for (;;) {  // read, modify, write with the version read; on conflict read again
          const ActionItem current = s.get(id);
          ItemChanges c;
          c.status_note = std::to_string(counter_of(current) + 1);
          if (i % 10 == 0) c.due = Due::on(today + boost::gregorian::days(1 + (i / 10) % 30));
          if (i % 2) usleep(100);  // a slow script: others write between its read and its write
          try {
            s.update(id, c, current.version);
            break;
          } catch (const ConflictError&) {
            ++conflicts;
          }
        }
      }
      std::printf("writer %d: %d updates, %ld conflicts retried\n", w, updates, conflicts);
      return true;
    }));
  }
  std::vector<pid_t> reader_pids;
  for (int r = 0; r < readers; ++r) {
    reader_pids.push_back(spawn([&, r] {
      StoreOptions read_only;
      read_only.read_only = true;  // as a report would open it
      Store s(path, read_only);
      s.set_today(today);
      if (!wait_at_gate()) return false;
      std::map<ItemId, int> last_seen;
      long reports = 0;
      bool more = true;
      while (more) {
        more = !std::filesystem::exists(done_flag);  // one last look after the writers end
        const WeeklyReport report = weekly_report(s, today);
        if (report.counts.open != static_cast<std::int64_t>(report.open.size()) ||
            report.open.size() != static_cast<std::size_t>(counters))
          return false;
        for (const ActionItem& item : s.find()) {
          // One update sets the counter and bumps the version together: a reader never sees
          // one without the other, and never sees a counter go back.
          if (item.version != 1 + counter_of(item)) return false;
          if (counter_of(item) < last_seen[item.id]) return false;
          last_seen[item.id] = counter_of(item);
        }
        ++reports;
      }
      std::printf("reader %d: %ld reports\n", r, reports);
      return reports > 1;
    }));
  }

  close(gate[0]);
  close(gate[1]);
  for (pid_t pid : writer_pids) EXPECT_TRUE(exited_cleanly(pid));
  {
    std::FILE* f = std::fopen(done_flag.c_str(), "w");
    std::fclose(f);
  }
  for (pid_t pid : reader_pids) EXPECT_TRUE(exited_cleanly(pid));

  Store s(path);
  int total = 0;
  for (int c = 0; c < counters; ++c) {
    const ActionItem item = s.get(ids[static_cast<std::size_t>(c)]);
    // Writer w updates counter c on its updates i with (w + i) % counters == c.
    int expected = 0;
    for (int w = 0; w < writers; ++w)
      for (int i = 0; i < updates; ++i) expected += (w + i) % counters == c;
    EXPECT_EQ(counter_of(item), expected) << item.text;
    EXPECT_EQ(item.version, 1 + expected) << item.text;
    total += counter_of(item);
  }
  EXPECT_EQ(total, writers * updates);
  EXPECT_EQ(fixtures::RawDatabase(path).integrity(), "ok");
}

}  // namespace
}  // namespace libtracker
