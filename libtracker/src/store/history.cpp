// History: an item's events, and items rebuilt as they were on a past day.

#include <map>

#include "libtracker/store.hpp"
#include "store/item_codec.hpp"
#include "store/store_impl.hpp"
#include "store/stored_values.hpp"

namespace libtracker {
namespace {

Event read_event(detail::Statement& s) {
  Event e;
  e.id = s.integer(0);
  e.item = s.integer(1);
  e.at = detail::from_micros(s.instant(2));
  e.actor = s.text(3);
  e.kind = static_cast<EventKind>(s.integer(4));
  e.field = s.text(5);
  e.old_value = s.text(6);
  e.new_value = s.text(7);
  e.version = s.integer(8);
  return e;
}

constexpr const char* event_columns =
    "id, item_id, at, actor, kind, field, old_value, new_value, version";

/// Rolls @p item back over @p later (its events after the day, newest first). Returns
/// std::nullopt when one of them is the item's creation: it did not exist yet.
std::optional<ActionItem> roll_back(std::optional<ActionItem> item,
                                    const std::vector<Event>& later) {
  for (const Event& e : later) {
    switch (e.kind) {
      case EventKind::created:
        return std::nullopt;
      case EventKind::deleted: {
        ActionItem last = detail::item_from_json(nlohmann::json::parse(e.old_value));
        last.id = e.item;
        item = std::move(last);
        break;
      }
      case EventKind::changed:
        if (item) {
          detail::set_field(*item, e.field, e.old_value);
          item->version = e.version - 1;
        }
        break;
      case EventKind::note:
        break;
    }
  }
  return item;
}

}  // namespace

std::vector<Event> Store::history(ItemId id) const {
  return impl_->guarded([&] {
    auto& s = impl_->stmt(std::string("SELECT ") + event_columns +
                          " FROM events WHERE item_id = ? ORDER BY id");
    s.bind(1, id);
    std::vector<Event> out;
    while (s.step()) out.push_back(read_event(s));
    if (out.empty()) get(id);  // NotFoundError for an id that never existed
    return out;
  });
}

bool Store::changed_after(boost::gregorian::date day) const {
  return impl_->guarded([&] {
    // The latest event, compared here: a range condition with a parameter gets a server's
    // generic plan, which reads every event; max(at) reads the index's last entry.
    auto& s = impl_->stmt("SELECT max(at) FROM events");
    return s.step() && !s.is_null(0) &&
           s.instant(0) >= detail::day_start_micros(day + boost::gregorian::days(1));
  });
}

std::vector<Event> Store::events(boost::gregorian::date from, boost::gregorian::date to,
                                 const std::string& field) const {
  return impl_->guarded([&] {
    auto& s = impl_->stmt(std::string("SELECT ") + event_columns +
                          " FROM events WHERE at >= ?1 AND at < ?2" +
                          (field.empty() ? "" : " AND field = ?3") + " ORDER BY id");
    s.bind_instant(1, detail::day_start_micros(from));
    s.bind_instant(2, detail::day_start_micros(to + boost::gregorian::days(1)));
    if (!field.empty()) s.bind(3, field);
    std::vector<Event> out;
    while (s.step()) out.push_back(read_event(s));
    return out;
  });
}

std::optional<ActionItem> Store::get_as_of(ItemId id, boost::gregorian::date day) const {
  return impl_->guarded([&] {
    std::vector<Event> later;
    {
      auto& s = impl_->stmt(std::string("SELECT ") + event_columns +
                            " FROM events WHERE item_id = ? AND at >= ? ORDER BY id DESC");
      s.bind(1, id);
      s.bind_instant(2, detail::day_start_micros(day + boost::gregorian::days(1)));
      while (s.step()) later.push_back(read_event(s));
    }
    std::optional<ActionItem> current;
    {
      auto& s =
          impl_->stmt(std::string("SELECT ") + detail::item_columns() + " FROM items WHERE id = ?");
      s.bind(1, id);
      if (s.step()) current = detail::read_item(s);
    }
    if (!current && later.empty()) {
      history(id);                         // NotFoundError for an id that never existed
      return std::optional<ActionItem>();  // deleted on or before the day
    }
    return roll_back(std::move(current), later);
  });
}

std::vector<ActionItem> Store::items_as_of(boost::gregorian::date day) const {
  return impl_->guarded([&] {
    const std::int64_t cutoff = detail::day_start_micros(day + boost::gregorian::days(1));
    // Events after the day, newest first, by item.
    std::map<ItemId, std::vector<Event>> later;
    {
      auto& s = impl_->stmt(std::string("SELECT ") + event_columns +
                            " FROM events WHERE at >= ? ORDER BY id DESC");
      s.bind_instant(1, cutoff);
      while (s.step()) {
        Event e = read_event(s);
        later[e.item].push_back(std::move(e));
      }
    }
    std::vector<ActionItem> out;
    {
      auto& s =
          impl_->stmt(std::string("SELECT ") + detail::item_columns() + " FROM items ORDER BY id");
      while (s.step()) {
        ActionItem item = detail::read_item(s);
        auto it = later.find(item.id);
        if (it == later.end()) {
          out.push_back(std::move(item));
          continue;
        }
        if (auto then = roll_back(std::move(item), it->second)) out.push_back(std::move(*then));
        later.erase(it);
      }
    }
    // What is left belongs to items deleted since the day.
    for (auto& [id, events] : later) {
      if (auto then = roll_back(std::nullopt, events)) out.push_back(std::move(*then));
    }
    std::sort(out.begin(), out.end(),
              [](const ActionItem& a, const ActionItem& b) { return a.id < b.id; });
    return out;
  });
}

std::vector<StateCounts> Store::state_counts(
    const std::vector<boost::gregorian::date>& days) const {
  return impl_->guarded([&] {
    // What rolling an item back over one of its events does to its state (see roll_back).
    struct Step {
      std::int64_t at;
      EventKind kind;
      std::optional<State> state;  // before a state change; the last state for a deletion
    };
    // One item: its state now (none once deleted) and its steps, newest first.
    struct Track {
      ItemId id;
      std::optional<State> now;
      std::size_t first, last;  // steps[first, last)
    };
    std::vector<Step> steps;
    std::vector<Track> with_steps;
    static const std::string steps_sql =
        "SELECT item_id, at, kind, old_value FROM events WHERE kind IN (" +
        detail::sql_value(EventKind::created) + ", " + detail::sql_value(EventKind::deleted) +
        ") OR (kind = " + detail::sql_value(EventKind::changed) +
        " AND field = 'state') ORDER BY item_id, id DESC";
    auto& events = impl_->stmt(steps_sql);
    while (events.step()) {
      const ItemId id = events.integer(0);
      Step step{events.instant(1), static_cast<EventKind>(events.integer(2)), std::nullopt};
      const std::string old_value = events.text(3);
      if (step.kind == EventKind::changed)
        step.state = state_from_string(old_value);
      else if (step.kind == EventKind::deleted)
        step.state = detail::item_from_json(nlohmann::json::parse(old_value)).state;
      if (with_steps.empty() || with_steps.back().id != id)
        with_steps.push_back({id, std::nullopt, steps.size(), steps.size()});
      steps.push_back(step);
      with_steps.back().last = steps.size();
    }
    // Merged with the items as they are now, both in id order.
    std::vector<Track> tracks;
    tracks.reserve(with_steps.size());
    auto next = with_steps.begin();
    auto& items = impl_->stmt("SELECT id, state FROM items ORDER BY id");
    while (items.step()) {
      const ItemId id = items.integer(0);
      const auto state = static_cast<State>(items.integer(1));
      for (; next != with_steps.end() && next->id < id; ++next) tracks.push_back(*next);
      if (next != with_steps.end() && next->id == id) {
        tracks.push_back({id, state, next->first, next->last});
        ++next;
      } else {
        tracks.push_back({id, state, 0, 0});
      }
    }
    tracks.insert(tracks.end(), next, with_steps.end());  // deleted since

    std::vector<StateCounts> out(days.size(), StateCounts{});
    for (std::size_t d = 0; d < days.size(); ++d) {
      const std::int64_t cutoff = detail::day_start_micros(days[d] + boost::gregorian::days(1));
      for (const Track& track : tracks) {
        std::optional<State> state = track.now;
        bool existed = true;
        for (std::size_t k = track.first; k < track.last && existed; ++k) {
          const Step& step = steps[k];
          if (step.at < cutoff) continue;
          if (step.kind == EventKind::created)
            existed = false;  // not created yet
          else if (step.kind == EventKind::deleted || state)
            state = step.state;
        }
        if (existed && state) ++out[d][static_cast<std::size_t>(*state)];
      }
    }
    return out;
  });
}

}  // namespace libtracker
