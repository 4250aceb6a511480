// tracker copy SRC DST: moving a team's tracker (SQLite and PostgreSQL either way).

#include <iostream>
#include <libtracker/copy.hpp>
#include <libtracker/store.hpp>
#include <memory>
#include <string>

#include "cli.hpp"

namespace tracker_cli {

void add_copy_commands(CLI::App& app, Context&,
                       std::vector<std::pair<CLI::App*, Runner>>& commands) {
  struct CopyArgs {
    std::string source, destination;
    bool replace = false;
  };
  auto args = std::make_shared<CopyArgs>();
  CLI::App* copy = app.add_subcommand(
      "copy",
      "Copy a whole tracker (items, owners, meetings, notes, history, reminders, settings) "
      "into an empty one, keeping ids and times: all of it or nothing");
  copy->add_option("source", args->source, "The tracker to copy: a file or a server address")
      ->required();
  copy->add_option("destination", args->destination,
                   "The tracker to write (created when missing): a file or a server address")
      ->required();
  copy->add_flag("--replace", args->replace,
                 "Empty a destination that holds something first (refused on a server whose "
                 "history is not empty: a server's history is append-only)");
  commands.emplace_back(copy, [args] {
    libtracker::CopyOptions options;
    options.replace = args->replace;
    const libtracker::CopyCounts n =
        libtracker::copy_tracker(args->source, args->destination, options);
    // Named as the library names them: a server address may hold a password.
    std::cout << "Copied " << libtracker::describe_address(args->source) << " to "
              << libtracker::describe_address(args->destination) << ": " << n.items << " items, "
              << n.owners << " owners, " << n.group_members << " group memberships, " << n.meetings
              << " meetings, " << n.agenda_items << " agenda items, " << n.notes << " notes, "
              << n.events << " history events, " << n.reminders << " reminders sent, " << n.settings
              << " settings.\n";
  });
}

}  // namespace tracker_cli
