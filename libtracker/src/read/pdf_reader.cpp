// PDF, through poppler-cpp: the words of each page with their boxes and font sizes, put back
// into lines, and the lines into blocks by their layout:
// - a table is a run of lines whose words fall into two or more columns (separated by wide
//   gaps; a column is where its cells' words overlap horizontally, so centred headers count).
//   A cell wrapped onto more lines stays one cell: a new row starts only where the line
//   spacing is wider than the spacing inside a cell (or at every line when all are equal);
// - a heading is a line set in a font clearly larger than the body text (larger is higher);
// - a list item starts with a bullet or a number ("•", "-", "1.", "a)"), its level from the
//   bullet's indentation; the lines after it that are not new items continue it;
// - other lines join into paragraphs, which end at a short line or a wider gap.
// Page numbers alone on a line are dropped. An encrypted PDF and one without any text (a scan)
// are ParseErrors.

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <vector>

#include "read/document_builder.hpp"
#include "read/office_readers.hpp"
#include "text/text_util.hpp"

namespace libtracker::detail {
namespace {

struct Word {
  double x0, x1, y0, y1, size;
  std::string text;
  bool space_after;
};

struct Segment {
  double x0, x1;
  std::string text;
  double first_word = 0;  ///< width of its first word
};

struct Line {
  double x0 = 0, x1 = 0, y0 = 0, y1 = 0, size = 0;
  std::vector<Word> words;
  std::vector<Segment> segments;  // runs of words separated by wide gaps
  std::string text() const {
    std::string t;
    for (const Segment& s : segments) t += (t.empty() ? "" : " ") + s.text;
    return t;
  }
};

bool is_bare_marker(const std::string& text);

bool is_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/// Appends a line that carries on @p text: with a space, except after a hyphen that ends a
/// word ("SSR2-" + "coordination" is "SSR2-coordination").
void append_line(std::string& text, const std::string& more) {
  if (text.empty()) {
    text = more;
    return;
  }
  const std::size_t n = text.size();
  const bool hyphen = n >= 2 && text[n - 1] == '-' && is_alnum(text[n - 2]) && !more.empty() &&
                      is_alnum(more.front());
  text += hyphen ? more : " " + more;
}

/// poppler reports syntax errors of broken files through this hook, not stderr.
void quiet(const std::string&, void*) {}

std::vector<Line> page_lines(const poppler::page& page) {
  std::vector<Word> words;
  for (const poppler::text_box& box : page.text_list(poppler::page::text_list_include_font)) {
    const poppler::rectf r = box.bbox();
    const poppler::byte_array utf8 = box.text().to_utf8();
    std::string text(utf8.begin(), utf8.end());
    if (trim(text).empty()) continue;
    words.push_back(Word{r.left(), r.right(), r.top(), r.bottom(),
                         box.get_font_size() > 0 ? box.get_font_size() : r.height(),
                         std::move(text), box.has_space_after()});
  }
  // Lines: words whose vertical middles are within half a line of each other.
  std::sort(words.begin(), words.end(), [](const Word& a, const Word& b) {
    return a.y0 + a.y1 < b.y0 + b.y1 || (a.y0 + a.y1 == b.y0 + b.y1 && a.x0 < b.x0);
  });
  std::vector<Line> lines;
  for (Word& w : words) {
    const double mid = (w.y0 + w.y1) / 2;
    if (!lines.empty()) {
      // Compared with the line's first word, and by the smaller height: a tall glyph (a
      // bullet drawn from a symbol font) must not pull the next line into this one.
      Line& last = lines.back();
      const Word& first = last.words.front();
      const double last_mid = (first.y0 + first.y1) / 2;
      if (std::fabs(mid - last_mid) < 0.4 * std::min(first.y1 - first.y0, w.y1 - w.y0)) {
        last.y0 = std::min(last.y0, w.y0);
        last.y1 = std::max(last.y1, w.y1);
        last.words.push_back(std::move(w));
        continue;
      }
    }
    Line line;
    line.y0 = w.y0;
    line.y1 = w.y1;
    line.words.push_back(std::move(w));
    lines.push_back(std::move(line));
  }
  for (Line& line : lines) {
    std::sort(line.words.begin(), line.words.end(),
              [](const Word& a, const Word& b) { return a.x0 < b.x0; });
    double size = 0;
    for (const Word& w : line.words) size = std::max(size, w.size);
    line.size = size;
    line.x0 = line.words.front().x0;
    line.x1 = line.words.back().x1;
    const Word* prev = nullptr;
    for (const Word& w : line.words) {
      // A gap wider than about a letter's width separates columns.
      if (prev == nullptr || w.x0 - prev->x1 > 0.9 * std::max(size, 1.0)) {
        line.segments.push_back(Segment{w.x0, w.x1, w.text, w.x1 - w.x0});
      } else {
        Segment& s = line.segments.back();
        if (prev->space_after || w.x0 - prev->x1 > 0.15 * size) s.text += ' ';
        s.text += w.text;
        s.x1 = w.x1;
      }
      prev = &w;
    }
    // A bullet or number set apart from its text is still one segment with it.
    if (line.segments.size() >= 2 && is_bare_marker(line.segments[0].text)) {
      line.segments[1].text = line.segments[0].text + " " + line.segments[1].text;
      line.segments[1].x0 = line.segments[0].x0;
      line.segments.erase(line.segments.begin());
    }
  }
  return lines;
}

bool page_number(const Line& line) {
  const std::string t = line.text();
  if (t.empty() || t.size() > 12) return false;
  std::size_t digits = 0;
  for (char c : t) {
    if (c >= '0' && c <= '9')
      ++digits;
    else if (c != ' ' && c != '/' && c != '-' && !(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z'))
      return false;
  }
  // "3", "3 / 12", "Page 3", "- 3 -"
  return digits > 0 && (digits == t.size() || t.find_first_of("0123456789") != std::string::npos) &&
         (lower(t).find("page") != std::string::npos ||
          t.find_first_not_of("0123456789 /-") == std::string::npos);
}

/// Bullet glyphs as PDF text has them (U+F0B7 and U+F0A7 are Symbol and Wingdings bullets).
const char* const kBullets[] = {"•", "◦", "▪", "▫",      "●",      "○", "■", "□", "◆", "◇", "➢",
                                "➤", "►", "⊙", "\uF0B7", "\uF0A7", "–", "-", "*", "·", "✓", "✔"};

bool is_bare_marker(const std::string& text) {
  for (const char* b : kBullets)
    if (text == b) return true;
  std::size_t digits = 0;
  while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits]))) ++digits;
  return digits > 0 && digits + 1 == text.size() && (text.back() == '.' || text.back() == ')');
}

/// A bullet or number that starts a list item, and the text after it; empty when none.
std::pair<bool, std::string> list_marker(const std::string& text) {
  for (const char* b : kBullets) {
    const std::string_view bv(b);
    if (text.size() > bv.size() && text.compare(0, bv.size(), bv) == 0) {
      const std::string_view rest = trim(std::string_view(text).substr(bv.size()));
      // "-" and "*" only as bullets when followed by a space ("-3" is a number).
      if ((bv == "-" || bv == "*" || bv == "–") && text[bv.size()] != ' ') continue;
      if (!rest.empty()) return {true, std::string(rest)};
    }
  }
  // "1.", "12)", "a)", "iv." followed by a space.
  std::size_t i = 0;
  while (i < text.size() && i < 4 &&
         (std::isdigit(static_cast<unsigned char>(text[i])) ||
          (i == 0 && std::islower(static_cast<unsigned char>(text[i])))))
    ++i;
  if (i > 0 && i + 1 < text.size() && (text[i] == '.' || text[i] == ')') && text[i + 1] == ' ' &&
      (std::isdigit(static_cast<unsigned char>(text[0])) || i == 1))
    return {true, std::string(trim(std::string_view(text).substr(i + 1)))};
  return {false, {}};
}

class PdfReader {
 public:
  PdfReader(const std::string& source, const ReadLimits& limits) : out_(source, limits) {}

  Document read(std::string_view bytes) {
    poppler::set_debug_error_function(quiet, nullptr);
    if (bytes.size() > static_cast<std::size_t>(INT32_MAX))
      throw ParseError("PDF file too large", std::string(), 0, out_.source());
    std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!doc) {
      // poppler cannot open an encrypted file without its password: say which it is.
      if (std::string_view(bytes.data(), std::min<std::size_t>(bytes.size(), 1u << 20))
              .find("/Encrypt") != std::string_view::npos)
        throw ParseError("encrypted PDF (it needs a password to be read)", std::string(), 0,
                         out_.source());
      throw ParseError("not a readable PDF (corrupt or truncated)", std::string(), 0,
                       out_.source());
    }
    if (doc->is_locked())
      throw ParseError("encrypted PDF (it needs a password to be read)", std::string(), 0,
                       out_.source());
    const int pages = doc->pages();
    if (pages <= 0) throw ParseError("PDF without pages", std::string(), 0, out_.source());
    if (static_cast<std::size_t>(pages) > out_.limits().max_pages)
      throw ParseError("PDF with more than " + std::to_string(out_.limits().max_pages) + " pages",
                       std::to_string(pages), 0, out_.source());
    std::vector<std::vector<Line>> all;
    std::size_t words = 0;
    std::map<long, std::size_t> sizes;  // font size (1/10 pt) -> characters
    for (int i = 0; i < pages; ++i) {
      std::unique_ptr<poppler::page> page(doc->create_page(i));
      all.push_back(page ? page_lines(*page) : std::vector<Line>{});
      for (const Line& line : all.back())
        for (const Word& w : line.words) {
          ++words;
          sizes[std::lround(w.size * 10)] += w.text.size();
        }
    }
    if (words == 0)
      throw ParseError("PDF without text (a scan or images only; it needs OCR first)",
                       std::string(), 0, out_.source());
    body_size_ = static_cast<double>(std::max_element(sizes.begin(), sizes.end(),
                                                      [](const auto& a, const auto& b) {
                                                        return a.second < b.second;
                                                      })
                                         ->first) /
                 10;
    for (const auto& [size, chars] : sizes)
      if (static_cast<double>(size) / 10 > body_size_ * 1.15) heading_sizes_.push_back(size);
    std::sort(heading_sizes_.rbegin(), heading_sizes_.rend());
    for (std::size_t i = 0; i < all.size(); ++i) page(all[i], "page " + std::to_string(i + 1));
    return out_.take();
  }

 private:
  int heading_level(const Line& line) const {
    const long size = std::lround(line.size * 10);
    if (static_cast<double>(size) / 10 <= body_size_ * 1.15) return 0;
    const auto at = std::find(heading_sizes_.begin(), heading_sizes_.end(), size);
    const long rank = at == heading_sizes_.end() ? 0 : at - heading_sizes_.begin();
    return static_cast<int>(std::min<long>(rank + 1, 6));
  }

  void page(std::vector<Line>& lines, const std::string& part) {
    lines.erase(std::remove_if(lines.begin(), lines.end(), page_number), lines.end());
    double right = 0;
    for (const Line& l : lines) right = std::max(right, l.x1);
    std::vector<double> bullet_x;  // indentation of list levels on this page
    std::string text;
    BlockKind kind = BlockKind::paragraph;
    int level = 0;
    auto flush = [&] {
      if (kind == BlockKind::list_item)
        out_.list_item(text, level, part);
      else
        out_.paragraph(text, part);
      text.clear();
      kind = BlockKind::paragraph;
    };
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const Line& line = lines[i];
      if (line.segments.size() >= 2 && heading_level(line) == 0 &&
          !list_marker(line.text()).first) {
        const std::size_t end = table(lines, i, part);
        if (end > i + 1) {
          flush();
          i = end - 1;
          continue;
        }
      }
      const auto [is_item, rest] = list_marker(line.text());
      const Line* prev = i > 0 ? &lines[i - 1] : nullptr;
      const bool gap = prev == nullptr || line.y0 - prev->y1 > 0.6 * line.size;
      const bool prev_short = prev != nullptr && prev->x1 < right - 6 * line.size;
      // A line in the same type as the one above, close under it, continues its block
      // (a list item or paragraph set in a large font, as on slides, is not a heading).
      if (!is_item && !text.empty() && prev != nullptr && !gap && !prev_short &&
          std::fabs(line.size - prev->size) < 0.5) {
        append_line(text, line.text());
        continue;
      }
      if (const int h = is_item ? 0 : heading_level(line)) {
        flush();
        // A heading set on two lines is one heading.
        std::string heading = line.text();
        while (i + 1 < lines.size() && heading_level(lines[i + 1]) == h &&
               lines[i + 1].y0 - line.y1 < line.size)
          heading += " " + lines[++i].text();
        out_.heading(heading, h, part);
        continue;
      }
      if (is_item) {
        flush();
        kind = BlockKind::list_item;
        std::size_t l = 0;
        while (l < bullet_x.size() && line.x0 > bullet_x[l] + 4) ++l;
        if (l == bullet_x.size()) bullet_x.push_back(line.x0);
        bullet_x.resize(l + 1);
        bullet_x[l] = std::min(bullet_x[l], line.x0);
        level = static_cast<int>(l);
        text = rest;
        continue;
      }
      if (text.empty() || gap || prev_short ||
          (kind == BlockKind::list_item && line.x0 < bullet_x[level] - 2)) {
        flush();
        if (line.x0 < (bullet_x.empty() ? 0 : bullet_x[0]) - 2) bullet_x.clear();
        text = line.text();
        continue;
      }
      append_line(text, line.text());
    }
    flush();
  }

  /// The table starting at lines[first], added to the document; returns the line after it
  /// (first + 1 when there is no table there).
  std::size_t table(const std::vector<Line>& lines, std::size_t first, const std::string& part) {
    struct Column {
      double x0, x1;
    };
    std::vector<Column> columns;
    for (const Segment& s : lines[first].segments) columns.push_back({s.x0, s.x1});
    // Which column a segment is in: the one it overlaps most; -1 when it overlaps two.
    auto column_of = [&](const Segment& s) -> int {
      int best = -1, overlapping = 0;
      double most = 0;
      for (std::size_t c = 0; c < columns.size(); ++c) {
        const double overlap =
            std::min(s.x1, columns[c].x1 + 2) - std::max(s.x0, columns[c].x0 - 2);
        if (overlap > 0) {
          ++overlapping;
          if (overlap > most) {
            most = overlap;
            best = static_cast<int>(c);
          }
        }
      }
      if (overlapping > 1) return -1;
      if (best < 0) {
        // Right of the last column, or in a gap between two: the column it starts after.
        for (std::size_t c = columns.size(); c-- > 0;)
          if (s.x0 > columns[c].x1) {
            if (c + 1 < columns.size() && s.x1 >= columns[c + 1].x0) return -1;
            return static_cast<int>(c);
          }
        return 0;
      }
      return best;
    };
    // Each segment's column, fixed when its line joins the table: widening a column later
    // must not move a segment already placed (or leave it between two).
    std::vector<std::vector<std::size_t>> column_at(1);
    for (std::size_t c = 0; c < columns.size(); ++c) column_at.front().push_back(c);
    std::size_t end = first + 1;
    for (; end < lines.size(); ++end) {
      const Line& line = lines[end];
      const Line& prev = lines[end - 1];
      if (heading_level(line) != 0 || line.y0 - prev.y1 > 1.5 * line.size) break;
      std::vector<std::size_t> placed;
      for (const Segment& s : line.segments) {
        const int c = column_of(s);
        if (c < 0) break;
        placed.push_back(static_cast<std::size_t>(c));
      }
      if (placed.size() != line.segments.size()) break;
      for (std::size_t k = 0; k < placed.size(); ++k) {
        Column& c = columns[placed[k]];
        c.x0 = std::min(c.x0, line.segments[k].x0);
        c.x1 = std::max(c.x1, line.segments[k].x1);
      }
      column_at.push_back(std::move(placed));
    }
    auto column_index = [&](std::size_t line, std::size_t segment) {
      return column_at[line - first][segment];
    };
    if (end - first < 2) return first + 1;
    // Rows. A line continues the row above when each of its cells continues a cell that
    // wrapped: the line above has text in that column that reaches so far right that the
    // first word here would not have fitted after it. Any other line starts a row.
    std::vector<double> right(columns.size(), 0);
    for (std::size_t i = first; i < end; ++i)
      for (std::size_t k = 0; k < lines[i].segments.size(); ++k) {
        double& r = right[column_index(i, k)];
        r = std::max(r, lines[i].segments[k].x1);
      }
    // Whether lines[i] continues lines[i - 1].
    auto continues = [&](std::size_t i) {
      const Line& above = lines[i - 1];
      const Line& line = lines[i];
      for (std::size_t k = 0; k < line.segments.size(); ++k) {
        const std::size_t c = column_index(i, k);
        bool wrapped = false;
        for (std::size_t a = 0; a < above.segments.size(); ++a)
          if (column_index(i - 1, a) == c &&
              above.segments[a].x1 + 0.3 * line.size + line.segments[k].first_word > right[c] + 1)
            wrapped = true;
        if (!wrapped) return false;
      }
      return true;
    };
    // Rows are set further apart than the lines of one cell (cell padding): when the gaps
    // between lines fall into a tight and a wide kind, a line closer than half way between
    // them to the one above, with text in fewer columns than the row and only in columns the
    // row has text in already, goes on in that row (a cell's last word wrapped although it
    // would have fitted).
    double tight = 0, wide = 0;
    for (std::size_t i = first + 1; i < end; ++i) {
      const double gap = lines[i].y0 - lines[i - 1].y1;
      tight = i == first + 1 ? gap : std::min(tight, gap);
      wide = std::max(wide, gap);
    }
    const bool two_kinds = end - first > 2 && wide - tight > 0.3;
    std::vector<TableRow> rows;
    auto close_under = [&](std::size_t i) {
      if (!two_kinds || lines[i].y0 - lines[i - 1].y1 > (tight + wide) / 2) return false;
      std::size_t filled = 0;
      for (const std::string& cell : rows.back().cells) filled += cell.empty() ? 0 : 1;
      if (lines[i].segments.size() >= filled) return false;  // a row of its own
      for (std::size_t k = 0; k < lines[i].segments.size(); ++k)
        if (rows.back().cells[column_index(i, k)].empty()) return false;
      return true;
    };
    for (std::size_t i = first; i < end; ++i) {
      const Line& line = lines[i];
      const bool new_row = i == first || !(continues(i) || close_under(i));
      if (new_row) {
        rows.emplace_back();
        rows.back().cells.resize(columns.size());
        rows.back().position.part = part;
      }
      TableRow& row = rows.back();
      for (std::size_t k = 0; k < line.segments.size(); ++k) {
        append_line(row.cells[column_index(i, k)], line.segments[k].text);
      }
    }
    out_.table(std::move(rows), part);
    return end;
  }

  DocumentBuilder out_;
  double body_size_ = 0;
  std::vector<long> heading_sizes_;
};

}  // namespace

Document read_pdf(std::string_view bytes, const std::string& source, const ReadLimits& limits) {
  return PdfReader(source, limits).read(bytes);
}

}  // namespace libtracker::detail
