// The report's JSON form: what Python's to_dict() returns.

#include <nlohmann/json.hpp>

#include "libtracker/render.hpp"
#include "libtracker/text.hpp"
#include "render/meeting_json.hpp"
#include "store/item_codec.hpp"

namespace libtracker {
namespace {

nlohmann::json counts_json(const ReportCounts& c) {
  nlohmann::json j = nlohmann::json::object();
  for (ReportSection s : all_report_sections) j[std::string(to_string(s))] = c.of(s);
  return j;
}

}  // namespace

std::string render_json(const WeeklyReport& report, const RenderOptions& options) {
  nlohmann::json j;
  j["as_of"] = iso_date(report.as_of);
  j["period_start"] = iso_date(report.period_start);
  j["period_end"] = iso_date(report.period_end);
  j["period_days"] = report.period_days;
  nlohmann::json counts = counts_json(report.counts);
  nlohmann::json by_owner = nlohmann::json::array();
  for (const OwnerCounts& o : report.by_owner) {
    nlohmann::json row = counts_json(o.counts);
    row["owner"] = o.owner.empty() ? nlohmann::json(nullptr) : nlohmann::json(o.owner);
    by_owner.push_back(std::move(row));
  }
  counts["by_owner"] = std::move(by_owner);
  j["counts"] = std::move(counts);
  nlohmann::json sections = nlohmann::json::object();
  for (ReportSection s : all_report_sections) {
    nlohmann::json entries = nlohmann::json::array();
    for (const ReportEntry& e : report.section(s)) {
      nlohmann::json item = detail::item_to_json(e.item);
      item["overdue"] = e.overdue;
      if (s == ReportSection::overdue) item["days_overdue"] = e.days_overdue;
      if (s == ReportSection::slipped) {
        item["old_due"] =
            e.old_due ? nlohmann::json(iso_date(*e.old_due)) : nlohmann::json(nullptr);
        item["new_due"] =
            e.new_due ? nlohmann::json(iso_date(*e.new_due)) : nlohmann::json(nullptr);
      }
      entries.push_back(std::move(item));
    }
    sections[std::string(to_string(s))] = std::move(entries);
  }
  j["sections"] = std::move(sections);
  j["next_meeting"] =
      report.next_meeting ? detail::meeting_to_json(*report.next_meeting) : nlohmann::json(nullptr);
  // Invalid UTF-8 in user text becomes U+FFFD instead of failing the whole report.
  return j.dump(options.json_indent, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace libtracker
