// Meetings and deadlines stated in prose: the ccNSO newsletter of the seeds (002), read as a
// person reads it, and the sentences that must not become proposals.
#include <gtest/gtest.h>

#include <libtracker/error.hpp>
#include <libtracker/import.hpp>
#include <libtracker/proposals.hpp>
#include <libtracker/readers.hpp>
#include <libtracker/store.hpp>

#include "support.hpp"

using namespace libtracker;
using boost::gregorian::date;

namespace {

Proposals of(const std::string& text, std::optional<date> reference = date(2024, 2, 1)) {
  ProposeOptions options;
  options.reference = reference;
  return propose(read_text_document(text, "news.txt"), options);
}

/// One line per proposal: kind, day, time, title, owners (abbreviation), place.
std::string line(const Proposal& p) {
  std::string out =
      std::string(to_string(p.kind)) + " " + boost::gregorian::to_iso_extended_string(p.date);
  if (p.start) out += " " + time_of_day_text(*p.start);
  if (!p.time_zone.empty()) out += " " + p.time_zone;
  out += " " + p.title + " [";
  for (std::size_t i = 0; i < p.owners.size(); ++i) {
    out += (i ? "; " : "") + p.owners[i];
    if (!p.abbreviations[i].empty()) out += " (" + p.abbreviations[i] + ")";
  }
  out += "]";
  if (!p.place.empty()) out += " at " + p.place;
  return out;
}

}  // namespace

TEST(Proposals, TheNewsletterAsAPersonReadsIt) {
  const std::string text =
      fixtures::read_file(std::string(LIBTRACKER_SEEDS_DIR) + "/002_82b849f913068f74.txt");
  const Proposals found = propose(read_text_document(text, "002.txt"));
  // The newsletter's own date (its first full date) is the year of "3 March".
  EXPECT_EQ(found.reference, date(2024, 2, 14));
  EXPECT_EQ(found.reference_source, ReferenceSource::document);
  std::vector<std::string> lines;
  for (const Proposal& p : found.proposals) lines.push_back(line(p));
  const std::vector<std::string> expected{
      "meeting 2024-02-14 14:00 UTC Guidelines Review Committee virtual Open Space Session "
      "[Guidelines Review Committee]",
      "meeting 2024-03-03 Internet Governance Liaison Committee working session [Internet "
      "Governance Liaison Committee (IGLC)] at ICANN79",
      "meeting 2024-03-02 Universal Acceptance Committee and DNS Abuse Standing Committee "
      "internal working sessions [Universal Acceptance Committee (UAC); DNS Abuse Standing "
      "Committee (DASC)]",
      "meeting 2024-03-06 ccNSO Council public meeting [ccNSO Council] at ICANN79",
      "meeting 2024-02-15 18:00 UTC ccNSO Council meeting [ccNSO Council]",
      "item 2024-02-20 Complete its work [ccPDP4 WG]",
  };
  EXPECT_EQ(lines, expected);
  // Each with the sentence it came from, whole, without the web addresses between its lines.
  ASSERT_EQ(found.proposals.size(), expected.size());
  EXPECT_EQ(found.proposals[1].sentence,
            "On Sunday, 3 March, the IGLC will hold a working session at ICANN79.");
  EXPECT_EQ(found.proposals[1].date_text, "Sunday, 3 March");
  EXPECT_EQ(found.proposals[5].sentence.find("http"), std::string::npos);
  EXPECT_NE(found.proposals[5].sentence.find("by 20 February 2024"), std::string::npos);
  EXPECT_GT(found.proposals[1].line, 0u);
}

TEST(Proposals, ProseWithoutADateOrAGroupIsNotProposed) {
  // No date: "on sunday during ICANN79" names no day.
  EXPECT_TRUE(of("The ccNSO Council will hold two closed workshops on sunday during ICANN79.")
                  .proposals.empty());
  // No named owner: "the working group", "We", "It".
  EXPECT_TRUE(of("The working group will hold a working session on 3 March.").proposals.empty());
  EXPECT_TRUE(of("We will meet on 3 March 2024 to discuss.").proposals.empty());
  EXPECT_TRUE(of("It expects to complete the report by 20 February 2024.").proposals.empty());
  // A group that holds no kind of meeting; a date with no group.
  EXPECT_TRUE(of("The GAC will hold elections on 3 March.").proposals.empty());
  EXPECT_TRUE(of("Registration opened on 3 March 2024.").proposals.empty());
}

TEST(Proposals, AbbreviationsAreMatchedToTheNamesTheTextGives) {
  const Proposals p =
      of("The Meetings Programme Committee (MPC) prepares the sessions.\n\n"
         "The MPC will hold a planning call on 12 April at 13:30 UTC.\n\n"
         "The Tech Working Group and the SSAC will hold a joint webinar on 2 May 2024.\n");
  ASSERT_EQ(p.proposals.size(), 2u);
  EXPECT_EQ(line(p.proposals[0]),
            "meeting 2024-04-12 13:30 UTC Meetings Programme Committee planning call [Meetings "
            "Programme Committee (MPC)]");
  // SSAC is never written out: it stays as written.
  EXPECT_EQ(line(p.proposals[1]),
            "meeting 2024-05-02 Tech Working Group and SSAC joint webinar [Tech Working Group; "
            "SSAC]");
}

TEST(Proposals, AcceptingWritesOnlyWhatWasChosenAndNeverTwice) {
  fixtures::TempDir dir;
  Store store(dir.file("t.db"));
  const std::string text =
      fixtures::read_file(std::string(LIBTRACKER_SEEDS_DIR) + "/002_82b849f913068f74.txt");
  ImportOptions options;
  options.format = Format::minutes;
  options.source = "002.txt";
  const Proposals found = propose_text(text, options);
  EXPECT_EQ(store.meetings().size(), 0u);
  EXPECT_EQ(store.count(), 0);
  ASSERT_EQ(found.proposals.size(), 6u);

  const ImportResult first = accept_proposals(store, {found.proposals[4], found.proposals[5]});
  EXPECT_EQ(first.meetings_added.size(), 1u);
  EXPECT_EQ(first.added.size(), 1u);
  const Meeting council = store.meeting(first.meetings_added.front());
  EXPECT_EQ(council.title, "ccNSO Council meeting");
  EXPECT_EQ(council.series, "ccNSO Council");
  EXPECT_EQ(council.date, date(2024, 2, 15));
  EXPECT_EQ(council.start, 18 * 60);
  EXPECT_EQ(council.time_zone, "UTC");
  const ActionItem item = store.get(first.added.front());
  EXPECT_EQ(item.text, "Complete its work");
  EXPECT_EQ(item.owners, std::vector<std::string>{"ccPDP4 WG"});
  EXPECT_EQ(item.due, Due::on(date(2024, 2, 20)));
  EXPECT_NE(item.details.find("expects to complete its work"), std::string::npos);

  // All of them: the two accepted before are not added again.
  const ImportResult all = accept_proposals(store, found.proposals);
  EXPECT_EQ(all.meetings_added.size(), 4u);
  EXPECT_EQ(all.meetings_updated.size(), 1u);
  EXPECT_EQ(all.added.size(), 0u);
  EXPECT_EQ(all.unchanged.size(), 1u);
  EXPECT_EQ(store.meetings().size(), 5u);
  EXPECT_EQ(store.owner("Internet Governance Liaison Committee").initials, "IGLC");

  // Formats without prose are refused by name.
  options.format = Format::csv;
  EXPECT_THROW(propose_text("Action,Owner\nx,y\n", options), InvalidArgumentError);
}
