#include <gtest/gtest.h>

#include <libtracker/error.hpp>
#include <libtracker/status_parser.hpp>
#include <string>

using namespace libtracker;

namespace {

State state_of(const std::string& text) { return parse_status(text).state; }

}  // namespace

TEST(StatusParser, KeywordsGiveTheStateAndNoNote) {
  struct Case {
    const char* text;
    State state;
  };
  const Case cases[] = {
      {"In progress", State::in_progress},
      {"In progress.", State::in_progress},
      {"in-progress", State::in_progress},
      {"Ongoing", State::in_progress},
      {"Completed", State::done},
      {"Done", State::done},
      {"Closed", State::done},
      {"Not started", State::open},
      {"Open", State::open},
      {"On hold", State::blocked},
      {"Blocked", State::blocked},
      {"Cancelled", State::cancelled},
      {"Canceled", State::cancelled},
      {"Withdrawn", State::cancelled},
      {"Dropped", State::cancelled},
      {"DONE!", State::done},
  };
  for (const Case& c : cases) {
    const ParsedStatus s = parse_status(c.text);
    EXPECT_EQ(s.state, c.state) << c.text;
    EXPECT_EQ(s.note, "") << c.text;
  }
}

TEST(StatusParser, TheStatusLabelIsStripped) {
  // "Status: In progress." sub-bullets of seed 004.
  const ParsedStatus s = parse_status("Status: In progress.");
  EXPECT_EQ(s.state, State::in_progress);
  EXPECT_EQ(s.note, "");
  EXPECT_EQ(state_of("STATUS - Done"), State::done);
  EXPECT_EQ(parse_status("• Status: Completed").state, State::done);
}

TEST(StatusParser, WaitingIsBlockedAndKeepsWhatItWaitsFor) {
  const ParsedStatus s = parse_status("Waiting on ICANN Legal to review the NDA");
  EXPECT_EQ(s.state, State::blocked);
  EXPECT_EQ(s.note, "Waiting on ICANN Legal to review the NDA");
  EXPECT_EQ(state_of("Draft completed, awaiting RT comments"), State::blocked);
}

TEST(StatusParser, ALeadingKeywordSetsTheStateOfALongerNote) {
  const ParsedStatus s = parse_status("Completed 6/2, sent to the RT list.");
  EXPECT_EQ(s.state, State::done);
  EXPECT_EQ(s.note, "Completed 6/2, sent to the RT list.");
  EXPECT_EQ(state_of("Cancelled: the RT chose another tool"), State::cancelled);
  EXPECT_EQ(state_of("On hold until after ICANN59"), State::blocked);
}

TEST(StatusParser, ReportsOfWorkMeanInProgressAndKeepTheFullText) {
  // Status lines of seeds 003 and 004.
  const char* reports[] = {
      "Draft with RT for review. Scheduled to publish 6/20.",
      "Larisa working with team and Co-Chairs on next steps.",
      "Briefing proposed for Johannesburg, remaining briefings schedule in development",
      "Troubleshooting steps provided to Matogoro, copied SSR2-coordination, followed up 6/2.",
      "Further information provided to Co-Chairs via email.",
  };
  for (const char* r : reports) {
    const ParsedStatus s = parse_status(std::string("Status: ") + r);
    EXPECT_EQ(s.state, State::in_progress) << r;
    EXPECT_EQ(s.note, r);
  }
}

TEST(StatusParser, TextWithoutProgressStaysOpenWithItsNote) {
  const ParsedStatus s = parse_status("Status: Confirm OK and next steps from Co-Chairs.");
  EXPECT_EQ(s.state, State::open);
  EXPECT_EQ(s.note, "Confirm OK and next steps from Co-Chairs.");
  EXPECT_EQ(state_of("Nothing yet"), State::open);
  EXPECT_EQ(state_of("Not started, needs a volunteer"), State::open);
  // Words that open a status only when alone: here "Open" is an adjective.
  EXPECT_EQ(state_of("Open question whether the work was done by staff"), State::open);
}

TEST(StatusParser, NegationsAreNotProgress) {
  EXPECT_EQ(state_of("No progress since the last call"), State::open);
  EXPECT_EQ(state_of("Not yet scheduled"), State::open);
  EXPECT_EQ(state_of("No longer needed after the Board decision"), State::cancelled);
}

TEST(StatusParser, EmptyTextIsAnOpenItemWithoutNote) {
  const ParsedStatus s = parse_status("");
  EXPECT_EQ(s.state, State::open);
  EXPECT_EQ(s.note, "");
  EXPECT_EQ(parse_status("Status:").note, "");
}

TEST(StatusParser, ControlCharactersAndInvalidUtf8AreErrors) {
  try {
    parse_status("In\x01 progress");
    FAIL() << "no error";
  } catch (const ParseError& e) {
    EXPECT_EQ(e.position(), 2u);
    EXPECT_EQ(e.source(), "status");
  }
  EXPECT_THROW(parse_status("Done \xC3"), ParseError);
  // Line breaks of a wrapped status are fine.
  EXPECT_EQ(state_of("In\nprogress"), State::in_progress);
}
