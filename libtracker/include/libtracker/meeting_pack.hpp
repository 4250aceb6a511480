#pragma once
/// @file meeting_pack.hpp
/// The pack for a meeting: its agenda, what became of the actions raised at the previous
/// meeting of the series, and the open action items in "Review Open Action Items (1 of N)"
/// pages, all as of the meeting's day (rebuilt from history). Computed once, as data; its pages
/// are laid out by report_layout.hpp and the renderers in render.hpp write it as text,
/// Markdown, HTML, CSV or JSON.

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "libtracker/meeting.hpp"
#include "libtracker/report_layout.hpp"
#include "libtracker/weekly_report.hpp"

namespace libtracker {

class Store;

/// One meeting's pack.
struct MeetingPack {
  Meeting meeting;
  /// The day everything is as of: the meeting's date.
  boost::gregorian::date as_of{boost::date_time::not_a_date_time};
  /// The meeting before it in the series, if any.
  std::optional<Meeting> previous;
  /// The action items raised at the previous meeting, as they are on as_of (closed ones too),
  /// by id; overdue set for those still open past their due date.
  std::vector<ReportEntry> previous_actions;
  /// The open items on as_of, by due date (dated first, then TBD, then none), in pages.
  std::vector<ReportPage> open_pages;
  /// How many items are open, and how many of them overdue, on as_of.
  std::size_t open_count = 0;
  std::size_t overdue_count = 0;
};

/// Computes the pack of meeting @p id as of its date (today for an undated meeting).
/// @throw NotFoundError for an unknown meeting; StorageError.
MeetingPack meeting_pack(const Store& store, MeetingId id, const PackLayout& layout = {});

}  // namespace libtracker
