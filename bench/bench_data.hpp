#pragma once
// Deterministic benchmark data in the shape of an organisation-wide tracker: every review team
// and working group over years. The same seed and index always give the same item, on every
// machine (a splitmix64 generator, no std:: distributions, whose output is implementation
// defined).
//
//   - texts: an action, an object and a qualifier from lists taken from real review-team
//     minutes, numbered so that no two are alike; about 1 in 5 with details, 1 in 3 with a
//     status note;
//   - owners: 1 to 3 (60% one, 30% two, 10% three) from a pool of 12 groups and 300 people,
//     drawn with a Zipf-like weight so that a few (the groups, the chairs) own much and most
//     people own little, as in real lists;
//   - due: 70% a date (from 120 days before to 60 days after "today"), 10% TBD, 20% none;
//   - states: 35% open, 10% in progress, 5% blocked, 42% done, 8% cancelled, closed items
//     with a closed date after their creation;
//   - tags: a workstream on every item, and one more on about 1 in 4.
// History events beyond each item's creation come from simulate_history().

#include <array>
#include <boost/date_time/gregorian/gregorian.hpp>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <libtracker/action_item.hpp>
#include <libtracker/store.hpp>
#include <string>
#include <vector>

namespace bench {

namespace bg = boost::gregorian;
using libtracker::ActionItem;
using libtracker::Due;
using libtracker::State;

/// splitmix64: small, fast and the same everywhere.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  /// Uniform in [0, n).
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  /// Uniform in [0, 1).
  double unit() { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); }

 private:
  std::uint64_t state_;
};

/// The owner pool: groups first, then people ("Guðrun Poulsen"), most-used first.
inline const std::vector<std::string>& owner_pool() {
  static const std::vector<std::string> pool = [] {
    std::vector<std::string> names{"ICANN Org",    "SSR2-RT", "Co-Chairs", "ICANN Legal",
                                   "ICANN MSSI",   "OCTO",    "GAC",       "ccNSO",
                                   "GNSO Council", "RSSAC",   "SSAC",      "ALAC"};
    const std::array<const char*, 25> first{"James",    "Boban",  "Denise", "Emily",   "Kerry-Ann",
                                            "Cathy",    "Guðrun", "Régis",  "Danko",   "Alain",
                                            "Žarko",    "Noorul", "Eric",   "Laurin",  "Ram",
                                            "Matogoro", "Kaveh",  "Zarko",  "Negar",   "Jennifer",
                                            "Brenda",   "Steve",  "Yvette", "Heather", "Russ"};
    const std::array<const char*, 12> last{"Gannon",   "Krsic",   "Michel",    "Taylor",
                                           "Barrett",  "Handley", "Poulsen",   "Massé",
                                           "Jevtović", "Aina",    "Kucherawy", "Weinberg"};
    for (const char* l : last)
      for (const char* f : first) names.push_back(std::string(f) + " " + l);
    return names;
  }();
  return pool;
}

/// Picks owners with weight 1 / (rank + 2): the first names of the pool are used most.
class OwnerPicker {
 public:
  OwnerPicker() {
    double total = 0;
    for (std::size_t i = 0; i < owner_pool().size(); ++i) {
      total += 1.0 / static_cast<double>(i + 2);
      cumulative_.push_back(total);
    }
    for (double& c : cumulative_) c /= total;
  }
  const std::string& pick(Random& rng) const {
    const double u = rng.unit();
    std::size_t lo = 0, hi = cumulative_.size() - 1;
    while (lo < hi) {
      const std::size_t mid = (lo + hi) / 2;
      if (cumulative_[mid] < u)
        lo = mid + 1;
      else
        hi = mid;
    }
    return owner_pool()[lo];
  }

 private:
  std::vector<double> cumulative_;
};

/// Items with the distribution described at the top of this file, relative to @p today.
class ItemGenerator {
 public:
  explicit ItemGenerator(bg::date today, std::uint64_t seed = 2017) : today_(today), seed_(seed) {}

  /// Item number @p index (0-based): the same for the same seed, today and index.
  ActionItem item(std::size_t index) const {
    static const std::array<const char*, 14> verbs{
        "Draft", "Review",  "Share",       "Schedule",   "Circulate", "Research",     "Confirm",
        "Send",  "Prepare", "Consolidate", "Distribute", "Provide",   "Follow up on", "Finalise"};
    static const std::array<const char*, 14> objects{"the SSR2 work plan",
                                                     "the non-disclosure form",
                                                     "briefing requests",
                                                     "the Johannesburg agenda",
                                                     "the statement of work",
                                                     "SSR1 implementation notes",
                                                     "links on threat mitigation",
                                                     "the progress report for SO/ACs",
                                                     "observer input guidelines",
                                                     "the ITHI project timeline",
                                                     "the DNSSEC key roll-over plan",
                                                     "the abuse reporting survey",
                                                     "the terms of reference",
                                                     "the travel support requests"};
    static const std::array<const char*, 8> qualifiers{"",
                                                       " and circulate to the RT for input",
                                                       " before the next plenary call",
                                                       ", then report back to the RT",
                                                       " with key dates",
                                                       " for the Co-Chairs' review",
                                                       " (see the 6/2 call notes)",
                                                       " and post it on the wiki"};
    static const std::array<const char*, 6> notes{
        "Draft with RT for review.", "Followed up 6/2, no reply yet",
        "Waiting on ICANN Legal",    "Scheduled to publish 6/20.",
        "In progress; see the wiki", "Troubleshooting steps provided, copied SSR2-coordination."};
    static const OwnerPicker owners;

    Random rng(seed_ * 0x100000001B3ULL + index);
    ActionItem it;
    it.text = std::string(verbs[rng.below(verbs.size())]) + " " +
              objects[rng.below(objects.size())] + " section " + std::to_string(index % 97 + 1) +
              qualifiers[rng.below(qualifiers.size())] + " (item " + std::to_string(index + 1) +
              ")";
    if (rng.below(5) == 0)
      it.details =
          "Background: raised at the review team's plenary; sub-questions on scope, "
          "owners and the timeline are in the call notes of week " +
          std::to_string(rng.below(52) + 1) + ".";
    if (rng.below(3) == 0) it.status_note = notes[rng.below(notes.size())];
    const std::size_t owner_roll = rng.below(10);
    const std::size_t owner_count = owner_roll < 6 ? 1 : owner_roll < 9 ? 2 : 3;
    while (it.owners.size() < owner_count) {
      const std::string& name = owners.pick(rng);
      bool seen = false;
      for (const auto& o : it.owners) seen = seen || o == name;
      if (!seen) it.owners.push_back(name);
    }
    const std::size_t due_roll = rng.below(10);
    if (due_roll < 7) {
      const bg::date day = today_ + bg::days(static_cast<long>(rng.below(181)) - 120);
      it.due = Due::on(day);
    } else if (due_roll == 7) {
      it.due = Due::tbd();
    }
    const std::size_t state_roll = rng.below(100);
    it.state = state_roll < 35   ? State::open
               : state_roll < 45 ? State::in_progress
               : state_roll < 50 ? State::blocked
               : state_roll < 92 ? State::done
                                 : State::cancelled;
    it.created = today_ - bg::days(static_cast<long>(rng.below(730)) + 1);
    if (libtracker::is_closed(it.state)) {
      const long span = (today_ - it.created).days();
      it.closed =
          it.created + bg::days(static_cast<long>(rng.below(static_cast<std::size_t>(span) + 1)));
    }
    it.tags.push_back("ws" + std::to_string(rng.below(8) + 1));
    if (rng.below(4) == 0) it.tags.push_back(rng.below(2) ? "ssr2" : "outreach");
    return it;
  }

  /// Items @p first .. @p first + @p count - 1.
  std::vector<ActionItem> items(std::size_t count, std::size_t first = 0) const {
    std::vector<ActionItem> out;
    out.reserve(count);
    for (std::size_t i = 0; i < count; ++i) out.push_back(item(first + i));
    return out;
  }

 private:
  bg::date today_;
  std::uint64_t seed_;
};

/// An environment variable as a count (underscores allowed: 1_000_000), else @p fallback.
inline std::size_t env_size(const char* name, std::size_t fallback) {
  const char* value = std::getenv(name);
  if (value == nullptr || *value == '\0') return fallback;
  std::string digits;
  for (const char* p = value; *p; ++p)
    if (*p != '_' && *p != ',') digits += *p;
  return static_cast<std::size_t>(std::stoull(digits));
}

/// An environment variable as text, else @p fallback.
inline std::string env_text(const char* name, const std::string& fallback) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0' ? value : fallback;
}

/// A list as libtracker stores it in the items table's owners and tags columns: the values
/// joined by the unit separator (U+001F).
inline std::string joined(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& v : values) {
    if (!out.empty()) out += '\x1f';
    out += v;
  }
  return out;
}

}  // namespace bench
