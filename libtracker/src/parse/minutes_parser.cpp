// Minutes and slides as text: the text reader, then the extractor.

#include "libtracker/minutes_parser.hpp"

#include "libtracker/readers.hpp"

namespace libtracker {

ParsedMinutes parse_action_items(std::string_view text, boost::gregorian::date reference,
                                 const DateOptions& options) {
  ExtractOptions extract;
  extract.reference = reference;
  extract.dates = options;
  return parse_action_items(text, extract);
}

ParsedMinutes parse_action_items(std::string_view text, const ExtractOptions& options,
                                 const std::string& source) {
  return extract_action_items(read_text_document(text, source), options);
}

}  // namespace libtracker
