#pragma once
// Shared fixtures for the C++ tests.

#include <boost/date_time/gregorian/gregorian.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <libtracker/store.hpp>
#include <random>
#include <sstream>
#include <string>

namespace libtracker::fixtures {

using boost::gregorian::date;

/// A fresh directory under the system temp dir, removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() /
            ("libtracker-test-" + std::to_string(rd()) + "-" + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string file(const std::string& name) const { return (path_ / name).string(); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

/// The address of the store a test runs on (see test_store): ":memory:", or a fresh schema on
/// the server $LIBTRACKER_TEST_STORE names.
inline std::string test_store_address() {
  const char* server = std::getenv("LIBTRACKER_TEST_STORE");
  if (server == nullptr || *server == '\0') return ":memory:";
  std::string address = server;
  if (address == "postgres") {
    const char* db = std::getenv("PGDATABASE");
    address = std::string("dbname=") + (db != nullptr ? db : "postgres");
  }
  static std::mt19937_64 random{std::random_device{}()};
  return address + " schema=t" + std::to_string(random() % 1000000000);
}

/// The store a test runs on: a private SQLite database in memory, or, when
/// $LIBTRACKER_TEST_STORE is set, a tracker of its own (a fresh PostgreSQL schema) on the server
/// it names: "postgres" for libpq's environment (PGHOST, PGDATABASE..., as pg_virtualenv sets
/// them), or a "key=value" server address. The same tests run on both engines (ctest's
/// "postgres." tests, `ctest --preset postgres`); the schemas stay in the throw-away cluster.
inline Store test_store() { return Store(test_store_address()); }

/// True when the tests run on a server (see test_store).
inline bool on_server() {
  const char* server = std::getenv("LIBTRACKER_TEST_STORE");
  return server != nullptr && *server != '\0';
}

/// Who @p store records as making changes after set_actor(@p name): that name on SQLite; on a
/// server the role it authenticated, whatever the client says.
inline std::string recorded_actor(Store& store, const std::string& name) {
  store.set_actor(name);
  return on_server() ? store.actor() : name;
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

inline ActionItem item(std::string text, std::vector<std::string> owners = {}, Due due = {},
                       State state = State::open) {
  ActionItem it;
  it.text = std::move(text);
  it.owners = std::move(owners);
  it.due = std::move(due);
  it.state = state;
  return it;
}

/// The "Review Open Action Items (2 of 3)" table of the SSR2 coordination slides (seed 004),
/// entered through the API, as on the meeting day 2017-06-15.
inline void add_ssr2_items(Store& store) {
  const date may30(2017, 5, 30), may25(2017, 5, 25), jun22(2017, 6, 22);
  store.add_all({
      item("Share thoughts and continue discussion on list regarding presentation of ICANN "
           "Security and SSR1 subtopic work plans.",
           {"SSR2-RT"}, Due::tbd()),
      item("Share thoughts on list on how to be more open to observer inputs.", {"SSR2-RT"},
           Due::tbd()),
      item("Consolidate duplicative items, create subheadings for each topic groups within "
           "volunteer groups.",
           {"SSR2-RT"}, Due::on(may30, "30 May")),
      item("Draft SSR2 Review Team work plan with key dates, circulate to RT for input.",
           {"Co-Chairs", "James Gannon", "Boban Krsic"}, Due::tbd()),
      item("Share thoughts on list regarding outreach and engagement, and possible guidelines.",
           {"SSR2-RT"}, Due::tbd()),
      item("Share thoughts on list regarding Johannesburg agenda topics.", {"SSR2-RT"},
           Due::on(may25, "25 May")),
      item("Distribute draft Johannesburg agenda to email list.", {"Co-Chairs"},
           Due::on(may30, "30 May")),
      item("Draft note and summary of SSR1 implementation for ICANN to send to SSR1 team members "
           "and invite them to share their assessment with the SSR2-RT.",
           {"Denise Michel"}, Due::tbd()),
      item("Schedule remainder of briefings related to SSR1.", {"ICANN Org"}, Due::tbd()),
      item("Share links to relevant articles regarding threat mitigation and classification of "
           "threats.",
           {"ICANN Org"}, Due::on(jun22, "22 June")),
  });
}

}  // namespace libtracker::fixtures
