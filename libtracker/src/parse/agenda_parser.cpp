// Agendas from Documents. Two structures: the grid of a conference agenda (a table whose rows
// hold a time range, maybe a block label and a duration, the session text, and an engagement
// level; rows with a full date start a day) and the bullet agenda of a call (the list after an
// "Agenda" heading, or the first list after the title). Session text is read for its chair
// ("Session chair: Katrina Sataki (.lv)"), its presenters (names with an affiliation in
// brackets, or lists of names), "TBC" marks and bracketed remarks.
#include <algorithm>
#include <boost/date_time/gregorian/gregorian.hpp>
#include <cctype>
#include <regex>
#include <set>

#include "libtracker/agenda.hpp"
#include "libtracker/date_parser.hpp"
#include "libtracker/error.hpp"
#include "libtracker/text.hpp"
#include "text/text_util.hpp"

namespace libtracker {
namespace {

using boost::gregorian::date;

std::string squeeze(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_letter(char c) {
  return is_upper(c) || is_lower(c) || static_cast<unsigned char>(c) >= 0x80;
}

/// A dash between two times or in a title: "-", "–", "—", and "•" (an en dash as PDF
/// extraction sometimes writes it).
const char* const dash = R"((?:-|–|—|•|to|until))";

struct TimeRange {
  TimeOfDay start = 0;
  TimeOfDay end = 0;
  std::size_t position = 0;
  std::size_t length = 0;
  std::string zone;  ///< as written after the range ("UTC", "UTC+2", "Europe/Paris")
};

const std::regex& time_range_pattern() {
  static const std::regex re(
      std::string(R"((\d{1,2})[:.h](\d{2})\s*)") + dash +
          R"(\s*(\d{1,2})[:.h](\d{2})(?:\s*(UTC|GMT)(\s*[+-]\s*\d{1,2}(?::?\d{2})?)?|\s+([A-Z][A-Za-z]+/[A-Z][A-Za-z_]+(?:/[A-Za-z_]+)?))?)",
      std::regex::ECMAScript);
  return re;
}

/// The first "09:45 – 10:15" in @p text. @throw ParseError (at @p line) for impossible times.
std::optional<TimeRange> find_time_range(const std::string& text, const std::string& source,
                                         std::size_t line) {
  std::smatch m;
  if (!std::regex_search(text, m, time_range_pattern())) return std::nullopt;
  const int h1 = std::stoi(m[1]), m1 = std::stoi(m[2]), h2 = std::stoi(m[3]), m2 = std::stoi(m[4]);
  if (h1 > 23 || m1 > 59 || h2 > 24 || m2 > 59 || (h2 == 24 && m2 != 0))
    throw ParseError("not a time of day", text, static_cast<std::size_t>(m.position(0)), source,
                     line);
  TimeRange r;
  r.start = h1 * 60 + m1;
  r.end = (h2 == 24 ? 23 * 60 + 59 : h2 * 60 + m2);
  r.position = static_cast<std::size_t>(m.position(0));
  r.length = static_cast<std::size_t>(m.length(0));
  if (m[5].matched) r.zone = m[5].str() + squeeze(m[6].str());
  if (m[7].matched) r.zone = m[7].str();
  return r;
}

/// "45 min", "90 mins", "1 h", "1h30", "2 hours".
std::optional<int> parse_duration(const std::string& cell) {
  static const std::regex re(
      R"(^(\d{1,3})\s*(?:min|mins|minutes|')\.?$|^(\d{1,2})\s*(?:h|hr|hrs|hour|hours)\s*(?:(\d{1,2})\s*(?:min|mins|m)?)?$)",
      std::regex::icase);
  std::smatch m;
  if (!std::regex_match(cell, m, re)) return std::nullopt;
  if (m[1].matched) return std::stoi(m[1]);
  return std::stoi(m[2]) * 60 + (m[3].matched ? std::stoi(m[3]) : 0);
}

/// An engagement level cell: "2", "1/2", "2-3"; "NA", "N/A", "-" are none. The bool is false
/// when the cell is not a level at all.
std::pair<bool, std::optional<EngagementLevel>> parse_level(const std::string& cell,
                                                            const std::string& source,
                                                            std::size_t line) {
  static const std::regex re(R"(^(\d{1,2})(?:\s*[/-]\s*(\d{1,2}))?$)");
  static const std::regex none(R"(^(?:NA|N/A|n\.a\.|—|–|-)$)", std::regex::icase);
  if (std::regex_match(cell, none)) return {true, std::nullopt};
  std::smatch m;
  if (!std::regex_match(cell, m, re)) return {false, std::nullopt};
  EngagementLevel level{std::stoi(m[1]), m[2].matched ? std::stoi(m[2]) : std::stoi(m[1])};
  if (level.low < 1 || level.high > 3 || level.low > level.high)
    throw ParseError("engagement level " + cell + " is outside 1 (minimum) to 3 (maximum)", cell, 0,
                     source, line);
  return {true, level};
}

bool only_glyphs(const std::string& cell) {
  for (unsigned char c : cell)
    if (std::isalnum(c)) return false;
  return true;
}

bool has_word(const std::string& text, const char* word) {
  const std::regex re(std::string(R"((^|[^A-Za-z]))") + word + R"(($|[^A-Za-z]))");
  return std::regex_search(text, re);
}

bool marks_tbc(const std::string& text) {
  static const std::regex re(R"((^|[^A-Za-z])(TBC|TBD)($|[^A-Za-z])|to be confirmed)",
                             std::regex::icase);
  return std::regex_search(text, re);
}

bool is_break_title(const std::string& title) {
  const std::string t = detail::lower(title);
  std::size_t words = 1;
  for (char c : t) words += c == ' ';
  if (words > 3) return false;
  for (const char* w : {"break", "lunch", "coffee", "tea", "recess", "pause"})
    if (has_word(t, w)) return true;
  return false;
}

/// Words of @p text with their byte offsets.
struct Word {
  std::string text;
  std::size_t begin;
  std::size_t end;
};
std::vector<Word> words_of(const std::string& text) {
  std::vector<Word> out;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    const std::size_t b = i;
    while (i < text.size() && text[i] != ' ') ++i;
    if (i > b) out.push_back({text.substr(b, i - b), b, i});
  }
  return out;
}

/// A word that can be part of a person's name: capitalised, not an all-capitals acronym
/// ("TBC", "ICANN"), letters, hyphens, apostrophes and initials' dots.
bool name_word(const std::string& w) {
  if (w.empty() || !is_upper(w[0])) return false;
  bool lower_seen = false;
  for (std::size_t i = 0; i < w.size(); ++i) {
    const char c = w[i];
    if (is_lower(c) || static_cast<unsigned char>(c) >= 0x80) lower_seen = true;
    if (!(is_letter(c) || c == '-' || c == '\'' ||
          (c == '.' && i + 1 == w.size() && w.size() == 2)))
      return false;
  }
  return lower_seen || w.size() == 2;  // "J." initials
}

/// True when @p abbreviation spells the initials of the words before it ("Customer Standing
/// Committee (CSC)"): a definition of a name, not a person with an affiliation.
bool defines_abbreviation(const std::vector<Word>& words, std::size_t before,
                          const std::string& abbreviation) {
  std::string letters;
  for (char c : abbreviation)
    if (is_upper(c)) letters += c;
  if (letters.size() < 2 || letters.size() > before) return false;
  std::string initials;
  for (std::size_t k = before - letters.size(); k < before; ++k)
    initials += static_cast<char>(std::toupper(static_cast<unsigned char>(words[k].text[0])));
  return initials == letters;
}

struct SessionText {
  std::string title;
  std::vector<Participant> chairs;
  std::vector<Participant> presenters;
  bool tbc = false;
  std::string notes;
};

void add_person(std::vector<Participant>& people, Participant p) {
  for (const auto& q : people)
    if (detail::iequals(q.name, p.name)) return;
  people.push_back(std::move(p));
}

/// "Name Surname (aff)" occurrences: the name is the run of name words right before the
/// bracket (two to four words, not crossing a sentence end).
std::vector<std::pair<std::size_t, Participant>> bracketed_people(const std::string& text) {
  std::vector<std::pair<std::size_t, Participant>> out;
  const auto words = words_of(text);
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i].text;
    if (w.size() < 3 || w[0] != '(') continue;
    const std::size_t close = w.find(')');
    if (close == std::string::npos) continue;
    const std::string aff = w.substr(1, close - 1);
    if (aff.empty() || marks_tbc(aff)) continue;
    std::size_t k = i;
    while (k > 0 && i - k < 4 && name_word(words[k - 1].text)) {
      --k;
      const char last = words[k].text.back();
      if (k < i - 1 && (last == '.' || last == ':' || last == ',')) {
        ++k;
        break;
      }
    }
    if (i - k < 2) continue;
    if (aff[0] != '.' && defines_abbreviation(words, i, aff)) continue;
    std::string name;
    for (std::size_t j = k; j < i; ++j) name += (j > k ? " " : "") + words[j].text;
    out.push_back({words[k].begin, {name, aff}});
  }
  return out;
}

/// "Chris Disspain, Nigel Roberts" or "Becky Burr, Danko Jevtović, Lito Ibarra": a segment that
/// is nothing but two or more names.
std::vector<Participant> name_list(const std::string& segment) {
  std::vector<Participant> out;
  std::string s = segment;
  s = std::regex_replace(s, std::regex(R"(\s+and\s+)"), ", ");
  std::size_t start = 0;
  for (;;) {
    const std::size_t comma = s.find(',', start);
    const std::string part(detail::trim(s.substr(start, comma - start)));
    const auto words = words_of(part);
    if (words.size() < 2 || words.size() > 3) return {};
    for (const auto& w : words)
      if (!name_word(w.text)) return {};
    out.push_back({part, {}});
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  if (out.size() < 2) return {};
  return out;
}

/// Reads a session cell or an agenda point.
SessionText read_session(const std::string& raw) {
  SessionText s;
  std::string text = squeeze(raw);
  s.tbc = marks_tbc(text);
  // Bracketed remarks ("[room change]") are notes.
  std::vector<std::string> remarks;
  static const std::regex bracket(R"(\s*\[([^\]]*)\]\s*)");
  for (std::sregex_iterator it(text.begin(), text.end(), bracket), e; it != e; ++it)
    remarks.push_back((*it)[1].str());
  text = squeeze(std::regex_replace(text, bracket, " "));

  static const std::regex chair_label(
      R"((?:Session\s+)?(?:[Cc]o-)?[Cc]hair(?:s|ed by)?\s*:\s*|(?:Moderator|Facilitator)s?\s*:\s*)");
  std::smatch m;
  std::string rest;
  if (std::regex_search(text, m, chair_label) && m.position(0) > 0) {
    s.title = text.substr(0, static_cast<std::size_t>(m.position(0)));
    rest = text.substr(static_cast<std::size_t>(m.position(0) + m.length(0)));
    // The chair: "TBC", or a name with its affiliation, possibly several joined by "and".
    static const std::regex tbc_first(R"(^(TBC|TBD)\b\s*)");
    if (std::regex_search(rest, m, tbc_first)) {
      rest = rest.substr(static_cast<std::size_t>(m.length(0)));
    } else {
      for (;;) {
        const auto people = bracketed_people(rest);
        if (!people.empty() && people.front().first == 0) {
          const auto& p = people.front().second;
          s.chairs.push_back(p);
          const std::size_t after = rest.find(')', p.name.size()) + 1;
          rest = std::string(detail::trim(rest.substr(after)));
        } else {
          // A chair without affiliation: the name words at the start.
          const auto words = words_of(rest);
          std::size_t n = 0;
          while (n < words.size() && n < 3 && name_word(words[n].text)) ++n;
          if (n >= 2 && n < words.size() + 1) {
            std::string name;
            for (std::size_t j = 0; j < n; ++j) name += (j ? " " : "") + words[j].text;
            s.chairs.push_back({name, {}});
            rest = n < words.size() ? rest.substr(words[n].begin) : std::string();
          }
        }
        if (rest.rfind("and ", 0) == 0 || rest.rfind("& ", 0) == 0)
          rest = rest.substr(rest.find(' ') + 1);
        else
          break;
      }
    }
  } else {
    // The title is the first sentence, or what comes before a "(TBC)" mark.
    std::size_t end = std::string::npos;
    static const std::regex tbc_mark(R"(\s*\((?:TBC|TBD)\)\s*)");
    if (std::regex_search(text, m, tbc_mark)) end = static_cast<std::size_t>(m.position(0));
    for (std::size_t i = 0; i + 1 < text.size() && i < end; ++i)
      if ((text[i] == '.' || text[i] == '?' || text[i] == '!') && text[i + 1] == ' ' && i > 0 &&
          !is_upper(text[i - 1])) {
        end = i + (text[i] == '.' ? 0 : 1);
        break;
      }
    s.title = end == std::string::npos ? text : text.substr(0, end);
    if (end != std::string::npos) {
      std::size_t from = end;
      if (std::regex_search(text.cbegin() + static_cast<long>(end), text.cend(), m, tbc_mark) &&
          m.position(0) == 0)
        from = end + static_cast<std::size_t>(m.length(0));
      else if (from < text.size() && text[from] == '.')
        ++from;
      rest = text.substr(from);
    }
  }
  s.title = squeeze(std::regex_replace(s.title, std::regex(R"(\s*\((?:TBC|TBD)\)\s*)"), " "));
  s.title = std::regex_replace(s.title, std::regex(R"(\s+:)"), ":");
  s.title = std::string(detail::trim(s.title));
  while (!s.title.empty() && (s.title.back() == '.' || s.title.back() == ':')) s.title.pop_back();
  if (s.title.empty()) s.title = text;
  rest = std::string(detail::trim(rest));

  // Presenters in the rest: names with an affiliation, then bare lists of names.
  for (auto& [pos, p] : bracketed_people(rest)) add_person(s.presenters, p);
  static const std::regex separators(R"(\s*(?:[.;:]\s|[–—•]\s|\s-\s|\s+plus\s+)\s*)");
  for (std::sregex_token_iterator it(rest.begin(), rest.end(), separators, -1), e; it != e; ++it) {
    std::string segment = it->str();
    segment = std::regex_replace(segment, std::regex(R"(^(?:TBC|TBD)\s*|[.]$)"), "");
    for (auto& p : name_list(std::string(detail::trim(segment)))) add_person(s.presenters, p);
  }
  s.notes = rest;
  for (const auto& r : remarks) s.notes += (s.notes.empty() ? "" : "\n") + r;
  return s;
}

/// Fills @p item from its session cell or point: title, chairs, presenters, TBC, notes, and
/// whether it is a break.
void take_session(AgendaItem& item, const std::string& text) {
  SessionText session = read_session(text);
  item.title = std::move(session.title);
  item.chairs = std::move(session.chairs);
  item.presenters = std::move(session.presenters);
  item.to_be_confirmed = session.tbc;
  item.notes = std::move(session.notes);
  item.kind = is_break_title(item.title) ? AgendaKind::break_time : AgendaKind::topic;
}

/// A day heading: a cell that is a full date with a month name ("Tuesday, 10 March 2020").
std::optional<date> day_date(const std::string& cell, date reference) {
  static const std::regex month(
      R"(\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b.*\d|\d.*\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b)",
      std::regex::icase);
  if (cell.size() > 40 || !std::regex_search(cell, month)) return std::nullopt;
  static const std::regex weekday(
      R"(^(?:Mon|Tues|Tue|Wednes|Wed|Thurs|Thu|Fri|Satur|Sat|Sun)(?:day)?\.?,?\s*)",
      std::regex::icase);
  const std::string bare = std::regex_replace(cell, weekday, "");
  try {
    return parse_date(bare, reference);
  } catch (const ParseError&) {
    return std::nullopt;
  }
}

/// Joins the cells of a heading row, mending words that PDF extraction split across cells
/// ("ccN" | "SO Members", "Draft a" | "genda").
std::string join_cells(const std::vector<std::string>& cells) {
  std::string out;
  for (const auto& c : cells) {
    if (c.empty()) continue;
    if (!out.empty()) {
      const char last = out.back();
      const std::string last_word =
          out.substr(out.rfind(' ') == std::string::npos ? 0 : out.rfind(' ') + 1);
      bool mixed = false;
      for (char ch : last_word) mixed |= is_lower(ch);
      const bool glue = is_letter(last) && is_letter(c[0]) &&
                        (is_lower(c[0]) || (is_upper(last) && mixed && last_word.size() <= 4));
      if (!glue) out += ' ';
    }
    out += c;
  }
  return out;
}

/// "ccNSO Members Meeting – ICANN67 – Cancun (MX)": the title and the place.
std::pair<std::string, std::string> title_and_place(const std::string& heading) {
  static const std::regex sep(R"(\s+(?:–|—|•|\||-)\s+)");
  std::vector<std::string> parts;
  for (std::sregex_token_iterator it(heading.begin(), heading.end(), sep, -1), e; it != e; ++it)
    if (!detail::trim(it->str()).empty()) parts.emplace_back(detail::trim(it->str()));
  if (parts.empty()) return {heading, {}};
  return {parts[0], join({parts.begin() + 1, parts.end()}, " ")};
}

bool is_legend(const std::string& cell) {
  static const std::regex re(R"(minimum|maximum|^engagement|^level$|^time$|^duration$|^session$)",
                             std::regex::icase);
  return std::regex_search(cell, re);
}

struct Row {
  const TableRow* row;
  std::size_t line;
};

/// The meeting of a grid agenda.
ParsedAgenda read_grid(const Document& doc, const AgendaOptions& options) {
  ParsedAgenda out;
  Meeting meeting;
  std::vector<std::size_t> lines;  // the source line of each agenda item
  const date reference = options.date.value_or(date(boost::gregorian::day_clock::local_day()));
  std::optional<date> first_day, current_day;
  bool started = false;
  std::string zone = options.time_zone;
  // A day starts at a full date: a row's cell, or a heading or line of its own.
  auto start_day = [&](date day, const std::string& text, std::size_t line) {
    if (!first_day) first_day = day;
    if (day < *first_day)
      throw ParseError("day " + boost::gregorian::to_simple_string(day) +
                           " comes before the first day of the agenda",
                       text, 0, doc.source, line);
    current_day = day;
    started = true;
  };
  for (const auto& block : doc.blocks) {
    if (block.kind != BlockKind::table) {
      const std::string text = squeeze(block.text);
      if (text.empty()) continue;
      if (const std::optional<date> day = day_date(text, reference)) {
        start_day(*day, text, block.position.line);
        continue;
      }
      if (!started && meeting.title.empty()) {
        std::tie(meeting.title, meeting.place) = title_and_place(text);
      } else if (started && words_of(text).size() <= 10 && !is_legend(text) &&
                 title_and_place(text).first != meeting.title) {
        // An entry without a time between the rows ("ccNSO Networking Event").
        AgendaItem item;
        item.day = current_day && first_day ? (*current_day - *first_day).days() + 1 : 1;
        take_session(item, text);
        meeting.agenda.push_back(std::move(item));
        lines.push_back(block.position.line);
      } else {
        out.skipped.push_back({block.position.line, text, "not part of the agenda grid", {}});
      }
      continue;
    }
    for (const auto& row : block.rows) {
      const std::size_t line = row.position.line;
      std::vector<std::string> cells;
      for (const auto& c : row.cells) cells.push_back(squeeze(c));
      const std::string joined = join_cells(cells);
      if (joined.empty()) continue;
      // Where is the time range?
      std::optional<TimeRange> range;
      std::size_t time_cell = cells.size();
      for (std::size_t i = 0; i < cells.size() && !range; ++i) {
        auto r = find_time_range(cells[i], doc.source, line);
        if (r && r->position == 0 && r->length + 12 >= cells[i].size()) {
          range = r;
          time_cell = i;
        }
      }
      std::optional<date> day;
      if (!range)
        for (const auto& c : cells)
          if ((day = day_date(c, reference))) break;
      if (day) {
        start_day(*day, joined, line);
        continue;
      }
      if (!range && !started) {
        if (meeting.title.empty()) {
          std::vector<std::string> kept;
          for (const auto& c : cells)
            if (!is_legend(c)) kept.push_back(c);
          std::tie(meeting.title, meeting.place) = title_and_place(join_cells(kept));
        } else {
          out.skipped.push_back({line, joined, "heading, not an agenda row", {}});
        }
        continue;
      }
      if (!range) {
        // Between days: the heading repeated, the legend, a note on the draft.
        std::vector<std::string> kept;
        bool legend = false;
        for (const auto& c : cells) {
          if (is_legend(c))
            legend = true;
          else if (!c.empty() && !only_glyphs(c))
            kept.push_back(c);
        }
        const std::string rest = join_cells(kept);
        if (legend || title_and_place(rest).first == meeting.title) {
          out.skipped.push_back({line, joined, "heading, not an agenda row", {}});
          continue;
        }
        if (words_of(rest).size() > 10) {
          out.skipped.push_back({line, joined, "a note without a time, not an agenda row", {}});
          continue;
        }
      }
      // Classify the cells: before the time, a block label and a duration; after it, the
      // session text and the level.
      AgendaItem item;
      item.day = current_day && first_day ? (*current_day - *first_day).days() + 1 : 1;
      std::vector<std::string> texts;
      std::optional<EngagementLevel> level;
      bool level_seen = false;
      for (std::size_t i = 0; i < cells.size(); ++i) {
        const std::string& c = cells[i];
        if (c.empty() || i == time_cell || only_glyphs(c)) continue;
        if (const auto d = parse_duration(c)) {
          item.duration = *d;
          continue;
        }
        if (i < time_cell && range) {
          item.block = c;
          continue;
        }
        if (i > time_cell || !range) {
          const auto [is_level, value] = parse_level(c, doc.source, line);
          if (is_level && (!texts.empty() || range)) {
            level = value;
            level_seen = true;
            continue;
          }
        }
        if (is_legend(c)) continue;
        texts.push_back(c);
      }
      if (texts.empty()) {
        if (level_seen || range) {
          out.skipped.push_back({line, joined, "a time without a session", {}});
        }
        continue;
      }
      if (!range && !started) continue;
      if (range) {
        item.start = range->start;
        item.end = range->end;
        if (!range->zone.empty()) zone = range->zone;
        if (range->end <= range->start)
          throw ParseError("the session ends (" + time_of_day_text(range->end) +
                               ") before it starts (" + time_of_day_text(range->start) + ")",
                           joined, 0, doc.source, line);
      }
      take_session(item, texts.front());
      for (std::size_t k = 1; k < texts.size(); ++k)
        item.notes += (item.notes.empty() ? "" : "\n") + texts[k];
      item.engagement = level;
      started = true;
      meeting.agenda.push_back(std::move(item));
      lines.push_back(line);
    }
  }
  if (meeting.agenda.empty())
    throw ParseError("no agenda rows (times and sessions) found", doc.source, 0, doc.source);
  if (meeting.title.empty()) meeting.title = doc.source.empty() ? "Meeting" : doc.source;
  if (first_day) {
    meeting.date = *first_day;
    if (current_day && *current_day != *first_day) meeting.end_date = *current_day;
  } else if (options.date) {
    meeting.date = *options.date;
  }
  // Overlaps, with the lines of both sessions.
  for (std::size_t i = 0; i < meeting.agenda.size(); ++i)
    for (std::size_t j = i + 1; j < meeting.agenda.size(); ++j) {
      const auto& a = meeting.agenda[i];
      const auto& b = meeting.agenda[j];
      if (!a.start || !b.start || a.day != b.day) continue;
      if (*a.start < *b.end && *b.start < *a.end)
        throw ParseError("\"" + b.title + "\" (" + time_of_day_text(*b.start) + "-" +
                             time_of_day_text(*b.end) + ") overlaps \"" + a.title + "\" (" +
                             time_of_day_text(*a.start) + "-" + time_of_day_text(*a.end) +
                             ", line " + std::to_string(lines[i]) + ")",
                         b.title, 0, doc.source, lines[j]);
    }
  try {
    meeting.time_zone = canonical_time_zone(zone);
  } catch (const ParseError& e) {
    throw ParseError(e.reason(), e.text(), 0, doc.source, lines.front());
  }
  meeting.series = options.series;
  // Times of the meeting: the first start and the last end of the first day.
  for (const auto& a : meeting.agenda) {
    if (a.day != 1) continue;
    if (a.start && (!meeting.start || *a.start < *meeting.start)) meeting.start = a.start;
    if (a.end && (!meeting.end || *a.end > *meeting.end)) meeting.end = a.end;
  }
  if (!meeting.end_date.is_special()) meeting.end.reset();
  out.meetings.push_back(std::move(meeting));
  return out;
}

bool is_agenda_heading(const std::string& text) {
  static const std::regex re(R"(^(?:proposed |draft |revised |final )?agenda:?$)",
                             std::regex::icase);
  return std::regex_match(squeeze(text), re);
}

bool starts_lower(const std::string& text) { return !text.empty() && is_lower(text[0]); }

/// A bullet agenda: the list after an agenda heading, else the first list after the title.
ParsedAgenda read_bullets(const Document& doc, const AgendaOptions& options) {
  ParsedAgenda out;
  const DocumentHeading heading = document_heading(doc, options.date);
  Meeting meeting;
  meeting.title = heading.title;
  meeting.place = heading.place;
  if (heading.date) meeting.date = *heading.date;
  meeting.series = options.series;
  std::string zone = options.time_zone;

  // Where does the agenda list start?
  std::size_t first_list = doc.blocks.size(), after_heading = doc.blocks.size();
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    const Block& b = doc.blocks[i];
    if (b.kind == BlockKind::list_item && first_list == doc.blocks.size()) first_list = i;
    if (after_heading == doc.blocks.size() && b.kind != BlockKind::list_item &&
        b.kind != BlockKind::table && is_agenda_heading(b.text))
      after_heading = i + 1;
  }
  std::size_t start = after_heading <= first_list ? after_heading : first_list;
  while (start < doc.blocks.size() && doc.blocks[start].kind != BlockKind::list_item) ++start;
  if (start >= doc.blocks.size())
    throw ParseError("no agenda found (no agenda grid, and no list of agenda points)", doc.source,
                     0, doc.source);
  std::vector<std::size_t> lines;
  for (std::size_t i = start; i < doc.blocks.size(); ++i) {
    const Block& b = doc.blocks[i];
    const std::string text = squeeze(b.text);
    if (b.kind == BlockKind::paragraph && starts_lower(text) && !meeting.agenda.empty()) {
      // A broken line: it continues the point (or the sub-point) before it.
      auto& last = meeting.agenda.back();
      if (last.notes.empty())
        last.title += " " + text;
      else
        last.notes += " " + text;
      continue;
    }
    if (b.kind != BlockKind::list_item) break;
    if (b.level > 0 && !meeting.agenda.empty()) {
      auto& last = meeting.agenda.back();
      last.notes += (last.notes.empty() ? "" : "\n") + text;
      if (marks_tbc(text)) last.to_be_confirmed = true;
      continue;
    }
    AgendaItem item;
    std::string point = text;
    if (const auto r = find_time_range(text, doc.source, b.position.line)) {
      item.start = r->start;
      item.end = r->end;
      if (!r->zone.empty()) zone = r->zone;
      if (r->end <= r->start)
        throw ParseError("the point ends (" + time_of_day_text(r->end) + ") before it starts (" +
                             time_of_day_text(r->start) + ")",
                         text, r->position, doc.source, b.position.line);
      // "14:00 – 14:10 UTC Welcome": the time is not part of the title.
      const std::string rest =
          squeeze(text.substr(0, r->position) + " " + text.substr(r->position + r->length));
      if (!rest.empty()) point = rest;
    }
    take_session(item, point);
    meeting.agenda.push_back(std::move(item));
    lines.push_back(b.position.line);
  }
  // Sub-points that go on over a broken line were joined above; re-read titles whose text
  // grew (the title was cut at the line end).
  for (auto& a : meeting.agenda) a.title = squeeze(a.title);
  if (meeting.title.empty()) meeting.title = doc.source.empty() ? "Meeting" : doc.source;
  for (std::size_t i = 0; i < meeting.agenda.size(); ++i)
    for (std::size_t j = i + 1; j < meeting.agenda.size(); ++j) {
      const auto& a = meeting.agenda[i];
      const auto& b = meeting.agenda[j];
      if (a.start && b.start && *a.start < *b.end && *b.start < *a.end)
        throw ParseError("\"" + b.title + "\" overlaps \"" + a.title + "\" (line " +
                             std::to_string(lines[i]) + ")",
                         b.title, 0, doc.source, lines[j]);
    }
  try {
    meeting.time_zone = canonical_time_zone(zone);
  } catch (const ParseError& e) {
    throw ParseError(e.reason(), e.text(), 0, doc.source, lines.front());
  }
  out.meetings.push_back(std::move(meeting));
  return out;
}

}  // namespace

bool has_agenda_grid(const Document& document) {
  int timed = 0;
  for (const auto& b : document.blocks) {
    if (b.kind != BlockKind::table) continue;
    for (const auto& row : b.rows)
      for (const auto& c : row.cells) {
        std::smatch m;
        const std::string cell = squeeze(c);
        if (std::regex_search(cell, m, time_range_pattern()) && m.position(0) == 0) {
          ++timed;
          break;
        }
      }
  }
  return timed >= 3;
}

bool has_agenda(const Document& document) {
  if (has_agenda_grid(document)) return true;
  for (const auto& b : document.blocks)
    if (b.kind != BlockKind::table && b.kind != BlockKind::list_item && is_agenda_heading(b.text))
      return true;
  return false;
}

DocumentHeading document_heading(const Document& doc, std::optional<date> reference) {
  DocumentHeading h;
  const date ref = reference.value_or(date(boost::gregorian::day_clock::local_day()));
  for (const auto& b : doc.blocks) {
    if (b.kind == BlockKind::list_item || b.kind == BlockKind::table) break;
    const std::string text = squeeze(b.text);
    if (text.empty()) continue;
    if (is_agenda_heading(text)) break;
    if (!h.date)
      if (const auto d = day_date(text, ref)) {
        h.date = d;
        continue;
      }
    if (h.title.empty()) {
      std::tie(h.title, h.place) = title_and_place(text);
    } else if (h.place.empty()) {
      h.place = text;
    }
  }
  if (!h.date && reference) h.date = reference;
  return h;
}

ParsedAgenda parse_agenda(const Document& document, const AgendaOptions& options) {
  if (!options.time_zone.empty()) {
    try {
      canonical_time_zone(options.time_zone);
    } catch (const ParseError& e) {
      throw ParseError(e.reason(), e.text(), 0, "time zone option");
    }
  }
  ParsedAgenda parsed =
      has_agenda_grid(document) ? read_grid(document, options) : read_bullets(document, options);
  for (auto& m : parsed.meetings) {
    int position = 0;
    for (auto& a : m.agenda) a.position = ++position;
    try {
      validate(m);
    } catch (const ParseError& e) {
      throw ParseError(e.reason(), e.text(), 0, document.source);
    }
  }
  return parsed;
}

}  // namespace libtracker
