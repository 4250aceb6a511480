#pragma once
/// @file store.hpp
/// The tracker database: action items, owners, meetings, notes and history in SQLite.

#include <array>
#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "libtracker/action_item.hpp"
#include "libtracker/clock.hpp"
#include "libtracker/event.hpp"
#include "libtracker/item_table.hpp"
#include "libtracker/meeting.hpp"
#include "libtracker/note.hpp"
#include "libtracker/owner.hpp"
#include "libtracker/query.hpp"
#include "libtracker/reminder_log.hpp"

namespace libtracker {

namespace detail {
struct StoreAccess;
}

/// A number of items per State (indexed by the State's value).
using StateCounts = std::array<std::int64_t, all_states.size()>;

/// When SQLite waits for the disk (its synchronous setting, in WAL mode).
enum class Synchronous {
  /// Never: fastest; a crash of the operating system or the power may corrupt the file.
  off,
  /// At checkpoints: survives process crashes, may lose the last commits on power loss.
  normal,
  /// At every commit: survives power loss.
  full,
  /// As full, and also syncs the directory when the log is removed.
  extra
};

/// True when @p address names a PostgreSQL server: "postgresql://...", "postgres://..." or
/// libpq's "host=... dbname=..." form (with an optional "schema=NAME": one tracker per schema).
/// Anything else (a path, ":memory:", "sqlite:///path") is an SQLite database.
bool is_server_address(std::string_view address);

/// The SQLite file @p address names: the path itself, or PATH of "sqlite://PATH" and
/// "sqlite:PATH"; std::nullopt for a server or ":memory:".
std::optional<std::string> database_file(const std::string& address);

/// How messages name the tracker at @p address (as Store::path() does once it is open): a
/// server's host, database and schema, never the password the address may hold; a file's path.
/// @throw InvalidArgumentError for a server address libpq cannot read.
std::string describe_address(const std::string& address);

/// How a store opens its database.
struct StoreOptions {
  /// How long a writer waits for another connection's write to finish.
  int busy_timeout_ms = 10000;
  /// When commits reach the disk.
  Synchronous synchronous = Synchronous::normal;
  /// Open without creating or migrating; every write then fails (on a server, as a
  /// StorageError: the session is read-only).
  bool read_only = false;
};

/// A tracker database: an SQLite file (the embedded default) or a tracker on a PostgreSQL
/// server (a team's shared list). Move-only; one Store must not be used by two threads at once.
///
/// Every write runs in one transaction (SQLite's `BEGIN IMMEDIATE`; SERIALIZABLE on a server)
/// and appends its history events in it, so a change and its history are never seen apart. On a
/// server, a write that loses a race with another client runs again inside the library (a
/// bounded number of times, then ConflictError), and the history's actor is the role the
/// server authenticated.
class Store {
 public:
  /// The schema version this build writes (PRAGMA user_version).
  static constexpr int schema_version = 4;

  /// Opens (creating when missing) the database at @p path; ":memory:" for a private one; a
  /// server address (see is_server_address) for a tracker on PostgreSQL.
  /// An older schema is migrated in one transaction (on SQLite after a backup copy
  /// "<path>.bak-v<N>").
  /// @throw SchemaError for a newer schema or a file that is not a tracker database.
  /// @throw StorageError when the file cannot be opened, or the server refuses the connection
  ///        (naming host and database, never the password).
  explicit Store(const std::string& path = ":memory:", const StoreOptions& options = {});
  ~Store();
  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  /// The path the store was opened with; for a server "host H, database D[, schema S]".
  const std::string& path() const noexcept;
  /// True for a tracker on a PostgreSQL server.
  bool on_server() const;

  // -- clock and actor ---------------------------------------------------------------
  /// Replaces the clock used for every timestamp and for "today".
  void set_clock(Clock clock);
  /// Fixes "today" (timestamps at its start); std::nullopt returns to the real clock.
  /// @throw InvalidArgumentError when @p day is not a calendar date.
  void set_today(std::optional<boost::gregorian::date> day);
  /// The fixed day, if any.
  std::optional<boost::gregorian::date> fixed_today() const;
  boost::gregorian::date today() const;
  boost::posix_time::ptime now() const;
  /// Who is recorded as making changes (default: $USER, else "libtracker"). On a server it is
  /// the role the server authenticated, and set_actor() changes nothing.
  void set_actor(std::string actor);
  const std::string& actor() const noexcept;

  // -- items ------------------------------------------------------------------------
  /// Adds an item; its owners are created when new. Returns it with id, created, version.
  /// @throw InvalidArgumentError for empty text; StorageError on write failure.
  ActionItem add(const ActionItem& item);
  /// Adds many items in one transaction. All or nothing.
  /// @throw InvalidArgumentError for an item with empty text; StorageError on write failure.
  std::vector<ItemId> add_all(const std::vector<ActionItem>& items);
  /// @throw NotFoundError when there is no such item.
  ActionItem get(ItemId id) const;
  /// The item whose ref (import key) is @p ref, if any.
  std::optional<ActionItem> find_ref(const std::string& ref) const;
  /// Changes the fields set in @p changes. With @p expected_version, a stale write
  /// changes nothing. Returns the item as stored.
  /// @throw NotFoundError, ConflictError, StorageError; InvalidArgumentError for empty text.
  ActionItem update(ItemId id, const ItemChanges& changes,
                    std::optional<std::int64_t> expected_version = std::nullopt);
  /// Moves an item to @p state, with an optional note, in one transaction.
  /// @throw NotFoundError, ConflictError, StorageError.
  ActionItem set_state(ItemId id, State state, const std::string& note = {},
                       std::optional<std::int64_t> expected_version = std::nullopt);
  /// Removes an item, its notes and links; a "deleted" event with its last values remains.
  /// @throw NotFoundError.
  void remove(ItemId id);

  // -- notes and history --------------------------------------------------------------
  /// @throw NotFoundError when there is no such item; InvalidArgumentError for empty text.
  Note add_note(ItemId id, const std::string& text);
  std::vector<Note> notes(ItemId id) const;
  /// Gives an imported item its history from elsewhere (a JSON export): non-empty @p events
  /// replace the item's events, with their own times, actors and versions (the item's version
  /// becomes the last one's); @p notes are added with their own times and authors (an empty
  /// author is the store's actor), each with a "note" event unless @p events were given.
  /// @throw NotFoundError for an unknown item; InvalidArgumentError for an empty note or a history
  /// that does not start with a "created" event.
  void import_history(ItemId id, const std::vector<Event>& events, const std::vector<Note>& notes);
  /// Every event of an item, oldest first. @throw NotFoundError for an unknown id.
  std::vector<Event> history(ItemId id) const;
  /// Every event (of any item) with @p from <= day <= @p to, oldest first; only the changes
  /// of @p field ("due", "state", ...) when it is given.
  std::vector<Event> events(boost::gregorian::date from, boost::gregorian::date to,
                            const std::string& field = {}) const;
  /// True when any event was recorded after the end of @p day.
  bool changed_after(boost::gregorian::date day) const;
  /// The item as it was at the end of @p day, rebuilt from its history;
  /// std::nullopt when it did not exist then. @throw NotFoundError for an unknown id.
  std::optional<ActionItem> get_as_of(ItemId id, boost::gregorian::date day) const;
  /// Every item that existed at the end of @p day, as it was then, by id.
  std::vector<ActionItem> items_as_of(boost::gregorian::date day) const;
  /// How many items were in each state at the end of each of @p days, rebuilt from history
  /// as items_as_of() would count them, in one pass over the events (a chart of a year of
  /// weeks does not rebuild every item 52 times). Indexed by State; in the order of @p days.
  std::vector<StateCounts> state_counts(const std::vector<boost::gregorian::date>& days) const;

  // -- queries ------------------------------------------------------------------------
  std::vector<ActionItem> find(const Query& query = {}) const;
  std::int64_t count(const Query& query = {}) const;
  /// The query result as columns (see ItemTable).
  ItemTable table(const Query& query = {}) const;

  // -- owners and groups -------------------------------------------------------
  /// Creates the owner or returns the existing one (case-insensitive); sets initials if given.
  /// @throw InvalidArgumentError for an empty name.
  Owner add_owner(const std::string& name, const std::string& initials = {});
  /// Sets the e-mail address of an existing owner; an empty @p email removes it.
  /// Returns the owner as stored.
  /// @throw NotFoundError for an unknown owner; ParseError for an invalid address
  /// (see parse_email_address).
  Owner set_owner_email(const std::string& name, const std::string& email);
  /// @throw NotFoundError.
  Owner owner(const std::string& name) const;
  std::vector<Owner> owners() const;
  /// Makes @p member part of @p group (both created when new).
  /// @throw InvalidArgumentError for an empty name or a group made its own member.
  void add_member(const std::string& group, const std::string& member);
  // -- meetings and agendas ------------------------------------------------------------
  /// Adds a meeting with its agenda; chairs and presenters become owners when new. Returns it
  /// with its id and its agenda items' ids and positions (1, 2, ... in the order given).
  /// @throw ParseError when validate() refuses it (nothing is written); StorageError.
  Meeting add_meeting(const Meeting& meeting);
  /// Replaces meeting.id's fields and agenda with @p meeting's. An agenda item keeps its id
  /// (and the action items linked to it) when one of the same title, else of the same
  /// position, was there; the others are removed, their action items keep the meeting.
  /// @throw NotFoundError; ParseError as add_meeting.
  Meeting update_meeting(const Meeting& meeting);
  /// The meeting with its agenda. @throw NotFoundError.
  Meeting meeting(MeetingId id) const;
  /// Every meeting with its agenda, by date (undated last), then id.
  std::vector<Meeting> meetings() const;
  /// The meeting on @p date whose series or title is @p name (case-insensitive), if any.
  std::optional<Meeting> find_meeting(const std::string& name, boost::gregorian::date date) const;
  /// The earliest meeting on or after @p day, of @p series (matched against the series, else
  /// the title, case-insensitively) when it is given; ties by start time, then id.
  std::optional<Meeting> next_meeting(boost::gregorian::date day,
                                      const std::string& series = {}) const;
  /// The latest meeting of the same series (series, else title) before @p meeting's date.
  std::optional<Meeting> previous_meeting(const Meeting& meeting) const;
  /// @throw NotFoundError.
  AgendaItem agenda_item(AgendaItemId id) const;
  /// The date of the earliest meeting whose title or place starts with, or contains as a
  /// word, @p event_name ("ICANN59"); std::nullopt when none is known.
  std::optional<boost::gregorian::date> event_date(const std::string& event_name) const;

  // -- reminders and settings ---------------------------------------------------------
  /// Records that a reminder was sent (at now(), by actor()); returns it with its id.
  /// @throw InvalidArgumentError for an empty recipient or a special day; StorageError.
  SentReminder record_reminder(const SentReminder& reminder);
  /// The reminders recorded for @p recipient (case-insensitive; every one when empty), oldest
  /// first.
  std::vector<SentReminder> reminders_sent(const std::string& recipient = {}) const;
  /// The value of a setting ("mail.from"), if set.
  std::optional<std::string> setting(const std::string& key) const;
  /// Sets a setting; an empty @p value removes it. @throw InvalidArgumentError for an empty key.
  void set_setting(const std::string& key, const std::string& value);

  // -- transactions -------------------------------------------------------------------
  /// Runs @p work in one write transaction: every change inside commits together or, if
  /// @p work throws, none does (the exception is rethrown).
  void atomically(const std::function<void()>& work);

  /// Schema version of the open database.
  int user_version() const;

  /// On a server: creates the roles @p reader (may read everything) and @p writer (may also
  /// add and change items, owners, meetings and notes, and add history, never change it) when
  /// they are missing, and grants them their rights on this tracker. Run by the tracker's
  /// owner; giving the roles to login users is the server administrator's (docs/team-server.md).
  /// @throw InvalidArgumentError on SQLite (a file has no roles); StorageError.
  void grant_roles(const std::string& reader, const std::string& writer);

 private:
  /// The implementation; its definition is private to the library, whose sources name it
  /// through detail::StoreAccess.
  struct Impl;
  friend struct detail::StoreAccess;
  std::unique_ptr<Impl> impl_;
};

}  // namespace libtracker
