#pragma once
/// @file owner.hpp
/// People and groups who own action items.

#include <cstdint>
#include <string>
#include <vector>

namespace libtracker {

/// An owner's number in its store.
using OwnerId = std::int64_t;

/// A person ("James Gannon") or a group ("ICANN Org"). Names are unique, case-insensitively.
struct Owner {
  /// Given by the Store.
  OwnerId id = 0;
  /// "ICANN Org": unique in a store regardless of case.
  std::string name;
  /// Optional initials used in minutes ("GH").
  std::string initials;
  /// Optional e-mail address, checked by parse_email_address; empty when none is known.
  std::string email;
  /// Members, when the owner is a group.
  std::vector<std::string> members;
};

}  // namespace libtracker
