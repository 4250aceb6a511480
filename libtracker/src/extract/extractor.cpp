// The extractor: one reading of action lists for every input. It walks a Document's blocks
// in order, keeping what the headings say (an action section, a section of completed items)
// and the header of the table being read, and makes an item of each table row under an
// action header, each top-level list item under an action heading (its sub-items are its
// status, owner, due date or details), and each "Action:" line.

#include "extract/extractor.hpp"

#include <algorithm>
#include <boost/date_time/gregorian/gregorian.hpp>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "extract/sentence_fields.hpp"
#include "formats/format_util.hpp"
#include "libtracker/error.hpp"
#include "libtracker/owner_parser.hpp"
#include "libtracker/rating.hpp"
#include "libtracker/status_parser.hpp"
#include "libtracker/text.hpp"
#include "parse/column_vocabulary.hpp"
#include "parse/prose.hpp"
#include "text/text_util.hpp"
#include "text/utf8.hpp"

namespace libtracker {
namespace detail {
namespace {

/// Action text longer than this keeps its first sentence as the text and all of it as details.
constexpr std::size_t long_text_bytes = 200;
/// The document's date is stated in its first blocks.
constexpr std::size_t title_blocks = 8;
constexpr std::size_t title_lines = 15;

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_abbreviation(std::string_view word) {
  static const char* const abbreviations[] = {"mr", "mrs", "ms", "dr",  "e.g", "i.e", "etc",
                                              "vs", "no",  "st", "inc", "jr",  "sr",  "approx"};
  const std::string w = lower(word);
  for (const char* a : abbreviations)
    if (w == a) return true;
  return w.size() == 1;  // an initial: "J. Smith"
}

/// The first sentence of @p text, at most long_text_bytes long (cut at a word and marked "...").
std::string first_sentence(const std::string& text) {
  for (std::size_t i = 0; i + 1 < text.size() && i < long_text_bytes; ++i) {
    const char c = text[i];
    if ((c != '.' && c != '?' && c != '!') || text[i + 1] != ' ') continue;
    if (c == '.') {
      std::size_t w = i;
      while (w > 0 && text[w - 1] != ' ') --w;
      if (is_abbreviation(std::string_view(text).substr(w, i - w))) continue;
    }
    const char next = i + 2 < text.size() ? text[i + 2] : ' ';
    if (is_upper(next) || is_digit(next) || next == '"' || next == '(')
      return text.substr(0, i + 1);
  }
  std::size_t cut = text.rfind(' ', long_text_bytes);
  if (cut == std::string::npos || cut == 0) {
    cut = long_text_bytes;
    while (cut > 0 && is_continuation_byte(text[cut])) --cut;
  }
  return text.substr(0, cut) + "...";
}

/// A heading that opens a list of action items: "Open Action Items/Requests", "Actions:",
/// "Action items (3)", "Actions arising" (any case, but short).
bool is_action_heading(std::string_view text) {
  const std::string c = heading_text(text);
  if (c.empty() || c.size() > max_heading_bytes) return false;
  const char last = c.back();
  if (last == '.' || last == ',' || last == ';' || last == '!' || last == '?') return false;
  if (split_words(c).size() > max_heading_words) return false;
  const std::string l = lower(c);
  for (std::string_view phrase :
       {"action items", "action item", "action points", "action point", "actions", "action list",
        "action log", "action register", "action requests", "open requests"})
    if (has_word_phrase(l, phrase)) return true;
  return false;
}

/// What a heading says about the state of the items under it.
std::optional<State> heading_state(std::string_view text) {
  const std::string l = lower(heading_text(text));
  for (std::string_view w : {"completed", "complete", "closed", "done", "finished", "resolved"})
    if (has_word_phrase(l, w)) return State::done;
  for (std::string_view w : {"open", "pending", "outstanding", "ongoing"})
    if (has_word_phrase(l, w)) return State::open;
  return std::nullopt;
}

/// A short heading that is about items in a state: "Closed items", "Done", "Pending".
bool is_state_section(std::string_view text) {
  if (!heading_state(text)) return false;
  const std::vector<std::string> words = split_words(heading_text(text));
  if (words.size() == 1) return true;
  const std::string l = lower(heading_text(text));
  if (words.size() > 4) return false;
  for (std::string_view w : {"items", "item", "tasks", "requests", "actions"})
    if (has_word_phrase(l, w)) return true;
  return false;
}

struct Label {
  std::string text;
  std::string owner;  // "Action item (Denise): ..."
};

/// The text after an "Action item:", "Action:" or "AI:" label, or nullopt.
std::optional<Label> action_label(std::string_view content) {
  const std::string l = lower(content);
  for (std::string_view label :
       {"action items", "action item", "action points", "action point", "action", "ai"}) {
    if (l.compare(0, label.size(), label) != 0) continue;
    std::size_t k = label.size();
    while (k < l.size() && l[k] == ' ') ++k;
    Label out;
    if (k < l.size() && l[k] == '(') {
      const std::size_t close = l.find(')', k);
      if (close == std::string::npos) continue;
      out.owner = std::string(trim(content.substr(k + 1, close - k - 1)));
      k = close + 1;
      while (k < l.size() && l[k] == ' ') ++k;
    }
    if (k >= l.size() || l[k] != ':') continue;
    out.text = std::string(trim(content.substr(k + 1)));
    return out;
  }
  return std::nullopt;
}

enum class LabelField { none, status, owners, due };

/// A "Status:", "Owner:" or "Due:" label at the start of @p content, and the text after it.
std::pair<LabelField, std::string> field_label(std::string_view content) {
  static const std::pair<std::string_view, LabelField> labels[] = {
      {"status", LabelField::status},      {"owners", LabelField::owners},
      {"owner(s)", LabelField::owners},    {"owner", LabelField::owners},
      {"responsible", LabelField::owners}, {"assigned to", LabelField::owners},
      {"due date", LabelField::due},       {"due", LabelField::due},
      {"deadline", LabelField::due},       {"target date", LabelField::due},
  };
  const std::string l = lower(content);
  for (const auto& [label, field] : labels) {
    if (l.compare(0, label.size(), label) != 0) continue;
    std::size_t k = label.size();
    while (k < l.size() && l[k] == ' ') ++k;
    if (k >= l.size() || l[k] != ':') continue;
    return {field, std::string(trim(content.substr(k + 1)))};
  }
  return {LabelField::none, {}};
}

/// A rating cell: "H", "M", "L", "high", ... Letters that extraction turned into look-alikes
/// of other scripts (Cyrillic or Greek capital En, Em, Eta, Mu) are read as the Latin ones.
std::optional<Rating> rating_of(std::string_view cell) {
  std::string text(trim(cell));
  static const std::pair<std::string_view, std::string_view> lookalikes[] = {
      {"\xD0\x9D", "H"}, {"\xD0\x9C", "M"}, {"\xCE\x97", "H"},
      {"\xCE\x9C", "M"}, {"\xD0\xBD", "h"}, {"\xD0\xBC", "m"}};
  for (const auto& [from, to] : lookalikes)
    for (std::size_t p = text.find(from); p != std::string::npos; p = text.find(from, p))
      text.replace(p, from.size(), to);
  while (!text.empty() && (text.back() == '.' || text.back() == '*')) text.pop_back();
  while (!text.empty() && text.front() == '*') text.erase(0, 1);
  try {
    return rating_from_string(text);
  } catch (const ParseError&) {
    return std::nullopt;
  }
}

/// A check mark in a status or complete column: "(tick)" as Confluence copies it, "✓", "✔",
/// "☑", "✅", "x", "yes", "done.".
bool is_check_mark(std::string_view cell) {
  std::string c = lower(trim(cell));
  while (!c.empty() && (c.back() == '.' || c.back() == '!')) c.pop_back();
  for (std::string_view mark : {"(tick)", "(/)", "\xE2\x9C\x93", "\xE2\x9C\x94", "\xE2\x98\x91",
                                "\xE2\x9C\x85", "x", "yes", "y", "done"})
    if (c == mark) return true;
  return false;
}

/// A cell as the writer meant it: the apostrophe of the CSV formula guard removed.
std::string_view unguard(std::string_view cell) {
  if (cell.size() >= 2 && cell[0] == '\'' &&
      (cell[1] == '=' || cell[1] == '+' || cell[1] == '-' || cell[1] == '@' || cell[1] == '\t' ||
       cell[1] == '\r'))
    cell.remove_prefix(1);
  return cell;
}

std::vector<std::string> split_tags(std::string_view text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = text.find_first_of(",;", start);
    const std::string_view tag =
        trim(text.substr(start, end == std::string_view::npos ? end : end - start));
    if (!tag.empty()) out.emplace_back(tag);
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return out;
}

void append_line(std::string& to, std::string_view more) {
  if (more.empty()) return;
  if (!to.empty()) to += '\n';
  to += more;
}

/// An item being read, before its fields are parsed.
struct Draft {
  bool active = false;
  bool listed = false;  // a list item under an action heading
  bool tabled = false;  // a table row: notes are a column of their own, never the status
  std::size_t line = 0;
  std::size_t row_line = 0;  // the row's own line (a first cell may start earlier)
  std::string part;
  std::string text;
  std::vector<std::string> status;
  std::vector<std::string> sub_items;  // sub-bullets without a label
  std::vector<std::string> details;    // details columns
  std::vector<std::string> notes;      // notes columns
  std::string owners;
  std::size_t owners_line = 0;
  std::string label_owner;
  std::string due;
  std::size_t due_line = 0;
  std::string ref;
  std::string created;
  std::string closed;
  std::vector<std::string> tags;
  std::optional<Rating> impact;
  std::optional<Rating> effort;
  bool checked = false;  // a check mark in a status column, or a ticked task box
  std::optional<State> heading;
  std::uint32_t provided = 0;
};

class Extractor {
 public:
  Extractor(const Document& doc, const ExtractOptions& options)
      : doc_(doc), options_(options), source_(doc.source.empty() ? "document" : doc.source) {
    known_ = options.known_owners;
    if (options.reference) {
      reference_ = *options.reference;
      out_.outcome.reference_source = ReferenceSource::caller;
    } else if (const auto stated = options.strict ? std::nullopt : document_date(doc)) {
      reference_ = *stated;
      out_.outcome.reference_source = ReferenceSource::document;
    } else {
      reference_ = options.today ? *options.today : boost::gregorian::day_clock::local_day();
      out_.outcome.reference_source = ReferenceSource::today;
    }
    out_.outcome.reference = reference_;
  }

  Extraction run() {
    for (std::size_t i = 0; i < doc_.blocks.size(); ++i) {
      const Block& b = doc_.blocks[i];
      switch (b.kind) {
        case BlockKind::heading:
          heading(b);
          break;
        case BlockKind::paragraph:
          paragraph(b);
          break;
        case BlockKind::list_item:
          list_item(b);
          break;
        case BlockKind::table:
          table(b);
          break;
      }
      if (b.kind == BlockKind::list_item) after_table_ = continued_table_ = false;
    }
    finish_draft();
    end_section();
    if (!options_.strict) deduplicate();
    std::stable_sort(out_.outcome.skipped.begin(), out_.outcome.skipped.end(),
                     [](const SkippedLine& a, const SkippedLine& b) { return a.line < b.line; });
    return std::move(out_);
  }

 private:
  // -- blocks ------------------------------------------------------------------------
  void heading(const Block& b) {
    finish_draft();
    end_section();
    state_ = heading_state(b.text);
    in_section_ = is_action_heading(b.text) || is_state_section(b.text);
    section_bulleted_ = false;
    section_top_.reset();
    if (in_section_) {
      section_heading_ = &b;
      section_items_ = out_.items.size();
      section_tables_ = false;
    }
  }

  void paragraph(const Block& b) {
    // A line without columns between rows: reported, and the rows after it keep the header.
    const bool between_rows =
        after_table_ && b.position.line != 0 && b.position.line == last_row_line_ + 1;
    after_table_ = false;
    continued_table_ = between_rows;
    rows_adjacent_ = between_rows;
    if (auto label = action_label(b.text)) {
      action_line(b, std::move(*label));
      return;
    }
    if (between_rows) {
      finish_draft();
      skip(b.position, b.text, "text without columns between table rows");
      return;
    }
    auto [field, value] = field_label(b.text);
    if (field != LabelField::none) {
      if (draft_.active) {
        attach(b.position.line, field, std::move(value));
        return;
      }
      if (in_section_) {
        skip(b.position, b.text, "a field line before any action item");
        return;
      }
    }
    finish_draft();
    if (!in_section_) return;
    if (section_bulleted_) {
      end_section();  // prose after the list
      in_section_ = false;
      return;
    }
    // A list without bullets: one item per line, if it reads like an action (a few words).
    if (split_words(b.text).size() >= 3) start_draft(b, b.text, true);
  }

  void list_item(const Block& b) {
    if (auto label = action_label(b.text)) {
      action_line(b, std::move(*label));
      return;
    }
    auto [field, value] = field_label(b.text);
    if (field != LabelField::none && draft_.active) {
      attach(b.position.line, field, std::move(value));
      return;
    }
    if (!in_section_ && b.done && field == LabelField::none) {
      // A task list (ticked boxes or not) is a list of actions wherever it stands.
      start_draft(b, b.text, true);
      draft_.checked = *b.done;
      return;
    }
    if (!in_section_) {
      finish_draft();
      return;
    }
    if (field != LabelField::none) {
      skip(b.position, b.text, "a field line before any action item");
      return;
    }
    if (!section_top_ || b.level <= *section_top_) {
      if (!section_top_) section_top_ = b.level;
      section_bulleted_ = true;
      start_draft(b, b.text, true);
      draft_.checked = b.done.value_or(false);  // a ticked box: done
      return;
    }
    if (!draft_.active) {
      skip(b.position, b.text, "sub-item before any action item");
      return;
    }
    draft_.sub_items.push_back(b.text);
  }

  void action_line(const Block& b, Label label) {
    finish_draft();
    if (label.text.empty()) {
      skip(b.position, b.text, "action line without text");
      return;
    }
    start_draft(b, std::move(label.text), in_section_);
    draft_.label_owner = std::move(label.owner);
  }

  void table(const Block& b) {
    finish_draft();
    if (options_.strict && b.rows.empty()) throw ParseError("no header row", "", 0, source_, 1);
    std::optional<HeaderColumns> header;
    // A table continued on the next page without its header keeps the header of the last.
    if (!options_.strict && continued_table_ && last_header_ && !b.rows.empty() &&
        (rows_adjacent_ || b.rows.front().cells.size() == last_header_->columns.size()))
      header = last_header_;
    rows_adjacent_ = false;
    bool action_table = false;
    for (std::size_t r = 0; r < b.rows.size(); ++r) {
      const TableRow& row = b.rows[r];
      if (options_.strict && r == 0) {
        header = read_header(row.cells);
        if (!header->has(Column::action))
          throw ParseError(
              "no Action column in the header (expected e.g. Action, Task or Description)",
              excerpt(join(row.cells, ","), 0), 0, source_, row.position.line);
        note_unknown(*header);
        action_table = true;
        continue;
      }
      if (!options_.strict) {
        HeaderColumns h = read_header(row.cells);
        if (is_action_header(h)) {
          note_unknown(h);
          header = std::move(h);
          action_table = true;
          continue;
        }
      }
      if (!header) {
        if (in_section_)
          skip(row.position, join_cells(row.cells), "table row without a header naming an action");
        continue;
      }
      action_table = true;
      table_row(row, *header);
      last_row_line_ = row.position.line;
    }
    if (action_table) {
      last_header_ = header;
      section_tables_ = true;
    }
    after_table_ = action_table;
    continued_table_ = action_table;
  }

  void table_row(const TableRow& row, const HeaderColumns& header) {
    const std::vector<std::string>& cells = row.cells;
    bool empty = true;
    for (const std::string& c : cells) empty = empty && trim(c).empty();
    if (empty) return;  // ",,,," rows that spreadsheets leave behind
    const std::vector<Column>& columns = header.columns;
    const std::size_t line = row.position.line;
    if (cells.size() < columns.size()) {
      skip(row.position, join_cells(cells),
           "row has " + std::to_string(cells.size()) + " cells, the header has " +
               std::to_string(columns.size()));
      return;
    }
    Draft d;
    d.active = true;
    d.tabled = true;
    d.line = line;
    d.row_line = line;
    d.part = row.position.part;
    d.heading = state_;
    for (std::size_t i = 0; i < columns.size(); ++i) {
      const std::string cell(
          trim(options_.strict ? unguard(cells[i]) : std::string_view(cells[i])));
      if (cell.empty() && columns[i] != Column::impact && columns[i] != Column::effort) continue;
      switch (columns[i]) {
        case Column::action:
          d.text = cell;
          d.provided |= field_bit(Field::text);
          break;
        case Column::ref:
          if (d.ref.empty()) d.ref = cell;
          break;
        case Column::details:
          d.details.push_back(cell);
          d.provided |= field_bit(Field::details);
          break;
        case Column::owner:
          d.owners = cell;
          d.owners_line = line;
          break;
        case Column::due:
          d.due = cell;
          d.due_line = line;
          break;
        case Column::status:
          if (is_check_mark(cell))
            d.checked = true;
          else
            d.status.push_back(cell);
          d.provided |= field_bit(Field::state);
          break;
        case Column::notes:
          d.notes.push_back(cell);
          d.provided |= field_bit(Field::status_note);
          break;
        case Column::created:
          if (d.created.empty()) d.created = cell;
          break;
        case Column::closed:
          if (d.closed.empty()) d.closed = cell;
          break;
        case Column::source:
          d.tags.push_back("source:" + cell);
          d.provided |= field_bit(Field::tags);
          break;
        case Column::tags:
          for (std::string& tag : split_tags(cell)) d.tags.push_back(std::move(tag));
          d.provided |= field_bit(Field::tags);
          break;
        case Column::impact:
        case Column::effort:
          rating_cell(d, row, columns, i);
          break;
        case Column::unknown:
        case Column::blank:
          break;
      }
    }
    if (d.text.empty()) {
      if (options_.strict)
        throw ParseError("row has no Action text", excerpt(join(cells, ","), 0), 0, source_, line);
      skip(row.position, join_cells(cells), "row without action text");
      return;
    }
    for (std::size_t i = columns.size(); i < cells.size(); ++i)
      if (!trim(cells[i]).empty()) {
        skip(row.position, join_cells(cells), "cells beyond the header's columns were ignored");
        break;
      }
    draft_ = std::move(d);
    finish_draft();
  }

  /// The rating is in the column's cell or, in text extracted from slides, in a blank-headed
  /// column just after it.
  void rating_cell(Draft& d, const TableRow& row, const std::vector<Column>& columns,
                   std::size_t i) {
    const bool impact = columns[i] == Column::impact;
    const std::vector<std::string>& cells = row.cells;
    if (options_.strict) {
      const std::string_view cell = trim(unguard(cells[i]));
      if (cell.empty()) return;
      try {
        (impact ? d.impact : d.effort) = rating_from_string(cell);
      } catch (const ParseError& e) {
        throw e.at_line(source_, row.position.line);
      }
      d.provided |= impact ? field_bit(Field::impact) : field_bit(Field::effort);
      return;
    }
    std::optional<Rating> rating;
    std::string seen;
    for (std::size_t k = i; k < cells.size() && !rating; ++k) {
      if (k > i && (k >= columns.size() || columns[k] != Column::blank)) break;
      rating = rating_of(cells[k]);
      if (!trim(cells[k]).empty() && seen.empty()) seen = std::string(trim(cells[k]));
    }
    (impact ? d.impact : d.effort) = rating;
    if (!rating && !seen.empty())
      skip(row.position, seen,
           std::string(impact ? "impact" : "effort") + " \"" + seen +
               "\" is not a rating (high, medium or low); the item was kept without it");
  }

  // -- drafts ------------------------------------------------------------------------
  void start_draft(const Block& b, std::string text, bool listed) {
    finish_draft();
    draft_ = Draft{};
    draft_.active = true;
    draft_.listed = listed;
    draft_.line = b.position.line;
    draft_.row_line = b.position.line;
    draft_.part = b.position.part;
    draft_.text = std::move(text);
    draft_.heading = in_section_ ? state_ : std::nullopt;
  }

  void attach(std::size_t line, LabelField field, std::string value) {
    switch (field) {
      case LabelField::status:
        draft_.status.push_back(std::move(value));
        break;
      case LabelField::owners:
        draft_.owners = std::move(value);
        draft_.owners_line = line;
        break;
      case LabelField::due:
        draft_.due = std::move(value);
        draft_.due_line = line;
        break;
      case LabelField::none:
        break;
    }
  }

  void end_section() {
    if (in_section_ && section_heading_ && out_.items.size() == section_items_ &&
        !section_tables_ && !draft_.active)
      skip(section_heading_->position, section_heading_->text,
           "a heading about actions with no items under it");
    section_heading_ = nullptr;
  }

  /// Parses a field with @p parse; on failure, a ParseError (strict) or a skipped line.
  template <typename Parse>
  bool read_field(Parse&& parse, std::size_t line, const std::string& part, const std::string& text,
                  const std::string& what) {
    try {
      parse();
      return true;
    } catch (const ParseError& e) {
      if (options_.strict) throw e.at_line(source_, line);
      out_.outcome.skipped.push_back(
          {line, text, what + " not understood (" + e.reason() + "); the item was kept without it",
           part});
      return false;
    }
  }

  void finish_draft() {
    if (!draft_.active) return;
    Draft d = std::move(draft_);
    draft_ = Draft{};
    ImportedItem imported;
    imported.line = d.line;
    imported.provided = d.provided | field_bit(Field::text);
    ActionItem& item = imported.item;
    const std::string full = options_.strict ? d.text : collapse(d.text);
    if (!options_.strict && full.size() > long_text_bytes) {
      item.text = first_sentence(full);
      item.details = full;
    } else {
      item.text = full;
    }
    // Sub-items without a label are the status when there is no "Status:" line.
    if (d.status.empty() && !d.tabled) {
      d.status = std::move(d.sub_items);
      d.sub_items.clear();
    }
    for (const std::string& s : d.details) append_line(item.details, s);
    for (const std::string& s : d.sub_items) append_line(item.details, collapse(s));
    std::string status;
    for (const std::string& s : d.status) {
      if (!status.empty()) status += ' ';
      status += options_.strict ? s : collapse(s);
    }
    item.ref = options_.strict ? d.ref : collapse(d.ref);
    item.impact = d.impact;
    item.effort = d.effort;
    item.tags = std::move(d.tags);
    std::optional<boost::gregorian::date> closed;
    if (d.checked) item.state = State::done;
    if (!status.empty()) read_status(d, status, item, closed);
    for (const std::string& n : d.notes) append_line(item.status_note, n);
    if (!d.status.empty() || d.checked) imported.provide(Field::state);
    read_owners(d, item, imported);
    read_due(d, item, imported);
    if (!d.created.empty()) {
      read_field([&] { item.created = parse_date(d.created, reference_, options_.dates); },
                 d.row_line, d.part, d.created, "request date");
    } else if (!options_.strict && out_.outcome.reference_source != ReferenceSource::today) {
      item.created = reference_;  // the list as it stood on the document's day
    }
    if (!d.closed.empty())
      read_field([&] { closed = parse_date(d.closed, reference_, options_.dates); }, d.row_line,
                 d.part, d.closed, "completion date");
    if (d.heading == State::done && !is_closed(item.state)) {
      item.state = State::done;
      imported.provide(Field::state);
    }
    if (closed) {
      // A completion date without a status means the item is done.
      if (d.status.empty() && !d.checked && !is_closed(item.state)) {
        item.state = State::done;
        imported.provide(Field::state);
      }
      if (is_closed(item.state)) {
        item.closed = closed;
        imported.provided |= field_bit(Field::closed) | field_bit(Field::state);
      }
    }
    if (!item.details.empty()) imported.provide(Field::details);
    if (!item.ref.empty()) imported.provide(Field::ref);
    if (!item.status_note.empty())
      imported.provided |= field_bit(Field::status_note) | field_bit(Field::state);
    if (item.state != State::open) imported.provide(Field::state);
    if (!item.tags.empty()) imported.provide(Field::tags);
    if (item.impact) imported.provide(Field::impact);
    if (item.effort) imported.provide(Field::effort);
    if (!item.created.is_special()) imported.provide(Field::created);
    out_.items.push_back(std::move(imported));
    parts_.push_back(d.part);
  }

  void read_status(const Draft& d, const std::string& status, ActionItem& item,
                   std::optional<boost::gregorian::date>& closed) {
    try {
      // The canonical names the tracker writes first; then the wording of real lists.
      // (Tried only where they can match: a failed parse costs an exception per row.)
      if (std::count(status.begin(), status.end(), ' ') <= 1) {
        try {
          item.state = state_from_string(status);
          return;
        } catch (const ParseError&) {
        }
      }
      if (d.tabled && status.find_first_of("0123456789") != std::string::npos) {
        // A date in a status or "Completed" column is the day it was done.
        try {
          closed = parse_date(status, reference_, options_.dates);
          item.state = State::done;
          return;
        } catch (const ParseError&) {
        }
      }
      const ParsedStatus parsed = parse_status(status);
      item.state = parsed.state;
      item.status_note = parsed.note;
    } catch (const ParseError& e) {
      if (options_.strict) throw e.at_line(source_, d.row_line);
      out_.outcome.skipped.push_back(
          {d.line, status, "status not understood (" + e.reason() + ")", d.part});
    }
  }

  std::vector<std::string> known_owners() const {
    return options_.strict ? options_.known_owners : known_;
  }

  void read_owners(const Draft& d, ActionItem& item, ImportedItem& imported) {
    const std::string& written = !d.owners.empty() ? d.owners : d.label_owner;
    if (!written.empty()) {
      const std::size_t line = d.owners_line ? d.owners_line : d.line;
      try {
        item.owners = parse_owners(written, known_owners());
        imported.provide(Field::owners);
      } catch (const ParseError& e) {
        if (options_.strict) throw e.at_line(source_, line);
        out_.outcome.skipped.push_back(
            {line, written,
             "owners not understood (" + e.reason() + "); the item was kept without owners",
             d.part});
      }
    } else {
      SentenceOwners found = owners_in_sentence(item.text, known_owners());
      if (!found.owners.empty()) {
        item.owners = std::move(found.owners);
        imported.provide(Field::owners);
      } else if (!found.unclear.empty()) {
        out_.outcome.needs_review.push_back(
            {d.line, item.text,
             "\"" + found.unclear +
                 "\" before \"to ...\" does not read as names or a group; imported without an "
                 "owner",
             d.part});
      }
    }
    for (const std::string& o : item.owners) {
      bool seen = false;
      for (const std::string& s : known_) seen = seen || iequals(s, o);
      if (!seen) known_.push_back(o);
    }
  }

  void read_due(const Draft& d, ActionItem& item, ImportedItem& imported) {
    if (!d.due.empty()) {
      const std::size_t line = d.due_line ? d.due_line : d.line;
      try {
        item.due = parse_due(d.due, reference_, options_.dates);
        imported.provide(Field::due);
      } catch (const ParseError& e) {
        if (options_.strict) throw e.at_line(source_, line);
        out_.outcome.skipped.push_back(
            {line, d.due,
             "due date not understood (" + e.reason() + "); the item was kept without a due date",
             d.part});
      }
      return;
    }
    SentenceDue found = due_in_sentence(item.details.empty() ? item.text : item.details, reference_,
                                        options_.dates);
    if (found.due) {
      item.due = std::move(*found.due);
      imported.provide(Field::due);
    } else if (!found.unclear.empty()) {
      out_.outcome.needs_review.push_back(
          {d.line, item.text,
           "\"" + found.unclear + "\" is not a date that can be read; imported without a due date",
           d.part});
    }
  }

  // -- results -----------------------------------------------------------------------
  void skip(const SourcePosition& at, std::string text, std::string reason) {
    out_.outcome.skipped.push_back({at.line, std::move(text), std::move(reason), at.part});
  }

  void note_unknown(const HeaderColumns& h) {
    for (const std::string& name : h.unknown) {
      bool seen = false;
      for (const std::string& u : out_.outcome.unknown_columns) seen = seen || iequals(u, name);
      if (!seen) out_.outcome.unknown_columns.push_back(name);
    }
  }

  static std::string join_cells(const std::vector<std::string>& cells) {
    std::string out;
    for (const std::string& c : cells) out += (out.empty() ? "" : " | ") + c;
    return out;
  }

  static std::string identity(const ActionItem& item) {
    std::string key = lower(item.details.empty() ? item.text : item.details);
    while (!key.empty() &&
           (key.back() == '.' || key.back() == ' ' || key.back() == '!' || key.back() == '?'))
      key.pop_back();
    return key;
  }

  static int richness(const ActionItem& item) {
    return !item.owners.empty() + !item.due.is_none() +
           (item.state != State::open || !item.status_note.empty()) + !item.ref.empty();
  }

  /// The same action found twice (an "Action item:" line and a table row): the richer stays.
  void deduplicate() {
    std::vector<ImportedItem>& items = out_.items;
    std::map<std::string, std::size_t> first;
    std::vector<bool> removed(items.size(), false);
    for (std::size_t i = 0; i < items.size(); ++i) {
      const auto [it, fresh] = first.emplace(identity(items[i].item), i);
      if (fresh) continue;
      std::size_t kept = it->second, dropped = i;
      if (richness(items[i].item) > richness(items[kept].item)) std::swap(kept, dropped);
      removed[dropped] = true;
      it->second = kept;
      out_.outcome.skipped.push_back(
          {items[dropped].line, items[dropped].item.text,
           "the same action as on line " + std::to_string(items[kept].line), parts_[dropped]});
    }
    std::vector<ImportedItem> compact;
    std::vector<std::string> parts;
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (removed[i]) continue;
      compact.push_back(std::move(items[i]));
      parts.push_back(std::move(parts_[i]));
    }
    items = std::move(compact);
    parts_ = std::move(parts);
  }

 public:
  std::vector<std::string> parts_;

 private:
  const Document& doc_;
  const ExtractOptions& options_;
  const std::string source_;
  boost::gregorian::date reference_;
  Extraction out_;
  Draft draft_;
  std::vector<std::string> known_;
  std::optional<State> state_;  // what the last heading says about its items' state
  bool in_section_ = false;
  bool section_bulleted_ = false;
  std::optional<int> section_top_;
  const Block* section_heading_ = nullptr;
  std::size_t section_items_ = 0;
  bool section_tables_ = false;
  std::optional<HeaderColumns> last_header_;
  bool after_table_ = false;
  bool continued_table_ = false;
  bool rows_adjacent_ = false;  // the last table ended at a line between its rows
  std::size_t last_row_line_ = 0;
};

/// The first full date (with a year) in @p text: "15 June 2017", "June 15, 2017", "2017-06-15".
std::optional<boost::gregorian::date> stated_date(std::string_view text) {
  const std::vector<std::string> words = split_words(text);
  for (std::size_t i = 0; i < words.size(); ++i) {
    for (std::size_t n = std::min<std::size_t>(3, words.size() - i); n >= 1; --n) {
      std::string phrase;
      bool year = false;
      for (std::size_t k = i; k < i + n; ++k) {
        std::string w = words[k];
        while (!w.empty() && (w.back() == ',' || w.back() == '.' || w.back() == ')' ||
                              w.back() == ';' || w.back() == ':'))
          w.pop_back();
        while (!w.empty() && w.front() == '(') w.erase(0, 1);
        std::size_t digits = 0;
        for (char c : w) digits += is_digit(c);
        year = year || digits >= 4;
        phrase += (phrase.empty() ? "" : " ") + w;
      }
      if (!year || phrase.empty()) continue;
      try {
        // A reference far from any meeting: a date with its year does not depend on it.
        return parse_date(phrase, boost::gregorian::date(2000, 1, 1));
      } catch (const ParseError&) {
      } catch (const std::exception&) {
      }
    }
  }
  return std::nullopt;
}

}  // namespace

Extraction extract_items(const Document& document, const ExtractOptions& options) {
  Extractor extractor(document, options);
  Extraction out = extractor.run();
  out.outcome.parts = std::move(extractor.parts_);
  return out;
}

}  // namespace detail

std::string_view to_string(ReferenceSource source) noexcept {
  switch (source) {
    case ReferenceSource::caller:
      return "caller";
    case ReferenceSource::document:
      return "document";
    case ReferenceSource::today:
      return "today";
  }
  return "today";
}

std::optional<boost::gregorian::date> document_date(const Document& document) {
  std::size_t seen = 0;
  for (const Block& b : document.blocks) {
    if (seen++ >= detail::title_blocks) break;
    if (b.position.line > detail::title_lines) break;
    if (b.kind == BlockKind::table) {
      // A title laid out as a table, not the dates of an action list's rows.
      if (!b.rows.empty() && detail::is_action_header(detail::read_header(b.rows.front().cells)))
        continue;
      for (std::size_t r = 0; r < b.rows.size() && r < 3; ++r)
        for (const std::string& cell : b.rows[r].cells)
          if (auto d = detail::stated_date(cell)) return d;
      continue;
    }
    if (auto d = detail::stated_date(b.text)) return d;
  }
  return std::nullopt;
}

ImportOutcome extract_action_items(const Document& document, const ExtractOptions& options) {
  detail::Extraction extraction = detail::extract_items(document, options);
  ImportOutcome out = std::move(extraction.outcome);
  out.items.reserve(extraction.items.size());
  out.lines.reserve(extraction.items.size());
  for (detail::ImportedItem& i : extraction.items) {
    out.lines.push_back(i.line);
    out.items.push_back(std::move(i.item));
  }
  return out;
}

}  // namespace libtracker
