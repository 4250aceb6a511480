#pragma once
// Owners and due dates written in an action's sentence: "Staff to provide ...", "Denise
// Michel and Žarko Kecić to draft the note by 3 March" (private to the library).

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "libtracker/date_parser.hpp"
#include "libtracker/due.hpp"

namespace libtracker::detail {

/// What the words before "to <verb>" say about the owners.
struct SentenceOwners {
  std::vector<std::string> owners;  ///< empty when the sentence names none clearly
  /// A short phrase stands before "to <verb>" but does not read as names, known owners or
  /// a group ("Someone from the team to check ..."): a person should decide.
  std::string unclear;
};

/// The owners a sentence names before "to <verb>": names (capitalised words), owners in
/// @p known, or groups (staff, org, RT, co-chairs, members, all, leadership, subgroup, team,
/// ...), joined by ",", "and", "&" or "/". An imperative sentence ("Share links to ...")
/// names none.
SentenceOwners owners_in_sentence(std::string_view text, const std::vector<std::string>& known);

/// What a trailing "by / before / no later than / ahead of <date>" says.
struct SentenceDue {
  std::optional<Due> due;  ///< a calendar date, with the text as written ("3 March")
  /// The words after "by" look like a date (a number, a month or a day name) but are not
  /// one that can be read.
  std::string unclear;
};

SentenceDue due_in_sentence(std::string_view text, boost::gregorian::date reference,
                            const DateOptions& options);

}  // namespace libtracker::detail
