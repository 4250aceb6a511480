// HTML (.html, .htm: a Confluence page saved from the browser or exported, any wiki page),
// parsed by libxml2's HTML parser (no network, entities decoded, nesting capped at 256).
// h1-h6 are headings; ul/ol items are list items with their nesting level; tables are tables
// (th and td alike; colspan and rowspan cells read once, in their first column and row); the
// other text is paragraphs, a <br> outside a table ending one. Scripts, styles, forms and
// navigation (nav, header, footer, aside, their ARIA roles, hidden elements) are not read.
// Emoticon images (Confluence's "(tick)") are read as their alt text.

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <map>
#include <memory>
#include <vector>

#include "read/document_builder.hpp"
#include "read/office_readers.hpp"
#include "text/text_util.hpp"
#include "text/utf8.hpp"

namespace libtracker::detail {
namespace {

std::string_view name_of(const xmlNode* n) {
  return n->name ? reinterpret_cast<const char*>(n->name) : "";
}

/// Text of a text node; its line breaks are white space, as a browser shows them.
void append_text(const xmlNode* n, std::string& text) {
  for (const char* c = reinterpret_cast<const char*>(n->content); c && *c; ++c)
    text += (*c == '\n' || *c == '\r' || *c == '\t') ? ' ' : *c;
}

std::string prop(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  if (v == nullptr) return {};
  std::string out(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return out;
}

bool has_prop(const xmlNode* n, const char* name) {
  return xmlHasProp(n, reinterpret_cast<const xmlChar*>(name)) != nullptr;
}

bool skipped(const xmlNode* n) {
  static const char* const tags[] = {
      "script", "style",  "noscript", "template", "head", "nav",    "header", "footer", "aside",
      "form",   "button", "select",   "textarea", "svg",  "iframe", "object", "canvas", "map"};
  const std::string_view name = name_of(n);
  for (const char* t : tags)
    if (name == t) return true;
  const std::string role = lower(prop(n, "role"));
  if (role == "navigation" || role == "banner" || role == "contentinfo" || role == "search")
    return true;
  if (has_prop(n, "hidden") || prop(n, "aria-hidden") == "true") return true;
  const std::string style = lower(prop(n, "style"));
  return style.find("display:none") != std::string::npos ||
         style.find("display: none") != std::string::npos;
}

int heading_level(std::string_view name) {
  if (name.size() == 2 && (name[0] == 'h') && name[1] >= '1' && name[1] <= '6')
    return name[1] - '0';
  return 0;
}

bool is_block(std::string_view name) {
  static const char* const tags[] = {
      "p",     "div",    "section", "article",  "main",  "blockquote", "pre",     "ul",     "ol",
      "li",    "dl",     "dt",      "dd",       "table", "tr",         "td",      "th",     "thead",
      "tbody", "tfoot",  "caption", "h1",       "h2",    "h3",         "h4",      "h5",     "h6",
      "hr",    "figure", "address", "fieldset", "body",  "html",       "details", "summary"};
  for (const char* t : tags)
    if (name == t) return true;
  return false;
}

/// The alt text an image stands for: emoticons and single symbols ("(tick)", "✓").
std::string image_text(const xmlNode* n) {
  const std::string cls = prop(n, "class");
  const std::string alt = prop(n, "alt");
  if (cls.find("emoticon") != std::string::npos) return alt;
  return {};
}

class HtmlReader {
 public:
  HtmlReader(const std::string& source, const ReadLimits& limits) : out_(source, limits) {}

  Document read(std::string_view bytes) {
    // A page without a charset of its own is read as UTF-8 when it is valid UTF-8 (libxml2
    // would take it for Latin-1).
    const char* encoding = invalid_utf8_at(bytes) == std::string_view::npos ? "UTF-8" : nullptr;
    const int options = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                        HTML_PARSE_NOBLANKS | HTML_PARSE_COMPACT;
    if (bytes.size() > static_cast<std::size_t>(INT32_MAX))
      throw ParseError("HTML file too large", std::string(), 0, out_.source());
    std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc(
        htmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), nullptr, encoding, options),
        &xmlFreeDoc);
    if (!doc) throw ParseError("not readable as HTML", std::string(), 0, out_.source());
    const xmlNode* root = xmlDocGetRootElement(doc.get());
    if (root == nullptr)
      throw ParseError("HTML without any element", std::string(), 0, out_.source());
    check_depth(root);
    blocks(root, 0);
    flush();
    return out_.take();
  }

 private:
  /// libxml2 stops parsing at 256 levels of nesting: a page that deep is refused, not read in
  /// part.
  void check_depth(const xmlNode* root) const {
    const std::size_t limit = std::min<std::size_t>(out_.limits().max_depth, 255);
    std::vector<std::pair<const xmlNode*, std::size_t>> stack{{root, 1}};
    while (!stack.empty()) {
      auto [n, depth] = stack.back();
      stack.pop_back();
      if (depth > limit)
        throw ParseError("HTML nested deeper than " + std::to_string(limit) + " elements",
                         std::string(name_of(n)), 0, out_.source());
      for (const xmlNode* c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE) stack.emplace_back(c, depth + 1);
    }
  }

  void flush() {
    out_.paragraph(pending_);
    pending_.clear();
  }

  /// Block-level content of @p parent; @p list_level is the nesting of lists around it.
  void blocks(const xmlNode* parent, int list_level) {
    for (const xmlNode* n = parent->children; n; n = n->next) {
      if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        append_text(n, pending_);
        continue;
      }
      if (n->type != XML_ELEMENT_NODE || skipped(n)) continue;
      const std::string_view name = name_of(n);
      if (const int level = heading_level(name)) {
        flush();
        std::string text;
        inline_text(n, text, false);
        out_.heading(text, level);
      } else if (name == "ul" || name == "ol") {
        flush();
        list(n, list_level);
      } else if (name == "table") {
        flush();
        table(n);
      } else if (name == "br" || name == "hr") {
        flush();
      } else if (name == "img") {
        pending_ += image_text(n);
      } else if (is_block(name)) {
        flush();
        blocks(n, list_level);
        flush();
      } else {
        inline_text(n, pending_, false);
      }
    }
  }

  void list(const xmlNode* ul, int level) {
    for (const xmlNode* li = ul->children; li; li = li->next) {
      if (li->type != XML_ELEMENT_NODE || skipped(li)) continue;
      if (name_of(li) == "ul" || name_of(li) == "ol") {  // a list directly in a list
        list(li, level + 1);
        continue;
      }
      if (name_of(li) != "li") continue;
      // The item's own text, then its nested lists one level down.
      std::string text;
      std::vector<const xmlNode*> nested;
      for (const xmlNode* c = li->children; c; c = c->next) {
        if (c->type == XML_ELEMENT_NODE && (name_of(c) == "ul" || name_of(c) == "ol"))
          nested.push_back(c);
        else if (c->type == XML_ELEMENT_NODE && name_of(c) == "table")
          nested.push_back(c);
        else
          node_text(c, text, false);
      }
      out_.list_item(text, level, {}, task_state(ul, li));
      for (const xmlNode* c : nested) {
        if (name_of(c) == "table")
          table(c);
        else
          list(c, level + 1);
      }
    }
  }

  /// A Confluence task (an item of a list of class "inline-task-list", or one with a
  /// data-inline-task-id): ticked when its class holds "checked". std::nullopt for other items.
  static std::optional<bool> task_state(const xmlNode* ul, const xmlNode* li) {
    const std::string list_class = prop(ul, "class");
    const bool task = list_class.find("inline-task-list") != std::string::npos ||
                      !prop(li, "data-inline-task-id").empty();
    if (!task) return std::nullopt;
    const std::string item_class = " " + prop(li, "class") + " ";
    return item_class.find(" checked ") != std::string::npos;
  }

  /// The text of @p n and its descendants; @p lines: blocks and <br> end lines (table cells).
  void node_text(const xmlNode* n, std::string& text, bool lines) {
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      append_text(n, text);
      return;
    }
    if (n->type != XML_ELEMENT_NODE || skipped(n)) return;
    const std::string_view name = name_of(n);
    if (name == "img") {
      text += image_text(n);
      return;
    }
    if (name == "br") {
      text += lines ? '\n' : ' ';
      return;
    }
    const bool block = is_block(name);
    if (block) text += lines ? '\n' : ' ';
    inline_text(n, text, lines);
    if (block) text += lines ? '\n' : ' ';
  }

  void inline_text(const xmlNode* parent, std::string& text, bool lines) {
    for (const xmlNode* c = parent->children; c; c = c->next) node_text(c, text, lines);
  }

  void table(const xmlNode* tbl) {
    const std::string part = "table " + std::to_string(++tables_);
    std::vector<const xmlNode*> trs;
    collect_rows(tbl, trs);
    std::vector<TableRow> rows;
    std::map<std::size_t, int> covered;  // column -> rows still covered by a rowspan above
    for (const xmlNode* tr : trs) {
      TableRow row;
      row.position.part = part + ", row " + std::to_string(rows.size() + 1);
      std::size_t col = 0;
      auto skip_covered = [&] {
        for (auto it = covered.find(col); it != covered.end() && it->second > 0;
             it = covered.find(col)) {
          row.cells.emplace_back();
          --it->second;
          ++col;
        }
      };
      for (const xmlNode* cell = tr->children; cell; cell = cell->next) {
        if (cell->type != XML_ELEMENT_NODE) continue;
        if (name_of(cell) != "td" && name_of(cell) != "th") continue;
        skip_covered();
        std::string text;
        if (!skipped(cell)) inline_text(cell, text, true);
        row.cells.push_back(std::move(text));
        const long span = std::clamp(std::atol(prop(cell, "colspan").c_str()), 1L, 64L);
        const long down = std::clamp(std::atol(prop(cell, "rowspan").c_str()), 1L, 1000L);
        for (long i = 0; i < span; ++i) {
          if (down > 1) covered[col + i] = static_cast<int>(down - 1);
          if (i > 0) row.cells.emplace_back();
        }
        col += static_cast<std::size_t>(span);
      }
      skip_covered();
      rows.push_back(std::move(row));
      if (rows.size() > out_.limits().max_rows) out_.too_many_rows(part);
    }
    out_.table(std::move(rows), part);
  }

  /// The rows of a table in order: its own (thead, tbody, tfoot, or bare tr), not those of
  /// tables nested in its cells.
  static void collect_rows(const xmlNode* parent, std::vector<const xmlNode*>& rows) {
    for (const xmlNode* c = parent->children; c; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) continue;
      const std::string_view name = name_of(c);
      if (name == "tr")
        rows.push_back(c);
      else if (name == "thead" || name == "tbody" || name == "tfoot")
        collect_rows(c, rows);
    }
  }

  DocumentBuilder out_;
  std::string pending_;
  std::size_t tables_ = 0;
};

}  // namespace

Document read_html(std::string_view bytes, const std::string& source, const ReadLimits& limits) {
  return HtmlReader(source, limits).read(bytes);
}

}  // namespace libtracker::detail
