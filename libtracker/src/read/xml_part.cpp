#include "read/xml_part.hpp"

#include <algorithm>
#include <vector>

#include "libtracker/error.hpp"
#include "read/zip_archive.hpp"

namespace libtracker::detail {

pugi::xml_document parse_xml_part(std::string& xml, const std::string& source,
                                  const std::string& member, const ReadLimits& limits) {
  pugi::xml_document doc;
  // parse_doctype keeps a DOCTYPE as a node so that it can be refused; without
  // parse_wconv_attribute/parse_eol only what the parts need is normalised.
  const unsigned options = pugi::parse_default | pugi::parse_doctype;
  const pugi::xml_parse_result result =
      doc.load_buffer_inplace(xml.data(), xml.size(), options, pugi::encoding_auto);
  if (!result) {
    // The offset is into the parser's buffer, which differs from @p xml after an encoding
    // conversion; in-place parsing also leaves NULs in @p xml.
    const std::size_t at =
        std::min(static_cast<std::size_t>(std::max<std::ptrdiff_t>(result.offset, 0)), xml.size());
    const std::size_t from = at > 40 ? at - 40 : 0;
    std::string excerpt = xml.substr(from, 80);
    for (char& c : excerpt)
      if (c == '\0') c = ' ';
    throw ParseError(std::string("malformed XML in ") + member + " (" + result.description() + ")",
                     excerpt, at - from, source);
  }
  // Iterative walk: a hostile part nested 10,000 deep must not recurse 10,000 times.
  std::size_t depth = 0;
  pugi::xml_node node = doc.first_child();
  while (node) {
    if (node.type() == pugi::node_doctype)
      throw ParseError("XML with a DOCTYPE in " + member +
                           " (entity declarations and external entities are not read)",
                       std::string(node.value()).substr(0, 80), 0, source);
    if (node.first_child()) {
      node = node.first_child();
      if (++depth > limits.max_depth)
        throw ParseError(
            "XML nested deeper than " + std::to_string(limits.max_depth) + " elements in " + member,
            std::string(node.name()), 0, source);
      continue;
    }
    while (node && !node.next_sibling()) {
      node = node.parent();
      if (depth == 0) break;
      --depth;
    }
    if (node) node = node.next_sibling();
  }
  return doc;
}

std::string_view local_name(const pugi::xml_node& node) noexcept {
  const std::string_view name = node.name();
  const std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

bool is(const pugi::xml_node& node, std::string_view name) noexcept {
  return node.type() == pugi::node_element && local_name(node) == name;
}

pugi::xml_node child(const pugi::xml_node& node, std::string_view name) noexcept {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling())
    if (is(c, name)) return c;
  return {};
}

pugi::xml_attribute attr(const pugi::xml_node& node, std::string_view name) noexcept {
  for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
    std::string_view n = a.name();
    const std::size_t colon = n.find(':');
    if (colon != std::string_view::npos) n = n.substr(colon + 1);
    if (n == name) return a;
  }
  return {};
}

pugi::xml_node descendant(const pugi::xml_node& node, std::string_view name) {
  return node.find_node([name](const pugi::xml_node& n) { return is(n, name); });
}

std::vector<std::pair<std::string, std::string>> read_relationships(ZipArchive& zip,
                                                                    const std::string& part,
                                                                    const ReadLimits& limits) {
  const std::size_t slash = part.rfind('/');
  const std::string dir = slash == std::string::npos ? std::string() : part.substr(0, slash + 1);
  const std::string file = slash == std::string::npos ? part : part.substr(slash + 1);
  const std::string rels_name = dir + "_rels/" + file + ".rels";
  std::string xml = zip.read(rels_name, /*required=*/false);
  std::vector<std::pair<std::string, std::string>> out;
  if (xml.empty()) return out;
  const pugi::xml_document doc = parse_xml_part(xml, zip.source(), rels_name, limits);
  for (pugi::xml_node r = child(doc, "Relationships").first_child(); r; r = r.next_sibling()) {
    if (!is(r, "Relationship")) continue;
    if (std::string_view(attr(r, "TargetMode").value()) == "External") continue;
    out.emplace_back(attr(r, "Id").value(), resolve_part(part, attr(r, "Target").value()));
  }
  return out;
}

}  // namespace libtracker::detail
