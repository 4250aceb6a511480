// PowerPoint (.pptx): the slides in presentation order (ppt/presentation.xml's slide list).
// On each slide the title comes first (a heading), then the other shapes in the slide's own
// order: text frames as paragraphs or list items (body placeholders and explicit bullets are
// lists, a:pPr/@lvl is the level), tables (a:tbl) as tables with merged cells read once.
// Groups are entered; speaker notes, comments and layouts are not read.

#include <vector>

#include "read/document_builder.hpp"
#include "read/office_readers.hpp"
#include "read/xml_part.hpp"
#include "read/zip_archive.hpp"

namespace libtracker::detail {
namespace {

/// A text frame's paragraph text: runs, fields and line breaks.
std::string paragraph_text(const pugi::xml_node& p) {
  std::string text;
  for (pugi::xml_node n = p.first_child(); n; n = n.next_sibling()) {
    if (is(n, "r") || is(n, "fld"))
      text += child(n, "t").text().get();
    else if (is(n, "br"))
      text += ' ';
  }
  return text;
}

/// Every paragraph of a text body joined by "\n" (a table cell).
std::string body_text(const pugi::xml_node& tx_body) {
  std::string text;
  for (pugi::xml_node p = tx_body.first_child(); p; p = p.next_sibling()) {
    if (!is(p, "p")) continue;
    const std::string t = paragraph_text(p);
    if (trim(t).empty()) continue;
    if (!text.empty()) text += '\n';
    text += t;
  }
  return text;
}

class PptxReader {
 public:
  PptxReader(std::string_view bytes, const std::string& source, const ReadLimits& limits)
      : zip_(bytes, source, limits), out_(source, limits), limits_(limits) {}

  Document read() {
    const std::string presentation = "ppt/presentation.xml";
    std::string xml = zip_.read(presentation);
    const pugi::xml_document doc = parse_xml_part(xml, zip_.source(), presentation, limits_);
    const auto rels = read_relationships(zip_, presentation, limits_);
    const pugi::xml_node list = child(child(doc, "presentation"), "sldIdLst");
    std::size_t number = 0;
    for (pugi::xml_node id = list.first_child(); id; id = id.next_sibling()) {
      if (!is(id, "sldId")) continue;
      // sldId has both id (a number) and r:id; the relationship is the r: one.
      std::string rel;
      for (pugi::xml_attribute a = id.first_attribute(); a; a = a.next_attribute())
        if (std::string_view(a.name()).find(':') != std::string_view::npos &&
            std::string_view(a.name()).substr(std::string_view(a.name()).find(':') + 1) == "id")
          rel = a.value();
      for (const auto& [rel_id, target] : rels)
        if (rel_id == rel) slide(target, ++number);
    }
    return out_.take();
  }

 private:
  void slide(const std::string& member, std::size_t number) {
    std::string xml = zip_.read(member);
    const pugi::xml_document doc = parse_xml_part(xml, zip_.source(), member, limits_);
    const std::string part = "slide " + std::to_string(number);
    const pugi::xml_node tree = child(child(child(doc, "sld"), "cSld"), "spTree");
    // The title first, wherever it is in the shape tree.
    pugi::xml_node title;
    tree.find_node([&](const pugi::xml_node& n) {
      if (!is(n, "sp")) return false;
      const std::string_view type = placeholder_type(n);
      if (type == "title" || type == "ctrTitle") title = n;
      return bool(title);
    });
    if (title) out_.heading(body_text(child(title, "txBody")), 1, part);
    shapes(tree, title, part);
  }

  static std::string_view placeholder_type(const pugi::xml_node& sp) {
    const pugi::xml_node ph = child(child(child(sp, "nvSpPr"), "nvPr"), "ph");
    if (!ph) return {};
    const std::string_view type = attr(ph, "type").value();
    return type.empty() ? std::string_view("body") : type;  // a placeholder without type is body
  }

  void shapes(const pugi::xml_node& tree, const pugi::xml_node& title, const std::string& part) {
    for (pugi::xml_node n = tree.first_child(); n; n = n.next_sibling()) {
      if (n == title) continue;
      if (is(n, "sp")) {
        text_frame(n, part);
      } else if (is(n, "grpSp")) {
        shapes(n, title, part);
      } else if (is(n, "graphicFrame")) {
        if (const pugi::xml_node tbl = descendant(n, "tbl")) table(tbl, part);
      }
    }
  }

  void text_frame(const pugi::xml_node& sp, const std::string& part) {
    const std::string_view type = placeholder_type(sp);
    if (type == "sldNum" || type == "dt" || type == "ftr" || type == "hdr") return;
    const bool body_list = type == "body" || type == "obj";
    const pugi::xml_node body = child(sp, "txBody");
    for (pugi::xml_node p = body.first_child(); p; p = p.next_sibling()) {
      if (!is(p, "p")) continue;
      const pugi::xml_node ppr = child(p, "pPr");
      const int level = attr(ppr, "lvl").as_int(0);
      const bool bullet_off = bool(child(ppr, "buNone"));
      const bool bullet_on =
          child(ppr, "buChar") || child(ppr, "buAutoNum") || child(ppr, "buBlip");
      const std::string text = paragraph_text(p);
      if (type == "subTitle")
        out_.paragraph(text, part);
      else if (!bullet_off && (bullet_on || body_list))
        out_.list_item(text, level < 0 ? 0 : level > 8 ? 8 : level, part);
      else
        out_.paragraph(text, part);
    }
  }

  void table(const pugi::xml_node& tbl, const std::string& part) {
    std::vector<TableRow> rows;
    for (pugi::xml_node tr = tbl.first_child(); tr; tr = tr.next_sibling()) {
      if (!is(tr, "tr")) continue;
      TableRow row;
      row.position.part = part;
      for (pugi::xml_node tc = tr.first_child(); tc; tc = tc.next_sibling()) {
        if (!is(tc, "tc")) continue;
        // Cells covered by a merge (hMerge, vMerge) repeat the merged cell: read it once.
        const bool covered = attr(tc, "hMerge").as_bool() || attr(tc, "vMerge").as_bool();
        row.cells.push_back(covered ? std::string() : body_text(child(tc, "txBody")));
      }
      rows.push_back(std::move(row));
      if (rows.size() > limits_.max_rows) out_.too_many_rows(part);
    }
    out_.table(std::move(rows), part);
  }

  ZipArchive zip_;
  DocumentBuilder out_;
  ReadLimits limits_;
};

}  // namespace

Document read_pptx(std::string_view bytes, const std::string& source, const ReadLimits& limits) {
  return PptxReader(bytes, source, limits).read();
}

}  // namespace libtracker::detail
