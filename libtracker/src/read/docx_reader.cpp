// Word (.docx): word/document.xml in body order. Paragraphs take their heading level from
// their style (Title, "heading N", or an outline level) and their list level from numbering
// (on the paragraph or its style). Tracked changes are read as accepted (insertions and moves
// in, deletions out); comments, field codes and footnotes are not read. Table cells merged
// across (gridSpan) or down (vMerge) are read once, in their first column.

#include <algorithm>
#include <map>
#include <optional>
#include <vector>

#include "read/document_builder.hpp"
#include "read/office_readers.hpp"
#include "read/xml_part.hpp"
#include "read/zip_archive.hpp"
#include "text/text_util.hpp"

namespace libtracker::detail {
namespace {

/// The left indentation a pPr or lvl sets (twips), if it sets one.
std::optional<long> indentation(const pugi::xml_node& ppr) {
  const pugi::xml_node ind = child(ppr, "ind");
  if (!ind) return std::nullopt;
  pugi::xml_attribute left = attr(ind, "left");
  if (!left) left = attr(ind, "start");
  if (!left) return std::nullopt;
  return left.as_llong();
}

struct ParagraphStyle {
  int heading = 0;                ///< 1 = Title/heading 1, ...; 0 = not a heading
  std::optional<int> list_level;  ///< numbering from the style
  std::optional<long> indent;     ///< left indentation from the style
  std::string num_id;             ///< numbering from the style
  std::string based_on;
};

int heading_from_name(std::string_view name) {
  const std::string n = lower(trim(name));
  if (n == "title") return 1;
  if (n.rfind("heading", 0) == 0) {
    std::string_view rest = trim(std::string_view(n).substr(7));
    if (rest.size() == 1 && rest[0] >= '1' && rest[0] <= '9') return rest[0] - '0';
  }
  return 0;
}

std::optional<int> numbering_level(const pugi::xml_node& ppr) {
  const pugi::xml_node num = child(ppr, "numPr");
  if (!num) return std::nullopt;
  const pugi::xml_node id = child(num, "numId");
  if (id && std::string_view(attr(id, "val").value()) == "0") return std::nullopt;  // removed
  const pugi::xml_node lvl = child(num, "ilvl");
  const int level = lvl ? attr(lvl, "val").as_int() : 0;
  return level < 0 ? 0 : level > 9 ? 9 : level;
}

class DocxReader {
 public:
  DocxReader(std::string_view bytes, const std::string& source, const ReadLimits& limits)
      : zip_(bytes, source, limits), out_(source, limits), limits_(limits) {}

  Document read() {
    read_numbering();
    read_styles();
    std::string xml = zip_.read("word/document.xml");
    const pugi::xml_document doc = parse_xml_part(xml, zip_.source(), "word/document.xml", limits_);
    const pugi::xml_node body = child(child(doc, "document"), "body");
    if (!body) throw ParseError("word/document.xml has no body", std::string(), 0, zip_.source());
    blocks(body);
    Document document = out_.take();
    assign_list_levels(document);
    return document;
  }

 private:
  /// Numbering levels bound to a paragraph style (w:lvl/w:pStyle): a style whose numbering
  /// names no level ("List Bullet 2") is at the level that names it.
  /// List levels as a reader sees them: Word's single-level lists ("List Bullet 2" has its own
  /// list, at level 0) are nested by their indentation, so levels are the ranks of the list
  /// items' indentations, or their numbering levels where no indentation is known.
  void assign_list_levels(Document& document) const {
    std::vector<long> indents;
    for (const auto& [block, indent] : list_indents_)
      if (indent) indents.push_back(*indent);
    std::sort(indents.begin(), indents.end());
    indents.erase(std::unique(indents.begin(), indents.end()), indents.end());
    if (indents.size() < 2) return;
    for (const auto& [block, indent] : list_indents_) {
      if (!indent || block >= document.blocks.size()) continue;
      const long rank = std::lower_bound(indents.begin(), indents.end(), *indent) - indents.begin();
      document.blocks[block].level = static_cast<int>(std::min<long>(rank, 9));
    }
  }

  void read_numbering() {
    if (!zip_.has("word/numbering.xml")) return;
    std::string xml = zip_.read("word/numbering.xml");
    const pugi::xml_document doc =
        parse_xml_part(xml, zip_.source(), "word/numbering.xml", limits_);
    for (pugi::xml_node a = child(doc, "numbering").first_child(); a; a = a.next_sibling()) {
      if (!is(a, "abstractNum")) continue;
      for (pugi::xml_node lvl = a.first_child(); lvl; lvl = lvl.next_sibling()) {
        if (!is(lvl, "lvl")) continue;
        const std::string style = attr(child(lvl, "pStyle"), "val").value();
        const int level = attr(lvl, "ilvl").as_int(0);
        if (!style.empty() && level >= 0 && level < 10) style_levels_.emplace(style, level);
        if (const auto indent = indentation(child(lvl, "pPr")))
          level_indents_[attr(a, "abstractNumId").value() + std::string(":") +
                         std::to_string(level)] = *indent;
      }
    }
    for (pugi::xml_node n = child(doc, "numbering").first_child(); n; n = n.next_sibling())
      if (is(n, "num"))
        abstract_of_[attr(n, "numId").value()] = attr(child(n, "abstractNumId"), "val").value();
  }

  /// The indentation of level @p level of list @p num_id, from numbering.xml.
  std::optional<long> list_indent(const std::string& num_id, int level) const {
    const auto a = abstract_of_.find(num_id);
    if (a == abstract_of_.end()) return std::nullopt;
    const auto it = level_indents_.find(a->second + ":" + std::to_string(level));
    if (it == level_indents_.end()) return std::nullopt;
    return it->second;
  }

  void read_styles() {
    if (!zip_.has("word/styles.xml")) return;
    std::string xml = zip_.read("word/styles.xml");
    const pugi::xml_document doc = parse_xml_part(xml, zip_.source(), "word/styles.xml", limits_);
    for (pugi::xml_node s = child(doc, "styles").first_child(); s; s = s.next_sibling()) {
      if (!is(s, "style") || std::string_view(attr(s, "type").value()) != "paragraph") continue;
      ParagraphStyle style;
      style.heading = heading_from_name(attr(child(s, "name"), "val").value());
      const pugi::xml_node ppr = child(s, "pPr");
      if (style.heading == 0) {
        if (const pugi::xml_node outline = child(ppr, "outlineLvl")) {
          const int level = attr(outline, "val").as_int(9);
          if (level >= 0 && level < 9) style.heading = level + 1;
        }
      }
      style.list_level = numbering_level(ppr);
      const std::string id = attr(s, "styleId").value();
      if (style.list_level && !child(child(ppr, "numPr"), "ilvl")) {
        const auto bound = style_levels_.find(id);
        if (bound != style_levels_.end()) style.list_level = bound->second;
      }
      style.based_on = attr(child(s, "basedOn"), "val").value();
      style.indent = indentation(ppr);
      style.num_id = attr(child(child(ppr, "numPr"), "numId"), "val").value();
      styles_[attr(s, "styleId").value()] = style;
    }
  }

  /// The heading level and list level a style gives, following basedOn (a bounded chain).
  std::pair<int, std::optional<int>> style_levels(std::string id) const {
    int heading = 0;
    std::optional<int> list;
    for (int hops = 0; hops < 16 && !id.empty(); ++hops) {
      const auto it = styles_.find(id);
      if (it == styles_.end()) break;
      if (heading == 0) heading = it->second.heading;
      if (!list) list = it->second.list_level;
      id = it->second.based_on;
    }
    return {heading, list};
  }

  void blocks(const pugi::xml_node& parent) {
    for (pugi::xml_node n = parent.first_child(); n; n = n.next_sibling()) {
      if (is(n, "p")) {
        paragraph(n);
      } else if (is(n, "tbl")) {
        table(n);
      } else if (is(n, "sdt")) {
        blocks(child(n, "sdtContent"));
      } else if (is(n, "customXml") || is(n, "ins") || is(n, "moveTo") || is(n, "smartTag")) {
        blocks(n);  // wrappers of paragraphs; tracked insertions are accepted
      }
    }
  }

  void paragraph(const pugi::xml_node& p) {
    const std::string text = paragraph_text(p);
    const pugi::xml_node ppr = child(p, "pPr");
    auto [heading, list] = style_levels(attr(child(ppr, "pStyle"), "val").value());
    if (const pugi::xml_node outline = child(ppr, "outlineLvl")) {
      const int level = attr(outline, "val").as_int(9);
      if (level >= 0 && level < 9) heading = level + 1;
    }
    if (child(ppr, "numPr")) list = numbering_level(ppr);
    const std::string part = "paragraph " + std::to_string(++paragraphs_);
    if (heading > 0) {
      out_.heading(text, heading, part);
    } else if (list) {
      const std::size_t before = out_.size();
      out_.list_item(text, *list, part);
      if (out_.size() > before) list_indents_.emplace_back(before, list_indent_of(p, *list));
    } else {
      out_.paragraph(text, part);
    }
  }

  /// A list paragraph's left indentation: its own, its style's, else its list level's.
  std::optional<long> list_indent_of(const pugi::xml_node& p, int level) const {
    const pugi::xml_node ppr = child(p, "pPr");
    if (const auto own = indentation(ppr)) return own;
    std::string num_id = attr(child(child(ppr, "numPr"), "numId"), "val").value();
    std::string id = attr(child(ppr, "pStyle"), "val").value();
    for (int hops = 0; hops < 16 && !id.empty(); ++hops) {
      const auto it = styles_.find(id);
      if (it == styles_.end()) break;
      if (it->second.indent) return it->second.indent;
      if (num_id.empty()) num_id = it->second.num_id;
      id = it->second.based_on;
    }
    return list_indent(num_id, level);
  }

  /// A paragraph's visible text, with tracked changes accepted.
  static std::string paragraph_text(const pugi::xml_node& p) {
    std::string text;
    append_runs(p, text);
    return text;
  }

  static void append_runs(const pugi::xml_node& node, std::string& text) {
    for (pugi::xml_node n = node.first_child(); n; n = n.next_sibling()) {
      if (n.type() != pugi::node_element) continue;
      const std::string_view name = local_name(n);
      if (name == "t") {
        text += n.text().get();
      } else if (name == "tab" || name == "ptab") {
        text += ' ';
      } else if (name == "br" || name == "cr") {
        text += ' ';
      } else if (name == "noBreakHyphen") {
        text += '-';
      } else if (name == "sym") {
        continue;
      } else if (name == "del" || name == "moveFrom" || name == "pPr" || name == "rPr" ||
                 name == "instrText" || name == "delText" || name == "commentReference" ||
                 name == "footnoteReference" || name == "endnoteReference" || name == "drawing" ||
                 name == "pict" || name == "object") {
        continue;  // deleted text, properties, field codes, notes and comments are not read
      } else {
        append_runs(n, text);  // r, ins, moveTo, hyperlink, smartTag, fldSimple, sdt, ...
      }
    }
  }

  /// Every paragraph of a cell, nested tables included, joined by "\n".
  static void cell_text(const pugi::xml_node& node, std::string& text) {
    for (pugi::xml_node n = node.first_child(); n; n = n.next_sibling()) {
      if (is(n, "p")) {
        const std::string t = paragraph_text(n);
        if (trim(t).empty()) continue;
        if (!text.empty()) text += '\n';
        text += t;
      } else if (is(n, "tbl") || is(n, "tr") || is(n, "tc") || is(n, "sdt") ||
                 is(n, "sdtContent") || is(n, "customXml") || is(n, "ins") || is(n, "moveTo")) {
        cell_text(n, text);
      }
    }
  }

  void table(const pugi::xml_node& tbl) {
    const std::string part = "table " + std::to_string(++tables_);
    std::vector<TableRow> rows;
    for (pugi::xml_node tr = tbl.first_child(); tr; tr = tr.next_sibling()) {
      if (!is(tr, "tr")) continue;
      TableRow row;
      row.position.part = part + ", row " + std::to_string(rows.size() + 1);
      collect_cells(tr, row.cells);
      rows.push_back(std::move(row));
      if (rows.size() > limits_.max_rows) out_.too_many_rows(part);
    }
    out_.table(std::move(rows), part);
  }

  static void collect_cells(const pugi::xml_node& parent, std::vector<std::string>& cells) {
    for (pugi::xml_node tc = parent.first_child(); tc; tc = tc.next_sibling()) {
      if (is(tc, "sdt")) {
        collect_cells(child(tc, "sdtContent"), cells);
        continue;
      }
      if (!is(tc, "tc")) continue;
      const pugi::xml_node tcpr = child(tc, "tcPr");
      std::string text;
      // A cell continuing a vertical merge is the merged cell read again: it stays empty.
      const pugi::xml_node vmerge = child(tcpr, "vMerge");
      const bool continues = vmerge && std::string_view(attr(vmerge, "val").value()) != "restart";
      if (!continues) cell_text(tc, text);
      cells.push_back(std::move(text));
      const int span = attr(child(tcpr, "gridSpan"), "val").as_int(1);
      for (int i = 1; i < span && i < 64; ++i) cells.emplace_back();
    }
  }

  ZipArchive zip_;
  DocumentBuilder out_;
  ReadLimits limits_;
  std::map<std::string, ParagraphStyle> styles_;
  std::map<std::string, int> style_levels_;
  std::map<std::string, long> level_indents_;       // "abstractNumId:ilvl" -> indentation
  std::map<std::string, std::string> abstract_of_;  // numId -> abstractNumId
  std::vector<std::pair<std::size_t, std::optional<long>>> list_indents_;  // block -> indent
  std::size_t paragraphs_ = 0;
  std::size_t tables_ = 0;
};

}  // namespace

Document read_docx(std::string_view bytes, const std::string& source, const ReadLimits& limits) {
  return DocxReader(bytes, source, limits).read();
}

}  // namespace libtracker::detail
