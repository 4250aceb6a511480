// The store's lifecycle, clock and actor, items and notes, and transactions. Owners are in
// owners.cpp, meetings in store_meetings.cpp, history in history.cpp; every write goes through
// the Writer (writer.hpp).

#include "libtracker/store.hpp"

#include <cstdlib>

#include "store/item_codec.hpp"
#include "store/schema.hpp"
#include "store/store_impl.hpp"
#include "store/writer.hpp"
#include "text/text_util.hpp"

namespace libtracker {

namespace {

const char* sqlite_path(const std::string& path) {
  return path.empty() ? ":memory:" : path.c_str();
}

const char* pragma_value(Synchronous synchronous) {
  switch (synchronous) {
    case Synchronous::off:
      return "OFF";
    case Synchronous::full:
      return "FULL";
    case Synchronous::extra:
      return "EXTRA";
    case Synchronous::normal:
      break;
  }
  return "NORMAL";
}

std::string default_actor() {
  if (const char* user = std::getenv("USER"); user != nullptr && *user != '\0') return user;
  return "libtracker";
}

}  // namespace

// -- lifecycle ---------------------------------------------------------------------------

Store::Store(const std::string& path, const StoreOptions& options)
    : impl_(std::make_unique<Impl>()) {
  impl_->path = path.empty() ? ":memory:" : path;
  impl_->clock = system_clock();
  impl_->actor = default_actor();
  impl_->guarded([&] {
    // A Store is used by one thread at a time, so SQLite's own locking is not needed.
    const int flags =
        SQLite::OPEN_NOMUTEX | (options.read_only ? SQLite::OPEN_READONLY
                                                  : (SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE));
    impl_->db = std::make_unique<SQLite::Database>(sqlite_path(impl_->path), flags,
                                                   options.busy_timeout_ms);
    detail::prepare_schema(*impl_->db, impl_->path, options.read_only);
    if (!options.read_only && impl_->path != ":memory:")
      impl_->db->exec("PRAGMA journal_mode = WAL");
    impl_->db->exec(std::string("PRAGMA synchronous = ") + pragma_value(options.synchronous));
    impl_->db->exec("PRAGMA foreign_keys = ON");
    // Reports and data frames read many rows: mapping the file (up to SQLite's limit of
    // 2 GiB) spares a copy of every page through read(). The page cache holds the indexes a
    // large write updates (SQLite's default of 2 MiB makes a bulk write spill and re-read them).
    impl_->db->exec("PRAGMA mmap_size = 2147418112");
    impl_->db->exec("PRAGMA cache_size = -32768");
  });
}

Store::~Store() = default;
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;

const std::string& Store::path() const noexcept { return impl_->path; }

int Store::user_version() const {
  return impl_->guarded([&] { return impl_->db->execAndGet("PRAGMA user_version").getInt(); });
}

// -- clock and actor ---------------------------------------------------------------------

void Store::set_clock(Clock clock) {
  impl_->clock = clock ? std::move(clock) : system_clock();
  impl_->fixed_today.reset();
}

void Store::set_today(std::optional<boost::gregorian::date> day) {
  if (day && day->is_special()) throw InvalidArgumentError("today must be a calendar date");
  impl_->fixed_today = day;
  impl_->clock = day ? fixed_clock(*day) : system_clock();
}

std::optional<boost::gregorian::date> Store::fixed_today() const { return impl_->fixed_today; }
boost::posix_time::ptime Store::now() const { return impl_->clock(); }
boost::gregorian::date Store::today() const { return now().date(); }
void Store::set_actor(std::string actor) { impl_->actor = std::move(actor); }
const std::string& Store::actor() const noexcept { return impl_->actor; }

// -- private write helpers ---------------------------------------------------------------

namespace {

ActionItem apply(ActionItem item, const ItemChanges& c) {
  if (c.text) item.text = *c.text;
  if (c.details) item.details = *c.details;
  if (c.owners) item.owners = *c.owners;
  if (c.due) item.due = *c.due;
  if (c.state) item.state = *c.state;
  if (c.status_note) item.status_note = *c.status_note;
  if (c.tags) item.tags = *c.tags;
  if (c.meeting) item.meeting = *c.meeting;
  if (c.agenda_item) item.agenda_item = *c.agenda_item;
  if (c.impact) item.impact = *c.impact;
  if (c.effort) item.effort = *c.effort;
  if (c.ref) item.ref = *c.ref;
  return item;
}

}  // namespace

// -- items -------------------------------------------------------------------------------

ActionItem Store::add(const ActionItem& item) {
  return impl_->guarded([&] {
    const auto now = impl_->clock();
    detail::WriteTransaction txn(*impl_);
    detail::Writer w{*impl_, detail::to_micros(now)};
    ActionItem stored = w.insert(item, now.date());
    txn.commit();
    return stored;
  });
}

std::vector<ItemId> Store::add_all(const std::vector<ActionItem>& items) {
  return impl_->guarded([&] {
    const auto now = impl_->clock();
    detail::WriteTransaction txn(*impl_);
    detail::Writer w{*impl_, detail::to_micros(now)};
    std::vector<ItemId> ids;
    ids.reserve(items.size());
    for (const auto& item : items) ids.push_back(w.insert(item, now.date()).id);
    txn.commit();
    return ids;
  });
}

ActionItem Store::get(ItemId id) const {
  return impl_->guarded([&] { return detail::Writer{*impl_, 0}.load(id); });
}

std::optional<ActionItem> Store::find_ref(const std::string& ref) const {
  return impl_->guarded([&]() -> std::optional<ActionItem> {
    if (ref.empty()) return std::nullopt;
    auto& s = impl_->stmt(std::string("SELECT ") + detail::item_columns() +
                          " FROM items WHERE ref = ? ORDER BY id LIMIT 1");
    s.bind(1, ref);
    if (!s.executeStep()) return std::nullopt;
    return detail::read_item(impl_->handle(s));
  });
}

ActionItem Store::update(ItemId id, const ItemChanges& changes,
                         std::optional<std::int64_t> expected_version) {
  return impl_->guarded([&] {
    const auto now = impl_->clock();
    detail::WriteTransaction txn(*impl_);
    detail::Writer w{*impl_, detail::to_micros(now)};
    const ActionItem current = w.load(id);
    detail::Writer::check_version(current, expected_version);
    ActionItem stored = w.rewrite(current, apply(current, changes), now.date());
    txn.commit();
    return stored;
  });
}

ActionItem Store::set_state(ItemId id, State state, const std::string& note,
                            std::optional<std::int64_t> expected_version) {
  return impl_->guarded([&] {
    const auto now = impl_->clock();
    detail::WriteTransaction txn(*impl_);
    detail::Writer w{*impl_, detail::to_micros(now)};
    const ActionItem current = w.load(id);
    detail::Writer::check_version(current, expected_version);
    ActionItem next = current;
    next.state = state;
    ActionItem stored = w.rewrite(current, next, now.date());
    if (!detail::trim(note).empty()) w.note(id, note, stored.version);
    txn.commit();
    return stored;
  });
}

void Store::remove(ItemId id) {
  impl_->guarded([&] {
    detail::WriteTransaction txn(*impl_);
    detail::Writer w{*impl_, detail::to_micros(impl_->clock())};
    const ActionItem current = w.load(id);
    auto& s = impl_->stmt("DELETE FROM items WHERE id = ?");
    s.bind(1, id);
    s.exec();
    impl_->text_index_touch(id, std::make_pair(current.text, current.details));
    nlohmann::json last = detail::item_to_json(current);
    last["ref"] = current.ref;
    w.event(id, EventKind::deleted, {}, last.dump(), {}, current.version);
    txn.commit();
  });
}

// -- notes -------------------------------------------------------------------------------

Note Store::add_note(ItemId id, const std::string& text) {
  return impl_->guarded([&] {
    detail::WriteTransaction txn(*impl_);
    detail::Writer w{*impl_, detail::to_micros(impl_->clock())};
    const ActionItem current = w.load(id);  // NotFoundError for an unknown item
    Note n = w.note(id, text, current.version);
    txn.commit();
    return n;
  });
}

std::vector<Note> Store::notes(ItemId id) const {
  return impl_->guarded([&] {
    auto& s = impl_->stmt(
        "SELECT id, item_id, at, author, text FROM notes WHERE item_id = ? ORDER BY id");
    s.bind(1, id);
    std::vector<Note> out;
    while (s.executeStep()) {
      Note n;
      n.id = s.getColumn(0).getInt64();
      n.item = s.getColumn(1).getInt64();
      n.at = detail::from_micros(s.getColumn(2).getInt64());
      n.author = s.getColumn(3).getString();
      n.text = s.getColumn(4).getString();
      out.push_back(std::move(n));
    }
    return out;
  });
}

// -- transactions ------------------------------------------------------------------------

void Store::atomically(const std::function<void()>& work) {
  impl_->guarded([&] {
    detail::WriteTransaction txn(*impl_);
    work();
    txn.commit();
  });
}

}  // namespace libtracker
