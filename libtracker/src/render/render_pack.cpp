// The meeting pack in every report form: the same blocks as the weekly report's renderers
// show (one printed page per section in HTML), and its own CSV rows and JSON value.

#include <nlohmann/json.hpp>

#include "formats/csv_format.hpp"
#include "libtracker/meeting_pack.hpp"
#include "libtracker/text.hpp"
#include "render/meeting_json.hpp"
#include "render/render_blocks.hpp"
#include "render/value_text.hpp"
#include "report/meeting_blocks.hpp"
#include "report/report_blocks.hpp"
#include "store/item_codec.hpp"

namespace libtracker {
namespace {

std::string pack_title(const MeetingPack& pack) {
  return pack.meeting.title +
         (pack.meeting.date.is_special() ? std::string() : ", " + iso_date(pack.meeting.date));
}

nlohmann::json entry_json(const ReportEntry& e) {
  nlohmann::json item = detail::item_to_json(e.item);
  item["overdue"] = e.overdue;
  item["days_overdue"] = e.days_overdue;
  return item;
}

}  // namespace

namespace {

using detail::Block;
using detail::entries_table;
using detail::heading_block;
using detail::paragraph_block;
using detail::Table;
using detail::table_block;

/// The meeting pack as blocks: agenda, previous meeting's actions, open pages (each section
/// starts a printed page).
std::vector<Block> pack_blocks(const MeetingPack& pack, const RenderOptions& options) {
  std::vector<Block> out;
  const Meeting& m = pack.meeting;
  out.push_back(heading_block(1, pack_title(pack), "agenda", false));
  const std::string when = detail::meeting_when(m);
  if (!when.empty()) out.push_back(paragraph_block(when, "agenda"));

  out.push_back(heading_block(2, "Agenda", "agenda", true));
  out.push_back(table_block(detail::agenda_table(m), "agenda"));

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
           csv_cell(people) + ",,," + csv_cell(a.notes) + "," +
           detail::meeting_times(a.start, a.end) + ",\r\n";
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
