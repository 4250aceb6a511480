#pragma once
/// @file proposals.hpp
/// Meetings and deadlines stated in prose (a newsletter, a report, minutes): "The ccNSO Council
/// will meet on Thursday, 15 February 2024 at 18:00 UTC", "The ccPDP4 WG expects to complete
/// its work by 20 February 2024", "On Sunday, 3 March, the IGLC will hold a working session at
/// ICANN79". They are proposed, with the sentence each came from, for a person to accept;
/// nothing is written until some are accepted. Prose that states no date or names no
/// committee, group or team is not proposed.

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "libtracker/document.hpp"
#include "libtracker/extract.hpp"
#include "libtracker/meeting.hpp"

namespace libtracker {

enum class ProposalKind { meeting, item };

/// "meeting" or "item".
std::string_view to_string(ProposalKind kind) noexcept;

/// One meeting or deadline read from a sentence.
struct Proposal {
  ProposalKind kind = ProposalKind::meeting;
  /// The sentence it came from, on one line, and the line (or block) it starts on.
  std::string sentence;
  std::size_t line = 0;
  /// The committees, working groups or teams named, by their full name where the text gives
  /// it ("Internet Governance Liaison Committee" for "the IGLC").
  std::vector<std::string> owners;
  /// For each owner, the abbreviation it was written as ("IGLC"); empty when written in full.
  std::vector<std::string> abbreviations;
  /// A meeting's title ("ccNSO Council meeting") or an item's action ("Complete its work").
  std::string title;
  /// The meeting's day or the item's due date.
  boost::gregorian::date date{boost::date_time::not_a_date_time};
  /// The date as written ("Thursday, 15 February 2024").
  std::string date_text;
  /// A meeting's start ("18:00") and its time zone ("UTC") when the sentence gives them.
  std::optional<TimeOfDay> start;
  std::string time_zone;
  /// The event a meeting is held at ("ICANN79").
  std::string place;
};

struct ProposeOptions {
  /// The day dates without a year are read against; unset: the first full date the document
  /// states (with its year), else today.
  std::optional<boost::gregorian::date> reference;
  /// Today, for the fallback; unset: the system's day.
  std::optional<boost::gregorian::date> today;
};

struct Proposals {
  std::vector<Proposal> proposals;
  boost::gregorian::date reference{boost::date_time::not_a_date_time};
  ReferenceSource reference_source = ReferenceSource::today;
};

/// The meetings and deadlines @p document states in its sentences, in document order, each
/// once. An abbreviation is matched to its full name where the document writes both
/// ("Internet Governance Liaison Committee (IGLC)").
Proposals propose(const Document& document, const ProposeOptions& options = {});

}  // namespace libtracker
