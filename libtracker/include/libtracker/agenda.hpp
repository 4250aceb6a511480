#pragma once
/// @file agenda.hpp
/// Reading meeting agendas from a Document (text, Word, PowerPoint, PDF, HTML alike): the
/// day-by-day grid of a conference (rows of block, duration, "09:45 – 10:15", session with its
/// chair and presenters, engagement level) and the bullet agenda of a call ("Proposed Agenda"
/// and its points).

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <optional>
#include <string>
#include <vector>

#include "libtracker/document.hpp"
#include "libtracker/meeting.hpp"
#include "libtracker/minutes_parser.hpp"

namespace libtracker {

/// What the reader cannot know from the document alone.
struct AgendaOptions {
  /// The meeting's day when the document states none (the reference date of the slides).
  std::optional<boost::gregorian::date> date;
  /// The time zone of times that name none (an IANA name, "UTC", "UTC+02:00").
  std::string time_zone;
  /// The series the meeting belongs to; empty: its title.
  std::string series;
};

/// What parse_agenda found: the meeting(s), unsaved (ids 0), and the lines it did not take.
struct ParsedAgenda {
  std::vector<Meeting> meetings;
  std::vector<SkippedLine> skipped;
};

/// True when @p document holds an agenda grid: rows with time ranges ("09:00 – 09:45").
bool has_agenda_grid(const Document& document);

/// True when @p document holds an agenda grid or an "Agenda" heading.
bool has_agenda(const Document& document);

/// Finds the agenda of @p document: its grid, else the bullet list after an "Agenda" heading
/// (or the first list after the title). Title, date, place and time zone come from the
/// document where it states them.
/// @throw ParseError naming document.source and the line for an end before its start,
/// overlapping sessions, an engagement level outside 1..3, an unknown time zone, or a document
/// with no agenda in it.
ParsedAgenda parse_agenda(const Document& document, const AgendaOptions& options = {});

/// The title and date a document names (its first lines: "SSR2 Staff, Co-Chairs Coordination",
/// "15 June 2017"); the date is std::nullopt when it states none.
struct DocumentHeading {
  /// The first line that is not a date, up to a dash before a place ("ccNSO Members Meeting").
  std::string title;
  /// The first date among the lines, read relative to the reference day.
  std::optional<boost::gregorian::date> date;
  /// What follows the title's dashes ("ICANN67 Cancun (MX)"), or else the line after it.
  std::string place;
};
/// The heading lines of @p document, up to its first list, table or "Agenda" heading; dates
/// without a year are read relative to @p reference (today without one), which is also the
/// date when the document states none.
DocumentHeading document_heading(const Document& document,
                                 std::optional<boost::gregorian::date> reference = std::nullopt);

}  // namespace libtracker
