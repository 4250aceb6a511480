// Crash safety: a child process writes at random (adds, updates, state changes, notes, imports,
// multi-change transactions) and reports every call that returned; the parent kills it with
// SIGKILL at a random moment, reopens the file and checks that every acknowledged change is
// there, that no transaction is visible in part, and that SQLite finds the file sound.
//
// LIBTRACKER_CRASH_KILLS sets the number of kills (default 50; docs/reliability.md records a
// 1,000-kill run).

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <libtracker/import.hpp>
#include <libtracker/store.hpp>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "sqlite_support.hpp"
#include "support.hpp"

namespace libtracker {
namespace {

using fixtures::RawDatabase;
using fixtures::TempDir;

int kills() {
  const char* env = std::getenv("LIBTRACKER_CRASH_KILLS");
  return env ? std::max(1, std::atoi(env)) : 50;
}

const std::vector<std::string> people{"ICANN Org",   "Co-Chairs",         "James Gannon",
                                      "Boban Krsic", "Kerry-Ann Barrett", "Guðrun Poulsen"};

// One acknowledged write, as the child reports it: "<kind> <item id> <marker>".
struct Ack {
  std::string kind;
  ItemId id = 0;
  std::string marker;
};

/// The child: writes until killed, acknowledging each call after it returned. Never returns.
[[noreturn]] void write_until_killed(const std::string& path, int round, int ack_fd) {
  std::mt19937 rng(static_cast<unsigned>(round) * 7919u + 17u);
  auto pick = [&rng](std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng);
  };
  try {
    Store store(path);
    std::vector<ItemId> ids;
    for (const auto& it : store.find()) ids.push_back(it.id);
    auto ack = [ack_fd](const std::string& kind, ItemId id, const std::string& marker) {
      const std::string line = kind + " " + std::to_string(id) + " " + marker + "\n";
      if (write(ack_fd, line.data(), line.size()) != static_cast<ssize_t>(line.size())) _exit(3);
    };
    if (write(ack_fd, "ready 0 -\n", 10) != 10) _exit(3);
    for (int k = 0;; ++k) {
      const std::string marker = "r" + std::to_string(round) + "k" + std::to_string(k);
      const std::size_t op = ids.empty() ? 0 : pick(6);
      if (op == 0) {
        ActionItem it;
        it.text = marker;
        it.owners = {people[pick(people.size())]};
        it.due = Due::on(boost::gregorian::date(2017, 6, 1) +
                         boost::gregorian::days(static_cast<long>(pick(60))));
        it.tags = {"crash"};
        const ItemId id = store.add(it).id;
        ids.push_back(id);
        ack("add", id, marker);
      } else if (op == 1) {
        const ItemId id = ids[pick(ids.size())];
        ItemChanges c;
        c.status_note = marker;
        c.due = Due::on(boost::gregorian::date(2017, 7, 1) +
                        boost::gregorian::days(static_cast<long>(pick(60))));
        c.owners =
            std::vector<std::string>{people[pick(people.size())], people[pick(people.size())]};
        if (c.owners->at(0) == c.owners->at(1)) c.owners->pop_back();
        store.update(id, c);
        ack("update", id, marker);
      } else if (op == 2) {
        const ItemId id = ids[pick(ids.size())];
        store.set_state(id, all_states[pick(all_states.size())], marker);
        ack("state", id, marker);
      } else if (op == 3) {
        const ItemId id = ids[pick(ids.size())];
        store.add_note(id, marker);
        ack("note", id, marker);
      } else if (op == 4) {
        std::string csv = "Action,Owner,Due Date,Status\n";
        for (const char* suffix : {"-a", "-b", "-c"})
          csv += marker + suffix + ",ICANN Org; Co-Chairs,30 June 2017,In progress\n";
        ImportOptions options;
        options.reference = boost::gregorian::date(2017, 6, 15);
        const ImportResult r = import_text(store, csv, options);
        if (r.added.size() != 3) _exit(4);
        ids.insert(ids.end(), r.added.begin(), r.added.end());
        ack("import", 0, marker);
      } else {
        const ItemId id = ids[pick(ids.size())];
        store.atomically([&] {
          store.add(fixtures::item(marker + "-x", {"SSR2-RT"}));
          store.add(fixtures::item(marker + "-y", {"SSR2-RT"}, Due::tbd()));
          ItemChanges c;
          c.status_note = marker;
          store.update(id, c);
        });
        ack("atomic", id, marker);
      }
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "writer failed: %s\n", e.what());
    _exit(2);
  }
}

std::vector<Ack> read_acks(int fd) {
  std::string all;
  char buf[4096];
  ssize_t n = 0;
  while ((n = read(fd, buf, sizeof buf)) > 0) all.append(buf, static_cast<std::size_t>(n));
  std::vector<Ack> acks;
  std::istringstream lines(all);
  std::string line;
  while (std::getline(lines, line)) {
    if (lines.eof()) break;  // a line cut off by the kill was not acknowledged
    std::istringstream fields(line);
    Ack a;
    fields >> a.kind >> a.id >> a.marker;
    if (a.kind != "ready") acks.push_back(a);
  }
  return acks;
}

bool has_note(const Store& store, ItemId id, const std::string& text) {
  for (const auto& n : store.notes(id))
    if (n.text == text) return true;
  return false;
}

bool has_change(const Store& store, ItemId id, const std::string& field, const std::string& value) {
  for (const auto& e : store.history(id))
    if (e.field == field && e.new_value == value) return true;
  return false;
}

// Whole-store invariants that a half-written transaction would break.
void expect_consistent(const std::string& path, int round) {
  RawDatabase raw(path);
  EXPECT_EQ(raw.integrity(), "ok") << "round " << round;
  // Every item has its "created" event and its version is that of its last event.
  EXPECT_EQ(raw.value("SELECT count(*) FROM items i WHERE NOT EXISTS "
                      "(SELECT 1 FROM events e WHERE e.item_id = i.id AND e.kind = 0)"),
            "0")
      << "round " << round;
  EXPECT_EQ(raw.value("SELECT count(*) FROM items i WHERE i.version != "
                      "(SELECT max(version) FROM events e WHERE e.item_id = i.id)"),
            "0")
      << "round " << round;
  // The owners kept on the item row match its owner links.
  EXPECT_EQ(raw.value("SELECT count(*) FROM items i WHERE (SELECT count(*) FROM item_owners o "
                      "WHERE o.item_id = i.id) != CASE WHEN i.owners = '' THEN 0 ELSE "
                      "length(i.owners) - length(replace(i.owners, char(31), '')) + 1 END"),
            "0")
      << "round " << round;
  // An import of three rows and a three-change transaction are there whole or not at all.
  EXPECT_EQ(
      raw.value("SELECT count(*) FROM (SELECT substr(text, 1, length(text) - 2) AS m, "
                "count(*) AS n FROM items WHERE text GLOB '*-[abc]' GROUP BY m) WHERE n != 3"),
      "0")
      << "round " << round;
  EXPECT_EQ(
      raw.value("WITH notes AS (SELECT DISTINCT new_value AS v FROM events WHERE field = "
                "'status_note'), pairs AS (SELECT substr(text, 1, length(text) - 2) AS m, "
                "count(*) AS n FROM items WHERE text GLOB '*-[xy]' GROUP BY m) "
                "SELECT count(*) FROM pairs LEFT JOIN notes ON v = m WHERE n != 2 OR v IS NULL"),
      "0")
      << "round " << round;
}

TEST(CrashSafety, EveryAcknowledgedWriteSurvivesSigkillAndNoneIsHalfDone) {
  TempDir dir;
  const std::string path = dir.file("crash.db");
  { Store created(path); }
  std::mt19937 rng(20170615);
  const int rounds = kills();
  std::size_t acknowledged = 0, killed_mid_write = 0;
  for (int round = 0; round < rounds; ++round) {
    int fds[2];
    ASSERT_EQ(pipe(fds), 0);
    const pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      close(fds[0]);
      write_until_killed(path, round, fds[1]);
    }
    close(fds[1]);
    // Wait for the child to open the store, then let it write for a random while.
    char ready[10];
    ASSERT_EQ(read(fds[0], ready, sizeof ready), 10) << "round " << round;
    std::this_thread::sleep_for(
        std::chrono::microseconds(std::uniform_int_distribution<int>(200, 30000)(rng)));
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
        << "round " << round << ": the writer stopped by itself (exit " << WEXITSTATUS(status)
        << ")";
    const std::vector<Ack> acks = read_acks(fds[0]);
    close(fds[0]);
    acknowledged += acks.size();

    expect_consistent(path, round);
    Store store(path);  // reopening recovers the write-ahead log
    std::map<std::string, ItemId> by_text;
    for (const auto& it : store.find()) by_text[it.text] = it.id;
    for (const Ack& a : acks) {
      SCOPED_TRACE("round " + std::to_string(round) + ": " + a.kind + " " + a.marker);
      if (a.kind == "add") {
        EXPECT_EQ(store.get(a.id).text, a.marker);
        Query words;
        words.text = a.marker;  // and the full-text index has it
        EXPECT_EQ(store.count(words), 1);
      } else if (a.kind == "update" || a.kind == "atomic") {
        EXPECT_TRUE(has_change(store, a.id, "status_note", a.marker));
        if (a.kind == "atomic") {
          EXPECT_TRUE(by_text.count(a.marker + "-x") && by_text.count(a.marker + "-y"));
        }
      } else if (a.kind == "state" || a.kind == "note") {
        EXPECT_TRUE(has_note(store, a.id, a.marker));
      } else if (a.kind == "import") {
        for (const char* suffix : {"-a", "-b", "-c"}) EXPECT_TRUE(by_text.count(a.marker + suffix));
      } else {
        ADD_FAILURE() << "unknown acknowledgement " << a.kind;
      }
    }
    // The change after the last acknowledged one was cut off by the kill (or not begun).
    const std::string next = "r" + std::to_string(round) + "k" + std::to_string(acks.size());
    if (by_text.count(next) || by_text.count(next + "-a") || by_text.count(next + "-x"))
      ++killed_mid_write;
    if (HasFailure()) break;
  }
  std::printf(
      "%d kills, %zu acknowledged writes checked, %zu kills after a commit and before its "
      "acknowledgement\n",
      rounds, acknowledged, killed_mid_write);
  EXPECT_GT(acknowledged, static_cast<std::size_t>(rounds));  // the writers did write
}

}  // namespace
}  // namespace libtracker
