// tracker owner: the people and groups who own items, with their addresses and groups.

#include <iostream>
#include <libtracker/error.hpp>
#include <libtracker/owners_csv.hpp>
#include <memory>
#include <optional>

#include "cli.hpp"

namespace tracker_cli {

using namespace libtracker;

namespace {

void print_owner(const Owner& o) {
  std::cout << o.name;
  if (!o.initials.empty()) std::cout << " (" << o.initials << ")";
  std::cout << ": " << (o.email.empty() ? std::string("no e-mail address") : o.email);
  if (!o.members.empty()) {
    std::cout << "; members: ";
    for (std::size_t i = 0; i < o.members.size(); ++i)
      std::cout << (i > 0 ? ", " : "") << o.members[i];
  }
  std::cout << "\n";
}

}  // namespace

void add_owner_commands(CLI::App& app, Context& ctx,
                        std::vector<std::pair<CLI::App*, Runner>>& commands) {
  CLI::App* owner = app.add_subcommand("owner", "Owners: addresses, initials and groups");
  owner->require_subcommand(1);

  CLI::App* list = owner->add_subcommand("list", "Every owner with address and members");
  commands.emplace_back(list, [&ctx] {
    Store& store = ctx.open(Context::Access::read);
    for (const Owner& o : store.owners()) print_owner(o);
  });

  struct SetArgs {
    std::string name, initials;
    std::optional<std::string> email;
    bool create = false;
  };
  auto add_args = std::make_shared<SetArgs>();
  CLI::App* add = owner->add_subcommand("add", "Add an owner (or complete an existing one)");
  add->add_option("name", add_args->name, "The owner's name")->required();
  add->add_option("--email", add_args->email, "E-mail address");
  add->add_option("--initials", add_args->initials, "Initials used in minutes (\"GH\")");
  commands.emplace_back(add, [&ctx, add_args] {
    Store& store = ctx.open(Context::Access::write);
    Owner o;
    store.atomically([&] {
      o = store.add_owner(add_args->name, add_args->initials);
      if (add_args->email) o = store.set_owner_email(o.name, *add_args->email);
    });
    print_owner(o);
  });

  auto set_args = std::make_shared<SetArgs>();
  CLI::App* set = owner->add_subcommand("set", "Change an existing owner's address or initials");
  set->add_option("name", set_args->name, "The owner's name")->required();
  set->add_option("--email", set_args->email, "E-mail address (\"\" removes it)");
  set->add_option("--initials", set_args->initials, "Initials used in minutes (\"GH\")");
  commands.emplace_back(set, [&ctx, set_args] {
    Store& store = ctx.open(Context::Access::write);
    if (!set_args->email && set_args->initials.empty())
      throw Error("nothing to set (give --email or --initials)");
    Owner o = store.owner(set_args->name);  // NotFoundError: a misspelt name creates nobody
    store.atomically([&] {
      if (!set_args->initials.empty()) o = store.add_owner(o.name, set_args->initials);
      if (set_args->email) o = store.set_owner_email(o.name, *set_args->email);
    });
    print_owner(o);
  });

  struct ImportArgs {
    std::string file;
  };
  auto import_args = std::make_shared<ImportArgs>();
  CLI::App* import = owner->add_subcommand(
      "import", "Import an owners CSV (name,email,initials,groups): all of it or nothing");
  import->add_option("file", import_args->file, "The file (\"-\" for standard input)")->required();
  commands.emplace_back(import, [&ctx, import_args] {
    Store& store = ctx.open(Context::Access::write);
    const std::string source = import_args->file == "-" ? "stdin" : import_args->file;
    const OwnersImportResult r = import_owners_csv(store, read_input(import_args->file), source);
    std::cout << "Imported " << source << ": " << r.added.size() << " owners added, "
              << r.updated.size() << " updated, " << r.unchanged.size() << " unchanged.\n";
  });
}

}  // namespace tracker_cli
