#pragma once
// How many terminal columns text takes, and text cut or padded to a number of columns
// (private to the library; display_width is public, in libtracker/text.hpp).

#include <cstddef>
#include <string>
#include <string_view>

#include "libtracker/text.hpp"

namespace libtracker::detail {

/// 0 for control, combining and zero-width characters, 2 for East Asian wide and emoji, else 1.
int code_point_width(char32_t c) noexcept;
/// @p text cut to at most @p width columns, ending in "…" when cut.
std::string truncate_to_width(std::string_view text, std::size_t width);
/// @p text cut to @p width columns and padded with spaces (on the left when @p right_align).
std::string fit(std::string_view text, std::size_t width, bool right_align = false);

}  // namespace libtracker::detail
