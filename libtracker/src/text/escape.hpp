#pragma once
// User text made inert for each output: HTML, Markdown, and one terminal line (private to the
// library).

#include <string>
#include <string_view>

namespace libtracker::detail {

/// & < > " ' as character references.
std::string html_escape(std::string_view text);
/// A Markdown table cell or heading: backslash-escapes Markdown punctuation (| \ ` * _ [ ] ~ $),
/// writes < > & as character references, escapes characters that would start a block at the
/// beginning, and turns line breaks into <br> (cells) or spaces (headings).
std::string markdown_escape(std::string_view text, bool in_table = true);
/// Control characters (line breaks, tabs) as single spaces; invalid UTF-8 as U+FFFD.
std::string one_line(std::string_view text);

}  // namespace libtracker::detail
