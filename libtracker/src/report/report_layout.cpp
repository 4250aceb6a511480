// The open table of a report laid out for reading: grouped by owner or state and cut into
// pages like the slides' "Review Open Action Items (1 of 3)", and a meeting pack's open items
// cut into pages by rows and lines of text. Layout only: the report's sections are computed in
// weekly_report.cpp, and nothing here changes what they contain.

#include "libtracker/report_layout.hpp"

#include <algorithm>
#include <iterator>
#include <map>

#include "libtracker/error.hpp"
#include "libtracker/text.hpp"
#include "text/text_util.hpp"

namespace libtracker {
namespace {

/// "Review Open Action Items (2 of 3)", or the bare title when there is one page.
std::string page_title(const std::string& title, std::size_t number, std::size_t count) {
  if (count == 1) return title;
  return title + " (" + std::to_string(number) + " of " + std::to_string(count) + ")";
}

}  // namespace

std::string_view to_string(GroupBy g) noexcept {
  switch (g) {
    case GroupBy::none:
      return "none";
    case GroupBy::owner:
      return "owner";
    case GroupBy::state:
      return "state";
  }
  return "none";
}

GroupBy group_by_from_string(std::string_view text) {
  const std::string t = detail::lower(detail::trim(text));
  if (t == "none" || t.empty()) return GroupBy::none;
  if (t == "owner" || t == "owners") return GroupBy::owner;
  if (t == "state" || t == "status") return GroupBy::state;
  throw ParseError("expected none, owner or state", std::string(text), 0, "group by");
}

std::vector<ReportPage> paginate(const WeeklyReport& report, const ReportLayout& layout) {
  // Groups first, then rows cut into pages; a group cut by a page break continues.
  std::vector<ReportGroup> groups;
  if (layout.group_by == GroupBy::none) {
    if (!report.open.empty()) groups.push_back({"", false, report.open});
  } else if (layout.group_by == GroupBy::state) {
    for (State s : all_states) {
      ReportGroup g{std::string(to_string(s)), false, {}};
      for (const ReportEntry& e : report.open)
        if (e.item.state == s) g.rows.push_back(e);
      if (!g.rows.empty()) groups.push_back(std::move(g));
    }
  } else {
    std::map<std::string, ReportGroup> by_owner;  // keyed by lower-case name
    for (const ReportEntry& e : report.open) {
      std::vector<std::string> seen;
      for (const std::string& owner : e.item.owners) {
        const std::string key = detail::lower(owner);
        if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
        seen.push_back(key);
        auto [it, fresh] = by_owner.try_emplace(key);
        if (fresh) it->second.key = owner;
        it->second.rows.push_back(e);
      }
    }
    ReportGroup unowned;
    for (const ReportEntry& e : report.open)
      if (e.item.owners.empty()) unowned.rows.push_back(e);
    for (auto& [key, g] : by_owner) groups.push_back(std::move(g));
    if (!unowned.rows.empty()) groups.push_back(std::move(unowned));
  }

  std::vector<ReportPage> pages(1);
  std::size_t on_page = 0;
  for (ReportGroup& g : groups) {
    std::size_t next = 0;
    bool continued = false;
    while (next < g.rows.size()) {
      if (layout.page_size > 0 && on_page == layout.page_size) {
        pages.emplace_back();
        on_page = 0;
      }
      const std::size_t room = layout.page_size > 0 ? layout.page_size - on_page : g.rows.size();
      const std::size_t take = std::min(room, g.rows.size() - next);
      ReportGroup part{g.key, continued, {}};
      part.rows.assign(
          std::make_move_iterator(g.rows.begin() + static_cast<std::ptrdiff_t>(next)),
          std::make_move_iterator(g.rows.begin() + static_cast<std::ptrdiff_t>(next + take)));
      pages.back().groups.push_back(std::move(part));
      next += take;
      on_page += take;
      continued = true;
    }
  }
  for (std::size_t i = 0; i < pages.size(); ++i) {
    pages[i].number = i + 1;
    pages[i].page_count = pages.size();
    pages[i].title = page_title(layout.title, i + 1, pages.size());
  }
  return pages;
}

std::vector<ReportPage> paginate_entries(const std::vector<ReportEntry>& entries,
                                         const PackLayout& layout) {
  const std::size_t width = std::max<std::size_t>(layout.line_width, 1);
  auto lines_of = [&](const ReportEntry& e) {
    const std::size_t columns = display_width(e.item.text) + display_width(e.item.details);
    return std::max<std::size_t>(1, (columns + width - 1) / width);
  };
  std::vector<std::vector<ReportEntry>> pages(1);
  std::size_t used = 0;
  for (const ReportEntry& e : entries) {
    const std::size_t lines = lines_of(e);
    auto& page = pages.back();
    const bool full = (layout.page_size > 0 && page.size() >= layout.page_size) ||
                      (layout.page_lines > 0 && !page.empty() && used + lines > layout.page_lines);
    if (full) {
      pages.emplace_back();
      used = 0;
    }
    pages.back().push_back(e);
    used += lines;
  }
  std::vector<ReportPage> out;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    ReportPage p;
    p.number = i + 1;
    p.page_count = pages.size();
    p.title = page_title(layout.title, i + 1, pages.size());
    if (!pages[i].empty()) {
      ReportGroup g;
      g.rows = std::move(pages[i]);
      p.groups.push_back(std::move(g));
    }
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace libtracker
