// Commands on items: init, add, list, count, show, set, start/block/done/cancel, note, history.

#include <boost/date_time/gregorian/gregorian.hpp>
#include <boost/date_time/posix_time/posix_time.hpp>
#include <iostream>
#include <libtracker/error.hpp>
#include <libtracker/export.hpp>
#include <libtracker/filter.hpp>
#include <libtracker/owner_parser.hpp>
#include <libtracker/rating.hpp>
#include <libtracker/render.hpp>
#include <libtracker/text.hpp>
#include <sstream>

#include "cli.hpp"

namespace tracker_cli {
namespace {

using namespace libtracker;

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

std::vector<std::string> known_owners(const Store& store) {
  std::vector<std::string> names;
  for (const Owner& o : store.owners()) names.push_back(o.name);
  return names;
}

/// Owners from repeated or comma-separated values, in their known spelling, without repeats.
std::vector<std::string> owners_from(const std::vector<std::string>& values, const Store& store) {
  const std::vector<std::string> known = known_owners(store);
  std::vector<std::string> out;
  for (const std::string& v : values) {
    for (std::string& name : parse_owners(v, known)) {
      if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(std::move(name));
    }
  }
  return out;
}

/// Tags from repeated or comma-separated values.
std::vector<std::string> tags_from(const std::vector<std::string>& values) {
  std::vector<std::string> out;
  for (const std::string& v : values) {
    std::stringstream in(v);
    for (std::string tag; std::getline(in, tag, ',');) {
      tag = trim(tag);
      if (!tag.empty() && std::find(out.begin(), out.end(), tag) == out.end()) out.push_back(tag);
    }
  }
  return out;
}

std::optional<MeetingId> meeting_from(const std::string& text, const Store& store) {
  const std::string t = trim(text);
  if (t.empty()) return std::nullopt;
  MeetingId id = 0;
  try {
    std::size_t used = 0;
    id = std::stoll(t, &used);
    if (used != t.size()) throw std::invalid_argument(t);
  } catch (const std::exception&) {
    throw ParseError("expected a meeting number", t, 0, "meeting");
  }
  store.meeting(id);  // NotFoundError for an unknown meeting
  return id;
}

ItemId item_id(const std::string& text) {
  const std::string t = trim(text.size() > 1 && text[0] == '#' ? text.substr(1) : text);
  try {
    std::size_t used = 0;
    const long long id = std::stoll(t, &used);
    if (used == t.size() && id > 0) return id;
  } catch (const std::exception&) {
  }
  throw ParseError("expected an item number", text, 0, "item id");
}

std::string json_array(const std::vector<ActionItem>& items) {
  if (items.empty()) return "[]\n";
  std::string out = "[\n";
  for (std::size_t i = 0; i < items.size(); ++i)
    out += "  " + to_json(items[i]) + (i + 1 < items.size() ? ",\n" : "\n");
  return out + "]\n";
}

/// The ISO date, or "-" where there is none (show keeps the line).
std::string shown_date(const boost::gregorian::date& d) {
  return d.is_special() ? std::string("-") : iso_date(d);
}

std::string show_text(const Store& store, const ActionItem& item) {
  std::ostringstream out;
  out << "#" << item.id << "  " << item.text << "\n";
  auto field = [&](const char* name, const std::string& value) {
    if (!value.empty())
      out << "  " << name << std::string(10 - std::string(name).size(), ' ') << value << "\n";
  };
  field("Owners:", join(item.owners, ", "));
  std::string due = item.due.to_string();
  if (item.due.has_date() && !item.due.text().empty() && item.due.text() != due)
    due += " (\"" + item.due.text() + "\")";
  field("Due:", due.empty() ? "-" : due);
  field("State:", std::string(to_string(item.state)));
  field("Status:", item.status_note);
  field("Tags:", join(item.tags, ", "));
  if (item.meeting) {
    const Meeting m = store.meeting(*item.meeting);
    field("Meeting:", "#" + std::to_string(m.id) + " " + m.title +
                          (m.date.is_special() ? "" : " (" + iso_date(m.date) + ")"));
  }
  if (item.impact) field("Impact:", std::string(to_string(*item.impact)));
  if (item.effort) field("Effort:", std::string(to_string(*item.effort)));
  field("Created:", shown_date(item.created));
  if (item.closed) field("Closed:", shown_date(*item.closed));
  field("Version:", std::to_string(item.version));
  if (!item.ref.empty()) field("Ref:", item.ref);
  if (!item.details.empty()) out << "  Details:\n    " << item.details << "\n";
  const std::vector<Note> notes = store.notes(item.id);
  if (!notes.empty()) {
    out << "  Notes:\n";
    for (const Note& n : notes)
      out << "    " << boost::posix_time::to_simple_string(n.at).substr(0, 20) << "  " << n.author
          << "  " << n.text << "\n";
  }
  return out.str();
}

/// "2017-06-15 00:00:00  alice  changed  due: 2017-06-20 -> 2017-06-30"
std::string history_line(const Event& e) {
  std::string when = boost::posix_time::to_iso_extended_string(e.at);
  when = when.substr(0, 19);
  if (when.size() > 10) when[10] = ' ';
  std::string line = when + "  " + e.actor + "  " + std::string(to_string(e.kind));
  auto shown = [](const std::string& v) { return v.empty() ? std::string("(none)") : v; };
  switch (e.kind) {
    case EventKind::changed:
      line += "  " + e.field + ": " + shown(e.old_value) + " -> " + shown(e.new_value);
      break;
    case EventKind::note:
      line += "  " + e.new_value;
      break;
    case EventKind::created:
    case EventKind::deleted:
      break;
  }
  return line;
}

}  // namespace

void add_item_commands(CLI::App& app, Context& ctx,
                       std::vector<std::pair<CLI::App*, Runner>>& commands) {
  // init
  CLI::App* init = app.add_subcommand("init", "Create the database (or check an existing one)");
  auto roles =
      std::make_shared<std::pair<std::string, std::string>>("tracker_reader", "tracker_writer");
  init->add_option("--reader", roles->first,
                   "On a server: the role that may only read (default: tracker_reader)");
  init->add_option("--writer", roles->second,
                   "On a server: the role that may also write (default: tracker_writer)");
  commands.emplace_back(init, [&ctx, roles] {
    const std::optional<std::string> file = libtracker::database_file(ctx.db_path);
    const bool existed = file && std::filesystem::exists(*file);
    Store& store = ctx.open(Context::Access::create);
    if (store.on_server()) {
      store.grant_roles(roles->first, roles->second);
      std::cout << "Tracker at " << store.path() << " (schema version " << store.user_version()
                << "); roles " << roles->first << " (read) and " << roles->second
                << " (read and write) granted\n";
      return;
    }
    std::cout << (existed ? "Tracker database at " : "Created tracker database at ") << store.path()
              << " (schema version " << store.user_version() << ")\n";
  });

  // add
  struct AddArgs {
    std::vector<std::string> text, owners, tags;
    std::string due, state, details, status, meeting;
  };
  auto add_args = std::make_shared<AddArgs>();
  CLI::App* add = app.add_subcommand("add", "Add an action item");
  add->add_option("text", add_args->text, "What must be done")->required();
  add->add_option("--owner", add_args->owners, "Owner (repeat, or a comma list)")
      ->allow_extra_args(false);
  add->add_option("--due", add_args->due,
                  "Due date (\"30 May\", \"6/20\", \"TBD\", \"next Friday\", ...)");
  add->add_option("--state", add_args->state, "open, in_progress, blocked, done or cancelled");
  add->add_option("--tag", add_args->tags, "Tag (repeat, or a comma list)")
      ->allow_extra_args(false);
  add->add_option("--details", add_args->details, "Longer background text");
  add->add_option("--status", add_args->status, "Status note");
  add->add_option("--meeting", add_args->meeting, "Number of the meeting it comes from");
  commands.emplace_back(add, [&ctx, add_args] {
    Store& store = ctx.open(Context::Access::write);
    ActionItem item;
    item.text = join_words(add_args->text);
    item.owners = owners_from(add_args->owners, store);
    item.due = parse_due(add_args->due, ctx.today, ctx.date_options());
    if (!add_args->state.empty()) item.state = state_from_string(add_args->state);
    item.tags = tags_from(add_args->tags);
    item.details = add_args->details;
    item.status_note = add_args->status;
    item.meeting = meeting_from(add_args->meeting, store);
    const ActionItem added = store.add(item);
    std::cout << "Added item " << added.id << ".\n";
  });

  // list, count
  struct ListArgs {
    std::vector<std::string> filter;
    std::string format = "text";
  };
  auto list_args = std::make_shared<ListArgs>();
  CLI::App* list = app.add_subcommand("list", "List items matching a filter");
  list->add_option("filter", list_args->filter,
                   "state:open owner:\"ICANN Org\" tag:x +overdue word ...");
  list->add_option("--format", list_args->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}));
  commands.emplace_back(list, [&ctx, list_args] {
    Store& store = ctx.open(Context::Access::read);
    const Query query = parse_filter(join_filter(list_args->filter), ctx.today, ctx.date_options());
    const std::vector<ActionItem> items = store.find(query);
    if (list_args->format == "json")
      write_output("", json_array(items));
    else
      write_output("", render_items_text(items, ctx.today, terminal_width()));
  });

  auto count_filter = std::make_shared<std::vector<std::string>>();
  CLI::App* count = app.add_subcommand("count", "Print how many items match a filter");
  count->add_option("filter", *count_filter, "A filter, as for list");
  commands.emplace_back(count, [&ctx, count_filter] {
    Store& store = ctx.open(Context::Access::read);
    const Query query = parse_filter(join_filter(*count_filter), ctx.today, ctx.date_options());
    std::cout << store.count(query) << "\n";
  });

  // show
  struct ShowArgs {
    std::string id;
    std::string format = "text";
  };
  auto show_args = std::make_shared<ShowArgs>();
  CLI::App* show = app.add_subcommand("show", "Show one item with its notes");
  show->add_option("id", show_args->id, "Item number")->required();
  show->add_option("--format", show_args->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}));
  commands.emplace_back(show, [&ctx, show_args] {
    Store& store = ctx.open(Context::Access::read);
    const ActionItem item = store.get(item_id(show_args->id));
    write_output("", show_args->format == "json" ? to_json(item) + "\n" : show_text(store, item));
  });

  // set
  struct SetArgs {
    std::string id;
    std::vector<std::string> assignments;
  };
  auto set_args = std::make_shared<SetArgs>();
  CLI::App* set =
      app.add_subcommand("set",
                         "Change fields: text, details, owners, due, state, status_note "
                         "(status), tags, impact, effort, meeting");
  set->add_option("id", set_args->id, "Item number")->required();
  set->add_option("assignments", set_args->assignments, "FIELD=VALUE ...")->required();
  commands.emplace_back(set, [&ctx, set_args] {
    Store& store = ctx.open(Context::Access::write);
    const ItemId id = item_id(set_args->id);
    ItemChanges changes;
    for (const std::string& a : set_args->assignments) {
      const std::size_t eq = a.find('=');
      if (eq == std::string::npos || eq == 0) throw ParseError("expected FIELD=VALUE", a, 0, "set");
      std::string field = trim(a.substr(0, eq));
      for (char& c : field) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      const std::string value = a.substr(eq + 1);
      if (field == "text") {
        if (trim(value).empty()) throw ParseError("the text cannot be empty", a, eq + 1, "set");
        changes.text = value;
      } else if (field == "details")
        changes.details = value;
      else if (field == "owners" || field == "owner")
        changes.owners = owners_from({value}, store);
      else if (field == "due")
        changes.due = parse_due(value, ctx.today, ctx.date_options());
      else if (field == "state")
        changes.state = state_from_string(value);
      else if (field == "status_note" || field == "status")
        changes.status_note = value;
      else if (field == "tags" || field == "tag")
        changes.tags = tags_from({value});
      else if (field == "impact")
        changes.impact =
            trim(value).empty() ? std::nullopt : std::optional(rating_from_string(value));
      else if (field == "effort")
        changes.effort =
            trim(value).empty() ? std::nullopt : std::optional(rating_from_string(value));
      else if (field == "meeting")
        changes.meeting = meeting_from(value, store);
      else
        throw ParseError(
            "unknown field (text, details, owners, due, state, status_note, tags, impact, effort, "
            "meeting)",
            a, 0, "set");
    }
    const ActionItem item = store.update(id, changes);
    std::cout << "Updated item " << item.id << " (version " << item.version << ").\n";
  });

  // start, block, done, cancel
  const std::pair<const char*, State> moves[] = {{"start", State::in_progress},
                                                 {"block", State::blocked},
                                                 {"done", State::done},
                                                 {"cancel", State::cancelled}};
  for (const auto& [name, state] : moves) {
    struct MoveArgs {
      std::string id, note;
    };
    auto args = std::make_shared<MoveArgs>();
    const std::string help = std::string("Mark an item ") + std::string(to_string(state));
    CLI::App* sub = app.add_subcommand(name, help);
    sub->add_option("id", args->id, "Item number")->required();
    sub->add_option("--note", args->note, "A note to add with the change");
    const State target = state;
    commands.emplace_back(sub, [&ctx, args, target] {
      Store& store = ctx.open(Context::Access::write);
      const ActionItem item = store.set_state(item_id(args->id), target, args->note);
      std::cout << "Item " << item.id << " is now " << to_string(item.state) << ".\n";
    });
  }

  // note
  struct NoteArgs {
    std::string id;
    std::vector<std::string> text;
  };
  auto note_args = std::make_shared<NoteArgs>();
  CLI::App* note = app.add_subcommand("note", "Add a progress note to an item");
  note->add_option("id", note_args->id, "Item number")->required();
  note->add_option("text", note_args->text, "The note")->required();
  commands.emplace_back(note, [&ctx, note_args] {
    Store& store = ctx.open(Context::Access::write);
    const ItemId id = item_id(note_args->id);
    store.add_note(id, join_words(note_args->text));
    std::cout << "Noted on item " << id << ".\n";
  });

  // history
  auto history_id = std::make_shared<std::string>();
  CLI::App* history = app.add_subcommand("history", "Show every change of an item");
  history->add_option("id", *history_id, "Item number")->required();
  commands.emplace_back(history, [&ctx, history_id] {
    Store& store = ctx.open(Context::Access::read);
    std::string out;
    for (const Event& e : store.history(item_id(*history_id))) out += history_line(e) + "\n";
    write_output("", out);
  });
}

}  // namespace tracker_cli
