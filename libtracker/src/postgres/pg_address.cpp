#include "postgres/pg_address.hpp"

#include <libpq-fe.h>

#include <array>
#include <memory>
#include <regex>

#include "libtracker/error.hpp"

namespace libtracker::detail::pg {

namespace {

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool is_uri(std::string_view address) {
  return starts_with(address, "postgresql://") || starts_with(address, "postgres://");
}

/// The words of libpq's "key=value" form that start a server address.
constexpr std::array<std::string_view, 9> keywords{
    "host", "hostaddr", "port", "dbname", "user", "password", "service", "sslmode", "options"};

bool valid_schema(const std::string& name) {
  static const std::regex identifier("[a-z_][a-z0-9_]{0,62}");
  return std::regex_match(name, identifier);
}

/// Takes "schema=NAME" out of a URI's query ("?schema=x&sslmode=..."); returns the name.
std::string take_uri_schema(std::string& uri) {
  const std::size_t query = uri.find('?');
  if (query == std::string::npos) return {};
  std::string kept, schema;
  std::size_t start = query + 1;
  while (start <= uri.size()) {
    std::size_t end = uri.find('&', start);
    if (end == std::string::npos) end = uri.size();
    const std::string param = uri.substr(start, end - start);
    if (starts_with(param, "schema="))
      schema = param.substr(7);
    else if (!param.empty())
      kept += (kept.empty() ? "" : "&") + param;
    start = end + 1;
  }
  uri = uri.substr(0, query) + (kept.empty() ? "" : "?" + kept);
  return schema;
}

/// Takes "schema=NAME" (or schema='NAME') out of the "key=value" form; returns the name.
std::string take_keyword_schema(std::string& conninfo) {
  static const std::regex schema_word(R"((^|\s)schema\s*=\s*('([^'\\]|\\.)*'|[^\s']+))");
  std::smatch m;
  if (!std::regex_search(conninfo, m, schema_word)) return {};
  std::string value = m[2].str();
  if (value.size() >= 2 && value.front() == '\'') value = value.substr(1, value.size() - 2);
  conninfo = m.prefix().str() + m[1].str() + m.suffix().str();
  return value;
}

}  // namespace

std::string ServerAddress::describe() const {
  std::string out = "PostgreSQL at " + (host.empty() ? std::string("the default host") : host);
  out += ", database " + (database.empty() ? std::string("(default)") : database);
  return out;
}

std::string ServerAddress::describe_tracker() const {
  return describe() + (schema.empty() ? "" : ", schema " + schema);
}

bool is_server_address(std::string_view address) {
  if (is_uri(address)) return true;
  const std::size_t start = address.find_first_not_of(" \t");
  if (start == std::string_view::npos) return false;
  address.remove_prefix(start);
  for (std::string_view k : keywords) {
    if (!starts_with(address, k)) continue;
    std::string_view rest = address.substr(k.size());
    const std::size_t eq = rest.find_first_not_of(" \t");
    if (eq != std::string_view::npos && rest[eq] == '=') return true;
  }
  return false;
}

ServerAddress parse_server_address(const std::string& address) {
  ServerAddress out;
  out.conninfo = address;
  out.schema = is_uri(address) ? take_uri_schema(out.conninfo) : take_keyword_schema(out.conninfo);
  if (!out.schema.empty() && !valid_schema(out.schema))
    throw InvalidArgumentError("bad schema name in the PostgreSQL address: \"" + out.schema +
                               "\" (lower-case letters, digits and _ only)");
  char* error = nullptr;
  std::unique_ptr<PQconninfoOption, decltype(&PQconninfoFree)> options(
      PQconninfoParse(out.conninfo.c_str(), &error), &PQconninfoFree);
  if (!options) {
    std::string why = error ? error : "out of memory";
    PQfreemem(error);
    while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
    throw InvalidArgumentError("not a PostgreSQL address libpq can read: " + why);
  }
  for (const PQconninfoOption* o = options.get(); o->keyword != nullptr; ++o) {
    if (o->val == nullptr) continue;
    const std::string_view key = o->keyword;
    if (key == "host" || (key == "hostaddr" && out.host.empty())) out.host = o->val;
    if (key == "dbname") out.database = o->val;
    if (key == "user") out.user = o->val;
    if (key == "password") out.password = o->val;
  }
  return out;
}

}  // namespace libtracker::detail::pg
