#include <gtest/gtest.h>

#include <libtracker/error.hpp>
#include <libtracker/filter.hpp>

using namespace libtracker;
using boost::gregorian::date;

namespace {
const date today(2017, 6, 15);
}

TEST(Filter, KeysVirtualTagsAndWords) {
  const Query q = parse_filter(
      "owner:'ICANN Org' +overdue due.before:2017-07-01 tag:tools state:blocked briefings SSR1",
      today);
  EXPECT_EQ(q.owners, std::vector<std::string>{"ICANN Org"});
  EXPECT_TRUE(q.overdue);
  EXPECT_EQ(q.due_before, date(2017, 7, 1));
  EXPECT_EQ(q.tags, std::vector<std::string>{"tools"});
  EXPECT_EQ(q.states, std::vector<State>{State::blocked});
  EXPECT_EQ(q.text, "briefings SSR1");
}

TEST(Filter, DoubleQuotesAndRepeatedTerms) {
  const Query q = parse_filter(
      R"(owner:"Co-Chairs" owner:"James Gannon" state:open state:in_progress +tbd)", today);
  EXPECT_EQ(q.owners, (std::vector<std::string>{"Co-Chairs", "James Gannon"}));
  EXPECT_EQ(q.states, (std::vector<State>{State::open, State::in_progress}));
  EXPECT_TRUE(q.tbd);
}

TEST(Filter, VirtualTags) {
  EXPECT_TRUE(parse_filter("+open", today).open);
  EXPECT_TRUE(parse_filter("+closed", today).closed);
  EXPECT_TRUE(parse_filter("+nodue", today).no_due_date);
  EXPECT_TRUE(parse_filter("+OVERDUE", today).overdue);
}

TEST(Filter, MeetingAndEmpty) {
  EXPECT_EQ(parse_filter("meeting:3", today).meeting, 3);
  const Query empty = parse_filter("   ", today);
  EXPECT_TRUE(empty.owners.empty());
  EXPECT_FALSE(empty.overdue);
  EXPECT_TRUE(empty.text.empty());
}

TEST(Filter, QuotedPhraseIsText) {
  EXPECT_EQ(parse_filter("\"work plan\"", today).text, "work plan");
}

TEST(Filter, ErrorsNameThePosition) {
  try {
    parse_filter("+overdue colour:red", today);
    FAIL();
  } catch (const ParseError& e) {
    EXPECT_EQ(e.position(), 9u);
    EXPECT_EQ(e.source(), "filter");
  }
  EXPECT_THROW(parse_filter("owner:'ICANN Org", today), ParseError);
  EXPECT_THROW(parse_filter("+someday", today), ParseError);
  EXPECT_THROW(parse_filter("state:finished", today), ParseError);
  EXPECT_THROW(parse_filter("meeting:3x", today), ParseError);
  EXPECT_THROW(parse_filter("owner:", today), ParseError);
  EXPECT_THROW(parse_filter("+open +closed", today), ParseError);
  EXPECT_THROW(parse_filter("due.before:2024-01-15garbage", today), ParseError);
  EXPECT_THROW(parse_filter(std::string("tag:\xff"), today), ParseError);
}
