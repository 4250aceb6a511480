// Disk full and write errors: a write the file system refuses gives a StorageError naming the
// database, and the database stays exactly as it was before the call. The "full disk" is a
// file size limit (RLIMIT_FSIZE) set in a child process, which makes every write past it fail
// as a full file system would, without mounting one.

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <libtracker/error.hpp>
#include <libtracker/import.hpp>
#include <libtracker/store.hpp>
#include <string>

#include "sqlite_support.hpp"
#include "support.hpp"

namespace libtracker {
namespace {

using fixtures::RawDatabase;
using fixtures::TempDir;

/// Runs @p body in a child process whose files cannot grow past @p limit bytes; true when
/// @p body returned true.
template <class Body>
bool with_file_size_limit(rlim_t limit, Body body) {
  const pid_t pid = fork();
  if (pid == 0) {
    signal(SIGXFSZ, SIG_IGN);  // a write past the limit then fails with EFBIG
    const rlimit lim{limit, limit};
    int code = 2;
    if (setrlimit(RLIMIT_FSIZE, &lim) == 0) {
      try {
        code = body() ? 0 : 1;
      } catch (const std::exception& e) {
        std::fprintf(stderr, "unexpected error: %s\n", e.what());
        code = 3;
      }
    }
    std::fflush(nullptr);
    _exit(code);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/// Calls @p write and checks that it fails with a StorageError that names @p path.
template <class Write>
bool fails_with_storage_error(const std::string& path, const char* what, Write write) {
  try {
    write();
    std::fprintf(stderr, "%s: no error\n", what);
    return false;
  } catch (const StorageError& e) {
    if (std::string(e.what()).find(path) == std::string::npos) {
      std::fprintf(stderr, "%s: the error does not name the database: %s\n", what, e.what());
      return false;
    }
    return true;
  }
}

class StorageErrors : public ::testing::Test {
 protected:
  void SetUp() override {
    {
      Store s(path);
      s.set_today(fixtures::date(2017, 6, 15));
      fixtures::add_ssr2_items(s);
    }
    before = RawDatabase(path).dump();
    limit = static_cast<rlim_t>(std::filesystem::file_size(path)) + 64 * 1024;
  }
  void expect_unchanged() {
    RawDatabase raw(path);
    EXPECT_EQ(raw.integrity(), "ok");
    EXPECT_EQ(raw.dump(), before);
  }

  TempDir dir;
  const std::string path = dir.file("full.db");
  std::string before;
  rlim_t limit = 0;
};

TEST_F(StorageErrors, BulkAddOnAFullDiskIsAStorageErrorAndWritesNothing) {
  EXPECT_TRUE(with_file_size_limit(limit, [&] {
    Store s(path);
    const std::int64_t items = s.count();
    std::vector<ActionItem> many;
    for (int i = 0; i < 2000; ++i) {
      ActionItem it =
          fixtures::item("Collect SSR1 implementation evidence, part " + std::to_string(i),
                         {"ICANN Org", "SSR2-RT"});
      it.details = std::string(1024, 'x');
      many.push_back(it);
    }
    const bool failed = fails_with_storage_error(path, "add_all", [&] { s.add_all(many); });
    // The store stays usable for reading, and shows nothing of the failed call.
    return failed && s.count() == items;
  }));
  expect_unchanged();
}

TEST_F(StorageErrors, ImportOnAFullDiskIsAStorageErrorAndWritesNothing) {
  EXPECT_TRUE(with_file_size_limit(limit, [&] {
    Store s(path);
    std::string csv = "Action,Owner,Due Date,Status,Notes\n";
    for (int i = 0; i < 3000; ++i)
      csv += "Review the ICANN DNS security framework section " + std::to_string(i) +
             ",Co-Chairs; James Gannon,30 June 2017,In progress," + std::string(200, 'n') + "\n";
    ImportOptions options;
    options.reference = fixtures::date(2017, 6, 15);
    return fails_with_storage_error(path, "import", [&] { import_text(s, csv, options); });
  }));
  expect_unchanged();
}

TEST_F(StorageErrors, OneLargeItemOnAFullDiskIsAStorageErrorAndWritesNothing) {
  EXPECT_TRUE(with_file_size_limit(limit, [&] {
    Store s(path);
    ActionItem big = fixtures::item("Consolidate the five questions on DNSSEC key rollover");
    big.details = std::string(512 * 1024, 'q');
    const bool add_failed = fails_with_storage_error(path, "add", [&] { s.add(big); });
    ItemChanges c;
    c.details = std::string(512 * 1024, 'u');
    const bool update_failed = fails_with_storage_error(path, "update", [&] { s.update(1, c); });
    return add_failed && update_failed && s.get(1).details.empty() && s.get(1).version == 1;
  }));
  expect_unchanged();
}

TEST_F(StorageErrors, SmallWritesWithinTheLimitStillWork) {
  // The limit used above does not fail ordinary writes: the failures come from the size.
  EXPECT_TRUE(with_file_size_limit(limit, [&] {
    Store s(path);
    s.add_note(1, "followed up 6/2");
    return s.notes(1).size() == 1;
  }));
  EXPECT_NE(RawDatabase(path).dump(), before);
}

}  // namespace
}  // namespace libtracker
