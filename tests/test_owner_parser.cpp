#include <gtest/gtest.h>

#include <fstream>
#include <libtracker/error.hpp>
#include <libtracker/owner_parser.hpp>
#include <string>
#include <vector>

using namespace libtracker;
using Names = std::vector<std::string>;

namespace {

ParseError error_of(const std::string& text) {
  try {
    parse_owners(text);
  } catch (const ParseError& e) {
    return e;
  }
  ADD_FAILURE() << "\"" << text << "\" parsed without error";
  return ParseError("none", text, 0);
}

/// Lines of a corpus file under tests/data/bad, without comments.
std::vector<std::string> corpus(const std::string& name) {
  std::ifstream in(std::string(LIBTRACKER_DATA_DIR) + "/bad/" + name, std::ios::binary);
  EXPECT_TRUE(in) << name << " is missing";
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(in, line))
    if (!line.empty() && line[0] != '#') lines.push_back(line);
  return lines;
}

}  // namespace

TEST(OwnerParser, SplitsTheSsr2OwnerCells) {
  // Owner cells of the "Review Open Action Items" tables (seed 004).
  EXPECT_EQ(parse_owners("Co-Chairs, James Gannon, Boban Krsic"),
            (Names{"Co-Chairs", "James Gannon", "Boban Krsic"}));
  EXPECT_EQ(parse_owners("James Gannon, Emily Taylor, Kerry-Ann Barrett"),
            (Names{"James Gannon", "Emily Taylor", "Kerry-Ann Barrett"}));
  EXPECT_EQ(parse_owners("ICANN Org"), (Names{"ICANN Org"}));
  EXPECT_EQ(parse_owners("SSR2-RT"), (Names{"SSR2-RT"}));
}

TEST(OwnerParser, EverySeparatorSplits) {
  const Names two{"James Gannon", "Boban Krsic"};
  EXPECT_EQ(parse_owners("James Gannon; Boban Krsic"), two);
  EXPECT_EQ(parse_owners("James Gannon/Boban Krsic"), two);
  EXPECT_EQ(parse_owners("James Gannon & Boban Krsic"), two);
  EXPECT_EQ(parse_owners("James Gannon and Boban Krsic"), two);
  EXPECT_EQ(parse_owners("James Gannon AND Boban Krsic"), two);
  EXPECT_EQ(parse_owners("Co-Chair/Staff"), (Names{"Co-Chair", "Staff"}));
  // The serial comma before "and" is one separator.
  EXPECT_EQ(parse_owners("Co-Chairs, James Gannon, and Boban Krsic"),
            (Names{"Co-Chairs", "James Gannon", "Boban Krsic"}));
}

TEST(OwnerParser, AndSplitsOnlyAsAWholeWord) {
  EXPECT_EQ(parse_owners("Pamela Anderson, Sandra Andrews"),
            (Names{"Pamela Anderson", "Sandra Andrews"}));
  EXPECT_EQ(parse_owners("Brand Team"), (Names{"Brand Team"}));
}

TEST(OwnerParser, KeepsHyphensAndDiacritics) {
  // Names from the ccNSO agenda (seed 000).
  EXPECT_EQ(parse_owners("Guðrun Poulsen, Danko Jevtović & Régis Massé"),
            (Names{"Guðrun Poulsen", "Danko Jevtović", "Régis Massé"}));
  EXPECT_EQ(parse_owners("Nick Wenban-Smith"), (Names{"Nick Wenban-Smith"}));
  EXPECT_EQ(parse_owners("Barbara Povše"), (Names{"Barbara Povše"}));
  EXPECT_EQ(parse_owners("Siobhán O’Flynn, Mr. Matogoro"),
            (Names{"Siobhán O’Flynn", "Mr. Matogoro"}));
}

TEST(OwnerParser, TrimsAndCollapsesSpaces) {
  EXPECT_EQ(parse_owners("  James   Gannon ,\tBoban Krsic  "),
            (Names{"James Gannon", "Boban Krsic"}));
  EXPECT_TRUE(parse_owners("").empty());
  EXPECT_TRUE(parse_owners("   ").empty());
}

TEST(OwnerParser, MatchesKnownOwnersCaseInsensitively) {
  const Names known{"ICANN Org", "SSR2-RT", "Co-Chairs"};
  EXPECT_EQ(parse_owners("ICANN org", known), (Names{"ICANN Org"}));
  EXPECT_EQ(parse_owners("ssr2-rt and co-chairs", known), (Names{"SSR2-RT", "Co-Chairs"}));
  EXPECT_EQ(parse_owners("Denise Michel", known), (Names{"Denise Michel"}));
}

TEST(OwnerParser, DropsDuplicates) {
  EXPECT_EQ(parse_owners("ICANN Org, James Gannon, icann org"),
            (Names{"ICANN Org", "James Gannon"}));
}

TEST(OwnerParser, DropsATrailingParenthesisedGroup) {
  // Initials as used in the questions of seed 004 ("(GH)"), affiliations as in seed 000.
  EXPECT_EQ(parse_owners("Geoff Huston (GH), Denise Michel (DM)"),
            (Names{"Geoff Huston", "Denise Michel"}));
  EXPECT_EQ(parse_owners("Katrina Sataki (.lv) / Barbara Povše (.si)"),
            (Names{"Katrina Sataki", "Barbara Povše"}));
  // Separators inside the parentheses do not split.
  EXPECT_EQ(parse_owners("Staff (GH/JM)"), (Names{"Staff"}));
}

TEST(OwnerParser, BulletsAndCcAreNotNames) {
  EXPECT_EQ(parse_owners("cc. co-chairs"), (Names{"co-chairs"}));
  EXPECT_EQ(parse_owners("cc: James Gannon"), (Names{"James Gannon"}));
  EXPECT_EQ(parse_owners("• Denise Michel"), (Names{"Denise Michel"}));
  EXPECT_EQ(parse_owners("- ICANN Org"), (Names{"ICANN Org"}));
  EXPECT_EQ(parse_owners("\xEF\x82\xA7 SSR2-RT"), (Names{"SSR2-RT"}));
}

TEST(OwnerParser, EmptyNamesAreErrorsAtTheSeparator) {
  EXPECT_EQ(error_of("James Gannon,,Boban Krsic").position(), 13u);
  EXPECT_EQ(error_of(",,").position(), 0u);
  EXPECT_EQ(error_of("James Gannon, ").position(), 12u);
  EXPECT_EQ(error_of("James;  ;Boban").position(), 8u);
  EXPECT_EQ(error_of("and Boban").position(), 0u);
  const ParseError e = error_of("A,,B");
  EXPECT_EQ(e.source(), "owners");
  EXPECT_EQ(e.text(), "A,,B");
}

TEST(OwnerParser, CharactersThatAreNotInNamesAreErrorsWhereTheyAre) {
  EXPECT_EQ(error_of("james@example.org").position(), 5u);
  EXPECT_EQ(error_of("James Gannon!").position(), 12u);
  EXPECT_EQ(error_of("Denise Michel <dm>").position(), 14u);
  EXPECT_EQ(error_of("James \xE2\x80\xA2 Gannon").position(), 6u);  // a bullet inside
  EXPECT_EQ(error_of("James (JG").position(), 6u);
  EXPECT_EQ(error_of("123").position(), 0u);
}

TEST(OwnerParser, InvalidUtf8AndControlCharactersAreErrors) {
  EXPECT_EQ(error_of("James \xff Gannon").position(), 6u);
  EXPECT_EQ(error_of("Denise\x01 Michel").position(), 6u);
  for (const std::string& line : corpus("invalid_utf8.txt"))
    EXPECT_THROW(parse_owners(line), ParseError);
}

TEST(OwnerParser, EveryLineOfTheBadCorpusIsAnError) {
  const std::vector<std::string> lines = corpus("owners.txt");
  EXPECT_GE(lines.size(), 30u);
  for (const std::string& line : lines) {
    try {
      const Names names = parse_owners(line);
      ADD_FAILURE() << "\"" << line << "\" parsed as " << names.size() << " names";
    } catch (const ParseError& e) {
      EXPECT_EQ(e.source(), "owners");
      EXPECT_LE(e.position(), line.size()) << line;
    }
  }
}
