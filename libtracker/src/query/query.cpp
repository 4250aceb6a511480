// Queries: a Query becomes one SQL statement with every value bound as a parameter.

#include <boost/date_time/gregorian/gregorian.hpp>
#include <variant>

#include "libtracker/store.hpp"
#include "libtracker/text.hpp"
#include "store/item_codec.hpp"
#include "store/store_impl.hpp"
#include "store/stored_values.hpp"
#include "text/text_util.hpp"

namespace libtracker {
namespace {

/// A day or an instant, bound as the engine keeps them.
struct Day {
  std::int64_t days;
};
struct Instant {
  std::int64_t micros;
};
using Value = std::variant<std::int64_t, std::string, Day, Instant>;

struct Sql {
  std::string where;
  std::vector<Value> values;

  void add(const std::string& condition) {
    where += where.empty() ? " WHERE " : " AND ";
    where += condition;
  }
  std::string param(Value v) {
    values.push_back(std::move(v));
    return "?" + std::to_string(values.size());
  }
  void bind(detail::Statement& s) const {
    for (std::size_t i = 0; i < values.size(); ++i) {
      const int index = static_cast<int>(i + 1);
      if (const auto* n = std::get_if<std::int64_t>(&values[i]))
        s.bind(index, *n);
      else if (const auto* d = std::get_if<Day>(&values[i]))
        s.bind_day(index, d->days);
      else if (const auto* t = std::get_if<Instant>(&values[i]))
        s.bind_instant(index, t->micros);
      else
        s.bind(index, std::get<std::string>(values[i]));
    }
  }
};

void add_range(Sql& sql, const char* column, const DateRange& range) {
  if (range.from)
    sql.add(std::string(column) + " >= " + sql.param(Day{detail::to_days(*range.from)}));
  if (range.to) sql.add(std::string(column) + " <= " + sql.param(Day{detail::to_days(*range.to)}));
}

Sql where_clause(const Query& q, boost::gregorian::date today, const detail::Dialect& dialect) {
  Sql sql;
  // Without statistics SQLite takes every indexed equality for a few rows, and would read all
  // open items through items_state_due to find one owner's. An owner, tag or word is the
  // narrower filter: "+state" keeps the state index out of the plan when one is given.
  const std::string words = dialect.text_query(std::string(detail::trim(q.text)));
  const bool narrowed = !q.owners.empty() || !q.tags.empty() || !words.empty();
  const std::string state = narrowed ? "+state" : "state";
  if (!q.states.empty()) {
    std::string in;
    for (State s : q.states)
      in += (in.empty() ? "" : ", ") + sql.param(static_cast<std::int64_t>(s));
    sql.add(state + " IN (" + in + ")");
  }
  // "state < 3" is the condition of the partial index items_open_due.
  const std::string first_closed = detail::sql_value(detail::first_closed_state);
  if (q.open || q.overdue) sql.add(state + " < " + first_closed);
  if (q.closed) sql.add(state + " >= " + first_closed);
  if (!q.owners.empty()) {
    std::string names;
    for (const auto& o : q.owners)
      names += (names.empty() ? "" : ", ") + sql.param(std::string(detail::trim(o)));
    std::string ids = "SELECT id FROM owners WHERE name IN (" + names + ")";
    if (q.through_groups)
      ids += " UNION SELECT group_id FROM group_members WHERE member_id IN (" + ids + ")";
    sql.add("id IN (SELECT item_id FROM item_owners WHERE owner_id IN (" + ids + "))");
  }
  if (q.due_before) sql.add("due_date < " + sql.param(Day{detail::to_days(*q.due_before)}));
  if (q.due_after) sql.add("due_date > " + sql.param(Day{detail::to_days(*q.due_after)}));
  if (q.overdue) sql.add("due_date < " + sql.param(Day{detail::to_days(q.as_of.value_or(today))}));
  if (q.tbd) sql.add("due_kind = " + detail::sql_value(Due::Kind::tbd));
  if (q.no_due_date) sql.add("due_kind <> " + detail::sql_value(Due::Kind::date));
  for (const auto& tag : q.tags)
    sql.add("id IN (SELECT item_id FROM item_tags WHERE tag = " +
            sql.param(std::string(detail::trim(tag))) + ")");
  if (q.meeting) sql.add("meeting_id = " + sql.param(*q.meeting));
  if (!words.empty()) sql.add(dialect.text_match(sql.param(words)));
  add_range(sql, "created", q.created);
  add_range(sql, "closed", q.closed_in);
  if (q.changed.from || q.changed.to) {
    std::string cond = "id IN (SELECT item_id FROM events WHERE 1 = 1";
    if (q.changed.from)
      cond += " AND at >= " + sql.param(Instant{detail::day_start_micros(*q.changed.from)});
    if (q.changed.to)
      cond +=
          " AND at < " +
          sql.param(Instant{detail::day_start_micros(*q.changed.to + boost::gregorian::days(1))});
    sql.add(cond + ")");
  }
  return sql;
}

std::string order_clause(const Query& q) {
  const char* dir = q.descending ? " DESC" : "";
  switch (q.order_by) {
    case OrderBy::id:
      return std::string(" ORDER BY id") + dir;
    case OrderBy::due:
      // Dated items first by date, then TBD, then none.
      return " ORDER BY (" + detail::sql_value(Due::Kind::date) + " - due_kind)" + dir +
             ", due_date" + dir + ", id" + dir;
    case OrderBy::created:
      return std::string(" ORDER BY created") + dir + ", id" + dir;
    case OrderBy::closed:
      return std::string(" ORDER BY closed IS NULL, closed") + dir + ", id" + dir;
    case OrderBy::changed:
      return std::string(" ORDER BY (SELECT max(e.id) FROM events e WHERE e.item_id = items.id)") +
             dir + ", id" + dir;
  }
  return " ORDER BY id";
}

std::string limit_clause(const Query& q, const detail::Dialect& dialect) {
  if (!q.limit && q.offset == 0) return {};
  return " LIMIT " + (q.limit ? std::to_string(*q.limit) : std::string(dialect.unlimited)) +
         " OFFSET " + std::to_string(q.offset);
}

}  // namespace

void ItemTable::reserve(std::size_t rows) {
  for (auto* c : {&id, &due, &meeting, &created, &closed, &version}) c->reserve(rows);
  // Room for typical texts, so that a large table is not copied while it grows.
  text.reserve(rows, rows * 96);
  details.reserve(rows, rows * 32);
  owners.reserve(rows, rows * 32);
  due_text.reserve(rows, rows * 10);
  status_note.reserve(rows, rows * 16);
  tags.reserve(rows, rows * 8);
  for (auto* c : {&state, &impact, &effort}) c->reserve(rows);
}

std::vector<ActionItem> Store::find(const Query& query) const {
  return impl_->guarded([&] {
    const detail::Dialect& dialect = impl_->engine->dialect();
    const Sql sql = where_clause(query, today(), dialect);
    auto& s = impl_->stmt(std::string("SELECT ") + detail::item_columns() + " FROM items" +
                          sql.where + order_clause(query) + limit_clause(query, dialect));
    sql.bind(s);
    std::vector<ActionItem> out;
    while (s.step()) out.push_back(detail::read_item(s));
    return out;
  });
}

std::int64_t Store::count(const Query& query) const {
  return impl_->guarded([&] {
    const detail::Dialect& dialect = impl_->engine->dialect();
    const Sql sql = where_clause(query, today(), dialect);
    std::string text = "SELECT count(*) FROM items" + sql.where;
    if (query.limit || query.offset)
      text = "SELECT count(*) FROM (SELECT 1 FROM items" + sql.where +
             limit_clause(query, dialect) + ") AS counted";
    auto& s = impl_->stmt(text);
    sql.bind(s);
    s.step();
    return s.integer(0);
  });
}

ItemTable Store::table(const Query& query) const {
  return impl_->guarded([&] {
    const detail::Dialect& dialect = impl_->engine->dialect();
    const Sql sql = where_clause(query, today(), dialect);
    // The columns the table holds, in the order read below: SQLite computes every selected
    // column of every row, so the ones a table has no use for (due_text, ref) are left out.
    auto& statement = impl_->stmt(
        "SELECT id, text, details, due_kind, due_date, state, status_note, meeting_id, impact, "
        "effort, created, closed, version, owners, tags FROM items" +
        sql.where + order_clause(query) + limit_clause(query, dialect));
    sql.bind(statement);
    ItemTable t;
    std::size_t expected = query.limit ? *query.limit : 0;
    if (!query.limit) expected = static_cast<std::size_t>(count(query));
    t.reserve(expected);
    detail::Statement& s = statement;
    auto opt_int = [&s](int column, std::int64_t none) {
      return s.is_null(column) ? none : s.integer(column);
    };
    auto opt_day = [&s](int column) {
      return s.is_null(column) ? ItemTable::no_date : s.day(column);
    };
    std::string joined;
    auto join = [&joined](std::string_view list) -> std::string_view {
      joined.clear();
      for (const char c : list) {
        if (c == detail::list_separator)
          joined += "; ";
        else
          joined += c;
      }
      return joined;
    };
    while (s.step()) {
      t.id.push_back(s.integer(0));
      t.text.push_back(s.text_view(1));
      t.details.push_back(s.text_view(2));
      const auto due_kind = s.integer(3);
      const bool dated = due_kind == detail::stored(Due::Kind::date);
      const std::int64_t due = opt_day(4);
      t.due.push_back(dated ? due : ItemTable::no_date);
      if (dated)
        t.due_text.push_back(iso_date(detail::from_days(due)));
      else
        t.due_text.push_back(due_kind == detail::stored(Due::Kind::tbd) ? "TBD" : "");
      t.state.push_back(static_cast<std::int8_t>(s.integer(5)));
      t.status_note.push_back(s.text_view(6));
      t.meeting.push_back(opt_int(7, -1));
      t.impact.push_back(static_cast<std::int8_t>(opt_int(8, -1)));
      t.effort.push_back(static_cast<std::int8_t>(opt_int(9, -1)));
      t.created.push_back(s.day(10));
      t.closed.push_back(opt_day(11));
      t.version.push_back(s.integer(12));
      t.owners.push_back(join(s.text_view(13)));
      t.tags.push_back(join(s.text_view(14)));
    }
    return t;
  });
}

}  // namespace libtracker
