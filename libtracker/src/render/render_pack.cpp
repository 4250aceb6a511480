// The meeting pack in every report form: the same blocks as the weekly report's renderers
// show (one printed page per section in HTML), and its own CSV rows and JSON value.

#include <nlohmann/json.hpp>

#include "formats/csv_format.hpp"
#include "libtracker/meeting_pack.hpp"
#include "libtracker/text.hpp"
#include "render/render_blocks.hpp"
#include "render/value_text.hpp"
#include "report/report_blocks.hpp"
#include "store/item_codec.hpp"

namespace libtracker {
namespace {

std::string pack_title(const MeetingPack& pack) {
  return pack.meeting.title +
         (pack.meeting.date.is_special() ? std::string() : ", " + iso_date(pack.meeting.date));
}

std::string times(const std::optional<TimeOfDay>& start, const std::optional<TimeOfDay>& end) {
  if (!start) return {};
  return time_of_day_text(*start) + (end ? "-" + time_of_day_text(*end) : std::string());
}

nlohmann::json optional_time(const std::optional<TimeOfDay>& t) {
  return t ? nlohmann::json(time_of_day_text(*t)) : nlohmann::json(nullptr);
}

nlohmann::json people_json(const std::vector<Participant>& people) {
  nlohmann::json out = nlohmann::json::array();
  for (const Participant& p : people)
    out.push_back({{"name", p.name}, {"affiliation", p.affiliation}});
  return out;
}

nlohmann::json entry_json(const ReportEntry& e) {
  nlohmann::json item = detail::item_to_json(e.item);
  item["overdue"] = e.overdue;
  item["days_overdue"] = e.days_overdue;
  return item;
}

}  // namespace

namespace detail {

nlohmann::json meeting_to_json(const Meeting& m) {
  nlohmann::json j;
  j["id"] = m.id;
  j["title"] = m.title;
  j["series"] = m.series_name();
  j["date"] = m.date.is_special() ? nlohmann::json(nullptr) : nlohmann::json(iso_date(m.date));
  j["end_date"] =
      m.end_date.is_special() ? nlohmann::json(nullptr) : nlohmann::json(iso_date(m.end_date));
  j["start"] = optional_time(m.start);
  j["end"] = optional_time(m.end);
  j["time_zone"] = m.time_zone;
  j["place"] = m.place;
  nlohmann::json agenda = nlohmann::json::array();
  for (const AgendaItem& a : m.agenda) {
    nlohmann::json row;
    row["id"] = a.id;
    row["position"] = a.position;
    row["day"] = a.day;
    row["start"] = optional_time(a.start);
    row["end"] = optional_time(a.end);
    row["duration"] = a.duration ? nlohmann::json(*a.duration) : nlohmann::json(nullptr);
    row["block"] = a.block;
    row["title"] = a.title;
    row["kind"] = to_string(a.kind);
    row["chairs"] = people_json(a.chairs);
    row["presenters"] = people_json(a.presenters);
    row["engagement"] = a.engagement ? nlohmann::json({a.engagement->low, a.engagement->high})
                                     : nlohmann::json(nullptr);
    row["to_be_confirmed"] = a.to_be_confirmed;
    row["notes"] = a.notes;
    agenda.push_back(std::move(row));
  }
  j["agenda"] = std::move(agenda);
  return j;
}

}  // namespace detail

namespace {

using detail::Block;
using detail::entries_table;
using detail::heading_block;
using detail::paragraph_block;
using detail::Table;
using detail::table_block;
using detail::TableCell;

/// The meeting pack as blocks: agenda, previous meeting's actions, open pages (each section
/// starts a printed page).
std::vector<Block> pack_blocks(const MeetingPack& pack, const RenderOptions& options) {
  std::vector<Block> out;
  const Meeting& m = pack.meeting;
  out.push_back(heading_block(1, pack_title(pack), "agenda", false));
  std::string when = iso_date(m.date);
  if (!m.end_date.is_special()) when += " to " + iso_date(m.end_date);
  if (m.start) when += ", " + times(m.start, m.end);
  if (!m.time_zone.empty()) when += " " + m.time_zone;
  if (!m.place.empty()) when += "; " + m.place;
  if (!when.empty()) out.push_back(paragraph_block(when, "agenda"));

  out.push_back(heading_block(2, "Agenda", "agenda", true));
  const bool days = !m.end_date.is_special();
  bool any_time = false, any_block = false, any_chair = false, any_presenter = false,
       any_level = false;
  for (const AgendaItem& a : m.agenda) {
    any_time |= a.start.has_value() || a.duration.has_value();
    any_block |= !a.block.empty();
    any_chair |= !a.chairs.empty();
    any_presenter |= !a.presenters.empty();
    any_level |= a.engagement.has_value();
  }
  Table agenda;
  agenda.empty_text = "No agenda.";
  agenda.headers.push_back("#");
  if (days) agenda.headers.push_back("Day");
  if (any_time) agenda.headers.push_back("Time");
  if (any_block) agenda.headers.push_back("Block");
  agenda.headers.push_back("Item");
  if (any_chair) agenda.headers.push_back("Chair");
  if (any_presenter) agenda.headers.push_back("Presenters");
  if (any_level) agenda.headers.push_back("Level");
  agenda.headers.push_back("Notes");
  for (const AgendaItem& a : m.agenda) {
    std::vector<TableCell> row{{std::to_string(a.position), true}};
    if (days)
      row.push_back({m.date.is_special() ? std::to_string(a.day)
                                         : iso_date(m.date + boost::gregorian::days(a.day - 1)),
                     false});
    if (any_time) {
      std::string t = times(a.start, a.end);
      if (a.duration) t += (t.empty() ? "" : " ") + ("(" + std::to_string(*a.duration) + " min)");
      row.push_back({t, false});
    }
    if (any_block) row.push_back({a.block, false});
    std::string title = a.title;
    if (a.kind == AgendaKind::break_time) title += " (break)";
    if (a.to_be_confirmed) title += " (TBC)";
    row.push_back({title, false});
    if (any_chair) row.push_back({participants_text(a.chairs), false});
    if (any_presenter) row.push_back({participants_text(a.presenters), false});
    if (any_level) row.push_back({a.engagement ? to_string(*a.engagement) : std::string(), false});
    row.push_back({a.notes, false});
    agenda.rows.push_back(std::move(row));
    agenda.overdue.push_back(false);
  }
  out.push_back(table_block(std::move(agenda), "agenda"));

  const bool ids = options.show_ids;
  if (pack.previous) {
    out.push_back(heading_block(2,
                                "Actions from the previous meeting (" + pack.previous->title +
                                    ", " + iso_date(pack.previous->date) + ")",
                                "previous", true));
    Table t = entries_table(pack.previous_actions, ids);
    t.empty_text = "No action items were raised at the previous meeting.";
    out.push_back(table_block(std::move(t), "previous"));
  } else {
    out.push_back(heading_block(2, "Actions from the previous meeting", "previous", true));
    out.push_back(paragraph_block("No earlier meeting of this series.", "previous"));
  }

  for (const ReportPage& page : pack.open_pages) {
    out.push_back(heading_block(2, page.title, "open", true));
    if (page.groups.empty()) out.push_back(paragraph_block("No open action items.", "open"));
    for (const ReportGroup& g : page.groups)
      out.push_back(table_block(entries_table(g.rows, ids), "open"));
  }
  return out;
}

}  // namespace

std::string render_markdown(const MeetingPack& pack, const RenderOptions& options) {
  return detail::render_blocks_markdown(pack_blocks(pack, options));
}

std::string render_html(const MeetingPack& pack, const RenderOptions& options) {
  return detail::render_blocks_html(pack_blocks(pack, options), "Meeting pack: " + pack_title(pack),
                                    options.html_fragment);
}

std::string render_text(const MeetingPack& pack, const RenderOptions& options) {
  return detail::render_blocks_text(pack_blocks(pack, options), options.width);
}

std::string render_csv(const MeetingPack& pack, const RenderOptions& /*options*/) {
  using detail::csv_cell;
  std::string out = "section,page,number,text,owners,due,state,status_note,time,overdue\r\n";
  for (const AgendaItem& a : pack.meeting.agenda) {
    std::string people = participants_text(a.chairs);
    const std::string presenters = participants_text(a.presenters);
    if (!presenters.empty()) people += (people.empty() ? "" : "; ") + presenters;
    out += "agenda,," + std::to_string(a.position) + "," + csv_cell(a.title) + "," +
           csv_cell(people) + ",,," + csv_cell(a.notes) + "," + times(a.start, a.end) + ",\r\n";
  }
  auto item_row = [&](const std::string& section, const std::string& page, const ReportEntry& e) {
    const ActionItem& it = e.item;
    out += section + "," + page + "," + std::to_string(it.id) + "," + csv_cell(it.text) + "," +
           csv_cell(join(it.owners, "; ")) + "," + csv_cell(detail::due_text(it.due)) + "," +
           std::string(to_string(it.state)) + "," + csv_cell(it.status_note) + ",," +
           (e.overdue ? "true" : "false") + "\r\n";
  };
  for (const ReportEntry& e : pack.previous_actions) item_row("previous", "", e);
  for (const ReportPage& p : pack.open_pages)
    for (const ReportGroup& g : p.groups)
      for (const ReportEntry& e : g.rows) item_row("open", std::to_string(p.number), e);
  return out;
}

std::string render_json(const MeetingPack& pack, const RenderOptions& options) {
  nlohmann::json j;
  j["as_of"] = iso_date(pack.as_of);
  j["meeting"] = detail::meeting_to_json(pack.meeting);
  j["previous"] = pack.previous ? detail::meeting_to_json(*pack.previous) : nlohmann::json(nullptr);
  nlohmann::json previous = nlohmann::json::array();
  for (const ReportEntry& e : pack.previous_actions) previous.push_back(entry_json(e));
  j["previous_actions"] = std::move(previous);
  nlohmann::json pages = nlohmann::json::array();
  for (const ReportPage& p : pack.open_pages) {
    nlohmann::json items = nlohmann::json::array();
    for (const ReportGroup& g : p.groups)
      for (const ReportEntry& e : g.rows) items.push_back(entry_json(e));
    pages.push_back({{"title", p.title},
                     {"number", p.number},
                     {"page_count", p.page_count},
                     {"items", std::move(items)}});
  }
  j["open_pages"] = std::move(pages);
  j["counts"] = {{"open", pack.open_count}, {"overdue", pack.overdue_count}};
  return j.dump(options.json_indent, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string render(const MeetingPack& pack, ReportFormat format, const RenderOptions& options) {
  switch (format) {
    case ReportFormat::text:
      return render_text(pack, options);
    case ReportFormat::markdown:
      return render_markdown(pack, options);
    case ReportFormat::html:
      return render_html(pack, options);
    case ReportFormat::csv:
      return render_csv(pack, options);
    case ReportFormat::json:
      return render_json(pack, options);
  }
  return render_text(pack, options);
}

}  // namespace libtracker
