// The report as plain text for a terminal: columns measured in display cells, so names with
// diacritics or CJK characters line up, and cut with an ellipsis to fit the width.

#include <algorithm>

#include "libtracker/render.hpp"
#include "render/render_blocks.hpp"
#include "render/value_text.hpp"
#include "report/report_blocks.hpp"
#include "text/escape.hpp"
#include "text/width.hpp"

namespace libtracker {
namespace {

constexpr std::size_t gap = 2;         // spaces between columns
constexpr std::size_t min_column = 6;  // a column is never cut narrower than this

/// Lays out @p t in at most @p width columns; overdue rows start with "!".
std::string text_table(const detail::Table& t, std::size_t width) {
  const std::size_t n = t.headers.size();
  const bool marks = std::any_of(t.overdue.begin(), t.overdue.end(), [](bool b) { return b; });
  const std::size_t prefix = marks ? 2 : 0;
  std::vector<std::vector<std::string>> cells(t.rows.size(), std::vector<std::string>(n));
  std::vector<std::size_t> widths(n, 0);
  for (std::size_t c = 0; c < n; ++c) widths[c] = display_width(t.headers[c]);
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    for (std::size_t c = 0; c < n; ++c) {
      cells[r][c] = detail::one_line(t.rows[r][c].text);
      widths[c] = std::max(widths[c], display_width(cells[r][c]));
    }
  }
  // Narrow the widest column, one cell at a time, until the table fits.
  auto total = [&] {
    std::size_t sum = prefix + (n > 0 ? (n - 1) * gap : 0);
    for (std::size_t w : widths) sum += w;
    return sum;
  };
  for (std::size_t sum = total(); sum > width;) {
    auto widest = std::max_element(widths.begin(), widths.end());
    if (*widest <= min_column) break;
    const std::size_t second = [&] {
      std::size_t s = min_column;
      for (auto it = widths.begin(); it != widths.end(); ++it)
        if (it != widest) s = std::max(s, *it);
      return s;
    }();
    // Take what is needed, but not below the next widest column (then share the cut).
    const std::size_t cut = std::min(sum - width, *widest - std::max(second, min_column));
    *widest -= std::max<std::size_t>(cut, 1);
    sum = total();
  }
  auto line = [&](const std::vector<std::string>& values, std::size_t row, bool header) {
    std::string out;
    if (marks) out += (!header && t.overdue[row]) ? "! " : "  ";
    for (std::size_t c = 0; c < n; ++c) {
      const bool numeric = !t.rows.empty() && t.rows.front()[c].numeric;
      std::string cell = detail::fit(values[c], widths[c], numeric);
      if (c + 1 == n) {
        while (!cell.empty() && cell.back() == ' ') cell.pop_back();
      }
      out += cell;
      if (c + 1 < n) out += std::string(gap, ' ');
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\n";
  };
  std::string out = line(t.headers, 0, true);
  std::string rule(prefix, ' ');
  for (std::size_t c = 0; c < n; ++c) {
    rule += std::string(widths[c], '-');
    if (c + 1 < n) rule += std::string(gap, ' ');
  }
  out += rule + "\n";
  for (std::size_t r = 0; r < cells.size(); ++r) out += line(cells[r], r, false);
  return out;
}

}  // namespace

namespace detail {

std::string render_blocks_text(const std::vector<Block>& blocks, std::size_t width) {
  width = std::max<std::size_t>(width, 40);
  std::string out;
  for (const Block& b : blocks) {
    switch (b.kind) {
      case detail::Block::Kind::heading: {
        const std::string text = detail::truncate_to_width(detail::one_line(b.text), width);
        if (!out.empty()) out += "\n";
        if (b.level == 3) {
          out += text + ":\n";
        } else {
          out += text + "\n" + std::string(display_width(text), b.level == 1 ? '=' : '-') + "\n";
        }
        break;
      }
      case detail::Block::Kind::paragraph:
        out += detail::one_line(b.text) + "\n";
        break;
      case detail::Block::Kind::table:
        out += b.table.rows.empty() ? b.table.empty_text + "\n" : text_table(b.table, width);
        break;
    }
  }
  return out;
}

}  // namespace detail

std::string render_text(const WeeklyReport& report, const RenderOptions& options) {
  return detail::render_blocks_text(detail::report_blocks(report, options), options.width);
}

std::string render_items_text(const std::vector<ActionItem>& items, boost::gregorian::date today,
                              std::size_t width) {
  detail::Table t;
  t.headers = {"ID", "Action", "Owner", "Due Date", "Status"};
  t.empty_text = "No items.";
  for (const ActionItem& it : items) {
    t.rows.push_back({{std::to_string(it.id), true},
                      {it.text, false},
                      {detail::owners_text(it), false},
                      {detail::due_text(it.due), false},
                      {detail::status_text(it), false}});
    t.overdue.push_back(!today.is_special() && it.is_overdue(today));
  }
  if (t.rows.empty()) return t.empty_text + "\n";
  return text_table(t, std::max<std::size_t>(width, 40));
}

}  // namespace libtracker
