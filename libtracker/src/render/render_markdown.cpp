// The report as Markdown: headings, paragraphs and pipe tables.

#include "libtracker/render.hpp"
#include "render/render_blocks.hpp"
#include "report/report_blocks.hpp"
#include "text/escape.hpp"

namespace libtracker {

std::string detail::render_blocks_markdown(const std::vector<detail::Block>& blocks) {
  std::string out;
  for (const detail::Block& b : blocks) {
    switch (b.kind) {
      case detail::Block::Kind::heading:
        out += std::string(static_cast<std::size_t>(b.level), '#') + " " +
               detail::markdown_escape(b.text, false) + "\n\n";
        break;
      case detail::Block::Kind::paragraph:
        out += detail::markdown_escape(b.text, false) + "\n\n";
        break;
      case detail::Block::Kind::table: {
        const detail::Table& t = b.table;
        if (t.rows.empty()) {
          out += detail::markdown_escape(t.empty_text, false) + "\n\n";
          break;
        }
        std::string header = "|", rule = "|";
        for (std::size_t c = 0; c < t.headers.size(); ++c) {
          header += " " + detail::markdown_escape(t.headers[c]) + " |";
          rule += t.rows.front()[c].numeric ? " ---: |" : " --- |";
        }
        out += header + "\n" + rule + "\n";
        for (const auto& row : t.rows) {
          std::string line = "|";
          for (const detail::TableCell& cell : row)
            line += " " + detail::markdown_escape(cell.text) + " |";
          out += line + "\n";
        }
        out += "\n";
        break;
      }
    }
  }
  while (out.size() >= 2 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n')
    out.pop_back();
  return out;
}

std::string render_markdown(const WeeklyReport& report, const RenderOptions& options) {
  return detail::render_blocks_markdown(detail::report_blocks(report, options));
}

}  // namespace libtracker
