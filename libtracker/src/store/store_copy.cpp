// Moving a team: every row of one tracker written into another, table by table, with its ids,
// times and actors, through the engine interface (so SQLite and a server either way).
//
// The copy works on the tables rather than through the domain calls (add, import_history): those
// would give the rows new ids and times, and a deleted item's history has no item to go through.

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <string>
#include <variant>
#include <vector>

#include "libtracker/copy.hpp"
#include "libtracker/error.hpp"
#include "libtracker/store.hpp"
#include "store/store_impl.hpp"

namespace libtracker {
namespace {

/// How a column is read and bound: days and instants differ between engines.
enum class Kind { integer, text, day, instant };

struct Column {
  const char* name;
  Kind kind;
};

struct Table {
  const char* name;
  /// Every column the schema (version 3) gives the table, but a server's generated ones.
  std::vector<Column> columns;
  /// The table's key is an "id" the engine generates for new rows.
  bool has_id;
  /// Where the table's count goes.
  std::int64_t CopyCounts::*count;
};

/// The tables in an order in which every row's references are written before it.
const std::vector<Table>& tables() {
  using K = Kind;
  static const std::vector<Table> all{
      {"owners",
       {{"id", K::integer}, {"name", K::text}, {"initials", K::text}, {"email", K::text}},
       true,
       &CopyCounts::owners},
      {"group_members",
       {{"group_id", K::integer}, {"member_id", K::integer}},
       false,
       &CopyCounts::group_members},
      {"meetings",
       {{"id", K::integer},
        {"title", K::text},
        {"date", K::day},
        {"place", K::text},
        {"series", K::text},
        {"end_date", K::day},
        {"start_time", K::integer},
        {"end_time", K::integer},
        {"time_zone", K::text}},
       true,
       &CopyCounts::meetings},
      {"agenda_items",
       {{"id", K::integer},
        {"meeting_id", K::integer},
        {"position", K::integer},
        {"day", K::integer},  // the meeting's first, second, ... day, not a date
        {"start_time", K::integer},
        {"end_time", K::integer},
        {"duration", K::integer},
        {"block", K::text},
        {"title", K::text},
        {"kind", K::integer},
        {"level_low", K::integer},
        {"level_high", K::integer},
        {"to_be_confirmed", K::integer},
        {"notes", K::text}},
       true,
       &CopyCounts::agenda_items},
      {"agenda_people",
       {{"agenda_item_id", K::integer},
        {"role", K::integer},
        {"position", K::integer},
        {"owner_id", K::integer},
        {"affiliation", K::text}},
       false,
       nullptr},
      {"items",
       {{"id", K::integer},
        {"text", K::text},
        {"details", K::text},
        {"due_kind", K::integer},
        {"due_date", K::day},
        {"due_text", K::text},
        {"state", K::integer},
        {"status_note", K::text},
        {"meeting_id", K::integer},
        {"impact", K::integer},
        {"effort", K::integer},
        {"created", K::day},
        {"closed", K::day},
        {"version", K::integer},
        {"ref", K::text},
        {"owners", K::text},
        {"tags", K::text},
        {"agenda_item_id", K::integer}},
       true,
       &CopyCounts::items},
      {"item_owners",
       {{"item_id", K::integer}, {"position", K::integer}, {"owner_id", K::integer}},
       false,
       nullptr},
      {"item_tags", {{"item_id", K::integer}, {"tag", K::text}}, false, nullptr},
      {"notes",
       {{"id", K::integer},
        {"item_id", K::integer},
        {"at", K::instant},
        {"author", K::text},
        {"text", K::text}},
       true,
       &CopyCounts::notes},
      {"events",
       {{"id", K::integer},
        {"item_id", K::integer},
        {"at", K::instant},
        {"actor", K::text},
        {"kind", K::integer},
        {"field", K::text},
        {"old_value", K::text},
        {"new_value", K::text},
        {"version", K::integer}},
       true,
       &CopyCounts::events},
      {"reminders",
       {{"id", K::integer},
        {"day", K::day},
        {"sent_at", K::instant},
        {"actor", K::text},
        {"recipient", K::text},
        {"address", K::text},
        {"message_id", K::text},
        {"items", K::text}},
       true,
       &CopyCounts::reminders},
      {"settings", {{"key", K::text}, {"value", K::text}}, false, &CopyCounts::settings},
  };
  return all;
}

/// The place of the table @p name in tables().
std::size_t table_index(const std::string& name) {
  const auto& all = tables();
  const auto found =
      std::find_if(all.begin(), all.end(), [&](const Table& t) { return t.name == name; });
  return static_cast<std::size_t>(found - all.begin());
}

/// One stored value: NULL, an integer (days and instants too) or a text.
using Value = std::variant<std::monostate, std::int64_t, std::string>;

/// A table's rows, one value per column, row after row.
struct Rows {
  std::vector<Value> values;
  std::int64_t count = 0;
};

std::string column_list(const Table& table) {
  std::string list;
  for (const Column& c : table.columns) {
    if (!list.empty()) list += ", ";
    list += c.name;
  }
  return list;
}

Rows read_table(detail::StoreImpl& impl, const Table& table) {
  // In key order: the copy's rows go in as the source's went in.
  std::string order = table.has_id ? "id" : "";
  if (order.empty())
    for (std::size_t k = 1; k <= table.columns.size(); ++k)
      order += (k > 1 ? ", " : "") + std::to_string(k);
  auto& select =
      impl.stmt("SELECT " + column_list(table) + " FROM " + table.name + " ORDER BY " + order);
  Rows rows;
  while (select.step()) {
    for (int c = 0; c < static_cast<int>(table.columns.size()); ++c) {
      if (select.is_null(c)) {
        rows.values.emplace_back();
        continue;
      }
      switch (table.columns[static_cast<std::size_t>(c)].kind) {
        case Kind::integer:
          rows.values.emplace_back(select.integer(c));
          break;
        case Kind::text:
          rows.values.emplace_back(select.text(c));
          break;
        case Kind::day:
          rows.values.emplace_back(select.day(c));
          break;
        case Kind::instant:
          rows.values.emplace_back(select.instant(c));
          break;
      }
    }
    ++rows.count;
  }
  return rows;
}

/// The largest integer in column @p column of @p rows of @p table; 0 when there are none.
std::int64_t largest(const Table& table, const Rows& rows, std::size_t column) {
  std::int64_t most = 0;
  const std::size_t width = table.columns.size();
  for (std::size_t row = 0; row < static_cast<std::size_t>(rows.count); ++row)
    if (const auto* n = std::get_if<std::int64_t>(&rows.values[row * width + column]))
      most = std::max(most, *n);
  return most;
}

/// @p used: an id given before to a row since removed (a deleted item's, whose events remain),
/// that the destination must not give again.
void write_table(detail::StoreImpl& impl, const Table& table, const Rows& rows, std::int64_t used) {
  std::string parameters;
  for (std::size_t k = 1; k <= table.columns.size(); ++k)
    parameters += (k > 1 ? ", ?" : "?") + std::to_string(k);
  const std::string sql = std::string("INSERT INTO ") + table.name + "(" + column_list(table) +
                          ") VALUES (" + parameters + ")";
  const std::size_t width = table.columns.size();
  for (std::size_t row = 0; row < static_cast<std::size_t>(rows.count); ++row) {
    auto& insert = impl.stmt(sql);
    for (std::size_t c = 0; c < width; ++c) {
      const Value& v = rows.values[row * width + c];
      const int p = static_cast<int>(c) + 1;
      if (std::holds_alternative<std::monostate>(v)) {
        insert.bind_null(p);
      } else if (const auto* text = std::get_if<std::string>(&v)) {
        insert.bind(p, *text);
      } else {
        const std::int64_t n = std::get<std::int64_t>(v);
        switch (table.columns[c].kind) {
          case Kind::day:
            insert.bind_day(p, n);
            break;
          case Kind::instant:
            insert.bind_instant(p, n);
            break;
          default:
            insert.bind(p, n);
            break;
        }
      }
    }
    insert.exec();
  }
  if (table.has_id) impl.engine->ids_written(table.name, used);
}

std::int64_t row_count(detail::StoreImpl& impl, const Table& table) {
  auto& count = impl.stmt(std::string("SELECT count(*) FROM ") + table.name);
  count.step();
  return count.integer(0);
}

/// What a tracker holds, as "3 rows in items, 1 row in settings" (the tables that are not
/// empty); empty for an empty tracker.
std::string contents(detail::StoreImpl& impl) {
  std::string said;
  for (const Table& table : tables()) {
    if (const std::int64_t n = row_count(impl, table); n > 0)
      said += (said.empty() ? "" : ", ") + std::to_string(n) + (n == 1 ? " row in " : " rows in ") +
              table.name;
  }
  return said;
}

/// Removes every row of the destination, in the transaction of the copy.
void empty_tracker(detail::StoreImpl& impl, const std::string& where) {
  const auto& all = tables();
  if (impl.engine->on_server() && row_count(impl, all[table_index("events")]) > 0)
    throw NotEmptyError(where +
                            " already has a history, which a server keeps append-only: a copy "
                            "cannot replace it (copy into a new schema instead)",
                        where);
  for (auto table = all.rbegin(); table != all.rend(); ++table)
    impl.stmt(std::string("DELETE FROM ") + table->name).exec();
}

/// The source, read-only when it can be: a read-only connection cannot always open a WAL file
/// (its shared-memory index may need creating), and a normal one only reads here.
Store open_source(const std::string& source) {
  StoreOptions reading;
  reading.read_only = true;
  try {
    return Store(source, reading);
  } catch (const StorageError&) {
    if (is_server_address(source)) throw;
    return Store(source);
  }
}

}  // namespace

CopyCounts copy_tracker(const std::string& source, const std::string& destination,
                        const CopyOptions& options) {
  // A missing file would be opened as a new, empty tracker and "copied".
  if (const auto file = database_file(source); file && !std::filesystem::exists(*file))
    throw NotFoundError("there is no tracker at " + *file);

  // The source is read whole in one transaction (one consistent state of it), before the
  // destination is opened for writing: the two transactions never wait for each other.
  Store from = open_source(source);
  detail::StoreImpl& in = detail::StoreAccess::impl(from);
  std::vector<Rows> rows;
  in.write([&] {
    rows.clear();
    for (const Table& table : tables()) rows.push_back(read_table(in, table));
  });

  // The largest item id the history names: a deleted item's too, whose events remain.
  const std::size_t events = table_index("events");
  const std::int64_t largest_item = largest(tables()[events], rows[events], 1);

  Store to(destination);
  detail::StoreImpl& out = detail::StoreAccess::impl(to);
  CopyCounts counts;
  out.write([&] {
    if (const std::string held = contents(out); !held.empty()) {
      if (!options.replace)
        throw NotEmptyError(to.path() + " is not empty (" + held +
                                "): a copy goes into an empty tracker, or empties it first when "
                                "told to replace what it holds",
                            to.path());
      empty_tracker(out, to.path());
    }
    counts = CopyCounts{};
    for (std::size_t k = 0; k < tables().size(); ++k) {
      const Table& table = tables()[k];
      const std::int64_t used = table.name == std::string("items") ? largest_item : 0;
      write_table(out, table, rows[k], used);
      if (table.count != nullptr) counts.*table.count = rows[k].count;
    }
    // SQLite's full-text index is a table of its own, rebuilt from the items as copied.
    if (out.engine->dialect().separate_text_index)
      out.stmt("INSERT INTO items_fts(items_fts) VALUES ('rebuild')").exec();
  });
  return counts;
}

}  // namespace libtracker
