#pragma once
// Report blocks written as HTML, as text and as Markdown: what render_html, render_text and
// render_markdown write, for other layouts of blocks (reminders, the meeting pack) to share
// (private to the library).

#include <cstddef>
#include <string>
#include <vector>

#include "report/report_blocks.hpp"

namespace libtracker::detail {

/// Blocks as one self-contained HTML document titled @p title (or, with @p fragment, the
/// report's <div> alone), with the report's styles: what render_html writes.
std::string render_blocks_html(const std::vector<Block>& blocks, const std::string& title,
                               bool fragment);
/// Blocks as plain text fitted to @p width columns (at least 40): what render_text writes.
std::string render_blocks_text(const std::vector<Block>& blocks, std::size_t width);
/// Blocks as Markdown: what render_markdown writes.
std::string render_blocks_markdown(const std::vector<Block>& blocks);

}  // namespace libtracker::detail
