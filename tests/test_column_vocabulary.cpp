// The one header vocabulary: a CSV file and a table in minutes with the same header give the
// same fields, for every synonym.

#include <gtest/gtest.h>

#include <functional>
#include <libtracker/import.hpp>
#include <libtracker/minutes_parser.hpp>
#include <string>
#include <vector>

#include "support.hpp"

using namespace libtracker;
using namespace libtracker::fixtures;

namespace {

const date june15(2017, 6, 15);

enum class Kind { owners, due, state, note, ref, created, closed, tags };

struct Case {
  const char* header;
  Kind kind;
};

const Case cases[] = {
    {"Owner", Kind::owners},
    {"Owner(s)", Kind::owners},
    {"Action Owner", Kind::owners},
    {"Assignee", Kind::owners},
    {"Responsible", Kind::owners},
    {"Who", Kind::owners},
    {"Lead", Kind::owners},
    {"Assigned to", Kind::owners},
    {"Due", Kind::due},
    {"due date:", Kind::due},
    {"Deadline", Kind::due},
    {"Target Date", Kind::due},
    {"Anticipated Completion", Kind::due},
    {"Anticipated Completion Date", Kind::due},
    {"By when?", Kind::due},
    {"Date due", Kind::due},
    {"Status", Kind::state},
    {"Progress", Kind::state},
    {"State", Kind::state},
    {"Action Complete", Kind::state},
    {"Complete", Kind::state},
    {"Done?", Kind::state},
    {"Notes", Kind::note},
    {"Progress Notes", Kind::note},
    {"Comments", Kind::note},
    {"Update", Kind::note},
    {"Completed Response", Kind::note},
    {"Response", Kind::note},
    {"Item #", Kind::ref},
    {"#", Kind::ref},
    {"No.", Kind::ref},
    {"ID", Kind::ref},
    {"Ref", Kind::ref},
    {"Action Item No.", Kind::ref},
    {"Date", Kind::created},
    {"Date of Request", Kind::created},
    {"Date Raised", Kind::created},
    {"Requested", Kind::created},
    {"Opened", Kind::created},
    {"Mtg Date", Kind::created},
    {"Completion Date", Kind::closed},
    {"Date Completed", Kind::closed},
    {"Closed", Kind::closed},
    {"Closed on", Kind::closed},
    {"Category", Kind::tags},
    {"Categories", Kind::tags},
    {"Source", Kind::tags},
    {"Source of Request", Kind::tags},
    {"Mtg", Kind::tags},
    {"Meeting", Kind::tags},
};

std::string value_for(Kind kind) {
  switch (kind) {
    case Kind::owners:
      return "Anna Berg";
    case Kind::due:
      return "30 June";
    case Kind::state:
      return "Done";
    case Kind::note:
      return "Sent to the list on 6/20";
    case Kind::ref:
      return "A-7";
    case Kind::created:
      return "1 June 2017";
    case Kind::closed:
      return "12 June 2017";
    case Kind::tags:
      return "outreach";
  }
  return {};
}

void expect_field(const ActionItem& item, const Case& c, const std::string& reader) {
  SCOPED_TRACE(reader + ": " + c.header);
  EXPECT_EQ(item.text, "Share the draft charter");
  switch (c.kind) {
    case Kind::owners:
      EXPECT_EQ(item.owners, std::vector<std::string>{"Anna Berg"});
      break;
    case Kind::due:
      ASSERT_TRUE(item.due.has_date());
      EXPECT_EQ(item.due.date(), date(2017, 6, 30));
      break;
    case Kind::state:
      EXPECT_EQ(item.state, State::done);
      break;
    case Kind::note:
      EXPECT_EQ(item.status_note, "Sent to the list on 6/20");
      EXPECT_EQ(item.state, State::open);  // a note is not read for a state
      break;
    case Kind::ref:
      EXPECT_EQ(item.ref, "A-7");
      break;
    case Kind::created:
      EXPECT_EQ(item.created, date(2017, 6, 1));
      break;
    case Kind::closed:
      EXPECT_EQ(item.state, State::done);
      EXPECT_EQ(item.closed, date(2017, 6, 12));
      break;
    case Kind::tags: {
      const bool tagged = item.tags == std::vector<std::string>{"outreach"} ||
                          item.tags == std::vector<std::string>{"source:outreach"};
      EXPECT_TRUE(tagged) << (item.tags.empty() ? "no tags" : item.tags[0]);
      break;
    }
  }
}

}  // namespace

TEST(ColumnVocabulary, EverySynonymMeansTheSameInCsvAndInMinutesTables) {
  for (const Case& c : cases) {
    // A second column about items makes the minutes table an action table.
    const bool owner_case = c.kind == Kind::owners;
    const std::string other = owner_case ? "Due Date" : "Owner";
    const std::string other_value = owner_case ? "30 June" : "Tom Baker";
    const std::string value = value_for(c.kind);

    const std::vector<ActionItem> csv =
        parse_items(std::string("Action,") + c.header + "," + other + "\nShare the draft charter," +
                        value + "," + other_value + "\n",
                    Format::csv, june15);
    ASSERT_EQ(csv.size(), 1u) << c.header;
    expect_field(csv[0], c, "csv");

    const ParsedMinutes minutes =
        parse_action_items(std::string("Action\t") + c.header + "\t" + other +
                               "\nShare the draft charter\t" + value + "\t" + other_value + "\n",
                           june15);
    ASSERT_EQ(minutes.items.size(), 1u) << c.header;
    expect_field(minutes.items[0], c, "minutes");
    // And as a Markdown table.
    const ParsedMinutes piped =
        parse_action_items(std::string("| Action | ") + c.header + " | " + other +
                               " |\n|---|---|---|\n| Share the draft charter | " + value + " | " +
                               other_value + " |\n",
                           june15);
    ASSERT_EQ(piped.items.size(), 1u) << c.header;
    expect_field(piped.items[0], c, "pipes");
  }
}

TEST(ColumnVocabulary, ActionSynonymsInAnyCaseAndPunctuation) {
  for (const char* header : {"Action", "ACTION ITEM", "Action Item Request", "Task", "Request",
                             "Description", "action items:", "**Action**", "Item"}) {
    const auto csv =
        parse_items(std::string(header) + ",Owner\nBook the room,Anna Berg\n", Format::csv, june15);
    ASSERT_EQ(csv.size(), 1u) << header;
    EXPECT_EQ(csv[0].text, "Book the room") << header;
    const ParsedMinutes m =
        parse_action_items(std::string(header) + "\tOwner\nBook the room\tAnna Berg\n", june15);
    ASSERT_EQ(m.items.size(), 1u) << header;
    EXPECT_EQ(m.items[0].text, "Book the room") << header;
    EXPECT_EQ(m.items[0].owners, std::vector<std::string>{"Anna Berg"}) << header;
  }
}

TEST(ColumnVocabulary, AHeaderNamingTwoThingsIsReadByItsBestMatch) {
  // The SSR2 wiki tracker's header: "Item #" is the number, "Action Item Request" the action,
  // "Date of Request" the created date, "Anticipated Completion Date" the due date.
  const std::string header =
      "Item #,Category,Source of Request,Date of Request,Action Item Request,Action Owner,"
      "Request Clarified,Anticipated Completion Date,Progress Notes,Completed Response,"
      "Completion Date\n";
  const auto items = parse_items(header +
                                     "12,Outreach,Plenary call,30 May 2017,Share the scoping note "
                                     "with the RT.,ICANN Org,Yes,22 June,Draft circulated,,\n",
                                 Format::csv, june15);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].ref, "12");
  EXPECT_EQ(items[0].text, "Share the scoping note with the RT.");
  EXPECT_EQ(items[0].owners, std::vector<std::string>{"ICANN Org"});
  EXPECT_EQ(items[0].created, date(2017, 5, 30));
  EXPECT_EQ(items[0].due.date(), date(2017, 6, 22));
  EXPECT_EQ(items[0].status_note, "Draft circulated");
  EXPECT_EQ(items[0].tags, (std::vector<std::string>{"Outreach", "source:Plenary call"}));
  EXPECT_EQ(items[0].state, State::open);

  Store store;
  store.set_today(june15);
  ImportOptions options;
  options.format = Format::csv;
  const ImportResult result = import_text(
      store, header + "12,,,,Share the scoping note.,ICANN Org,Yes,22 June,,,\n", options);
  EXPECT_EQ(result.added.size(), 1u);
  EXPECT_EQ(result.unknown_columns, std::vector<std::string>{"Request Clarified"});
}

TEST(ColumnVocabulary, AloneItemIsTheActionBesideAnActionItIsTheNumber) {
  const auto alone = parse_items("Item,Owner\nBook the room,Anna Berg\n", Format::csv, june15);
  ASSERT_EQ(alone.size(), 1u);
  EXPECT_EQ(alone[0].text, "Book the room");
  const auto numbered =
      parse_items("Item,Action,Owner\n4,Book the room,Anna Berg\n", Format::csv, june15);
  ASSERT_EQ(numbered.size(), 1u);
  EXPECT_EQ(numbered[0].ref, "4");
  EXPECT_EQ(numbered[0].text, "Book the room");
  const ParsedMinutes m =
      parse_action_items("Item\tAction\tOwner\n4\tBook the room\tAnna\n", june15);
  ASSERT_EQ(m.items.size(), 1u);
  EXPECT_EQ(m.items[0].ref, "4");
}

TEST(ColumnVocabulary, UnknownColumnsAreListedNotGluedIntoTheText) {
  const ParsedMinutes m = parse_action_items(
      "Action\tOwner\tBudget (USD)\tColour\nBook the room\tAnna Berg\t1,200\tred\n", june15);
  ASSERT_EQ(m.items.size(), 1u);
  EXPECT_EQ(m.items[0].text, "Book the room");
  EXPECT_EQ(m.unknown_columns, (std::vector<std::string>{"Budget (USD)", "Colour"}));
}
