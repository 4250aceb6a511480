#pragma once
// XML parts of Office files, parsed with pugixml within the limits of ReadLimits, and the
// helpers the readers share to walk them by local name (namespace prefixes vary by producer).

#include <pugixml.hpp>
#include <string>
#include <string_view>

#include "libtracker/readers.hpp"

namespace libtracker::detail {

/// @p xml parsed. pugixml never expands entities declared in a DTD nor loads external ones;
/// a DOCTYPE is refused outright, since no Office part has one.
/// @throw ParseError naming @p source and @p member for malformed XML, a DOCTYPE, or
///        elements nested deeper than limits.max_depth.
pugi::xml_document parse_xml_part(std::string& xml, const std::string& source,
                                  const std::string& member, const ReadLimits& limits);

/// The name without its namespace prefix ("w:p" -> "p").
std::string_view local_name(const pugi::xml_node& node) noexcept;
/// Whether @p node is an element with that local name.
bool is(const pugi::xml_node& node, std::string_view name) noexcept;
/// The first child element with that local name (empty node when none).
pugi::xml_node child(const pugi::xml_node& node, std::string_view name) noexcept;
/// The attribute with that local name (empty attribute when none).
pugi::xml_attribute attr(const pugi::xml_node& node, std::string_view name) noexcept;
/// The first descendant element with that local name, depth first (empty node when none).
pugi::xml_node descendant(const pugi::xml_node& node, std::string_view name);

/// The relationships of @p part (id -> resolved member name), from its _rels file.
std::vector<std::pair<std::string, std::string>> read_relationships(class ZipArchive& zip,
                                                                    const std::string& part,
                                                                    const ReadLimits& limits);

}  // namespace libtracker::detail
