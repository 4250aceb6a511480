// Owners (people and groups) and group membership.

#include "libtracker/email_address.hpp"
#include "libtracker/store.hpp"
#include "store/store_impl.hpp"
#include "store/writer.hpp"
#include "text/text_util.hpp"

namespace libtracker {

Owner Store::add_owner(const std::string& name, const std::string& initials) {
  const std::string clean(detail::trim(name));
  if (clean.empty()) throw InvalidArgumentError("an owner needs a name");
  return impl_->write([&] {
    detail::Writer w{*impl_, 0};
    const OwnerId id = w.owner_id(clean, nullptr);
    const std::string ini(detail::trim(initials));
    if (!ini.empty()) {
      auto& s = impl_->stmt("UPDATE owners SET initials = ? WHERE id = ?");
      s.bind(1, ini);
      s.bind(2, id);
      s.exec();
    }
    return owner(clean);
  });
}

Owner Store::set_owner_email(const std::string& name, const std::string& email) {
  const std::string address =
      detail::trim(email).empty() ? std::string() : parse_email_address(email);
  return impl_->write([&] {
    auto& s = impl_->stmt("UPDATE owners SET email = ? WHERE name = ? RETURNING id");
    s.bind(1, address);
    s.bind(2, std::string(detail::trim(name)));
    if (!s.step()) throw NotFoundError("no owner named \"" + name + "\"");
    s.exec();
    return owner(name);
  });
}

Owner Store::owner(const std::string& name) const {
  return impl_->guarded([&] {
    auto& s = impl_->stmt("SELECT id, name, initials, email FROM owners WHERE name = ?");
    s.bind(1, std::string(detail::trim(name)));
    if (!s.step()) throw NotFoundError("no owner named \"" + name + "\"");
    Owner o;
    o.id = s.integer(0);
    o.name = s.text(1);
    o.initials = s.text(2);
    o.email = s.text(3);
    auto& m = impl_->stmt(
        "SELECT o.name FROM group_members g JOIN owners o ON o.id = g.member_id "
        "WHERE g.group_id = ? ORDER BY o.name");
    m.bind(1, o.id);
    while (m.step()) o.members.push_back(m.text(0));
    return o;
  });
}

std::vector<Owner> Store::owners() const {
  return impl_->guarded([&] {
    std::vector<std::string> names;
    {
      auto& s = impl_->stmt("SELECT name FROM owners ORDER BY name");
      while (s.step()) names.push_back(s.text(0));
    }
    std::vector<Owner> out;
    for (const auto& n : names) out.push_back(owner(n));
    return out;
  });
}

void Store::add_member(const std::string& group, const std::string& member) {
  const std::string g(detail::trim(group)), m(detail::trim(member));
  if (g.empty() || m.empty()) throw InvalidArgumentError("a group and a member need names");
  if (detail::iequals(g, m)) throw InvalidArgumentError("a group cannot be its own member");
  impl_->write([&] {
    detail::Writer w{*impl_, 0};
    const OwnerId gid = w.owner_id(g, nullptr);
    const OwnerId mid = w.owner_id(m, nullptr);
    auto& s = impl_->stmt(
        "INSERT INTO group_members(group_id, member_id) VALUES (?, ?) ON CONFLICT DO NOTHING");
    s.bind(1, gid);
    s.bind(2, mid);
    s.exec();
  });
}

}  // namespace libtracker
