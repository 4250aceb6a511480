#pragma once
// What the tracker commands share: the open database, "today", output and the error kinds.

#include <CLI/CLI.hpp>
#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <functional>
#include <libtracker/date_parser.hpp>
#include <libtracker/store.hpp>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace tracker_cli {

/// The global options and, once a command runs, its database.
struct Context {
  std::string db_path;
  std::string as_of_text;  // --as-of, before the command
  std::unique_ptr<libtracker::Store> store;
  /// "Today": --as-of when given, else the real date.
  boost::gregorian::date today{boost::date_time::not_a_date_time};

  enum class Access { create, write, read };
  /// Opens the database (init creates it; every other command needs it to exist) and fixes
  /// today. @throw StorageError when there is no database; ParseError for a bad --as-of.
  libtracker::Store& open(Access access);
  /// Dates as the store understands them: event names ("ICANN59") through its meetings.
  libtracker::DateOptions date_options() const;
  /// Parses a date given on the command line (against today).
  boost::gregorian::date parse_date(const std::string& text) const;
};

/// A command: registers its options on the app and returns the code to run when it is chosen.
using Runner = std::function<void()>;
void add_item_commands(CLI::App& app, Context& ctx,
                       std::vector<std::pair<CLI::App*, Runner>>& commands);
void add_io_commands(CLI::App& app, Context& ctx,
                     std::vector<std::pair<CLI::App*, Runner>>& commands);
void add_report_commands(CLI::App& app, Context& ctx,
                         std::vector<std::pair<CLI::App*, Runner>>& commands);
void add_owner_commands(CLI::App& app, Context& ctx,
                        std::vector<std::pair<CLI::App*, Runner>>& commands);
void add_remind_commands(CLI::App& app, Context& ctx,
                         std::vector<std::pair<CLI::App*, Runner>>& commands);
void add_copy_commands(CLI::App& app, Context& ctx,
                       std::vector<std::pair<CLI::App*, Runner>>& commands);

/// Some messages could not be sent (exit code 4); the others were, and the summary says which.
class SendFailed : public std::runtime_error {
 public:
  explicit SendFailed(std::size_t failed)
      : std::runtime_error(std::to_string(failed) +
                           (failed == 1 ? " reminder was" : " reminders were") + " not sent") {}
};

/// Filter arguments as one filter string: an argument the shell unquoted (owner:ICANN Org) is
/// quoted again so the filter reads it as one term.
std::string join_filter(const std::vector<std::string>& args);
/// The whole file, or standard input for "-". @throw Error when it cannot be read.
std::string read_input(const std::string& path);
/// Words joined with single spaces.
std::string join_words(const std::vector<std::string>& words);
/// Columns of the terminal on stdout, or @p fallback when stdout is not a terminal.
std::size_t terminal_width(std::size_t fallback = 100);
/// Writes @p text to @p path whole or not at all (a temporary file renamed into place), or to
/// stdout when @p path is empty or "-". @throw StorageError when the file cannot be written.
void write_output(const std::string& path, const std::string& text);

/// Draws "label [#####-----]  45% 450/1000" on stderr when it is a terminal; silent otherwise.
class ProgressBar {
 public:
  explicit ProgressBar(std::string label);
  ~ProgressBar();
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;
  /// Whether anything is drawn (stderr is a terminal).
  bool active() const noexcept { return active_; }
  void update(std::size_t done, std::size_t total);
  /// Ends the bar's line.
  void finish();

 private:
  std::string label_;
  bool active_;
  bool drawn_ = false;
  int last_percent_ = -1;
};

}  // namespace tracker_cli
