// Report formats by name, and rendering in a format chosen at run time.

#include "libtracker/render.hpp"

#include "libtracker/error.hpp"
#include "text/text_util.hpp"

namespace libtracker {

std::string_view to_string(ReportFormat f) noexcept {
  switch (f) {
    case ReportFormat::text:
      return "text";
    case ReportFormat::markdown:
      return "markdown";
    case ReportFormat::html:
      return "html";
    case ReportFormat::csv:
      return "csv";
    case ReportFormat::json:
      return "json";
  }
  return "text";
}

ReportFormat report_format_from_string(std::string_view name) {
  const std::string n = detail::lower(detail::trim(name));
  if (n == "text" || n == "txt") return ReportFormat::text;
  if (n == "markdown" || n == "md") return ReportFormat::markdown;
  if (n == "html" || n == "htm") return ReportFormat::html;
  if (n == "csv") return ReportFormat::csv;
  if (n == "json") return ReportFormat::json;
  throw ParseError("expected text, md, html, csv or json", std::string(name), 0, "report format");
}

std::string render(const WeeklyReport& report, ReportFormat format, const RenderOptions& options) {
  switch (format) {
    case ReportFormat::text:
      return render_text(report, options);
    case ReportFormat::markdown:
      return render_markdown(report, options);
    case ReportFormat::html:
      return render_html(report, options);
    case ReportFormat::csv:
      return render_csv(report, options);
    case ReportFormat::json:
      return render_json(report, options);
  }
  return render_text(report, options);
}

}  // namespace libtracker
