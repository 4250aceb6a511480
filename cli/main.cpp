// tracker: the command-line front end of libtracker.
//
//   tracker [--db PATH] [--as-of DATE] COMMAND ...
//
// Exit codes: 0 success; 1 bad input (a date, a filter, an unknown item); 2 usage (unknown
// command or option); 3 conflicts and storage errors; 4 some reminders could not be sent.
// Errors are one line on stderr, "tracker: error: ...", and nothing is written when a command
// fails.

#include <sys/ioctl.h>
#include <unistd.h>

#include <boost/date_time/posix_time/posix_time.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <libtracker/clock.hpp>
#include <libtracker/error.hpp>
#include <libtracker/text.hpp>
#include <random>

#include "cli.hpp"

namespace tracker_cli {

using libtracker::Store;

Store& Context::open(Access access) {
  namespace fs = std::filesystem;
  const std::optional<std::string> file = libtracker::database_file(db_path);
  if (access != Access::create && file && !fs::exists(*file))
    throw libtracker::StorageError("no tracker database at " + *file +
                                   " (create one with `tracker init`, or pass --db PATH)");
  libtracker::StoreOptions options;
  options.read_only = access == Access::read;
  try {
    store = std::make_unique<Store>(db_path, options);
  } catch (const libtracker::StorageError&) {
    if (access != Access::read) throw;
    // A read-only connection cannot always attach a WAL database; a normal one only reads here.
    options.read_only = false;
    store = std::make_unique<Store>(db_path, options);
  }
  today = boost::posix_time::second_clock::universal_time().date();
  if (!as_of_text.empty()) {
    today = libtracker::parse_date(as_of_text, today, date_options());
    store->set_today(today);
  }
  return *store;
}

libtracker::DateOptions Context::date_options() const {
  libtracker::DateOptions options;
  if (store) {
    const Store* s = store.get();
    options.event_date = [s](std::string_view name) { return s->event_date(std::string(name)); };
  }
  return options;
}

boost::gregorian::date Context::parse_date(const std::string& text) const {
  return libtracker::parse_date(text, today, date_options());
}

std::string join_words(const std::vector<std::string>& words) {
  return libtracker::join(words, " ");
}

std::string join_filter(const std::vector<std::string>& args) {
  std::vector<std::string> terms;
  for (const std::string& arg : args) {
    std::string term = arg;
    const std::size_t space = arg.find_first_of(" \t");
    const std::size_t colon = arg.find(':');
    if (space != std::string::npos && colon != std::string::npos && colon < space) {
      const std::string value = arg.substr(colon + 1);
      const bool quoted = !value.empty() && (value.front() == '"' || value.front() == '\'');
      if (!quoted) {
        const char q = value.find('"') == std::string::npos ? '"' : '\'';
        term = arg.substr(0, colon + 1) + q + value + q;
      }
    }
    terms.push_back(std::move(term));
  }
  return libtracker::join(terms, " ");
}

std::size_t terminal_width(std::size_t fallback) {
  if (!isatty(STDOUT_FILENO)) return fallback;
  winsize ws{};
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 40) return ws.ws_col;
  return fallback;
}

void write_output(const std::string& path, const std::string& text) {
  if (path.empty() || path == "-") {
    std::cout << text;
    std::cout.flush();
    return;
  }
  namespace fs = std::filesystem;
  const fs::path target(path);
  std::random_device rd;
  const fs::path temp =
      target.parent_path() / ("." + target.filename().string() + ".tmp-" + std::to_string(rd()));
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) {
      std::error_code ec;
      fs::remove(temp, ec);
      throw libtracker::StorageError("cannot write " + path);
    }
  }
  std::error_code ec;
  fs::rename(temp, target, ec);
  if (ec) {
    fs::remove(temp, ec);
    throw libtracker::StorageError("cannot write " + path + ": " + ec.message());
  }
}

ProgressBar::ProgressBar(std::string label)
    : label_(std::move(label)), active_(isatty(STDERR_FILENO) != 0) {}

ProgressBar::~ProgressBar() {
  if (drawn_) std::fputs("\n", stderr);
}

void ProgressBar::update(std::size_t done, std::size_t total) {
  if (!active_ || total == 0) return;
  const int percent = static_cast<int>(done * 100 / total);
  if (percent == last_percent_) return;
  last_percent_ = percent;
  constexpr int cells = 30;
  const int full = percent * cells / 100;
  const std::string bar = std::string(static_cast<std::size_t>(full), '#') +
                          std::string(static_cast<std::size_t>(cells - full), '-');
  std::fprintf(stderr, "\r%s [%s] %3d%% %zu/%zu", label_.c_str(), bar.c_str(), percent, done,
               total);
  std::fflush(stderr);
  drawn_ = true;
}

void ProgressBar::finish() {
  if (drawn_) std::fputs("\n", stderr);
  drawn_ = false;
}

namespace {

int fail(int code, const std::string& message) {
  std::cout.flush();
  std::string line = message;
  for (char& c : line)
    if (c == '\n' || c == '\r') c = ' ';
  std::cerr << "tracker: error: " << line << std::endl;
  return code;
}

}  // namespace
}  // namespace tracker_cli

int main(int argc, char** argv) {
  using namespace tracker_cli;
  Context ctx;
  CLI::App app{"tracker: action items from review-team meetings, their history and weekly reports"};
  app.name("tracker");
  app.require_subcommand(1);
  const char* env_db = std::getenv("TRACKER_DB");
  ctx.db_path = env_db && *env_db ? env_db : "tracker.db";
  app.add_option("--db", ctx.db_path,
                 "Database: a file, or a PostgreSQL server (postgresql://user@host/db?schema=team)"
                 " (default: $TRACKER_DB, else ./tracker.db)");
  app.add_option("--as-of", ctx.as_of_text,
                 "The day taken as today, in any form the date parser reads");

  std::vector<std::pair<CLI::App*, Runner>> commands;
  add_item_commands(app, ctx, commands);
  add_io_commands(app, ctx, commands);
  add_report_commands(app, ctx, commands);
  add_owner_commands(app, ctx, commands);
  add_remind_commands(app, ctx, commands);
  add_copy_commands(app, ctx, commands);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    std::cout << app.help();
    return 0;
  } catch (const CLI::CallForAllHelp&) {
    std::cout << app.help("", CLI::AppFormatMode::All);
    return 0;
  } catch (const CLI::Success&) {
    return 0;
  } catch (const CLI::ParseError& e) {
    return fail(2, e.what());
  }

  try {
    for (auto& [sub, run] : commands) {
      if (sub->parsed()) {
        run();
        return 0;
      }
    }
    return fail(2, "no command given (see tracker --help)");
  } catch (const SendFailed& e) {
    return fail(4, e.what());
  } catch (const libtracker::ParseError& e) {
    return fail(1, e.what());
  } catch (const libtracker::NotFoundError& e) {
    return fail(1, e.what());
  } catch (const libtracker::ConflictError& e) {
    return fail(3, e.what());
  } catch (const libtracker::StorageError& e) {
    return fail(3, e.what());
  } catch (const libtracker::SchemaError& e) {
    return fail(3, e.what());
  } catch (const libtracker::Error& e) {
    return fail(1, e.what());
  } catch (const std::exception& e) {
    return fail(3, e.what());
  }
}
