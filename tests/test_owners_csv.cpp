#include <gtest/gtest.h>

#include <libtracker/error.hpp>
#include <libtracker/owners_csv.hpp>
#include <libtracker/store.hpp>

#include "support.hpp"

using namespace libtracker;

namespace {

const char* const directory =
    "name,email,initials,groups\r\n"
    "Guðrun Poulsen,gudrun.poulsen@example.org,GP,SSR2-RT\r\n"
    "Danko Jevtović,danko.jevtovic@example.org,DJ,\"SSR2-RT; Co-Chairs\"\r\n"
    "James Gannon,,JG,Co-Chairs\r\n"
    "ICANN Org,ssr2-staff@icann.example.org,,\r\n";

}  // namespace

TEST(OwnersCsv, ReadsEveryColumnByName) {
  const std::vector<OwnerRecord> rows = parse_owners_csv(directory);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0].name, "Guðrun Poulsen");
  EXPECT_EQ(rows[0].email, "gudrun.poulsen@example.org");
  EXPECT_EQ(rows[0].initials, "GP");
  EXPECT_EQ(rows[1].groups, (std::vector<std::string>{"SSR2-RT", "Co-Chairs"}));
  EXPECT_EQ(rows[2].email, "");
  EXPECT_EQ(rows[2].line, 4u);
  EXPECT_TRUE(rows[3].groups.empty());
  // Any column order, other columns ignored, only a name required.
  const auto reordered = parse_owners_csv("Groups,Role,Name\nICANN Org,staff,Steve Conte\n");
  ASSERT_EQ(reordered.size(), 1u);
  EXPECT_EQ(reordered[0].name, "Steve Conte");
  EXPECT_EQ(reordered[0].groups, std::vector<std::string>{"ICANN Org"});
}

TEST(OwnersCsv, BadRowsNameTheFileLineAndPosition) {
  try {
    parse_owners_csv("name,email\nJames Gannon,james@example.org\nBoban Krsic,boban@ex ample.org\n",
                     "team.csv");
    FAIL() << "a bad address must be refused";
  } catch (const ParseError& e) {
    EXPECT_EQ(e.source(), "team.csv");
    EXPECT_EQ(e.line(), 3u);
    EXPECT_EQ(e.position(), 8u);
    EXPECT_NE(std::string(e.what()).find("team.csv:3"), std::string::npos) << e.what();
  }
  EXPECT_THROW(parse_owners_csv("email,initials\nx@example.org,X\n"), ParseError);
  try {
    parse_owners_csv("name,email\n ,x@example.org\n", "team.csv");
    FAIL();
  } catch (const ParseError& e) {
    EXPECT_EQ(e.line(), 2u);
  }
  EXPECT_THROW(parse_owners_csv("name,groups\nCo-Chairs,co-chairs\n"), ParseError);
  EXPECT_THROW(parse_owners_csv("name,email\nX,\"x@example.org\r\nBcc: y@example.org\"\n"),
               ParseError);
}

TEST(OwnersCsv, ImportAddsThenUpdatesAndKeepsWhatTheFileDoesNotSay) {
  Store store;
  store.add_owner("James Gannon");
  store.set_owner_email("James Gannon", "jg@example.org");
  const OwnersImportResult first = import_owners_csv(store, directory);
  EXPECT_EQ(first.added,
            (std::vector<std::string>{"Guðrun Poulsen", "Danko Jevtović", "ICANN Org"}));
  EXPECT_EQ(first.updated, std::vector<std::string>{"James Gannon"});  // initials, group
  EXPECT_EQ(store.owner("james gannon").email, "jg@example.org");      // empty cell: kept
  EXPECT_EQ(store.owner("James Gannon").initials, "JG");
  EXPECT_EQ(store.owner("Co-Chairs").members,
            (std::vector<std::string>{"Danko Jevtović", "James Gannon"}));
  EXPECT_EQ(store.owner("SSR2-RT").members,
            (std::vector<std::string>{"Danko Jevtović", "Guðrun Poulsen"}));

  const OwnersImportResult again = import_owners_csv(store, directory);
  EXPECT_TRUE(again.added.empty());
  EXPECT_TRUE(again.updated.empty());
  EXPECT_EQ(again.unchanged.size(), 4u);

  const OwnersImportResult moved =
      import_owners_csv(store, "name,email\nGuðrun Poulsen,g.poulsen@example.org\n");
  EXPECT_EQ(moved.updated, std::vector<std::string>{"Guðrun Poulsen"});
  EXPECT_EQ(store.owner("Guðrun Poulsen").email, "g.poulsen@example.org");
}

TEST(OwnersCsv, ABadLineWritesNothing) {
  Store store;
  const std::string bad = std::string(directory) + "Boban Krsic,boban@,BK,SSR2-RT\r\n";
  EXPECT_THROW(import_owners_csv(store, bad), ParseError);
  EXPECT_TRUE(store.owners().empty());
}
