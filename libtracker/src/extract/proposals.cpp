// Meetings and deadlines in prose: sentences whose subject is a committee, working group or
// team and whose verb says it meets ("will meet", "will hold a working session", "join the
// GRC on ... for a session") or commits to a date ("expects to complete its work by ...").
#include "libtracker/proposals.hpp"

#include <algorithm>
#include <boost/date_time/gregorian/gregorian.hpp>
#include <cctype>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "libtracker/date_parser.hpp"
#include "libtracker/error.hpp"
#include "libtracker/text.hpp"
#include "parse/prose.hpp"
#include "text/text_util.hpp"

namespace libtracker {

std::string_view to_string(ProposalKind kind) noexcept {
  return kind == ProposalKind::meeting ? "meeting" : "item";
}

namespace {

using boost::gregorian::date;
using detail::lower;
using detail::trim;

/// A sentence and the line of the block it is in.
struct Sentence {
  std::string text;
  std::size_t line;
};

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

/// The sentences of a block's text: split after ".", "!" or "?" (and after ":") followed by a
/// space and a capital letter or a quote.
void split_sentences(const std::string& text, std::size_t line, std::vector<Sentence>& out) {
  std::size_t start = 0;
  for (std::size_t i = 0; i + 2 < text.size(); ++i) {
    const char c = text[i];
    if ((c == '.' || c == '!' || c == '?' || c == ':') && text[i + 1] == ' ' &&
        (is_upper(text[i + 2]) || text[i + 2] == '"')) {
      // "e.g. The" and initials ("J. Smith") are not ends of sentences.
      const std::size_t word = text.rfind(' ', i);
      const std::size_t from = word == std::string::npos ? 0 : word + 1;
      if (c == '.' && i - from <= 1) continue;
      out.push_back({std::string(trim(std::string_view(text).substr(start, i + 1 - start))), line});
      start = i + 2;
    }
  }
  const std::string_view rest = trim(std::string_view(text).substr(start));
  if (!rest.empty()) out.push_back({std::string(rest), line});
}

/// A block's text as prose: no-break and other Unicode spaces as spaces, web addresses (which
/// extraction puts between the lines of a sentence) left out, whitespace collapsed.
std::string prose_text(std::string_view text) {
  std::string s(text);
  // U+00A0, U+2000..U+200B, U+202F, U+205F, U+3000, U+FEFF.
  static const std::regex spaces(
      "\xC2\xA0|\xE2\x80[\x80-\x8B]|\xE2\x80\xAF|\xE2\x81\x9F|\xE3\x80\x80|\xEF\xBB\xBF");
  s = std::regex_replace(s, spaces, " ");
  static const std::regex address(R"((?:https?://|www\.)\S+)", std::regex::icase);
  return detail::collapse(std::regex_replace(s, address, " "));
}

/// An abbreviation: two or more capitals, possibly with digits ("IGLC", "GRC", "PDP4").
bool is_abbreviation(std::string_view w) {
  std::size_t capitals = 0;
  for (char c : w) {
    if (is_upper(c))
      ++capitals;
    else if (!(c >= '0' && c <= '9'))
      return false;
  }
  return capitals >= 2;
}

/// A word with two or more capitals anywhere ("ccNSO", "WG", "ccPDP4", "IGLC").
bool has_capitals(std::string_view w) {
  std::size_t capitals = 0;
  for (char c : w) capitals += is_upper(c) ? 1 : 0;
  return capitals >= 2;
}

/// "Full Name (ABBR)" anywhere in the document: ABBR's letters are the initials of the words
/// before it (small words skipped), read backwards from the parenthesis.
std::map<std::string, std::string> abbreviations(const Document& doc) {
  static const std::regex paren(R"(\(([A-Z][A-Z0-9]+)\))");
  std::map<std::string, std::string> out;
  for (const Block& b : doc.blocks) {
    std::vector<std::string> texts;
    if (b.kind == BlockKind::table) {
      for (const TableRow& r : b.rows)
        for (const std::string& c : r.cells) texts.push_back(c);
    } else {
      texts.push_back(b.text);
    }
    for (const std::string& text : texts)
      for (std::sregex_iterator it(text.begin(), text.end(), paren), end; it != end; ++it) {
        const std::string abbr = (*it)[1].str();
        if (out.count(abbr) != 0) continue;
        std::string letters;
        for (char c : abbr)
          if (is_upper(c)) letters += c;
        const std::vector<std::string> words =
            detail::split_words(std::string_view(text).substr(0, it->position(0)));
        std::size_t k = letters.size();
        std::size_t first = words.size();
        for (std::size_t w = words.size(); w-- > 0 && k > 0;) {
          const std::string& word = words[w];
          if (detail::is_small_word(lower(word)) || word == "&") continue;
          if (std::toupper(static_cast<unsigned char>(word[0])) != letters[k - 1]) break;
          --k;
          first = w;
        }
        if (k != 0) continue;
        out.emplace(abbr,
                    join({words.begin() + static_cast<std::ptrdiff_t>(first), words.end()}, " "));
      }
  }
  return out;
}

/// The nouns a group is named by when its name has no abbreviation in it.
bool is_group_noun(std::string_view lower_word) {
  static const std::set<std::string, std::less<>> nouns{
      "committee", "council",   "group", "team",         "board",    "secretariat",
      "panel",     "force",     "forum", "organization", "caucus",   "subgroup",
      "chairs",    "co-chairs", "staff", "taskforce",    "assembly", "commission"};
  return nouns.count(lower_word) != 0;
}

/// The owner a subject names ("the ccNSO Council", "the IGLC", "ccNSO UAC"): "" when it does
/// not read as a committee, working group or team.
std::string group_name(std::string_view subject) {
  std::vector<std::string> words = detail::split_words(subject);
  while (!words.empty() && (lower(words.front()) == "the" || lower(words.front()) == "its" ||
                            lower(words.front()) == "our"))
    words.erase(words.begin());
  if (words.empty() || words.size() > 8) return {};
  for (const std::string& w : words)
    if (!std::isupper(static_cast<unsigned char>(w[0])) && !has_capitals(w) &&
        !detail::is_small_word(lower(w)))
      return {};  // "the working group", "the Issue manager": not a name
  bool named = false;
  for (const std::string& w : words) named = named || has_capitals(w);
  const bool group = is_group_noun(lower(words.back()));
  // "ccNSO Council", "IGLC", "ccPDP4 WG", "Guidelines Review Committee"; not "The Working
  // Group" alone (a group, but which?).
  if (!named && !(group && words.size() >= 3)) return {};
  return join(words, " ");
}

/// Owners of a subject joined by "and", "&" or ",": each a group name, or none at all.
std::vector<std::string> groups_of(std::string_view subject) {
  std::string s(subject);
  for (const char* sep : {" and ", " & ", ", "}) {
    for (std::size_t at = s.find(sep); at != std::string::npos; at = s.find(sep, at + 1))
      s.replace(at, std::string_view(sep).size(), "|");
  }
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    const std::size_t bar = std::min(s.find('|', start), s.size());
    const std::string name = group_name(trim(std::string_view(s).substr(start, bar - start)));
    if (name.empty()) return {};
    out.push_back(name);
    start = bar + 1;
  }
  return out;
}

const char* const month_names =
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec";
const char* const day_names =
    "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Wed|Thu|Fri|Sat|Sun";

/// A date written in a sentence: "Thursday, 15 February 2024", "3 March", "February 15, 2024".
struct FoundDate {
  std::size_t position, length;
  std::string canonical;  // "15 February 2024", "3 March": what parse_date reads
  bool has_year;
};

std::vector<FoundDate> dates_in(const std::string& text) {
  static const std::regex day_month(std::string(R"(\b(?:(?:)") + day_names +
                                        R"(),?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+()" + month_names +
                                        R"()\b(?:,?\s+(\d{4})\b)?)",
                                    std::regex::icase);
  static const std::regex month_day(std::string(R"(\b(?:(?:)") + day_names + R"(),?\s+)?()" +
                                        month_names +
                                        R"()\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4})\b)?)",
                                    std::regex::icase);
  std::vector<FoundDate> out;
  for (std::sregex_iterator it(text.begin(), text.end(), day_month), end; it != end; ++it) {
    const std::smatch& m = *it;
    out.push_back({static_cast<std::size_t>(m.position(0)), static_cast<std::size_t>(m.length(0)),
                   m[1].str() + " " + m[2].str() + (m[3].matched ? " " + m[3].str() : ""),
                   m[3].matched});
  }
  for (std::sregex_iterator it(text.begin(), text.end(), month_day), end; it != end; ++it) {
    const std::smatch& m = *it;
    const auto at = static_cast<std::size_t>(m.position(0));
    bool inside = false;
    for (const FoundDate& d : out)
      inside = inside || (at >= d.position && at < d.position + d.length);
    if (inside) continue;
    out.push_back({at, static_cast<std::size_t>(m.length(0)),
                   m[2].str() + " " + m[1].str() + (m[3].matched ? " " + m[3].str() : ""),
                   m[3].matched});
  }
  std::sort(out.begin(), out.end(),
            [](const FoundDate& a, const FoundDate& b) { return a.position < b.position; });
  return out;
}

std::optional<date> read_date(const FoundDate& d, date reference) {
  try {
    return parse_date(d.canonical, reference);
  } catch (const ParseError&) {
    return std::nullopt;  // "31 February"
  }
}

/// The verbs of a meeting and of a commitment, after the subject.
struct Cue {
  ProposalKind kind;
  std::regex re;  // group 1: what follows the verb
};

const std::vector<Cue>& cues() {
  static const std::vector<Cue> all = [] {
    const auto f = std::regex::icase;
    std::vector<Cue> v;
    v.push_back(
        {ProposalKind::meeting, std::regex(R"(\s(?:will|is to|plans to)\s+meet\b(.*))", f)});
    v.push_back(
        {ProposalKind::meeting,
         std::regex(
             R"(\s(?:will|is going to|plans to)\s+(?:hold|host|convene|organi[sz]e|run)\s+(.*))",
             f)});
    v.push_back({ProposalKind::meeting, std::regex(R"(\s(?:meets|convenes)\s+(.*))", f)});
    v.push_back(
        {ProposalKind::item,
         std::regex(R"(\s(?:expects|plans|aims|intends|is expected|has agreed|agreed)\s+to\s+(.*))",
                    f)});
    v.push_back(
        {ProposalKind::item,
         std::regex(
             R"(\swill\s+((?:submit|publish|deliver|complete|finish|finali[sz]e|send|share|circulate|present|issue|provide)\b.*))",
             f)});
    return v;
  }();
  return all;
}

/// The words naming what is held ("a working session at ICANN79" -> "working session"), or ""
/// when they name no kind of meeting.
std::string meeting_noun(std::string_view rest) {
  static const std::set<std::string, std::less<>> stops{
      "on", "at", "during", "in", "to", "for", "from", "with", "by", "before", "after", "ahead"};
  static const std::set<std::string, std::less<>> lead{"a",   "an",    "the",  "its",     "their",
                                                       "two", "three", "four", "several", "some"};
  static const std::regex kinds(
      R"(\b(meeting|meetings|session|sessions|workshop|workshops|call|calls|webinar|webinars|conference|retreat|roundtable|briefing|forum|hearing|review)\b)",
      std::regex::icase);
  std::vector<std::string> words;
  for (const std::string& w : detail::split_words(rest)) {
    std::string clean = w;
    bool last = false;
    while (!clean.empty() && std::string(".,;:!?").find(clean.back()) != std::string::npos) {
      clean.pop_back();
      last = true;
    }
    if (stops.count(lower(clean)) != 0) break;
    if (words.empty() && lead.count(lower(clean)) != 0) continue;
    if (!clean.empty()) words.push_back(clean);
    if (last || words.size() >= 6) break;
  }
  const std::string out = join(words, " ");
  return std::regex_search(out, kinds) ? out : std::string();
}

/// The action an item commits to: the words after "expects to", up to its date or clause end.
std::string action_text(std::string_view rest) {
  std::string s(trim(rest));
  static const std::regex cut(R"(\s+(?:by|before|no later than|on|prior to|ahead of)\s|,|;|\.$)",
                              std::regex::icase);
  std::smatch m;
  if (std::regex_search(s, m, cut)) s = s.substr(0, static_cast<std::size_t>(m.position(0)));
  s = std::string(trim(s));
  // "have completed its final report" reads as "complete its final report".
  static const std::regex perfect(R"(^have\s+(\w+?)ed\b)", std::regex::icase);
  if (std::regex_search(s, m, perfect)) s = m[1].str() + "e" + s.substr(m.length(0));
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

/// The date an item is due by: the one after "by" / "before" / "no later than", if any.
std::optional<FoundDate> due_date_of(const std::string& text, const std::vector<FoundDate>& found) {
  const std::string l = lower(text);
  for (const FoundDate& d : found)
    for (std::string_view cue : {"by ", "before ", "no later than ", "on ", "until "}) {
      if (d.position < cue.size()) continue;
      if (l.compare(d.position - cue.size(), cue.size(), cue) == 0) return d;
    }
  return std::nullopt;
}

/// "at 18:00 UTC", "14:00 UTC", "at 9.30": the start time and zone.
void time_of(const std::string& text, Proposal& p) {
  static const std::regex re(R"(\b(?:at\s+)?([01]?\d|2[0-3])[:.]([0-5]\d)\s*(UTC|GMT)?\b)",
                             std::regex::icase);
  std::smatch m;
  if (!std::regex_search(text, m, re)) return;
  p.start = std::stoi(m[1].str()) * 60 + std::stoi(m[2].str());
  if (m[3].matched) p.time_zone = "UTC";
}

/// "at ICANN79", "during ICANN79": the event a meeting belongs to.
std::string place_of(const std::string& text) {
  static const std::regex re(
      R"(\b(?:at|during|ahead of)\b[^.,;]{0,30}?\b([A-Z]{2,}[A-Za-z]*[0-9]+)\b)");
  std::smatch m;
  return std::regex_search(text, m, re) ? m[1].str() : std::string();
}

}  // namespace

Proposals propose(const Document& doc, const ProposeOptions& options) {
  Proposals out;
  // Prose as a person reads it: a block that breaks off mid-sentence ("the IGLC will hold a",
  // a heading-like "Please join the Guidelines Review Committee") goes on in the next one.
  std::vector<Sentence> sentences;
  // Once a sentence has gone on into a second block, a third that finishes it joins too
  // ("... for a virtual Open" + "Space Session. The GRC ...").
  std::string text;
  std::size_t line = 0;
  bool continued = false;
  for (const Block& b : doc.blocks) {
    if (b.kind == BlockKind::table) continue;
    const std::string piece = prose_text(b.text);
    if (piece.empty()) continue;
    const bool finishes = piece.find(". ") != std::string::npos || detail::ends_sentence(piece);
    const bool goes_on =
        !text.empty() && !detail::ends_sentence(text) &&
        (detail::ends_dangling(text) || std::islower(static_cast<unsigned char>(piece.front())) ||
         (continued && finishes));
    if (goes_on) {
      text += " " + piece;
      continued = true;
      continue;
    }
    if (!text.empty()) split_sentences(text, line, sentences);
    text = piece;
    line = b.position.line;
    continued = false;
  }
  if (!text.empty()) split_sentences(text, line, sentences);

  const date today = options.today.value_or(boost::gregorian::day_clock::local_day());
  if (options.reference) {
    out.reference = *options.reference;
    out.reference_source = ReferenceSource::caller;
  } else {
    out.reference = today;
    for (const Sentence& s : sentences) {
      bool found = false;
      for (const FoundDate& d : dates_in(s.text))
        if (d.has_year)
          if (const auto day = read_date(d, today)) {
            out.reference = *day;
            out.reference_source = ReferenceSource::document;
            found = true;
            break;
          }
      if (found) break;
    }
  }

  const std::map<std::string, std::string> full_names = abbreviations(doc);
  std::set<std::tuple<int, std::string, std::string>> seen;  // kind, owners, date and title
  static const std::regex join(R"(\b(?:please\s+)?join\s+(?:the\s+)?(.+?)\s+(?:on|at|for)\s)",
                               std::regex::icase);
  for (const Sentence& s : sentences) {
    const std::vector<FoundDate> found = dates_in(s.text);
    if (found.empty()) continue;
    Proposal p;
    p.sentence = s.text;
    p.line = s.line;
    std::smatch m;
    std::string rest;
    bool matched = false;
    for (const Cue& cue : cues()) {
      if (!std::regex_search(s.text, m, cue.re)) continue;
      // The subject: the words before the verb, after the last comma ("On Sunday, 3 March,
      // the IGLC").
      std::string subject = s.text.substr(0, static_cast<std::size_t>(m.position(0)));
      const std::size_t comma = subject.rfind(", ");
      if (comma != std::string::npos) subject = subject.substr(comma + 2);
      const std::size_t colon = subject.rfind(": ");
      if (colon != std::string::npos) subject = subject.substr(colon + 2);
      p.owners = groups_of(trim(subject));
      if (p.owners.empty()) break;
      p.kind = cue.kind;
      rest = m[1].str();
      matched = true;
      break;
    }
    if (!matched && std::regex_search(s.text, m, join)) {
      // "Please join the Guidelines Review Committee on 14 February ... for a session."
      p.owners = groups_of(m[1].str());
      if (!p.owners.empty()) {
        p.kind = ProposalKind::meeting;
        const std::size_t for_at =
            lower(s.text).find(" for ", static_cast<std::size_t>(m.position(0)));
        rest = for_at == std::string::npos ? std::string() : s.text.substr(for_at + 5);
        matched = true;
      }
    }
    if (!matched) continue;

    std::optional<FoundDate> when;
    if (p.kind == ProposalKind::item) {
      when = due_date_of(s.text, found);
    } else {
      when = found.front();
    }
    if (!when) continue;
    const std::optional<date> day = read_date(*when, out.reference);
    if (!day) continue;
    p.date = *day;
    p.date_text = s.text.substr(when->position, when->length);

    std::string owners;
    for (std::string& o : p.owners) {
      std::string abbreviation;
      const std::vector<std::string> words = detail::split_words(o);
      if (!words.empty() && is_abbreviation(words.back())) {
        const auto it = full_names.find(words.back());
        if (it != full_names.end()) {
          abbreviation = words.back();
          o = it->second;
        }
      }
      p.abbreviations.push_back(abbreviation);
      owners += (owners.empty() ? "" : " and ") + o;
    }
    if (p.kind == ProposalKind::meeting) {
      std::string noun = meeting_noun(rest);
      if (noun.empty() && lower(m[0].str()).find("meet") != std::string::npos) noun = "meeting";
      if (noun.empty()) continue;
      p.title = owners + " " + noun;
      time_of(s.text, p);
      p.place = place_of(s.text);
    } else {
      p.title = action_text(rest);
      if (p.title.empty()) continue;
    }
    const auto key = std::make_tuple(static_cast<int>(p.kind), owners,
                                     boost::gregorian::to_iso_string(p.date) + p.title);
    if (!seen.insert(key).second) continue;
    out.proposals.push_back(std::move(p));
  }
  return out;
}

}  // namespace libtracker
