// Store::import_history: an imported item keeps the history it had where it came from.

#include <algorithm>

#include "libtracker/store.hpp"
#include "store/store_impl.hpp"
#include "store/writer.hpp"

namespace libtracker {

void Store::import_history(ItemId id, const std::vector<Event>& events,
                           const std::vector<Note>& notes) {
  impl_->write([&] {
    detail::Writer w{*impl_, 0};
    std::int64_t version = 0;
    {
      auto& s = impl_->stmt("SELECT version FROM items WHERE id = ?");
      s.bind(1, id);
      if (!s.step()) throw NotFoundError("no action item with id " + std::to_string(id));
      version = s.integer(0);
    }
    if (!events.empty()) {
      if (events.front().kind != EventKind::created)
        throw InvalidArgumentError("an imported history must start with a \"created\" event");
      auto& clear = impl_->stmt("DELETE FROM events WHERE item_id = ?");
      clear.bind(1, id);
      clear.exec();
      std::int64_t last = 1;
      for (const Event& e : events) {
        w.event(id, e);
        last = std::max(last, e.version);
      }
      version = last;
      auto& v = impl_->stmt("UPDATE items SET version = ? WHERE id = ?");
      v.bind(1, version);
      v.bind(2, id);
      v.exec();
    }
    for (const Note& n : notes) {
      const Note stored = w.note_row(id, n.text, n.at, n.author.empty() ? impl_->actor : n.author);
      if (events.empty()) {
        Event e;
        e.at = stored.at;
        e.actor = stored.author;
        e.kind = EventKind::note;
        e.new_value = stored.text;
        e.version = version;
        w.event(id, e);
      }
    }
  });
}

}  // namespace libtracker
