#pragma once
// The PostgreSQL baselines: what a careful programmer writes against libpq alone, with no
// library in between, on a tracker schema made by libtracker (the same tables, indexes,
// constraints and triggers; making it is not timed):
//
//   - copy_items: the same rows as Store::add_all (the item, its owner links with owners
//     created on first use, its tags and its "created" history event; the full-text vector is
//     the table's generated column, computed by the server on both sides), written with one
//     COPY per table in one transaction. Ids are given by the program (owners in order of
//     first use, items from 1), and the identity sequences are moved past them at the end;
//   - count_overdue: the same SELECT count(*) the store runs, prepared once;
//   - copy_sqlite_tables: a tracker file's rows copied into a server's tracker schema, COPY per
//     table, days and instants turned into the server's date and timestamptz (how the weekly
//     report's store gets onto the server: the same rows as the file, written in seconds).
//
// Server addresses are libpq's "key=value" form; schema= (the tracker's parameter) is taken off
// and becomes the search path.

#include <libpq-fe.h>
#include <sqlite3.h>

#include <boost/date_time/gregorian/gregorian.hpp>
#include <cstdint>
#include <cstdio>
#include <libtracker/action_item.hpp>
#include <memory>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include "bench_data.hpp"

namespace bench::pg {

/// One connection; closed by the destructor. @throw std::runtime_error on any failure.
class Connection {
 public:
  /// Connects with @p conninfo (libpq's key=value form) and works in @p schema (with public
  /// after it, where the extensions live) when one is given.
  explicit Connection(const std::string& conninfo, const std::string& schema = {})
      : conn_(PQconnectdb(conninfo.c_str()), &PQfinish) {
    if (PQstatus(conn_.get()) != CONNECTION_OK)
      throw std::runtime_error("connect: " + std::string(PQerrorMessage(conn_.get())));
    exec("SET datestyle TO 'ISO, YMD'; SET TIME ZONE 'UTC'");
    if (!schema.empty()) exec("SET search_path TO \"" + schema + "\", public");
  }
  PGconn* get() const { return conn_.get(); }

  /// Runs @p sql (no parameters); returns the first value of the first row, if any.
  std::string exec(const std::string& sql) { return value(PQexec(get(), sql.c_str()), sql); }

  /// Runs a statement prepared under @p name (prepare() first) with text parameters.
  std::string run(const std::string& name, const std::vector<std::string>& params) {
    std::vector<const char*> values;
    for (const auto& p : params) values.push_back(p.c_str());
    return value(PQexecPrepared(get(), name.c_str(), static_cast<int>(values.size()), values.data(),
                                nullptr, nullptr, 0),
                 name);
  }
  void prepare(const std::string& name, const std::string& sql) {
    value(PQprepare(get(), name.c_str(), sql.c_str(), 0, nullptr), sql);
  }

  /// COPY @p table (@p columns) FROM STDIN; rows are added with Copy::row.
  class Copy;

 private:
  std::string value(PGresult* r, const std::string& what) {
    std::unique_ptr<PGresult, decltype(&PQclear)> result(r, &PQclear);
    const ExecStatusType status = PQresultStatus(r);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_COPY_IN)
      throw std::runtime_error(what.substr(0, 80) + ": " + PQerrorMessage(get()));
    return status == PGRES_TUPLES_OK && PQntuples(r) > 0 && PQnfields(r) > 0 ? PQgetvalue(r, 0, 0)
                                                                             : std::string();
  }

  std::unique_ptr<PGconn, decltype(&PQfinish)> conn_;
};

/// One COPY ... FROM STDIN in text format, sent in pieces of about 1 MiB.
class Connection::Copy {
 public:
  Copy(Connection& c, const std::string& table, const std::string& columns) : c_(c) {
    c_.exec("COPY " + table + "(" + columns + ") FROM STDIN");
  }
  Copy(const Copy&) = delete;
  Copy& operator=(const Copy&) = delete;

  /// A text value (escaped as COPY's text format wants it).
  Copy& text(const std::string& v) {
    separate();
    for (char ch : v) {
      switch (ch) {
        case '\\':
          buffer_ += "\\\\";
          break;
        case '\t':
          buffer_ += "\\t";
          break;
        case '\n':
          buffer_ += "\\n";
          break;
        case '\r':
          buffer_ += "\\r";
          break;
        default:
          buffer_ += ch;
      }
    }
    return *this;
  }
  Copy& integer(std::int64_t v) {
    separate();
    buffer_ += std::to_string(v);
    return *this;
  }
  Copy& null() {
    separate();
    buffer_ += "\\N";
    return *this;
  }
  /// Ends the row.
  void end_row() {
    buffer_ += '\n';
    first_ = true;
    if (buffer_.size() >= (1u << 20)) flush();
  }
  /// Sends the rest and ends the COPY.
  void finish() {
    flush();
    if (PQputCopyEnd(c_.get(), nullptr) != 1)
      throw std::runtime_error(std::string("COPY end: ") + PQerrorMessage(c_.get()));
    std::unique_ptr<PGresult, decltype(&PQclear)> r(PQgetResult(c_.get()), &PQclear);
    if (PQresultStatus(r.get()) != PGRES_COMMAND_OK)
      throw std::runtime_error(std::string("COPY: ") + PQerrorMessage(c_.get()));
    while (PGresult* more = PQgetResult(c_.get())) PQclear(more);
  }

 private:
  void separate() {
    if (!first_) buffer_ += '\t';
    first_ = false;
  }
  void flush() {
    if (!buffer_.empty() &&
        PQputCopyData(c_.get(), buffer_.data(), static_cast<int>(buffer_.size())) != 1)
      throw std::runtime_error(std::string("COPY data: ") + PQerrorMessage(c_.get()));
    buffer_.clear();
  }

  Connection& c_;
  std::string buffer_;
  bool first_ = true;
};

/// "YYYY-MM-DD" of a day.
inline std::string iso(boost::gregorian::date d) {
  return boost::gregorian::to_iso_extended_string(d);
}

/// "YYYY-MM-DD" of days since 1970-01-01.
inline std::string iso_day(std::int64_t days) {
  return iso(boost::gregorian::date(1970, 1, 1) + boost::gregorian::days(days));
}

/// "YYYY-MM-DD HH:MM:SS.ffffff+00" of microseconds since 1970-01-01 (UTC).
inline std::string iso_instant(std::int64_t micros) {
  std::int64_t days = micros / 86400000000LL, rest = micros % 86400000000LL;
  if (rest < 0) {
    rest += 86400000000LL;
    --days;
  }
  const std::int64_t s = rest / 1000000;
  char buf[48];
  std::snprintf(buf, sizeof buf, " %02lld:%02lld:%02lld.%06lld+00",
                static_cast<long long>(s / 3600), static_cast<long long>(s / 60 % 60),
                static_cast<long long>(s % 60), static_cast<long long>(rest % 1000000));
  return iso_day(days) + buf;
}

/// Writes @p items into the empty tracker schema @p c works in, as described at the top.
inline void copy_items(Connection& c, const std::vector<libtracker::ActionItem>& items,
                       const std::string& now) {
  c.exec("BEGIN");
  std::unordered_map<std::string, std::int64_t> owner_ids;
  {
    Connection::Copy owners(c, "owners", "id, name");
    for (const auto& it : items)
      for (const auto& name : it.owners) {
        auto [slot, fresh] = owner_ids.try_emplace(name, owner_ids.size() + 1);
        if (fresh) {
          owners.integer(slot->second).text(name).end_row();
        }
      }
    owners.finish();
  }
  {
    Connection::Copy rows(c, "items",
                          "id, text, details, due_kind, due_date, due_text, state, status_note, "
                          "created, closed, version, owners, tags");
    std::int64_t id = 0;
    for (const auto& it : items) {
      rows.integer(++id).text(it.text).text(it.details).integer(static_cast<int>(it.due.kind()));
      if (it.due.has_date())
        rows.text(iso(it.due.date()));
      else
        rows.null();
      rows.text(it.due.to_string()).integer(static_cast<int>(it.state)).text(it.status_note);
      rows.text(iso(it.created));
      if (it.closed)
        rows.text(iso(*it.closed));
      else
        rows.null();
      rows.integer(1).text(bench::joined(it.owners)).text(bench::joined(it.tags)).end_row();
    }
    rows.finish();
  }
  {
    Connection::Copy links(c, "item_owners", "item_id, position, owner_id");
    std::int64_t id = 0;
    for (const auto& it : items) {
      ++id;
      for (std::size_t i = 0; i < it.owners.size(); ++i)
        links.integer(id)
            .integer(static_cast<std::int64_t>(i))
            .integer(owner_ids[it.owners[i]])
            .end_row();
    }
    links.finish();
  }
  {
    Connection::Copy tags(c, "item_tags", "item_id, tag");
    std::int64_t id = 0;
    for (const auto& it : items) {
      ++id;
      for (const auto& t : it.tags) tags.integer(id).text(t).end_row();
    }
    tags.finish();
  }
  {
    Connection::Copy events(c, "events", "item_id, at, actor, kind, new_value, version");
    std::int64_t id = 0;
    for (const auto& it : items)
      events.integer(++id).text(now).text("bench").integer(0).text(it.text).integer(1).end_row();
    events.finish();
  }
  c.exec("SELECT setval(pg_get_serial_sequence('items', 'id'), " + std::to_string(items.size()) +
         "), setval(pg_get_serial_sequence('owners', 'id'), " + std::to_string(owner_ids.size()) +
         ")");
  c.exec("COMMIT");
}

/// The statement Store::count runs for open items due before a day ($1).
inline constexpr const char* count_overdue_sql =
    "SELECT count(*) FROM items WHERE state < 3 AND due_date < $1";

/// Open items due before @p today, through the statement prepared as "count_overdue".
inline std::int64_t count_overdue(Connection& c, boost::gregorian::date today) {
  return std::stoll(c.run("count_overdue", {iso(today)}));
}

/// Copies @p tables of the SQLite tracker @p db into the empty tracker schema @p c works in, in
/// one transaction: every column both have (the server's generated ones left to it), integers
/// in date columns read as days and in timestamptz columns as microseconds. The identity
/// sequences are moved past the ids copied.
inline void copy_sqlite_tables(sqlite3* db, Connection& c, const std::vector<std::string>& tables) {
  c.exec("BEGIN");
  for (const std::string& table : tables) {
    enum class Kind { text, day, instant };
    std::vector<std::string> names;
    std::vector<Kind> kinds;
    {
      const std::unique_ptr<PGresult, decltype(&PQclear)> r(
          PQexec(c.get(), ("SELECT column_name, data_type FROM information_schema.columns "
                           "WHERE table_schema = current_schema() AND table_name = '" +
                           table + "' AND is_generated = 'NEVER' ORDER BY ordinal_position")
                              .c_str()),
          &PQclear);
      std::vector<std::string> file_columns;
      sqlite3_stmt* info = nullptr;
      sqlite3_prepare_v2(db, ("PRAGMA table_info(" + table + ")").c_str(), -1, &info, nullptr);
      while (sqlite3_step(info) == SQLITE_ROW)
        file_columns.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(info, 1)));
      sqlite3_finalize(info);
      for (int i = 0; i < PQntuples(r.get()); ++i) {
        const std::string name = PQgetvalue(r.get(), i, 0), type = PQgetvalue(r.get(), i, 1);
        bool in_file = false;
        for (const auto& f : file_columns) in_file = in_file || f == name;
        if (!in_file) continue;
        names.push_back(name);
        kinds.push_back(type == "date"                       ? Kind::day
                        : type == "timestamp with time zone" ? Kind::instant
                                                             : Kind::text);
      }
    }
    std::string list;
    for (const auto& n : names) list += (list.empty() ? "" : ", ") + ("\"" + n + "\"");
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db, ("SELECT " + list + " FROM " + table).c_str(), -1, &s, nullptr) !=
        SQLITE_OK)
      throw std::runtime_error("read " + table + ": " + sqlite3_errmsg(db));
    Connection::Copy copy(c, table, list);
    while (sqlite3_step(s) == SQLITE_ROW) {
      for (int i = 0; i < static_cast<int>(names.size()); ++i) {
        if (sqlite3_column_type(s, i) == SQLITE_NULL)
          copy.null();
        else if (kinds[static_cast<std::size_t>(i)] == Kind::day)
          copy.text(iso_day(sqlite3_column_int64(s, i)));
        else if (kinds[static_cast<std::size_t>(i)] == Kind::instant)
          copy.text(iso_instant(sqlite3_column_int64(s, i)));
        else
          copy.text(reinterpret_cast<const char*>(sqlite3_column_text(s, i)));
      }
      copy.end_row();
    }
    sqlite3_finalize(s);
    copy.finish();
    if (!names.empty() && names.front() == "id")
      c.exec("SELECT setval(pg_get_serial_sequence('" + table +
             "', 'id'), coalesce(max(id), 0) + 1, false) FROM " + table);
  }
  c.exec("COMMIT");
}

}  // namespace bench::pg
