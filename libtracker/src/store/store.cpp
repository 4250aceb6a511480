// The store's lifecycle, clock and actor, items and notes, and transactions. Owners are in
// owners.cpp, meetings in store_meetings.cpp, history in history.cpp; every write goes through
// the Writer (writer.hpp).

#include "libtracker/store.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <random>
#include <thread>

#include "postgres/pg_address.hpp"
#include "postgres/pg_engine.hpp"
#include "store/item_codec.hpp"
#include "store/sqlite_engine.hpp"
#include "store/store_impl.hpp"
#include "store/writer.hpp"
#include "text/text_util.hpp"

namespace libtracker {

namespace {

std::string default_actor() {
  if (const char* user = std::getenv("USER"); user != nullptr && *user != '\0') return user;
  return "libtracker";
}

}  // namespace

// -- lifecycle ---------------------------------------------------------------------------

Store::Store(const std::string& path, const StoreOptions& options)
    : impl_(std::make_unique<Impl>()) {
  impl_->clock = system_clock();
  impl_->actor = default_actor();
  if (detail::pg::is_server_address(path)) {
    impl_->engine = detail::pg::open_postgres(path, options);
    impl_->path = impl_->engine->describe();
  } else {
    impl_->path = detail::sqlite_path(path);
    impl_->engine = detail::open_sqlite(impl_->path, options);
  }
  // A server records the role it authenticated, whatever name the client gives.
  if (std::string role = impl_->engine->authenticated_actor(); !role.empty())
    impl_->actor = std::move(role);
}

Store::~Store() = default;
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;

const std::string& Store::path() const noexcept { return impl_->path; }
bool Store::on_server() const { return impl_->engine->on_server(); }

void Store::grant_roles(const std::string& reader, const std::string& writer) {
  if (detail::trim(reader).empty() || detail::trim(writer).empty())
    throw InvalidArgumentError("a reader and a writer role need names");
  impl_->guarded([&] { impl_->engine->grant_roles(reader, writer); });
}

bool is_server_address(std::string_view address) { return detail::pg::is_server_address(address); }

std::optional<std::string> database_file(const std::string& address) {
  if (is_server_address(address)) return std::nullopt;
  std::string path = detail::sqlite_path(address);
  if (path == ":memory:") return std::nullopt;
  return path;
}

std::string describe_address(const std::string& address) {
  if (is_server_address(address))
    return detail::pg::parse_server_address(address).describe_tracker();
  return detail::sqlite_path(address);
}

int Store::user_version() const {
  return impl_->guarded([&] { return impl_->engine->schema_version(); });
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
void Store::set_actor(std::string actor) {
  if (impl_->engine->authenticated_actor().empty()) impl_->actor = std::move(actor);
}
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
  return impl_->write([&] {
    const auto now = impl_->clock();
    detail::Writer w{*impl_, detail::to_micros(now)};
    return w.insert(item, now.date());
  });
}

std::vector<ItemId> Store::add_all(const std::vector<ActionItem>& items) {
  return impl_->write([&] {
    const auto now = impl_->clock();
    detail::Writer w{*impl_, detail::to_micros(now)};
    std::vector<ItemId> ids;
    ids.reserve(items.size());
    for (const ActionItem& item : w.insert_all(items, now.date())) ids.push_back(item.id);
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
    if (!s.step()) return std::nullopt;
    return detail::read_item(s);
  });
}

ActionItem Store::update(ItemId id, const ItemChanges& changes,
                         std::optional<std::int64_t> expected_version) {
  return impl_->write([&] {
    const auto now = impl_->clock();
    detail::Writer w{*impl_, detail::to_micros(now)};
    const ActionItem current = w.load(id);
    detail::Writer::check_version(current, expected_version);
    return w.rewrite(current, apply(current, changes), now.date());
  });
}

ActionItem Store::set_state(ItemId id, State state, const std::string& note,
                            std::optional<std::int64_t> expected_version) {
  return impl_->write([&] {
    const auto now = impl_->clock();
    detail::Writer w{*impl_, detail::to_micros(now)};
    const ActionItem current = w.load(id);
    detail::Writer::check_version(current, expected_version);
    ActionItem next = current;
    next.state = state;
    ActionItem stored = w.rewrite(current, next, now.date());
    if (!detail::trim(note).empty()) w.note(id, note, stored.version);
    return stored;
  });
}

void Store::remove(ItemId id) {
  impl_->write([&] {
    detail::Writer w{*impl_, detail::to_micros(impl_->clock())};
    const ActionItem current = w.load(id);
    auto& s = impl_->stmt("DELETE FROM items WHERE id = ?");
    s.bind(1, id);
    s.exec();
    impl_->text_index_touch(id, std::make_pair(current.text, current.details));
    nlohmann::json last = detail::item_to_json(current);
    last["ref"] = current.ref;
    w.event(id, EventKind::deleted, {}, last.dump(), {}, current.version);
  });
}

// -- notes -------------------------------------------------------------------------------

Note Store::add_note(ItemId id, const std::string& text) {
  return impl_->write([&] {
    detail::Writer w{*impl_, detail::to_micros(impl_->clock())};
    const ActionItem current = w.load(id);  // NotFoundError for an unknown item
    return w.note(id, text, current.version);
  });
}

std::vector<Note> Store::notes(ItemId id) const {
  return impl_->guarded([&] {
    auto& s = impl_->stmt(
        "SELECT id, item_id, at, author, text FROM notes WHERE item_id = ? ORDER BY id");
    s.bind(1, id);
    std::vector<Note> out;
    while (s.step()) {
      Note n;
      n.id = s.integer(0);
      n.item = s.integer(1);
      n.at = detail::from_micros(s.instant(2));
      n.author = s.text(3);
      n.text = s.text(4);
      out.push_back(std::move(n));
    }
    return out;
  });
}

namespace detail {

void retry_pause(int attempt) {
  thread_local std::minstd_rand random(std::random_device{}());
  const int span_us = 200 << std::min(attempt, 6);
  std::this_thread::sleep_for(
      std::chrono::microseconds(std::uniform_int_distribution<int>(span_us / 4, span_us)(random)));
}

}  // namespace detail

// -- transactions ------------------------------------------------------------------------

void Store::atomically(const std::function<void()>& work) {
  impl_->write([&] { work(); });
}

}  // namespace libtracker
