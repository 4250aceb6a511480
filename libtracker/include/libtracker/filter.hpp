#pragma once
/// @file filter.hpp
/// The filter language shared by the CLI and Python's find("..."):
/// `state:open owner:"ICANN Org" tag:x meeting:3 due.before:2017-07-01 +overdue word`.

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <string_view>

#include "libtracker/date_parser.hpp"
#include "libtracker/query.hpp"

namespace libtracker {

/// Parses a filter into a Query. Terms: state:NAME (repeatable: any of), owner:NAME (quoted
/// with ' or " when it has spaces), tag:NAME, meeting:ID, due.before:DATE, due.after:DATE,
/// created.after/created.before:DATE, +overdue, +tbd, +nodue, +open, +closed, and bare words
/// for full-text search. Dates in any form parse_date accepts, against @p today.
/// @throw ParseError naming the filter and the position of the bad term.
Query parse_filter(std::string_view filter, boost::gregorian::date today,
                   const DateOptions& options = {});

}  // namespace libtracker
