#pragma once
// The extractor's full result for the importers: each item with the fields its input gave
// (private to the library).

#include <vector>

#include "formats/imported_item.hpp"
#include "libtracker/extract.hpp"

namespace libtracker::detail {

struct Extraction {
  std::vector<ImportedItem> items;
  /// Everything but the items (items, lines and parts are left empty).
  ImportOutcome outcome;
};

/// extract_action_items, with the fields each item's input gave a value for (an empty cell
/// gives none, so a re-import does not erase what the tracker knows).
/// @throw ParseError with options.strict only.
Extraction extract_items(const Document& document, const ExtractOptions& options);

}  // namespace libtracker::detail
