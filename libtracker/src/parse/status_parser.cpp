// Status text: a keyword ("In progress") gives the state; anything more is kept as the note and
// its wording decides the state (reports of work done so far mean in_progress).

#include "libtracker/status_parser.hpp"

#include <array>
#include <string>
#include <utility>
#include <vector>

#include "libtracker/error.hpp"
#include "parse/bullet.hpp"
#include "text/text_util.hpp"
#include "text/utf8.hpp"

namespace libtracker {
namespace {

struct Keyword {
  std::string_view words;
  State state;
};

// Whole statuses, and statuses that may open a longer text ("Completed 6/2", "Waiting on Legal").
constexpr std::array<Keyword, 39> keywords{{
    {"in progress", State::in_progress},
    {"in-progress", State::in_progress},
    {"ongoing", State::in_progress},
    {"on-going", State::in_progress},
    {"underway", State::in_progress},
    {"under way", State::in_progress},
    {"started", State::in_progress},
    {"wip", State::in_progress},
    {"in hand", State::in_progress},
    {"completed", State::done},
    {"complete", State::done},
    {"done", State::done},
    {"closed", State::done},
    {"finished", State::done},
    {"resolved", State::done},
    {"delivered", State::done},
    {"not started", State::open},
    {"not yet started", State::open},
    {"open", State::open},
    {"new", State::open},
    {"to do", State::open},
    {"todo", State::open},
    {"pending", State::open},
    {"waiting on", State::blocked},
    {"waiting for", State::blocked},
    {"waiting", State::blocked},
    {"awaiting", State::blocked},
    {"on hold", State::blocked},
    {"blocked", State::blocked},
    {"stalled", State::blocked},
    {"deferred", State::blocked},
    {"postponed", State::blocked},
    {"cancelled", State::cancelled},
    {"canceled", State::cancelled},
    {"withdrawn", State::cancelled},
    {"dropped", State::cancelled},
    {"abandoned", State::cancelled},
    {"obsolete", State::cancelled},
    {"no longer needed", State::cancelled},
}};

// Keywords that can only be the whole status: as the first word of a longer text they are
// usually a verb or an adjective ("Complete the draft", "Open question about ...", "New draft").
bool whole_status_only(std::string_view words) {
  return words == "complete" || words == "open" || words == "new" || words == "pending" ||
         words == "started" || words == "to do" || words == "todo";
}

// Phrases that decide the state wherever they appear, strongest first.
constexpr std::array<Keyword, 15> phrases{{
    {"no longer needed", State::cancelled},
    {"no longer required", State::cancelled},
    {"waiting on", State::blocked},
    {"waiting for", State::blocked},
    {"awaiting", State::blocked},
    {"on hold", State::blocked},
    {"blocked by", State::blocked},
    {"blocked on", State::blocked},
    {"not started", State::open},
    {"not yet started", State::open},
    {"no progress", State::open},
    {"not yet", State::open},
    {"completed", State::done},
    {"has been done", State::done},
    {"have been done", State::done},
}};

// Words reporting work under way or already partly done.
// ("Draft with RT" reports that a draft exists; the -ing and -ed forms are found by ending.)
constexpr std::array<std::string_view, 8> progress_words{{
    "draft",
    "drafts",
    "sent",
    "underway",
    "ongoing",
    "begun",
    "wip",
    "in-progress",
}};

// Words ending in -ing or -ed that report nothing.
constexpr std::array<std::string_view, 14> not_progress{{
    "nothing",
    "something",
    "anything",
    "everything",
    "pending",
    "during",
    "morning",
    "evening",
    "thing",
    "things",
    "needed",
    "required",
    "bring",
    "meeting",
}};

/// Lower-case words of @p text (letters and digits; everything else separates).
std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  std::string w;
  for (char c : text) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       static_cast<unsigned char>(c) >= 0x80 || c == '-';
    if (alnum) {
      w += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    } else if (!w.empty()) {
      words.push_back(std::move(w));
      w.clear();
    }
  }
  if (!w.empty()) words.push_back(std::move(w));
  return words;
}

/// @p words joined by single spaces, to compare with multi-word keywords.
std::string joined(const std::vector<std::string>& words, std::size_t from = 0,
                   std::size_t count = std::string::npos) {
  std::string out;
  for (std::size_t i = from; i < words.size() && i - from < count; ++i) {
    if (!out.empty()) out += ' ';
    out += words[i];
  }
  return out;
}

std::size_t word_count(std::string_view phrase) {
  std::size_t n = 1;
  for (char c : phrase)
    if (c == ' ') ++n;
  return n;
}

/// True when @p phrase occurs in @p words as whole words.
bool contains_phrase(const std::vector<std::string>& words, std::string_view phrase) {
  const std::size_t n = word_count(phrase);
  for (std::size_t i = 0; i + n <= words.size(); ++i)
    if (joined(words, i, n) == phrase) return true;
  return false;
}

bool reports_progress(const std::vector<std::string>& words) {
  for (const std::string& w : words) {
    for (std::string_view p : progress_words)
      if (w == p) return true;
    bool excluded = false;
    for (std::string_view x : not_progress) excluded = excluded || w == x;
    if (excluded) continue;
    const auto ends_with = [&w](std::string_view s) {
      return w.size() >= s.size() && w.compare(w.size() - s.size(), s.size(), s) == 0;
    };
    // Verbs in -ing and -ed ("Larisa working with team", "Briefing proposed").
    if ((w.size() >= 6 && ends_with("ing")) || (w.size() >= 5 && ends_with("ed"))) return true;
  }
  return false;
}

/// The text after a leading "Status:" label (and bullet glyphs), trimmed.
std::string_view strip_label(std::string_view text) {
  std::string_view s = detail::trim(text.substr(detail::read_bullet(text, false).content));
  if (s.size() >= 6 && detail::iequals(s.substr(0, 6), "status")) {
    std::string_view rest = s.substr(6);
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
    if (!rest.empty() && (rest.front() == ':' || rest.front() == '-')) {
      rest.remove_prefix(1);
      return detail::trim(rest);
    }
  }
  return s;
}

}  // namespace

ParsedStatus parse_status(std::string_view text) {
  const detail::TextProblem problem = detail::find_text_problem(text);
  if (problem.found())
    throw ParseError(problem.reason, std::string(text), problem.position, "status");
  const std::string_view body = strip_label(text);
  const std::vector<std::string> words = words_of(body);
  ParsedStatus out;
  if (words.empty()) {
    // Only punctuation or nothing: no status, but keep what was written.
    out.note = std::string(body);
    return out;
  }
  const std::string all = joined(words);
  // The whole text is one keyword ("Done.", "In progress"): the state says it all.
  for (const Keyword& k : keywords)
    if (all == k.words) {
      out.state = k.state;
      return out;
    }
  out.note = std::string(body);
  // A keyword opening a longer text ("Waiting on Legal", "Completed 6/2").
  for (const Keyword& k : keywords) {
    if (whole_status_only(k.words)) continue;
    const std::size_t n = word_count(k.words);
    if (words.size() > n && joined(words, 0, n) == k.words) {
      out.state = k.state;
      return out;
    }
  }
  for (const Keyword& p : phrases)
    if (contains_phrase(words, p.words)) {
      out.state = p.state;
      return out;
    }
  out.state = reports_progress(words) ? State::in_progress : State::open;
  return out;
}

}  // namespace libtracker
