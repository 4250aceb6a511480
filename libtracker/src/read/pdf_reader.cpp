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
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string_view>
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

/// The words of a line (left to right) joined into segments: a new one starts where
/// @p splits says so.
template <class Splits>
std::vector<Segment> join_words(const std::vector<Word>& words, double size, Splits splits) {
  std::vector<Segment> out;
  const Word* prev = nullptr;
  for (const Word& w : words) {
    if (prev == nullptr || splits(*prev, w)) {
      out.push_back(Segment{w.x0, w.x1, w.text, w.x1 - w.x0});
    } else {
      Segment& s = out.back();
      if (prev->space_after || w.x0 - prev->x1 > 0.15 * size) s.text += ' ';
      s.text += w.text;
      s.x1 = w.x1;
    }
    prev = &w;
  }
  return out;
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
    // A gap wider than about a letter's width separates columns.
    line.segments = join_words(line.words, size, [&](const Word& prev, const Word& w) {
      return w.x0 - prev.x1 > 0.9 * std::max(size, 1.0);
    });
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

/// The largest number of objects a PDF of @p bytes can hold: every object takes at least a
/// few bytes (its number and offset in an object stream), and a trailer's /Size or a
/// cross-reference section's count beyond that is a lie poppler would allocate for.
std::size_t plausible_objects(std::size_t bytes) { return bytes / 8 + 65536; }

/// The number written after @p at in @p pdf (skipping white space), if any.
std::optional<std::size_t> number_after(std::string_view pdf, std::size_t& at) {
  while (at < pdf.size() && (pdf[at] == ' ' || pdf[at] == '\r' || pdf[at] == '\n' ||
                             pdf[at] == '\t' || pdf[at] == '\f' || pdf[at] == '\0'))
    ++at;
  std::size_t value = 0, digits = 0;
  for (; at < pdf.size() && pdf[at] >= '0' && pdf[at] <= '9'; ++at, ++digits) {
    if (value > (SIZE_MAX - 9) / 10) return SIZE_MAX;
    value = value * 10 + static_cast<std::size_t>(pdf[at] - '0');
  }
  if (digits == 0) return std::nullopt;
  return value;
}

/// Refuses a file whose cross-reference claims (a trailer's or stream's /Size, a section's
/// "first count" after "xref", an /Index pair) exceed what it can hold: poppler sizes its
/// table from them before it reads a single object.
void check_object_counts(std::string_view pdf, const std::string& source) {
  const std::size_t limit = plausible_objects(pdf.size());
  auto refuse = [&](std::size_t claimed, std::size_t at) {
    throw ParseError("PDF cross-reference claims " + std::to_string(claimed) +
                         " objects (at byte " + std::to_string(at) + "), more than a file of " +
                         std::to_string(pdf.size()) + " bytes can hold",
                     std::string(), 0, source);
  };
  for (const std::string_view key : {std::string_view("/Size"), std::string_view("xref")}) {
    for (std::size_t at = pdf.find(key); at != std::string_view::npos; at = pdf.find(key, at + 1)) {
      std::size_t next = at + key.size();
      const auto first = number_after(pdf, next);
      if (!first) continue;
      std::size_t claimed = *first;
      if (key == "xref") {  // "xref first count"
        const auto count = number_after(pdf, next);
        if (!count) continue;
        claimed = *first > SIZE_MAX - *count ? SIZE_MAX : *first + *count;
      }
      if (claimed > limit) refuse(claimed, at);
    }
  }
  // An xref stream's /Index [first count first count ...].
  for (std::size_t at = pdf.find("/Index"); at != std::string_view::npos;
       at = pdf.find("/Index", at + 1)) {
    std::size_t next = at + 6;
    while (next < pdf.size() && (pdf[next] == ' ' || pdf[next] == '\r' || pdf[next] == '\n'))
      ++next;
    if (next >= pdf.size() || pdf[next] != '[') continue;
    ++next;
    for (int pair = 0; pair < 1024; ++pair) {
      const auto first = number_after(pdf, next);
      const auto count = first ? number_after(pdf, next) : std::nullopt;
      if (!count) break;
      if (*first > limit || *count > limit || *first + *count > limit)
        refuse(*first > SIZE_MAX - *count ? SIZE_MAX : *first + *count, at);
    }
  }
}

class PdfReader {
 public:
  PdfReader(const std::string& source, const ReadLimits& limits) : out_(source, limits) {}

  Document read(std::string_view bytes) {
    poppler::set_debug_error_function(quiet, nullptr);
    if (bytes.size() > static_cast<std::size_t>(INT32_MAX))
      throw ParseError("PDF file too large", std::string(), 0, out_.source());
    check_object_counts(bytes, out_.source());
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

  /// Parts the segments of lines[first, end) where other lines of the table start a column: a
  /// narrow column's header ("Item #") can run so close to the next one ("Action") that their
  /// gap is no wider than a space, but the rows below start their cells there: a line is parted
  /// before a word that begins (within 2 pt) where a segment of another line begins. Returns
  /// whether any line was parted.
  static bool part_at_shared_starts(std::vector<Line>& lines, std::size_t first, std::size_t end) {
    std::vector<std::pair<double, std::size_t>> starts;  // x, lines starting a segment there
    for (std::size_t i = first; i < end; ++i)
      for (std::size_t k = 1; k < lines[i].segments.size(); ++k) {
        const double x = lines[i].segments[k].x0;
        auto near = std::find_if(starts.begin(), starts.end(),
                                 [&](const auto& s) { return std::fabs(s.first - x) <= 2; });
        if (near == starts.end())
          starts.emplace_back(x, 1);
        else
          ++near->second;
      }
    bool parted = false;
    for (std::size_t i = first; i < end; ++i) {
      Line& line = lines[i];
      std::vector<Segment> split =
          join_words(line.words, line.size, [&](const Word& before, const Word& w) {
            if (w.x0 - before.x1 > 0.9 * std::max(line.size, 1.0)) return true;
            for (const auto& [x, count] : starts)
              if (w.x0 > before.x1 && std::fabs(w.x0 - x) <= 2) return true;
            return false;
          });
      if (split.size() > line.segments.size()) {
        line.segments = std::move(split);
        parted = true;
      }
    }
    return parted;
  }

  /// The table starting at lines[first], added to the document; returns the line after it
  /// (first + 1 when there is no table there).
  std::size_t table(std::vector<Line>& lines, std::size_t first, const std::string& part,
                    bool parted = false) {
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
      Line& line = lines[end];
      const Line& prev = lines[end - 1];
      if (heading_level(line) != 0 || line.y0 - prev.y1 > 1.5 * line.size) break;
      auto place = [&](const std::vector<Segment>& segments) {
        std::vector<std::size_t> placed;
        for (const Segment& s : segments) {
          const int c = column_of(s);
          if (c < 0) break;
          placed.push_back(static_cast<std::size_t>(c));
        }
        return placed;
      };
      std::vector<std::size_t> placed = place(line.segments);
      if (placed.size() != line.segments.size()) {
        // A cell that runs almost up to the next column leaves too small a gap to part them:
        // part the line's words where the table's columns start.
        std::vector<Segment> parted =
            join_words(line.words, line.size, [&](const Word& before, const Word& w) {
              for (std::size_t c = 1; c < columns.size(); ++c)
                if (before.x1 < columns[c].x0 && w.x0 >= columns[c].x0 - 2) return true;
              return w.x0 - before.x1 > 0.9 * std::max(line.size, 1.0);
            });
        std::vector<std::size_t> again = place(parted);
        if (again.size() != parted.size()) break;
        line.segments = std::move(parted);
        placed = std::move(again);
      }
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
    // Two cells of one line in one header column: the header ran two columns together.
    for (std::size_t i = first + 1; i < end && !parted; ++i)
      for (std::size_t k = 1; k < column_at[i - first].size(); ++k)
        if (column_at[i - first][k] == column_at[i - first][k - 1]) {
          if (part_at_shared_starts(lines, first, end)) return table(lines, first, part, true);
          parted = true;  // nothing to part: read it as it is
          break;
        }
    // Rows. A line continues the row when each of its cells carries on a cell that wrapped,
    // or sits off the line pitch as a centred cell does; any other line starts a row.
    std::vector<double> right(columns.size(), 0);
    for (std::size_t i = first; i < end; ++i)
      for (std::size_t k = 0; k < lines[i].segments.size(); ++k) {
        double& r = right[column_index(i, k)];
        r = std::max(r, lines[i].segments[k].x1);
      }
    // The right end of the current row's last text in each column; -1 where it has none.
    std::vector<double> row_end(columns.size(), -1);
    // Whether a segment of lines[i] carries on the current row's cell in its column: the cell's
    // last line reaches so far right that the segment's first word would not have fitted.
    auto carries_on = [&](std::size_t i, std::size_t k) {
      const std::size_t c = column_index(i, k);
      return row_end[c] >= 0 &&
             row_end[c] + 0.3 * lines[i].size + lines[i].segments[k].first_word > right[c] + 1;
    };
    // Cells centred vertically in a row of wrapped lines sit between the text lines, half the
    // table's line pitch (the usual distance between the middles of consecutive lines) off it.
    std::vector<double> steps;
    const auto middle = [&](std::size_t i) { return (lines[i].y0 + lines[i].y1) / 2; };
    for (std::size_t i = first + 1; i < end; ++i) steps.push_back(middle(i) - middle(i - 1));
    std::sort(steps.begin(), steps.end());
    const double pitch = steps.empty() ? 0 : steps[steps.size() / 2];
    // Whether lines[i] sits half a pitch below the line above, with text only in columns that
    // line has none in: a centred cell beside a wrapped one, or the wrapped cell's next line.
    auto off_pitch = [&](std::size_t i) {
      const double step = middle(i) - middle(i - 1);
      if (pitch <= 0 || step < 0.3 * pitch || step > 0.7 * pitch) return false;
      for (std::size_t k = 0; k < lines[i].segments.size(); ++k)
        for (std::size_t a = 0; a < lines[i - 1].segments.size(); ++a)
          if (column_index(i, k) == column_index(i - 1, a)) return false;
      return true;
    };
    // A table that centres its cells vertically: a line half a pitch off somewhere in it.
    bool centring = false;
    for (std::size_t i = first + 1; i < end; ++i) centring = centring || off_pitch(i);
    // Whether lines[i] continues the current row: each of its cells carries on a wrapped cell.
    // A line with text in every column of a table of three or more starts a row: cells rarely
    // all wrap together, while a full row's cells all look "wrapped" in a column no wider
    // than its widest value (dates, names).
    // In a table that centres its cells, a cell may also begin on a later line of its row (a
    // two-line owner centred on a four-line action), so a cell in a column the row has no text
    // in does not end the row, as long as another cell carries on.
    auto continues = [&](std::size_t i) {
      const Line& line = lines[i];
      if (columns.size() >= 3 && line.segments.size() == columns.size()) return false;
      bool carried = false;
      for (std::size_t k = 0; k < line.segments.size(); ++k) {
        if (carries_on(i, k))
          carried = true;
        else if (!centring || row_end[column_index(i, k)] >= 0)
          return false;
      }
      return carried;
    };
    // A centred cell's line is in the row when each of its cells is in a column the row has no
    // text in yet or carries on a wrapped cell.
    auto centred = [&](std::size_t i) {
      if (!off_pitch(i)) return false;
      for (std::size_t k = 0; k < lines[i].segments.size(); ++k)
        if (row_end[column_index(i, k)] >= 0 && !carries_on(i, k)) return false;
      return true;
    };
    // In a table that centres its cells, a row whose every cell has begun ends where its
    // cells' middles say: a cell centred on the row's middle is as far from the row's last
    // line as from its first. A line below that starts a row, whatever its words.
    std::vector<double> cell_top(columns.size(), -1), cell_bottom(columns.size(), -1);
    double row_top = 0;
    auto below_full_row = [&](std::size_t i) {
      if (!centring) return false;
      double last = row_top;
      for (std::size_t c = 0; c < columns.size(); ++c) {
        if (cell_top[c] < 0) return false;  // a cell not begun yet
        last = std::max(last, cell_top[c] + cell_bottom[c] - row_top);
      }
      return middle(i) > last + 0.35 * pitch;
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
      const bool new_row =
          i == first || below_full_row(i) || !(continues(i) || centred(i) || close_under(i));
      if (new_row) {
        rows.emplace_back();
        rows.back().cells.resize(columns.size());
        rows.back().position.part = part;
        std::fill(row_end.begin(), row_end.end(), -1);
        std::fill(cell_top.begin(), cell_top.end(), -1);
        row_top = middle(i);
      }
      TableRow& row = rows.back();
      for (std::size_t k = 0; k < line.segments.size(); ++k) {
        const std::size_t c = column_index(i, k);
        append_line(row.cells[c], line.segments[k].text);
        row_end[c] = line.segments[k].x1;
        if (cell_top[c] < 0) cell_top[c] = middle(i);
        cell_bottom[c] = middle(i);
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
