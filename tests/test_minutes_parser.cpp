#include <gtest/gtest.h>

#include <boost/date_time/gregorian/gregorian.hpp>
#include <fstream>
#include <libtracker/error.hpp>
#include <libtracker/minutes_parser.hpp>
#include <sstream>
#include <string>
#include <vector>

using namespace libtracker;
using boost::gregorian::date;
using Names = std::vector<std::string>;

namespace {

// The SSR2 staff and co-chairs coordination call of seeds 003 and 004.
const date meeting(2017, 6, 15);

std::string seed(const std::string& name) {
  std::ifstream in(std::string(LIBTRACKER_SEEDS_DIR) + "/" + name, std::ios::binary);
  EXPECT_TRUE(in) << name << " is missing";
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

/// The item whose text starts with @p prefix; fails the test when there is none.
const ActionItem& find(const ParsedMinutes& m, const std::string& prefix) {
  for (const ActionItem& item : m.items)
    if (item.text.rfind(prefix, 0) == 0) return item;
  ADD_FAILURE() << "no item starts with \"" << prefix << "\"";
  static const ActionItem none;
  return none;
}

std::size_t count_starting(const ParsedMinutes& m, const std::string& prefix) {
  std::size_t n = 0;
  for (const ActionItem& item : m.items) n += item.text.rfind(prefix, 0) == 0;
  return n;
}

}  // namespace

// --- the real slides and minutes --------------------------------------------------------

TEST(MinutesParserSeed004, FindsEveryRowOfTheThreeTablesAndTheFiveOpenRequests) {
  const ParsedMinutes m = parse_action_items(seed("004_aef3142de91aa82d.txt"), meeting);
  // 1 + 10 + 4 table rows and 5 open requests; the "Action item:" line repeats a table row.
  EXPECT_EQ(m.items.size(), 20u);
  EXPECT_EQ(m.lines.size(), m.items.size());
  EXPECT_EQ(count_starting(m, "Research collaborative tools"), 1u);
  // Nothing from the agenda.
  EXPECT_EQ(count_starting(m, "Review open action items"), 0u);
  EXPECT_EQ(count_starting(m, "AOB"), 0u);
  EXPECT_EQ(count_starting(m, "Update on requested tools"), 0u);
}

TEST(MinutesParserSeed004, TableRowsKeepOwnersAndDueDates) {
  const ParsedMinutes m = parse_action_items(seed("004_aef3142de91aa82d.txt"), meeting);
  const ActionItem& plan = find(m, "Draft SSR2 Review Team work plan");
  EXPECT_EQ(plan.owners, (Names{"Co-Chairs", "James Gannon", "Boban Krsic"}));
  EXPECT_TRUE(plan.due.is_tbd());
  EXPECT_EQ(plan.state, State::open);

  const ActionItem& consolidate = find(m, "Consolidate duplicative items");
  EXPECT_EQ(consolidate.owners, (Names{"SSR2-RT"}));
  EXPECT_EQ(consolidate.due.date(), date(2017, 5, 30));
  EXPECT_EQ(consolidate.due.text(), "30 May");

  const ActionItem& links = find(m, "Share links to relevant articles");
  EXPECT_EQ(links.owners, (Names{"ICANN Org"}));
  EXPECT_EQ(links.due.date(), date(2017, 6, 22));

  EXPECT_EQ(find(m, "Share thoughts on list regarding Johannesburg").due.date(), date(2017, 5, 25));
  EXPECT_EQ(find(m, "Review non-disclosure form").owners,
            (Names{"James Gannon", "Emily Taylor", "Kerry-Ann Barrett"}));
}

TEST(MinutesParserSeed004, TheDuplicatedActionKeepsTheRicherTableRow) {
  const ParsedMinutes m = parse_action_items(seed("004_aef3142de91aa82d.txt"), meeting);
  const ActionItem& tools = find(m, "Research collaborative tools");
  EXPECT_EQ(tools.owners, (Names{"ICANN Org"}));
  EXPECT_TRUE(tools.due.is_tbd());
  bool reported = false;
  for (const SkippedLine& s : m.skipped)
    reported = reported || (s.text.rfind("Research collaborative tools", 0) == 0 &&
                            s.reason.find("same action") != std::string::npos);
  EXPECT_TRUE(reported) << "the dropped duplicate is reported in skipped";
}

TEST(MinutesParserSeed004, TheLongQuestionsActionKeepsItsFirstSentenceAndAllTheDetails) {
  const ParsedMinutes m = parse_action_items(seed("004_aef3142de91aa82d.txt"), meeting);
  const ActionItem& q = find(m, "Send written responses to RT questions");
  EXPECT_EQ(q.text,
            "Send written responses to RT questions asked during the presentation on ICANN's "
            "Global Stakeholder Engagement outreach efforts to SSR technical community.");
  EXPECT_NE(q.details.find("(GH) Regarding L-root operations"), std::string::npos);
  EXPECT_NE(q.details.find("substantive engagement? (GH)"), std::string::npos);
  EXPECT_EQ(q.owners, (Names{"ICANN Org"}));
  EXPECT_TRUE(q.due.is_tbd());
}

TEST(MinutesParserSeed004, OpenRequestsTakeTheirStatusSubBullets) {
  const ParsedMinutes m = parse_action_items(seed("004_aef3142de91aa82d.txt"), meeting);
  const ActionItem& report = find(m, "Draft SSR2 progress report for SO/ACs");
  EXPECT_EQ(report.text,
            "Draft SSR2 progress report for SO/ACs to share ahead of ICANN59 in Johannesburg.");
  EXPECT_EQ(report.status_note, "Confirm OK and next steps from Co-Chairs.");
  EXPECT_TRUE(report.owners.empty());  // owners are never invented
  EXPECT_TRUE(report.due.is_none());

  const ActionItem& call = find(m, "Schedule a call with Mr. Matogoro");
  EXPECT_EQ(call.state, State::in_progress);
  EXPECT_EQ(call.status_note,
            "Troubleshooting steps provided to Matogoro, copied SSR2-coordination, followed up "
            "6/2.");
  for (const char* prefix : {"Staff to provide language", "Staff to provide list of events",
                             "Send Co-Chairs table of outstanding"}) {
    const ActionItem& item = find(m, prefix);
    EXPECT_EQ(item.state, State::in_progress) << prefix;
    EXPECT_EQ(item.status_note, "") << prefix;
  }
  // "Staff to provide ..." names its owner; an imperative sentence names none.
  EXPECT_EQ(find(m, "Staff to provide language").owners, (Names{"Staff"}));
  EXPECT_EQ(find(m, "Staff to provide list of events").owners, (Names{"Staff"}));
  EXPECT_TRUE(find(m, "Send Co-Chairs table of outstanding").owners.empty());
}

TEST(MinutesParserSeed003, FindsTheFourOpenRequestsWithWrappedLinesJoined) {
  const ParsedMinutes m = parse_action_items(seed("003_2b0a52e59fe911a9.txt"), meeting);
  ASSERT_EQ(m.items.size(), 4u);
  EXPECT_EQ(m.items[0].text,
            "Draft SSR2 progress report for SO/ACs to share ahead of ICANN59 in Johannesburg.");
  EXPECT_EQ(m.items[0].state, State::in_progress);
  EXPECT_EQ(m.items[0].status_note, "Draft with RT for review. Scheduled to publish 6/20.");

  EXPECT_EQ(m.items[1].text,
            "Send language to RT for drafting Scope of Work for independent experts.");
  EXPECT_EQ(m.items[1].status_note, "Larisa working with team and Co-Chairs on next steps.");

  // A sub-bullet without "Status:" is the status too.
  EXPECT_EQ(m.items[2].text,
            "Could we move away from the \"SSR2\" moniker and adopt the title \"Security "
            "Review\" in public communications?");
  EXPECT_EQ(m.items[2].status_note, "Further information provided to Co-Chairs via email.");
  EXPECT_EQ(m.items[2].state, State::in_progress);

  // The status wraps over a blank line; the heading after it ends the list.
  EXPECT_EQ(m.items[3].text, "Provide SSR1 briefings schedule of availability.");
  EXPECT_EQ(m.items[3].status_note,
            "Briefing proposed for Johannesburg, remaining briefings schedule in development");
  EXPECT_EQ(m.lines, (std::vector<std::size_t>{57, 62, 67, 72}));
}

TEST(MinutesParserSeed003, AgendaBulletsAreNotActionItems) {
  const ParsedMinutes m = parse_action_items(seed("003_2b0a52e59fe911a9.txt"), meeting);
  EXPECT_EQ(count_starting(m, "Review outstanding actions"), 0u);
  EXPECT_EQ(count_starting(m, "Review open action items list"), 0u);
  EXPECT_EQ(count_starting(m, "Review Proposed Plenary Call Agenda"), 0u);
  EXPECT_EQ(count_starting(m, "Updated SOIs"), 0u);
  EXPECT_TRUE(m.skipped.empty());
}

TEST(MinutesParserSeeds, DocumentsWithoutActionListsGiveNoItems) {
  for (const char* name : {"000_341ab4ae26bd7f1a.txt", "002_82b849f913068f74.txt"}) {
    const ParsedMinutes m = parse_action_items(seed(name), date(2020, 3, 10));
    EXPECT_TRUE(m.items.empty()) << name << ": " << m.items.size() << " items, first \""
                                 << (m.items.empty() ? "" : m.items[0].text) << "\"";
  }
}

TEST(MinutesParserSeed001, BreakOutSuggestionsKeepTheirImpactAndEffort) {
  // The rating table of the ccNSO break-out rooms: a statement, its impact (the letters came
  // out of the PDF as Cyrillic look-alikes) and its effort, with broken cells in between.
  const ParsedMinutes m = parse_action_items(seed("001_afe45ac73fafc33f.txt"), date(2020, 3, 10));
  ASSERT_EQ(m.items.size(), 5u);
  const ActionItem& share = find(m, "Share information to already excelled");
  EXPECT_EQ(share.impact, Rating::high);
  EXPECT_EQ(share.effort, Rating::low);
  const ActionItem& best = find(m, "Consider a best-practice, educational role");
  EXPECT_EQ(best.impact, Rating::medium);
  EXPECT_EQ(best.effort, Rating::low);
  const ActionItem& abuse = find(m, "Do NOT focus all efforts on defining DNS Abuse");
  EXPECT_EQ(abuse.impact, Rating::medium);
  EXPECT_FALSE(abuse.effort.has_value());  // "at M" is not a rating: reported, not guessed
  const ActionItem& world = find(m, "Do NOT try to solve");
  EXPECT_FALSE(world.impact.has_value());
  EXPECT_EQ(world.effort, Rating::low);
  bool reported = false;
  for (const SkippedLine& s : m.skipped)
    reported = reported || s.reason.find("effort \"at M\" is not a rating") != std::string::npos;
  EXPECT_TRUE(reported);
  // The session-flow bullets above the table ("Assess impact / value ...") are not items.
  EXPECT_EQ(count_starting(m, "Assess"), 0u);
}

// --- the same shapes, written differently ------------------------------------------------

TEST(MinutesParserTables, RatingTablesNeedAStatementWithImpactAndEffort) {
  const std::string text =
      "Break-out results\n"
      "| Suggestion | Impact (H/M/L) | What is needed | Effort (H/M/L) |\n"
      "|---|---|---|---|\n"
      "| Publish a glossary of DNS abuse terms | High | volunteers | Med |\n"
      "| Run a webinar on registry lock | **L** | a speaker | H |\n"
      "\n"
      "Idea\tImpact\n"  // impact alone, no owner: not an action table
      "Share slides early\tHigh\n";
  const ParsedMinutes m = parse_action_items(text, meeting);
  ASSERT_EQ(m.items.size(), 2u);
  EXPECT_EQ(m.items[0].text, "Publish a glossary of DNS abuse terms");
  EXPECT_EQ(m.items[0].impact, Rating::high);
  EXPECT_EQ(m.items[0].effort, Rating::medium);
  EXPECT_EQ(m.items[1].impact, Rating::low);
  EXPECT_EQ(m.items[1].effort, Rating::high);
  EXPECT_TRUE(m.items[1].owners.empty());
}

TEST(MinutesParserTables, ARatingColumnInAnActionTableIsRead) {
  const std::string text =
      "Action\tOwner\tDue Date\tImpact\n"
      "Draft the outreach plan\tCo-Chairs\t30 June\tH\n"
      "Book the meeting room\tICANN Org\tTBD\tsoon\n";
  const ParsedMinutes m = parse_action_items(text, meeting);
  ASSERT_EQ(m.items.size(), 2u);
  EXPECT_EQ(m.items[0].impact, Rating::high);
  EXPECT_EQ(m.items[0].owners, Names{"Co-Chairs"});
  EXPECT_FALSE(m.items[1].impact.has_value());
  ASSERT_EQ(m.skipped.size(), 1u);
  EXPECT_EQ(m.skipped[0].line, 3u);
}

TEST(MinutesParserTables, ColumnsAreFoundByNameInAnyOrder) {
  const std::string text =
      "Follow-up list\n"
      "\n"
      "Item #\tOwner(s)\tAction Item\tStatus\tDeadline\n"
      "A-1\tMaria Lopez; Tom Baker\tCirculate the revised charter to the list.\tIn progress\t"
      "2017-07-03\n"
      "A-2\tSecretariat\tBook the room for the face-to-face meeting.\tDone\t6/30\n"
      "A-3\tTom Baker\tCollect comments on the draft budget.\tWaiting on finance team\tend of "
      "July\n";
  const ParsedMinutes m = parse_action_items(text, meeting);
  ASSERT_EQ(m.items.size(), 3u);
  EXPECT_EQ(m.items[0].ref, "A-1");
  EXPECT_EQ(m.items[0].text, "Circulate the revised charter to the list.");
  EXPECT_EQ(m.items[0].owners, (Names{"Maria Lopez", "Tom Baker"}));
  EXPECT_EQ(m.items[0].state, State::in_progress);
  EXPECT_EQ(m.items[0].due.date(), date(2017, 7, 3));
  EXPECT_EQ(m.items[1].state, State::done);
  EXPECT_EQ(m.items[1].due.date(), date(2017, 6, 30));
  EXPECT_EQ(m.items[2].state, State::blocked);
  EXPECT_EQ(m.items[2].status_note, "Waiting on finance team");
  EXPECT_EQ(m.items[2].due.date(), date(2017, 7, 31));
  EXPECT_EQ(m.lines, (std::vector<std::size_t>{4, 5, 6}));
}

TEST(MinutesParserTables, ATableSplitOverPagesWithCrlfLineEndings) {
  const std::string text =
      "Outstanding Actions (1 of 2)\r\n"
      "\r\n"
      "Task\tResponsible\tDue\r\n"
      "Publish the call for volunteers.\tComms team\t1 July\r\n"
      "\f\r\n"
      "Outstanding Actions (2 of 2)\r\n"
      "\r\n"
      "Task\tResponsible\tDue\r\n"
      "Update the wiki with the new schedule.\tICANN org\tTBC\r\n"
      "Send the survey to all members.\tICANN Org & Comms team\tnext Friday\r\n";
  const ParsedMinutes m = parse_action_items(text, meeting);
  ASSERT_EQ(m.items.size(), 3u);
  EXPECT_EQ(m.items[0].text, "Publish the call for volunteers.");
  EXPECT_EQ(m.items[0].owners, (Names{"Comms team"}));
  EXPECT_EQ(m.items[0].due.date(), date(2017, 7, 1));
  EXPECT_EQ(m.items[1].owners, (Names{"ICANN org"}));
  EXPECT_TRUE(m.items[1].due.is_tbd());
  EXPECT_EQ(m.items[1].due.text(), "TBC");
  // A later spelling of an owner already named takes the first spelling.
  EXPECT_EQ(m.items[2].owners, (Names{"ICANN org", "Comms team"}));
  EXPECT_EQ(m.items[2].due.date(), date(2017, 6, 16));
  for (const ActionItem& item : m.items) EXPECT_EQ(item.text.find('\r'), std::string::npos);
  EXPECT_EQ(m.lines, (std::vector<std::size_t>{4, 9, 10}));
}

TEST(MinutesParserTables, ShortRowsAndEmptyActionsAreReportedNotTaken) {
  const std::string text =
      "Action\tOwner\tDue Date\n"
      "Prepare the slides.\tAnna Berg\t3 July\n"
      "Only two cells here.\tAnna Berg\n"
      "\tAnna Berg\t4 July\n"
      "Review the glossary.\tAnna Berg\t5 July\n";
  const ParsedMinutes m = parse_action_items(text, meeting);
  ASSERT_EQ(m.items.size(), 2u);
  EXPECT_EQ(m.items[1].text, "Review the glossary.");
  ASSERT_EQ(m.skipped.size(), 2u);
  EXPECT_EQ(m.skipped[0].line, 3u);
  EXPECT_NE(m.skipped[0].reason.find("2 cells"), std::string::npos);
  EXPECT_EQ(m.skipped[1].line, 4u);
}

TEST(MinutesParserTables, AnUnreadableDueDateKeepsTheItemAndIsReported) {
  const std::string text =
      "Action\tOwner\tDue Date\n"
      "Draft the terms of reference.\tAnna Berg\t31 June\n"
      "Confirm the venue.\tAnna Berg,,Tom Baker\t3 July\n";
  const ParsedMinutes m = parse_action_items(text, meeting);
  ASSERT_EQ(m.items.size(), 2u);
  EXPECT_TRUE(m.items[0].due.is_none());
  EXPECT_EQ(m.items[0].owners, (Names{"Anna Berg"}));
  EXPECT_TRUE(m.items[1].owners.empty());
  EXPECT_EQ(m.items[1].due.date(), date(2017, 7, 3));
  ASSERT_EQ(m.skipped.size(), 2u);
  EXPECT_EQ(m.skipped[0].line, 2u);
  EXPECT_EQ(m.skipped[0].text, "31 June");
  EXPECT_NE(m.skipped[0].reason.find("due date"), std::string::npos);
  EXPECT_EQ(m.skipped[1].line, 3u);
  EXPECT_NE(m.skipped[1].reason.find("owners"), std::string::npos);
}

TEST(MinutesParserTables, MarkdownTablesAreTablesToo) {
  const std::string text =
      "## Action items\n"
      "\n"
      "| # | Action | Owner | Due |\n"
      "|---|--------|-------|-----|\n"
      "| 1 | Share the draft newsletter. | Comms team | 20 June |\n"
      "| 2 | Confirm speakers. | Joke Braeken and Kimberly Carlson | TBD |\n";
  const ParsedMinutes m = parse_action_items(text, meeting);
  ASSERT_EQ(m.items.size(), 2u);
  EXPECT_EQ(m.items[0].ref, "1");
  EXPECT_EQ(m.items[1].owners, (Names{"Joke Braeken", "Kimberly Carlson"}));
  EXPECT_TRUE(m.items[1].due.is_tbd());
}

TEST(MinutesParserLists, BulletsUnderAnyActionItemsHeadingWithLabelledSubBullets) {
  const std::string text =
      "Working Group Call 12 June\n"
      "\n"
      "Agenda\n"
      "1. Welcome\n"
      "2. Review of action items\n"
      "\n"
      "Action Items From Last Call\n"
      "\n"
      "1. Prepare a one-page summary of the survey results for the\n"
      "   Council meeting.\n"
      "   a) Owner: Nick Wenban-Smith\n"
      "   b) Due: 30 June\n"
      "2. Ask the secretariat to reserve a slot at ICANN60.\n"
      "   Status: Done\n"
      "\n"
      "Next Meeting\n"
      "1. Date to be confirmed.\n";
  const ParsedMinutes m = parse_action_items(text, meeting);
  ASSERT_EQ(m.items.size(), 2u);
  EXPECT_EQ(m.items[0].text,
            "Prepare a one-page summary of the survey results for the Council meeting.");
  EXPECT_EQ(m.lines[0], 9u);
  EXPECT_EQ(m.items[1].text, "Ask the secretariat to reserve a slot at ICANN60.");
  EXPECT_EQ(m.items[1].state, State::done);
}

TEST(MinutesParserLists, OwnerAndDueSubBulletsAreRead) {
  const std::string text =
      "Actions:\n"
      "\xE2\x80\xA2 Prepare a one-page summary of the survey results.\n"
      "  \xE2\x97\xA6 Owner: Nick Wenban-Smith & Guðrun Poulsen\n"
      "  \xE2\x97\xA6 Due: 30 June\n"
      "  \xE2\x97\xA6 Status: Waiting on the survey tool export\n";
  const ParsedMinutes m = parse_action_items(text, meeting);
  ASSERT_EQ(m.items.size(), 1u);
  EXPECT_EQ(m.items[0].owners, (Names{"Nick Wenban-Smith", "Guðrun Poulsen"}));
  EXPECT_EQ(m.items[0].due.date(), date(2017, 6, 30));
  EXPECT_EQ(m.items[0].state, State::blocked);
}

TEST(MinutesParserLists, TheListEndsAtProseAfterABlankLine) {
  const std::string text =
      "Open Action Items\n"
      "- Share the timeline with the Board.\n"
      "\n"
      "The chair thanked everyone and closed the call.\n"
      "- This bullet belongs to the closing remarks.\n";
  const ParsedMinutes m = parse_action_items(text, meeting);
  ASSERT_EQ(m.items.size(), 1u);
  EXPECT_EQ(m.items[0].text, "Share the timeline with the Board.");
}

TEST(MinutesParserLists, PdfGlyphsAreStripped) {
  for (const char* glyph : {"\xE2\x8A\x99", "\\odot", "O", "\xE2\x96\xAA", "\xE2\x97\x8F", "*",
                            "\xE2\x80\x93", "\xEF\x82\xA7", "\xE2\x80\xA2"}) {
    const std::string list = std::string("Action Items\n") + glyph + " Send the minutes.\n" +
                             glyph + " Book the room.\n";
    const ParsedMinutes one = parse_action_items(list, meeting);
    ASSERT_EQ(one.items.size(), 2u) << glyph;
    EXPECT_EQ(one.items[0].text, "Send the minutes.") << glyph;
    EXPECT_EQ(one.items[1].text, "Book the room.") << glyph;
  }
}

TEST(MinutesParserLines, ActionLinesAnywhereWithWrappedText) {
  const std::string text =
      "Discussion\n"
      "The group discussed the outreach plan at length.\n"
      "ACTION: Staff to circulate the outreach plan to the\n"
      "full review team.\n"
      "- AI: Chairs to confirm the July schedule.\n"
      "* Action item: Research collaborative tools.\n"
      "Other business\n";
  const ParsedMinutes m = parse_action_items(text, meeting);
  ASSERT_EQ(m.items.size(), 3u);
  EXPECT_EQ(m.items[0].text, "Staff to circulate the outreach plan to the full review team.");
  EXPECT_EQ(m.items[0].owners, (Names{"Staff"}));  // the owner written before "to <verb>"
  EXPECT_EQ(m.items[1].owners, (Names{"Chairs"}));
  EXPECT_EQ(m.items[1].text, "Chairs to confirm the July schedule.");
  EXPECT_EQ(m.items[2].text, "Research collaborative tools.");
  EXPECT_EQ(m.lines, (std::vector<std::size_t>{3, 5, 6}));
}

TEST(MinutesParserLines, LongActionsGetTheirFirstSentenceAsText) {
  std::string action = "Ask Mr. Smith for the report. ";
  while (action.size() < 260) action += "Then follow up with every contact on the list again. ";
  const ParsedMinutes m = parse_action_items("Action: " + action + "\n", meeting);
  ASSERT_EQ(m.items.size(), 1u);
  EXPECT_EQ(m.items[0].text, "Ask Mr. Smith for the report.");
  EXPECT_EQ(m.items[0].details.rfind("Ask Mr. Smith for the report. Then follow up", 0), 0u);
  // Short actions have no details.
  EXPECT_EQ(parse_action_items("Action: Short one. Two.\n", meeting).items[0].details, "");
}

TEST(MinutesParserLines, DuplicatesKeepTheRicherItem) {
  const std::string text =
      "Action: Book the room.\n"
      "\n"
      "Action\tOwner\tDue\n"
      "Book the room.\tSecretariat\t20 June\n";
  const ParsedMinutes m = parse_action_items(text, meeting);
  ASSERT_EQ(m.items.size(), 1u);
  EXPECT_EQ(m.items[0].owners, (Names{"Secretariat"}));
  EXPECT_EQ(m.lines[0], 4u);
}

TEST(MinutesParserErrors, InvalidUtf8NamesTheLine) {
  try {
    parse_action_items("Action Items\n- Good line\n- Bad \xC3\x28 line\n", meeting);
    FAIL() << "no error";
  } catch (const ParseError& e) {
    EXPECT_EQ(e.line(), 3u);
    EXPECT_EQ(e.position(), 6u);
    EXPECT_EQ(e.source(), "minutes");
  }
  EXPECT_THROW(parse_action_items(std::string("Action: x\0y\n", 12), meeting), ParseError);
}

TEST(MinutesParserErrors, EmptyAndBlankDocumentsHaveNoItems) {
  EXPECT_TRUE(parse_action_items("", meeting).items.empty());
  EXPECT_TRUE(parse_action_items("\n\n \r\n", meeting).items.empty());
  EXPECT_TRUE(parse_action_items("Action Items\n", meeting).items.empty());
}

TEST(MinutesParserTables, AFirstCellBrokenOverLinesBeforeItsRowIsJoined) {
  // Slide extraction puts the paragraphs of a cell on lines of their own before the row.
  const std::string text =
      "Action\tOwner\tDue Date\tNotes\n"
      "Draft the outreach guidelines for the review team and\n"
      "circulate them for comment.\tCo-Chairs\t30 June\tSee the GNSO model.\n"
      "Book the room.\tSecretariat\tTBD\t\n";
  const ParsedMinutes m = parse_action_items(text, meeting);
  ASSERT_EQ(m.items.size(), 2u);
  EXPECT_EQ(m.items[0].text,
            "Draft the outreach guidelines for the review team and circulate them for comment.");
  // A notes column is the status note (the vocabulary every table import shares), not a
  // status to read a state from.
  EXPECT_EQ(m.items[0].status_note, "See the GNSO model.");
  EXPECT_EQ(m.items[0].details, "");
  EXPECT_EQ(m.items[0].state, State::open);
  EXPECT_EQ(m.lines, (std::vector<std::size_t>{2, 4}));
  EXPECT_TRUE(m.skipped.empty());
}

TEST(MinutesParserLists, SentenceCaseHeadingsOpenAndCloseLists) {
  const std::string text =
      "Outstanding actions\n"
      "- Send the minutes to the list.\n"
      "- Confirm the date of the next call with the\n"
      "  co-chairs.\n"
      "Next steps\n"
      "- Prepare for the plenary.\n";
  const ParsedMinutes m = parse_action_items(text, meeting);
  ASSERT_EQ(m.items.size(), 2u);
  EXPECT_EQ(m.items[1].text, "Confirm the date of the next call with the co-chairs.");
}

TEST(MinutesParserLists, AgendaLinesUnderAnActionHeadingNeedToReadLikeActions) {
  // An agenda written without bullets: "AOB" is not an action.
  const std::string text =
      "Review Open Action Items\n"
      "Circulate the draft work plan to the team\n"
      "AOB\n";
  const ParsedMinutes m = parse_action_items(text, meeting);
  ASSERT_EQ(m.items.size(), 1u);
  EXPECT_EQ(m.items[0].text, "Circulate the draft work plan to the team");
}
