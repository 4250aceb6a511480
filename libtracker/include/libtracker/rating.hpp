#pragma once
/// @file rating.hpp
/// Impact and effort ratings (high/medium/low), as rated in break-out sessions.

#include <string_view>

namespace libtracker {

/// A three-step rating, lowest first. Stored as its number: never renumber.
enum class Rating { low = 0, medium = 1, high = 2 };

/// "low", "medium" or "high".
std::string_view to_string(Rating r) noexcept;

/// Reads "high"/"h", "medium"/"med"/"m", "low"/"l" (case-insensitive).
/// @throw ParseError for anything else.
Rating rating_from_string(std::string_view text);

}  // namespace libtracker
