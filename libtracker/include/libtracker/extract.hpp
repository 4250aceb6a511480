#pragma once
/// @file extract.hpp
/// Finds the action items in a Document, whichever reader made it (text, CSV, Word,
/// PowerPoint, Excel, PDF, HTML): tables whose header names an action, lists under headings
/// about actions, "Action:" lines; owners and due dates from columns, labels or the sentence;
/// states from status columns and from headings ("Completed actions").

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "libtracker/action_item.hpp"
#include "libtracker/date_parser.hpp"
#include "libtracker/document.hpp"

namespace libtracker {

/// A part of the input that looked like part of an action list but was not taken, and why.
struct SkippedLine {
  /// 1-based line of the input.
  std::size_t line = 0;
  /// The line's text, trimmed.
  std::string text;
  /// Why it was not taken ("status not understood (...)").
  std::string reason;
  /// The part of a structured file it is in ("slide 3"); empty for text.
  std::string part;
};

/// An item taken without a field that its text seems to give but does not say clearly (an
/// owner before "to ...", a due date after "by ..."): nothing was guessed; a person should
/// look at it.
struct ReviewNote {
  /// 1-based line the item starts on.
  std::size_t line = 0;
  std::string text;  ///< the item's text
  /// What a person should check.
  std::string reason;
  /// The part of a structured file it is in ("slide 3"); empty for text.
  std::string part;
};

/// Where the reference date of an extraction came from.
enum class ReferenceSource { caller, document, today };

/// "caller", "document" or "today".
std::string_view to_string(ReferenceSource source) noexcept;

/// How extract_action_items reads a document.
struct ExtractOptions {
  /// The day relative dates are read against (the meeting's date); unset: the date the
  /// document states in its first lines, else @ref today.
  std::optional<boost::gregorian::date> reference;
  /// Today, the last resort for the reference date; unset: the computer's local day.
  std::optional<boost::gregorian::date> today;
  /// Day/month order and event names.
  DateOptions dates;
  /// People and groups already known: "icann org" in a list is spelled as the known "ICANN Org",
  /// and a known name before "to <verb>" is read as the owner.
  std::vector<std::string> known_owners;
  /// A data file (CSV): the first row is the header and must name an action column, and a
  /// cell that cannot be read is a ParseError instead of a skipped line; texts are kept whole
  /// and rows are not merged as duplicates.
  bool strict = false;
};

/// What an extraction (or an import) found, besides the items themselves.
struct ImportOutcome {
  /// The items, unsaved (ids 0), in document order.
  std::vector<ActionItem> items;
  /// The line each item starts on (1-based; 0 when the input has no lines).
  std::vector<std::size_t> lines;
  /// The part of the input each item is in ("slide 3"; empty for text).
  std::vector<std::string> parts;
  /// Parts of action lists that were not taken (rows with too few cells, rows without an
  /// action, unreadable dates or owners, duplicates, text between table rows), with why.
  std::vector<SkippedLine> skipped;
  /// Items taken without a field they seem to give (see ReviewNote).
  std::vector<ReviewNote> needs_review;
  /// Header cells of action tables that name nothing the tracker keeps, as written, once each.
  std::vector<std::string> unknown_columns;
  /// The day relative dates were read against, and where it came from.
  boost::gregorian::date reference{boost::date_time::not_a_date_time};
  ReferenceSource reference_source = ReferenceSource::today;
};

/// Finds the action items in @p document (see the file comment). Items without a request
/// date are created on the document's date (the reference date, unless that is only today);
/// items under a heading about completed actions are done.
/// @throw ParseError naming the document's source and the line, with options.strict only.
ImportOutcome extract_action_items(const Document& document, const ExtractOptions& options = {});

/// The date a document states in its title lines ("15 June 2017", "Tuesday, 10 March 2020",
/// "2018-09-12"): a full date with its year in one of the first blocks; nullopt when none.
std::optional<boost::gregorian::date> document_date(const Document& document);

}  // namespace libtracker
