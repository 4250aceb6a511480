#include "extract/sentence_fields.hpp"

#include "libtracker/error.hpp"
#include "libtracker/text.hpp"
#include "parse/prose.hpp"
#include "text/text_util.hpp"

namespace libtracker::detail {
namespace {

/// Subjects are short: a few names.
constexpr std::size_t max_subject_words = 8;
constexpr std::size_t max_date_words = 6;

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }

bool contains(std::initializer_list<std::string_view> list, std::string_view word) {
  for (std::string_view w : list)
    if (w == word) return true;
  return false;
}

/// Verbs that start an imperative action ("Share links to ..."): such a sentence has no owner
/// before "to".
bool is_imperative(std::string_view lower_word) {
  return contains(
      {"add",         "agree",      "arrange",  "ask",        "begin",    "book",     "check",
       "circulate",   "clarify",    "collect",  "compile",    "complete", "confirm",  "consider",
       "consolidate", "contact",    "continue", "coordinate", "create",   "decide",   "develop",
       "discuss",     "distribute", "do",       "draft",      "email",    "ensure",   "explore",
       "finalise",    "finalize",   "find",     "follow",     "gather",   "get",      "give",
       "identify",    "invite",     "keep",     "let",        "look",     "make",     "move",
       "need",        "organise",   "organize", "plan",       "post",     "prepare",  "present",
       "propose",     "provide",    "publish",  "reach",      "remind",   "reply",    "report",
       "request",     "research",   "respond",  "review",     "revise",   "schedule", "seek",
       "send",        "set",        "share",    "start",      "submit",   "try",      "update",
       "use",         "work",       "write",    "could",      "should",   "would",    "will",
       "please",      "how",        "what",     "when",       "why",      "who",      "whether"},
      lower_word);
}

/// Words that name a group of people: "Staff", "ICANN org", "Subgroup members".
bool is_group_word(std::string_view lower_word) {
  return contains(
      {"staff",    "org",      "organization", "organisation", "rt",         "co-chairs",
       "cochairs", "co-chair", "chairs",       "chair",        "members",    "member",
       "all",      "everyone", "leadership",   "subgroup",     "sub-group",  "subgroups",
       "team",     "teams",    "secretariat",  "board",        "council",    "committee",
       "group",    "wg",       "volunteers",   "rapporteurs",  "rapporteur", "leads",
       "lead",     "icann",    "support",      "legal"},
      lower_word);
}

bool is_particle(std::string_view lower_word) {
  return contains({"van", "von", "de", "der", "den", "da", "di", "du", "le", "la", "del", "bin",
                   "al", "the", "of"},
                  lower_word);
}

/// A capitalised word: ASCII capital first, or a letter outside ASCII ("Žarko").
bool is_capitalised(std::string_view word) {
  if (word.empty()) return false;
  const unsigned char c = static_cast<unsigned char>(word.front());
  return is_upper(word.front()) || c >= 0xC0;
}

std::string strip_word(std::string_view w) {
  while (!w.empty() && (w.back() == ',' || w.back() == '.' || w.back() == ';')) w.remove_suffix(1);
  return std::string(w);
}

enum class PartKind { no, name, group, known };

PartKind read_part(const std::vector<std::string>& words, const std::vector<std::string>& known,
                   std::string& name) {
  if (words.empty() || words.size() > 4) return PartKind::no;
  name = join(words, " ");
  for (const std::string& k : known)
    if (iequals(k, name)) {
      name = k;
      return PartKind::known;
    }
  // "Somebody to follow up": a word that stands for a person is not a name.
  if (words.size() == 1 &&
      contains({"somebody", "someone", "anybody", "anyone", "nobody", "we", "they", "he", "she",
                "it", "this", "that", "each", "one", "i", "you", "people", "others", "tbd"},
               lower(words[0])))
    return PartKind::no;
  bool group = false, all_names = true;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string l = lower(words[i]);
    if (is_group_word(l)) {
      group = true;
      continue;
    }
    if (i > 0 && is_particle(l)) continue;
    if (!is_capitalised(words[i])) all_names = false;
  }
  if (!all_names) return PartKind::no;
  if (group) {
    // "The co-chairs" is the co-chairs.
    if (words.size() > 1 && lower(words[0]) == "the") name = name.substr(4);
    return PartKind::group;
  }
  return PartKind::name;
}

}  // namespace

SentenceOwners owners_in_sentence(std::string_view text, const std::vector<std::string>& known) {
  SentenceOwners out;
  const std::vector<std::string> words = split_words(text);
  std::size_t to = 0;
  for (std::size_t i = 1; i + 1 < words.size() && i <= max_subject_words; ++i) {
    if (words[i] != "to") continue;
    const std::string& verb = words[i + 1];
    if (!verb.empty() && is_lower(verb.front())) {
      to = i;
      break;
    }
  }
  if (to == 0) return out;
  if (is_imperative(lower(words[0]))) {
    bool known_first = false;
    for (const std::string& k : known)
      known_first = known_first || iequals(strip_word(words[0]), k);
    if (!known_first) return out;
  }
  // Split the subject into names at ",", "and", "&" and "/".
  std::vector<std::vector<std::string>> parts(1);
  for (std::size_t i = 0; i < to; ++i) {
    std::string w = words[i];
    const bool comma = !w.empty() && w.back() == ',';
    if (comma) w.pop_back();
    if (w == "and" || w == "&" || w == "/") {
      parts.emplace_back();
      continue;
    }
    std::size_t slash = w.find('/');
    while (slash != std::string::npos && slash > 0 && slash + 1 < w.size()) {
      parts.back().push_back(w.substr(0, slash));
      parts.emplace_back();
      w = w.substr(slash + 1);
      slash = w.find('/');
    }
    if (!w.empty()) parts.back().push_back(w);
    if (comma) parts.emplace_back();
  }
  std::vector<std::string> owners;
  for (const std::vector<std::string>& part : parts) {
    if (part.empty()) continue;
    std::string name;
    if (read_part(part, known, name) == PartKind::no) {
      std::string subject;
      for (std::size_t i = 0; i < to; ++i) subject += (i ? " " : "") + words[i];
      if (to <= 5 && is_capitalised(words[0])) out.unclear = subject;
      return out;
    }
    bool seen = false;
    for (const std::string& o : owners) seen = seen || iequals(o, name);
    if (!seen) owners.push_back(name);
  }
  out.owners = std::move(owners);
  return out;
}

SentenceDue due_in_sentence(std::string_view text, boost::gregorian::date reference,
                            const DateOptions& options) {
  SentenceDue out;
  const std::string lower_text = lower(text);
  std::size_t best = std::string::npos, after = 0;
  for (std::string_view cue : {" by ", " before ", " no later than ", " ahead of "}) {
    const std::size_t at = lower_text.rfind(cue);
    if (at != std::string::npos && (best == std::string::npos || at > best)) {
      best = at;
      after = at + cue.size();
    }
  }
  if (best == std::string::npos) return out;
  std::string_view rest = trim(text.substr(after));
  while (!rest.empty() && (rest.back() == '.' || rest.back() == ';' || rest.back() == ')' ||
                           rest.back() == ',' || rest.back() == '!'))
    rest.remove_suffix(1);
  rest = trim(rest);
  const std::vector<std::string> words = split_words(rest);
  if (words.empty() || words.size() > max_date_words) return out;
  auto try_date = [&](std::string_view phrase) -> bool {
    try {
      Due due = parse_due(phrase, reference, options);
      if (due.has_date()) {
        out.due = Due::on(due.date(), std::string(rest));
        return true;
      }
    } catch (const ParseError&) {
    }
    return false;
  };
  if (try_date(rest)) return out;
  // "Monday 4 June", "Friday, 23 June": the day's name is not needed.
  static const char* const days[] = {"monday", "tuesday",  "wednesday", "thursday",
                                     "friday", "saturday", "sunday",    "mon",
                                     "tue",    "wed",      "thu",       "fri"};
  const std::string first = lower(strip_word(words[0]));
  for (const char* d : days)
    if (first == d && words.size() > 1 && try_date(trim(rest.substr(rest.find(' ') + 1))))
      return out;
  bool datelike = false;
  for (char c : rest) datelike = datelike || (c >= '0' && c <= '9');
  static const char* const months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                       "jul", "aug", "sep", "oct", "nov", "dec"};
  for (const std::string& w : words) {
    const std::string l = lower(w);
    for (const char* m : months) datelike = datelike || l.rfind(m, 0) == 0;
    for (const char* d : days) datelike = datelike || l.rfind(d, 0) == 0;
  }
  if (datelike) out.unclear = std::string(trim(text.substr(best)));
  return out;
}

}  // namespace libtracker::detail
