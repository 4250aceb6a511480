#pragma once
/// @file import.hpp
/// Importing action-item lists into a store: atomic, and re-import updates instead of duplicating.

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "libtracker/action_item.hpp"
#include "libtracker/date_parser.hpp"
#include "libtracker/extract.hpp"
#include "libtracker/formats.hpp"
#include "libtracker/minutes_parser.hpp"
#include "libtracker/proposals.hpp"

namespace libtracker {

class Store;

/// How import_text reads and writes.
struct ImportOptions {
  /// What the input is: minutes, csv, json or taskwarrior (ics cannot be read).
  Format format = Format::csv;
  /// The day relative dates are read against (a meeting's date); unset: the date a minutes
  /// document states in its title lines, else the store's today.
  std::optional<boost::gregorian::date> reference;
  /// Day/month order and event names (the store's meetings are used when unset).
  DateOptions dates;
  /// Named in errors ("team.csv"); defaults to the format's name.
  std::string source;
  /// Items imported are linked to this meeting. Unset, minutes and slides are linked to the
  /// meeting they name by title and date (the date stated, else the reference), which is
  /// created, with the agenda they hold, when the store does not have it.
  std::optional<MeetingId> meeting;
  /// Agendas: the time zone of times that name none, and the series of the meeting.
  std::string time_zone;
  std::string series;
  /// Called with (items done, items total) as the import proceeds.
  std::function<void(std::size_t, std::size_t)> progress;
  /// Reads and matches everything, then rolls back: the result says what an import would do
  /// (the ids of items it would add are not kept), and the store is unchanged.
  bool dry_run = false;
};

/// What an import did, by item id.
struct ImportResult {
  /// Items new to the store.
  std::vector<ItemId> added;
  /// Items already stored that the input changed.
  std::vector<ItemId> updated;
  /// Items already stored exactly as the input has them.
  std::vector<ItemId> unchanged;
  /// Lines of the input that were not taken (minutes and agendas).
  std::vector<SkippedLine> skipped;
  /// Meetings an agenda (or minutes naming their meeting) added, and those it updated.
  std::vector<MeetingId> meetings_added;
  std::vector<MeetingId> meetings_updated;
  /// Items imported without a field their text seems to give (minutes only).
  std::vector<ReviewNote> needs_review;
  /// Header cells of the input's tables that name nothing the tracker keeps.
  std::vector<std::string> unknown_columns;
  /// The day relative dates were read against, and where it came from.
  boost::gregorian::date reference{boost::date_time::not_a_date_time};
  ReferenceSource reference_source = ReferenceSource::today;
  /// The items as read from the input, in its order (unsaved; with ImportOptions::dry_run).
  std::vector<ActionItem> items;
  bool dry_run = false;
};

/// Reads @p text in options.format and writes it into @p store in one transaction. An agenda
/// adds its meeting, or updates the meeting of the same title (or series) and date. An item
/// matching one already stored (by ref, i.e. item number or uuid, when the list has one; else
/// by text and owners) is updated, with its changes in history; others are added.
/// @throw ParseError naming the source and line (nothing is written); StorageError.
ImportResult import_text(Store& store, std::string_view text, const ImportOptions& options);

/// Reads @p text (minutes or a document format: options.format, options.source,
/// options.reference) and proposes the meetings and deadlines its prose states, numbered in
/// document order (see proposals.hpp). Nothing is written.
/// @throw ParseError naming the source, as import_text; InvalidArgumentError for a format
/// without prose (CSV, JSON, Taskwarrior, iCalendar).
Proposals propose_text(std::string_view text, const ImportOptions& options);

/// Writes the proposals a person accepted into @p store in one transaction: each meeting
/// (title, day, start and time zone, place; its series the owners), or the meeting of the same
/// title and day updated; each item (its action, the owners, the due date, the sentence as
/// details), or the stored item of the same text and owners left as it is. Owners are
/// created when new, with the abbreviation the text used as their initials.
/// @throw ParseError for a meeting validate() refuses (nothing is written); StorageError.
ImportResult accept_proposals(Store& store, const std::vector<Proposal>& accepted);

/// Reads @p text in @p format into unsaved items (ids 0), without a store.
/// @throw ParseError naming the source and line.
std::vector<ActionItem> parse_items(std::string_view text, Format format,
                                    boost::gregorian::date reference, const DateOptions& dates = {},
                                    const std::string& source = {});

}  // namespace libtracker
