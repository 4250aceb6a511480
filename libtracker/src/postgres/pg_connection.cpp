#include "postgres/pg_connection.hpp"

#include <charconv>
#include <cstring>

namespace libtracker::detail::pg {

namespace {

/// @p message without trailing new lines and without @p secret anywhere in it.
std::string clean(std::string message, const std::string& secret) {
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  if (!secret.empty()) {
    for (std::size_t at = message.find(secret); at != std::string::npos;
         at = message.find(secret, at))
      message.replace(at, secret.size(), "***");
  }
  return message;
}

bool connection_lost(const char* sqlstate) {
  // Class 08: connection exceptions; 57P01-57P03: the server is shutting down or starting.
  return sqlstate == nullptr || std::strncmp(sqlstate, "08", 2) == 0 ||
         std::strncmp(sqlstate, "57P0", 4) == 0;
}

}  // namespace

std::string_view Result::text(int row, int column) const {
  return {PQgetvalue(result_.get(), row, column),
          static_cast<std::size_t>(PQgetlength(result_.get(), row, column))};
}

std::int64_t Result::integer(int row, int column) const {
  const std::string_view t = text(row, column);
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(t.data(), t.data() + t.size(), value);
  if (error != std::errc() || end != t.data() + t.size())
    throw StorageError("PostgreSQL returned \"" + std::string(t) + "\" where a number was due");
  return value;
}

std::int64_t Result::affected() const {
  const char* n = PQcmdTuples(result_.get());
  return (n == nullptr || *n == '\0') ? 0 : std::stoll(n);
}

Connection::Connection(ServerAddress address)
    : address_(std::move(address)), conn_(nullptr, &PQfinish) {
  connect();
}

void Connection::connect() {
  conn_.reset(PQconnectdb(address_.conninfo.c_str()));
  if (!conn_) throw StorageError("cannot connect to " + address_.describe() + ": out of memory");
  if (PQstatus(conn_.get()) != CONNECTION_OK) {
    const std::string why = clean(PQerrorMessage(conn_.get()), address_.password);
    conn_.reset();
    throw StorageError("cannot connect to " + address_.describe() + ": " + why);
  }
  // Dates in ISO form and instants in UTC, whatever the server's defaults.
  prepared_.clear();
  // The server's notices ("extension exists, skipping") are not the caller's business.
  PQsetNoticeProcessor(
      conn_.get(), [](void*, const char*) {}, nullptr);
  exec("SET datestyle TO 'ISO, YMD'; SET TIME ZONE 'UTC'");
  if (!address_.schema.empty())
    exec("SET search_path TO " + quote_identifier(address_.schema) + ", public");
  for (const std::string& setting : session_settings_) exec(setting);
}

void Connection::add_session_setting(const std::string& sql) {
  exec(sql);
  session_settings_.push_back(sql);
}

bool Connection::in_transaction() const {
  return conn_ && PQtransactionStatus(conn_.get()) != PQTRANS_IDLE &&
         PQtransactionStatus(conn_.get()) != PQTRANS_UNKNOWN;
}

void Connection::rollback() noexcept {
  if (in_transaction()) PQclear(PQexec(conn_.get(), "ROLLBACK"));
}

void Connection::ensure_connected() {
  if (!conn_ || PQstatus(conn_.get()) != CONNECTION_OK) connect();
}

[[noreturn]] void Connection::fail(const std::string& what, const char* sqlstate) {
  const std::string message = address_.describe() + ": " + what;
  if (sqlstate != nullptr &&
      (std::strcmp(sqlstate, "40001") == 0 || std::strcmp(sqlstate, "40P01") == 0))
    throw RetryableError(message);
  if (connection_lost(sqlstate)) {
    conn_.reset();  // the next call connects again
    throw StorageError("lost the connection to " + message);
  }
  throw StorageError(message);
}

Result Connection::check(PGresult* raw, const std::string& sql) {
  Result result(raw);
  const ExecStatusType status = raw ? PQresultStatus(raw) : PGRES_FATAL_ERROR;
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return result;
  const char* sqlstate = raw ? PQresultErrorField(raw, PG_DIAG_SQLSTATE) : nullptr;
  std::string why =
      clean(raw ? PQresultErrorMessage(raw) : PQerrorMessage(conn_.get()), address_.password);
  if (why.empty()) why = clean(PQerrorMessage(conn_.get()), address_.password);
  if (sqlstate != nullptr && std::strcmp(sqlstate, "42501") == 0)
    why = "permission denied for this role (" + why + ")";
  fail(why + " (in: " + sql.substr(0, 80) + ")", sqlstate);
}

Result Connection::exec(const std::string& sql) {
  ensure_connected();
  return check(PQexec(conn_.get(), sql.c_str()), sql);
}

Result Connection::exec(const std::string& sql, const std::vector<Param>& params) {
  ensure_connected();
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const Param& p : params) values.push_back(p ? p->c_str() : nullptr);
  return check(PQexecParams(conn_.get(), sql.c_str(), static_cast<int>(values.size()), nullptr,
                            values.data(), nullptr, nullptr, 0),
               sql);
}

Result Connection::exec_prepared(const std::string& sql, const std::vector<Param>& params) {
  ensure_connected();
  auto found = prepared_.find(sql);
  if (found == prepared_.end()) {
    std::string name = "lt" + std::to_string(prepared_.size() + 1);
    check(PQprepare(conn_.get(), name.c_str(), sql.c_str(), 0, nullptr), sql);
    found = prepared_.emplace(sql, std::move(name)).first;
  }
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const Param& p : params) values.push_back(p ? p->c_str() : nullptr);
  return check(PQexecPrepared(conn_.get(), found->second.c_str(), static_cast<int>(values.size()),
                              values.data(), nullptr, nullptr, 0),
               sql);
}

void Connection::transaction(const std::function<void()>& work, const char* isolation,
                             int attempts) {
  for (int attempt = 1;; ++attempt) {
    exec(std::string("BEGIN ISOLATION LEVEL ") + isolation);
    try {
      work();
      exec("COMMIT");
      return;
    } catch (const RetryableError& e) {
      rollback();
      if (attempt >= attempts)
        throw ConflictError("gave up after " + std::to_string(attempts) +
                            " attempts: other writers kept changing the same rows (" + e.what() +
                            ")");
    } catch (...) {
      rollback();  // best effort: the first error is the one to report
      throw;
    }
  }
}

std::string Connection::session_user() {
  return std::string(exec("SELECT session_user").text(0, 0));
}

std::string quote_identifier(std::string_view name) {
  std::string out = "\"";
  for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace libtracker::detail::pg
