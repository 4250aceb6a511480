// Store::import_history: an imported item keeps the history it had where it came from.

#include <algorithm>

#include "libtracker/store.hpp"
#include "store/store_impl.hpp"
#include "text/text_util.hpp"

namespace libtracker {

void Store::import_history(ItemId id, const std::vector<Event>& events,
                           const std::vector<Note>& notes) {
  impl_->guarded([&] {
    detail::WriteTransaction txn(*impl_);
    std::int64_t version = 0;
    {
      auto& s = impl_->stmt("SELECT version FROM items WHERE id = ?");
      s.bind(1, id);
      if (!s.executeStep()) throw NotFoundError("no action item with id " + std::to_string(id));
      version = s.getColumn(0).getInt64();
    }
    if (!events.empty()) {
      if (events.front().kind != EventKind::created)
        throw InvalidArgumentError("an imported history must start with a \"created\" event");
      auto& clear = impl_->stmt("DELETE FROM events WHERE item_id = ?");
      clear.bind(1, id);
      clear.exec();
      std::int64_t last = 1;
      for (const Event& e : events) {
        auto& s = impl_->stmt(
            "INSERT INTO events(item_id, at, actor, kind, field, old_value, new_value, version) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        s.bind(1, id);
        s.bind(2, detail::to_micros(e.at));
        s.bind(3, e.actor.empty() ? impl_->actor : e.actor);
        s.bind(4, static_cast<int>(e.kind));
        s.bind(5, e.field);
        s.bind(6, e.old_value);
        s.bind(7, e.new_value);
        s.bind(8, e.version);
        s.exec();
        last = std::max(last, e.version);
      }
      version = last;
      auto& v = impl_->stmt("UPDATE items SET version = ? WHERE id = ?");
      v.bind(1, version);
      v.bind(2, id);
      v.exec();
    }
    for (const Note& n : notes) {
      const std::string body(detail::trim(n.text));
      if (body.empty()) throw InvalidArgumentError("a note needs a text");
      const std::string author = n.author.empty() ? impl_->actor : n.author;
      auto& s = impl_->stmt("INSERT INTO notes(item_id, at, author, text) VALUES (?, ?, ?, ?)");
      s.bind(1, id);
      s.bind(2, detail::to_micros(n.at));
      s.bind(3, author);
      s.bind(4, body);
      s.exec();
      if (events.empty()) {
        auto& e = impl_->stmt(
            "INSERT INTO events(item_id, at, actor, kind, field, old_value, new_value, version) "
            "VALUES (?, ?, ?, ?, '', '', ?, ?)");
        e.bind(1, id);
        e.bind(2, detail::to_micros(n.at));
        e.bind(3, author);
        e.bind(4, static_cast<int>(EventKind::note));
        e.bind(5, body);
        e.bind(6, version);
        e.exec();
      }
    }
    txn.commit();
  });
}

}  // namespace libtracker
