#pragma once
// The Document an import reads its input into (private to the library).

#include <optional>
#include <string>
#include <string_view>

#include "libtracker/document.hpp"
#include "libtracker/formats.hpp"

namespace libtracker::detail {

/// The document of @p text for the formats read through a Document (minutes, agendas, Word,
/// PowerPoint, Excel, PDF, HTML); std::nullopt for the others. An agenda is text unless its
/// content says it is one of the document formats.
/// @throw ParseError naming @p source as the reader does.
std::optional<Document> read_source_document(std::string_view text, Format format,
                                             const std::string& source);

}  // namespace libtracker::detail
