#include "postgres/pg_engine.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <map>
#include <unordered_map>

#include "postgres/pg_connection.hpp"
#include "postgres/pg_schema.hpp"

namespace libtracker::detail::pg {
namespace {

// Civil dates from and to days since 1970-01-01 (H. Hinnant's algorithms), for the ISO text
// libpq reads and writes.
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void civil_from_days(std::int64_t z, std::int64_t& y, unsigned& m, unsigned& d) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y = static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2);
}

std::string iso_day(std::int64_t days) {
  std::int64_t y;
  unsigned m, d;
  civil_from_days(days, y, m, d);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u", static_cast<long long>(y), m, d);
  return buf;
}

std::string iso_instant(std::int64_t micros) {
  std::int64_t days = micros / 86400000000LL;
  std::int64_t rest = micros % 86400000000LL;
  if (rest < 0) {
    rest += 86400000000LL;
    --days;
  }
  const std::int64_t seconds = rest / 1000000;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s %02lld:%02lld:%02lld.%06lld+00", iso_day(days).c_str(),
                static_cast<long long>(seconds / 3600), static_cast<long long>(seconds / 60 % 60),
                static_cast<long long>(seconds % 60), static_cast<long long>(rest % 1000000));
  return buf;
}

[[noreturn]] void unreadable(std::string_view text, const char* what) {
  throw StorageError("PostgreSQL returned \"" + std::string(text) + "\" where " + what +
                     " was due");
}

/// Reads digits at @p at of @p t (advancing it); -1 when there are none.
std::int64_t digits(std::string_view t, std::size_t& at) {
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(t.data() + at, t.data() + t.size(), value);
  if (error != std::errc()) return -1;
  at = static_cast<std::size_t>(end - t.data());
  return value;
}

/// "YYYY-MM-DD" at the start of @p t as days since the epoch; @p at is moved past it.
std::int64_t parse_day(std::string_view t, std::size_t& at) {
  const std::int64_t y = digits(t, at);
  if (y < 0 || at >= t.size() || t[at++] != '-') unreadable(t, "a date");
  const std::int64_t m = digits(t, at);
  if (m < 1 || m > 12 || at >= t.size() || t[at++] != '-') unreadable(t, "a date");
  const std::int64_t d = digits(t, at);
  if (d < 1 || d > 31) unreadable(t, "a date");
  return days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

/// "YYYY-MM-DD HH:MM:SS[.ffffff]+00" (the session's time zone is UTC) as microseconds.
std::int64_t parse_instant(std::string_view t) {
  std::size_t at = 0;
  const std::int64_t days = parse_day(t, at);
  if (at >= t.size() || t[at++] != ' ') unreadable(t, "an instant");
  const std::int64_t h = digits(t, at);
  if (h < 0 || at >= t.size() || t[at++] != ':') unreadable(t, "an instant");
  const std::int64_t mi = digits(t, at);
  if (mi < 0 || at >= t.size() || t[at++] != ':') unreadable(t, "an instant");
  const std::int64_t s = digits(t, at);
  if (s < 0) unreadable(t, "an instant");
  std::int64_t micros = 0;
  if (at < t.size() && t[at] == '.') {
    ++at;
    int places = 0;
    for (; at < t.size() && t[at] >= '0' && t[at] <= '9'; ++at, ++places) {
      if (places < 6) micros = micros * 10 + (t[at] - '0');
    }
    for (; places < 6; ++places) micros *= 10;
  }
  if (t.substr(at) != "+00") unreadable(t, "an instant in UTC");
  return ((days * 24 + h) * 60 + mi) * 60000000LL + s * 1000000LL + micros;
}

class PgStatement final : public Statement {
 public:
  PgStatement(Connection& db, const std::string& sql) : db_(db), sql_(server_sql(sql)) {
    int used = 0;
    for (int n : sql_.numbers) used = std::max(used, n);
    params_.resize(static_cast<std::size_t>(used));
  }

  /// No bindings and no rows.
  void reset() {
    result_.reset();
    for (Param& p : params_) p.reset();
  }
  /// Lets go of the last run's rows.
  void close() noexcept { result_.reset(); }

  void bind(int p, std::int64_t v) override { set(p, std::to_string(v)); }
  void bind(int p, std::string_view v) override { set(p, std::string(v)); }
  void bind_null(int p) override { set(p, std::nullopt); }
  void bind_day(int p, std::int64_t days) override { set(p, iso_day(days)); }
  void bind_instant(int p, std::int64_t micros) override { set(p, iso_instant(micros)); }

  bool step() override {
    if (!result_) {
      result_.emplace(db_.exec_prepared(sql_.text, params_));
      row_ = -1;
    }
    if (row_ < result_->rows()) ++row_;
    return row_ < result_->rows();
  }

  bool is_null(int c) override { return result_->is_null(row_, c); }
  std::int64_t integer(int c) override {
    const std::string_view t = result_->text(row_, c);
    if (t == "t") return 1;  // a boolean
    if (t == "f") return 0;
    return result_->integer(row_, c);
  }
  std::string_view text_view(int c) override { return result_->text(row_, c); }
  std::int64_t day(int c) override {
    std::size_t at = 0;
    return parse_day(result_->text(row_, c), at);
  }
  std::int64_t instant(int c) override { return parse_instant(result_->text(row_, c)); }

 private:
  void set(int p, Param value) {
    if (p < 1 || static_cast<std::size_t>(p) >= sql_.numbers.size()) {
      throw StorageError("no parameter " + std::to_string(p) + " in: " + sql_.text.substr(0, 80));
    }
    const int n = sql_.numbers[static_cast<std::size_t>(p)];
    if (n > 0) params_[static_cast<std::size_t>(n - 1)] = std::move(value);
  }

  Connection& db_;
  ServerSql sql_;
  std::vector<Param> params_;
  std::optional<Result> result_;
  int row_ = -1;
};

const Dialect& server_dialect() {
  static const Dialect d{false, "ALL",
                         [](const std::string& p) {
                           return "search @@ plainto_tsquery('simple', tracker_unaccent(CAST(" + p +
                                  " AS text)))";
                         },
                         [](const std::string& text) { return text; }};
  return d;
}

class PgEngine final : public Engine {
 public:
  PgEngine(const std::string& address, const StoreOptions& options)
      : db_(parse_server_address(address)) {
    if (options.read_only) {
      if (schema_version() == 0)
        throw SchemaError(db_.address().describe() + " holds no tracker (opened read-only)");
      db_.add_session_setting("SET default_transaction_read_only = on");
    } else {
      prepare_schema(db_);
    }
    // A waiting lock is a lost race after this long (as SQLite's busy timeout).
    db_.add_session_setting("SET lock_timeout = " + std::to_string(options.busy_timeout_ms));
    actor_ = db_.session_user();
  }

  Statement& statement(const std::string& sql) override {
    auto& slot = statements_[sql];
    if (!slot)
      slot = std::make_unique<PgStatement>(db_, sql);
    else
      slot->reset();
    return *slot;
  }
  void operation_ended() override {
    for (auto& [sql, s] : statements_) s->close();
  }

  void begin() override { db_.exec("BEGIN ISOLATION LEVEL SERIALIZABLE"); }
  void commit() override { db_.exec("COMMIT"); }
  void rollback() noexcept override { db_.rollback(); }
  bool in_transaction() const override { return db_.in_transaction(); }

  void ids_written(const std::string& table, std::int64_t used) override {
    // setval is not undone by a rollback: a copy that fails leaves a gap in the ids, no more.
    db_.exec(
        "SELECT setval(pg_get_serial_sequence($1, 'id'), "
        "greatest(coalesce(max(id), 0), $2::bigint) + 1, false) FROM " +
            quote_identifier(table),
        {table, std::to_string(used)});
  }
  int schema_version() override { return pg::schema_version(db_); }
  std::string authenticated_actor() override { return actor_; }
  const Dialect& dialect() const override { return server_dialect(); }
  std::string describe() const override { return db_.address().describe_tracker(); }
  bool on_server() const override { return true; }
  void grant_roles(const std::string& reader, const std::string& writer) override {
    pg::grant_roles(db_, {reader, writer});
  }

 private:
  Connection db_;
  std::string actor_;
  std::unordered_map<std::string, std::unique_ptr<PgStatement>> statements_;
};

}  // namespace

ServerSql server_sql(const std::string& sql) {
  // The parameter numbers in order of appearance (SQLite's rule: a bare "?" is one more than
  // the largest number so far).
  std::vector<std::pair<std::size_t, std::size_t>> spans;  // where each parameter is written
  std::vector<int> found;
  int largest = 0;
  char quote = 0;
  for (std::size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '\'' || c == '"') {
      quote = c;
      continue;
    }
    if (c != '?') continue;
    std::size_t end = i + 1;
    while (end < sql.size() && sql[end] >= '0' && sql[end] <= '9') ++end;
    const int number = end > i + 1 ? std::stoi(sql.substr(i + 1, end - i - 1)) : largest + 1;
    largest = std::max(largest, number);
    spans.emplace_back(i, end);
    found.push_back(number);
    i = end - 1;
  }
  ServerSql out;
  out.numbers.assign(static_cast<std::size_t>(largest) + 1, 0);
  std::map<int, bool> used;
  for (int n : found) used[n] = true;
  int next = 0;
  for (const auto& [n, yes] : used) out.numbers[static_cast<std::size_t>(n)] = ++next;
  std::size_t from = 0;
  for (std::size_t k = 0; k < spans.size(); ++k) {
    out.text += sql.substr(from, spans[k].first - from);
    out.text += "$" + std::to_string(out.numbers[static_cast<std::size_t>(found[k])]);
    from = spans[k].second;
  }
  out.text += sql.substr(from);
  return out;
}

std::unique_ptr<Engine> open_postgres(const std::string& address, const StoreOptions& options) {
  return std::make_unique<PgEngine>(address, options);
}

}  // namespace libtracker::detail::pg
