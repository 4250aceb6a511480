// The header vocabulary of action tables. A header is compared as a set of words (lower case,
// punctuation dropped, "(s)" and "#" handled), so "ACTION ITEM:", "Action item" and "Item,
// action" read alike. A synonym whose words are exactly the header's scores highest; one
// whose words are all among the header's scores by its length, so that the longest synonym
// explains the header ("Date of Request" is a date, not a request).

#include "parse/column_vocabulary.hpp"

#include <algorithm>
#include <array>

#include "text/text_util.hpp"

namespace libtracker::detail {
namespace {

struct Synonym {
  std::string_view words;
  Column column;
  /// Extra header words a containing match tolerates; rating headers are often questions.
  int slack = 2;
};

constexpr int any_slack = 100;

// More specific synonyms first: on equal scores the first one wins.
constexpr std::array<Synonym, 107> synonyms{{
    // item numbers
    {"item #", Column::ref},
    {"item no", Column::ref},
    {"item number", Column::ref},
    {"action item no", Column::ref},
    {"action item #", Column::ref},
    {"action item number", Column::ref},
    {"action no", Column::ref},
    {"action #", Column::ref},
    {"#", Column::ref},
    {"no", Column::ref},
    {"nr", Column::ref},
    {"number", Column::ref},
    {"id", Column::ref},
    {"ref", Column::ref},
    {"reference", Column::ref},
    {"uuid", Column::ref},
    // the action
    {"action item request", Column::action},
    {"action items", Column::action},
    {"action item", Column::action},
    {"action required", Column::action},
    {"action point", Column::action},
    {"actions", Column::action},
    {"action", Column::action},
    {"tasks", Column::action},
    {"task", Column::action},
    {"request", Column::action},
    {"item description", Column::action},
    {"description", Column::action},
    {"item", Column::action, 0},
    {"statement", Column::action},
    {"suggestions", Column::action},
    {"suggestion", Column::action},
    {"proposals", Column::action},
    {"proposal", Column::action},
    {"ideas", Column::action},
    {"idea", Column::action},
    {"details", Column::details},
    {"background", Column::details},
    // owners
    {"action owner", Column::owner},
    {"owners", Column::owner},
    {"owner", Column::owner},
    {"assigned to", Column::owner},
    {"assignee", Column::owner},
    {"responsible", Column::owner},
    {"responsibility", Column::owner},
    {"who", Column::owner},
    {"lead", Column::owner},
    // due dates
    {"anticipated completion date", Column::due},
    {"anticipated completion", Column::due},
    {"expected completion date", Column::due},
    {"due date", Column::due},
    {"due by", Column::due},
    {"due", Column::due},
    {"deadline", Column::due},
    {"target date", Column::due},
    {"target", Column::due, 0},
    {"by when", Column::due},
    {"when", Column::due, 0},
    // states
    {"current status", Column::status},
    {"status update", Column::status},
    {"status", Column::status},
    {"progress", Column::status},
    {"state", Column::status},
    {"action complete", Column::status},
    {"complete", Column::status},
    {"completed", Column::status},
    {"done", Column::status},
    // notes
    {"progress notes", Column::notes},
    {"completed response", Column::notes},
    {"status note", Column::notes},
    {"notes", Column::notes},
    {"note", Column::notes},
    {"comments", Column::notes},
    {"comment", Column::notes},
    {"remarks", Column::notes},
    {"updates", Column::notes},
    {"update", Column::notes},
    {"response", Column::notes},
    // dates
    {"date of request", Column::created},
    {"date requested", Column::created},
    {"request date", Column::created},
    {"date raised", Column::created},
    {"date opened", Column::created},
    {"mtg date", Column::created},
    {"meeting date", Column::created},
    {"requested", Column::created},
    {"raised", Column::created},
    {"opened", Column::created},
    {"created", Column::created},
    {"date", Column::created, 0},
    {"completion date", Column::closed},
    {"date completed", Column::closed},
    {"date closed", Column::closed},
    {"closed on", Column::closed},
    {"completed on", Column::closed},
    {"closed", Column::closed},
    // where from, what about
    {"source of request", Column::source},
    {"source", Column::source},
    {"meeting", Column::source, 0},
    {"mtg", Column::source, 0},
    {"category", Column::tags},
    {"categories", Column::tags},
    {"tags", Column::tags},
    {"labels", Column::tags},
    // ratings
    {"impact", Column::impact, any_slack},
    {"priority", Column::impact},
    {"effort", Column::effort, any_slack},
}};

constexpr std::size_t max_header_words = 12;

/// The header's words: lower case, "(s)" dropped, "#" a word of its own, other punctuation
/// a separator. Letters outside ASCII are kept as they are.
std::vector<std::string> header_words(std::string_view header) {
  std::string text = lower(trim(header));
  for (std::size_t at = text.find("(s)"); at != std::string::npos; at = text.find("(s)"))
    text.erase(at, 3);
  std::vector<std::string> words;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) words.push_back(std::move(word));
    word.clear();
  };
  for (char c : text) {
    const unsigned char u = static_cast<unsigned char>(c);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || u >= 0x80) {
      word += c;
    } else if (c == '#') {
      flush();
      words.emplace_back("#");
    } else {
      flush();
    }
  }
  flush();
  return words;
}

std::vector<std::string> split(std::string_view words) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= words.size()) {
    const std::size_t end = words.find(' ', start);
    out.emplace_back(words.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return out;
}

/// Every synonym's words, split once.
const std::vector<std::vector<std::string>>& synonym_words() {
  static const std::vector<std::vector<std::string>> all = [] {
    std::vector<std::vector<std::string>> out;
    for (const Synonym& s : synonyms) out.push_back(split(s.words));
    return out;
  }();
  return all;
}

bool is_single_valued(Column c) {
  switch (c) {
    case Column::ref:
    case Column::action:
    case Column::owner:
    case Column::due:
    case Column::status:
    case Column::created:
    case Column::closed:
    case Column::impact:
    case Column::effort:
      return true;
    default:
      return false;
  }
}

}  // namespace

std::string_view column_name(Column column) noexcept {
  switch (column) {
    case Column::unknown:
      return "unknown";
    case Column::blank:
      return "blank";
    case Column::ref:
      return "item number";
    case Column::action:
      return "action";
    case Column::details:
      return "details";
    case Column::owner:
      return "owner";
    case Column::due:
      return "due date";
    case Column::status:
      return "status";
    case Column::notes:
      return "notes";
    case Column::created:
      return "request date";
    case Column::closed:
      return "completion date";
    case Column::source:
      return "source";
    case Column::tags:
      return "category";
    case Column::impact:
      return "impact";
    case Column::effort:
      return "effort";
  }
  return "unknown";
}

HeaderMatch match_header(std::string_view header) {
  const std::vector<std::string> words = header_words(header);
  if (words.empty()) return {Column::blank, 0};
  if (words.size() > max_header_words) return {};
  HeaderMatch best;
  const auto& all = synonym_words();
  for (std::size_t i = 0; i < synonyms.size(); ++i) {
    const std::vector<std::string>& want = all[i];
    std::vector<bool> used(words.size(), false);
    bool covered = true;
    for (const std::string& w : want) {
      bool found = false;
      for (std::size_t k = 0; k < words.size() && !found; ++k)
        if (!used[k] && words[k] == w) used[k] = found = true;
      covered = covered && found;
    }
    if (!covered) continue;
    const int extra = static_cast<int>(words.size() - want.size());
    if (extra > synonyms[i].slack) continue;
    const int n = static_cast<int>(want.size());
    const int score = extra == 0 ? 100 + n : 10 * n - (synonyms[i].slack == any_slack ? 0 : extra);
    if (score > best.score) best = {synonyms[i].column, score};
  }
  return best;
}

std::size_t HeaderColumns::find(Column column) const noexcept {
  for (std::size_t i = 0; i < columns.size(); ++i)
    if (columns[i] == column) return i;
  return npos;
}

HeaderColumns read_header(const std::vector<std::string>& cells) {
  HeaderColumns out;
  std::vector<HeaderMatch> matches;
  for (const std::string& cell : cells) matches.push_back(match_header(cell));
  // A bare "Item" beside another action column is the item number ("Item | Action | Owner").
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const std::vector<std::string> words = header_words(cells[i]);
    if (words.size() != 1 || words[0] != "item") continue;
    for (std::size_t k = 0; k < cells.size(); ++k)
      if (k != i && matches[k].column == Column::action) matches[i] = {Column::ref, 1};
  }
  // A single-valued column goes to its best cell; the first of equals.
  std::vector<Column> columns(cells.size(), Column::unknown);
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const HeaderMatch& m = matches[i];
    if (!is_single_valued(m.column)) {
      columns[i] = m.column;
      continue;
    }
    bool best = true;
    for (std::size_t k = 0; k < cells.size() && best; ++k) {
      if (k == i || matches[k].column != m.column) continue;
      best = matches[k].score < m.score || (matches[k].score == m.score && k > i);
    }
    if (best) columns[i] = m.column;
  }
  for (std::size_t i = 0; i < cells.size(); ++i)
    if (columns[i] == Column::unknown) out.unknown.emplace_back(trim(cells[i]));
  out.columns = std::move(columns);
  return out;
}

bool is_action_header(const HeaderColumns& header) noexcept {
  if (!header.has(Column::action)) return false;
  std::size_t known = 0, named = 0;
  bool about_items = false;
  for (Column c : header.columns) {
    if (c == Column::blank) continue;
    ++named;
    if (c == Column::unknown) continue;
    ++known;
    about_items = about_items || c == Column::owner || c == Column::due || c == Column::status ||
                  c == Column::ref || c == Column::notes || c == Column::created ||
                  c == Column::closed;
  }
  const bool rated = header.has(Column::impact) && header.has(Column::effort);
  // Most of a header's cells are names of columns; a row of data is not.
  return (about_items || rated) && known * 2 >= named;
}

}  // namespace libtracker::detail
