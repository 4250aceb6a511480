// The store's record of reminders sent, and its settings.

#include "libtracker/store.hpp"
#include "store/store_impl.hpp"
#include "text/text_util.hpp"

namespace libtracker {

SentReminder Store::record_reminder(const SentReminder& reminder) {
  SentReminder r = reminder;
  r.recipient = std::string(detail::trim(r.recipient));
  if (r.recipient.empty()) throw InvalidArgumentError("a reminder needs a recipient");
  if (r.day.is_special()) throw InvalidArgumentError("a reminder needs the day it was about");
  return impl_->write([&] {
    r.sent_at = now();
    r.actor = actor();
    std::string items;
    for (const ItemId id : r.items) items += (items.empty() ? "" : " ") + std::to_string(id);
    auto& s = impl_->stmt(
        "INSERT INTO reminders(day, sent_at, actor, recipient, address, message_id, items) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id");
    s.bind_day(1, detail::to_days(r.day));
    s.bind_instant(2, detail::to_micros(r.sent_at));
    s.bind(3, r.actor);
    s.bind(4, r.recipient);
    s.bind(5, r.address);
    s.bind(6, r.message_id);
    s.bind(7, items);
    r.id = s.returned_id();
    return r;
  });
}

std::vector<SentReminder> Store::reminders_sent(const std::string& recipient) const {
  return impl_->guarded([&] {
    const std::string name(detail::trim(recipient));
    const std::string columns =
        "SELECT id, day, sent_at, actor, recipient, address, message_id, items FROM reminders";
    auto& s =
        name.empty()
            ? impl_->stmt(columns + " ORDER BY id")
            : impl_->stmt(columns + " WHERE lower(recipient) = lower(CAST(? AS TEXT)) ORDER BY id");
    if (!name.empty()) s.bind(1, name);
    std::vector<SentReminder> out;
    while (s.step()) {
      SentReminder r;
      r.id = s.integer(0);
      r.day = detail::from_days(s.day(1));
      r.sent_at = detail::from_micros(s.instant(2));
      r.actor = s.text(3);
      r.recipient = s.text(4);
      r.address = s.text(5);
      r.message_id = s.text(6);
      const std::string items = s.text(7);
      std::size_t start = 0;
      while (start < items.size()) {
        std::size_t end = items.find(' ', start);
        if (end == std::string::npos) end = items.size();
        r.items.push_back(std::stoll(items.substr(start, end - start)));
        start = end + 1;
      }
      out.push_back(std::move(r));
    }
    return out;
  });
}

std::optional<std::string> Store::setting(const std::string& key) const {
  return impl_->guarded([&]() -> std::optional<std::string> {
    auto& s = impl_->stmt("SELECT value FROM settings WHERE key = ?");
    s.bind(1, std::string(detail::trim(key)));
    if (!s.step()) return std::nullopt;
    return s.text(0);
  });
}

void Store::set_setting(const std::string& key, const std::string& value) {
  const std::string k(detail::trim(key));
  if (k.empty()) throw InvalidArgumentError("a setting needs a name");
  impl_->write([&] {
    if (value.empty()) {
      auto& s = impl_->stmt("DELETE FROM settings WHERE key = ?");
      s.bind(1, k);
      s.exec();
    } else {
      auto& del = impl_->stmt("DELETE FROM settings WHERE key = ?");
      del.bind(1, k);
      del.exec();
      auto& s = impl_->stmt("INSERT INTO settings(key, value) VALUES (?, ?)");
      s.bind(1, k);
      s.bind(2, value);
      s.exec();
    }
  });
}

}  // namespace libtracker
