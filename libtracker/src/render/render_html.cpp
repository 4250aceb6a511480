// The report as one self-contained HTML document: inline CSS, no scripts, no external
// resources; A4 pages when printed, each page of the open table starting a new sheet.

#include "libtracker/render.hpp"
#include "render/render_blocks.hpp"
#include "report/report_blocks.hpp"
#include "text/escape.hpp"

namespace libtracker {
namespace {

// The page around a whole document; a fragment (Jupyter) leaves the page to its host.
constexpr const char* page_style = R"css(
:root { color-scheme: light; }
body { margin: 0; background: #fff; }
@page { size: A4; margin: 14mm 12mm; }
@media print { .libtracker-report { max-width: none; padding: 0; font-size: 9pt; } }
)css";

// Every rule is scoped to the report's wrapper so that, embedded in a notebook, it styles
// nothing else on the page.
constexpr const char* report_style = R"css(
.libtracker-report { font-family: "Segoe UI", "Helvetica Neue", Arial, "Noto Sans", "Noto Sans CJK SC", sans-serif;
       font-size: 10.5pt; line-height: 1.4; color: #1a1a1a; background: #fff;
       max-width: 1120px; margin: 0 auto; padding: 24px; }
.libtracker-report * { box-sizing: border-box; }
.libtracker-report h1 { font-size: 20pt; margin: 0 0 4px; }
.libtracker-report h2 { font-size: 14pt; margin: 28px 0 8px; border-bottom: 2px solid #1f4e79; padding-bottom: 3px; color: #1f4e79; }
.libtracker-report h3 { font-size: 11.5pt; margin: 16px 0 6px; }
.libtracker-report p { margin: 4px 0 12px; }
.libtracker-report p.empty { color: #666; font-style: italic; }
.libtracker-report table { width: 100%; border-collapse: collapse; margin: 0 0 12px; table-layout: auto; }
.libtracker-report th, .libtracker-report td { border: 1px solid #c8c8c8; padding: 4px 6px; text-align: left;
       vertical-align: top; overflow-wrap: anywhere; word-break: normal; }
.libtracker-report th { background: #e8eef5; font-weight: 600; min-width: 5em; }
.libtracker-report td.num, .libtracker-report th.num { text-align: right; white-space: nowrap; min-width: 0; }
.libtracker-report td.date { white-space: nowrap; }
.libtracker-report tbody tr:nth-child(even) { background: #f7f7f7; }
.libtracker-report tr.overdue { background: #fdecea !important; }
.libtracker-report tr.overdue td:first-child { border-left: 4px solid #c62828; }
.libtracker-report tr.overdue td.due { color: #b71c1c; font-weight: 600; }
.libtracker-report table.summary { width: auto; min-width: 280px; }
@media print {
  .libtracker-report h2.page { break-before: page; page-break-before: always; }
  .libtracker-report h2.page.first { break-before: auto; page-break-before: auto; }
  .libtracker-report thead { display: table-header-group; }
  .libtracker-report tr, .libtracker-report td, .libtracker-report th { break-inside: avoid; page-break-inside: avoid; }
  .libtracker-report h2, .libtracker-report h3 { break-after: avoid; page-break-after: avoid; }
  .libtracker-report * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
)css";

bool is_date_header(const std::string& h) {
  return h == "Due Date" || h == "Created" || h == "Closed" || h == "Old due" || h == "New due";
}

}  // namespace

namespace detail {

std::string render_blocks_html(const std::vector<Block>& blocks, const std::string& title,
                               bool fragment) {
  std::string out;
  if (!fragment) {
    out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += "<title>" + html_escape(title) + "</title>\n";
    out += "<style>" + std::string(page_style) + "</style>\n";
  }
  out += "<style>" + std::string(report_style) + "</style>\n";
  if (!fragment) out += "</head>\n<body>\n";
  out += "<div class=\"libtracker-report\">\n";
  bool first_page = true;
  for (const Block& b : blocks) {
    const std::string section = html_escape(b.section);
    switch (b.kind) {
      case Block::Kind::heading: {
        const std::string tag = "h" + std::to_string(b.level);
        std::string cls;
        if (b.page_break) {
          cls = first_page ? " class=\"page first\"" : " class=\"page\"";
          first_page = false;
        }
        out += "<" + tag + cls + ">" + html_escape(b.text) + "</" + tag + ">\n";
        break;
      }
      case Block::Kind::paragraph:
        out += "<p>" + html_escape(b.text) + "</p>\n";
        break;
      case Block::Kind::table: {
        const Table& t = b.table;
        if (t.rows.empty()) {
          out += "<p class=\"empty\">" + html_escape(t.empty_text) + "</p>\n";
          break;
        }
        out += "<table class=\"" + section + "\">\n<thead><tr>";
        for (std::size_t c = 0; c < t.headers.size(); ++c)
          out += std::string(t.rows.front()[c].numeric ? "<th class=\"num\">" : "<th>") +
                 html_escape(t.headers[c]) + "</th>";
        out += "</tr></thead>\n<tbody>\n";
        for (std::size_t r = 0; r < t.rows.size(); ++r) {
          out += t.overdue[r] ? "<tr class=\"overdue\">" : "<tr>";
          for (std::size_t c = 0; c < t.rows[r].size(); ++c) {
            const TableCell& cell = t.rows[r][c];
            const std::string& header = t.headers[c];
            std::string cls = cell.numeric ? "num" : is_date_header(header) ? "date" : "";
            if (header == "Due Date") cls += " due";
            out += cls.empty() ? "<td>" : "<td class=\"" + cls + "\">";
            // Line breaks in user text stay visible.
            std::string text = html_escape(cell.text);
            for (std::size_t p = text.find('\n'); p != std::string::npos;
                 p = text.find('\n', p + 4))
              text.replace(p, 1, "<br>");
            out += text + "</td>";
          }
          out += "</tr>\n";
        }
        out += "</tbody>\n</table>\n";
        break;
      }
    }
  }
  out += "</div>\n";
  if (!fragment) out += "</body>\n</html>\n";
  return out;
}

}  // namespace detail

std::string render_html(const WeeklyReport& report, const RenderOptions& options) {
  return detail::render_blocks_html(detail::report_blocks(report, options),
                                    "Weekly status report, as of " + iso_date(report.as_of),
                                    options.html_fragment);
}

}  // namespace libtracker
