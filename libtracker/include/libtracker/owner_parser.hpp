#pragma once
/// @file owner_parser.hpp
/// Owner lists as written in minutes: "Co-Chairs, James Gannon, Boban Krsic".

#include <string>
#include <string_view>
#include <vector>

namespace libtracker {

/// Splits an owner list on ",", ";", "/", "&" and the word "and"; trims each name; keeps
/// hyphens and diacritics. A name equal, case-insensitively, to one of @p known is returned
/// in its known spelling ("ICANN org" -> "ICANN Org"). Duplicates are dropped.
/// @throw ParseError for an empty name between separators or text that is not a name.
std::vector<std::string> parse_owners(std::string_view text,
                                      const std::vector<std::string>& known = {});

}  // namespace libtracker
