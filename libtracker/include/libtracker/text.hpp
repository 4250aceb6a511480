#pragma once
/// @file text.hpp
/// How libtracker writes values as text, calendar dates in ISO form and lists with a
/// separator, and how wide text is on a terminal. The library, the `tracker` tool and the
/// Python bindings all write through these, so a date or a list of owners reads the same in
/// every output.

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace libtracker {

/// The ISO 8601 form of @p day, "2017-06-15"; "" for a special date (not a date, or an
/// infinity). Written without stream formatting: reports and tables write one per row.
std::string iso_date(boost::gregorian::date day);

/// @p parts with @p separator between each two of them (an empty part still gets its
/// separators): join({"Co-Chairs", "James Gannon"}, ", ") is "Co-Chairs, James Gannon".
std::string join(const std::vector<std::string>& parts, std::string_view separator);

/// The number of terminal columns @p utf8 takes (East Asian wide characters 2, combining
/// marks and zero-width characters 0, invalid bytes 1 each).
std::size_t display_width(std::string_view utf8) noexcept;

}  // namespace libtracker
