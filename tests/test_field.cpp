#include <gtest/gtest.h>

#include <libtracker/field.hpp>
#include <libtracker/store.hpp>
#include <string>
#include <vector>

#include "support.hpp"

using namespace libtracker;
using namespace libtracker::fixtures;

TEST(Field, NamesAreTheActionItemMembersAndReadBack) {
  std::vector<std::string> names;
  for (const Field field : all_fields) {
    names.emplace_back(to_string(field));
    EXPECT_EQ(field_from_string(to_string(field)), field);
  }
  EXPECT_EQ(names, (std::vector<std::string>{"text", "details", "owners", "due", "state",
                                             "status_note", "tags", "meeting", "agenda_item",
                                             "impact", "effort", "closed", "ref", "created"}));
}

TEST(Field, UnknownNamesAreNone) {
  EXPECT_EQ(field_from_string("status"), std::nullopt);
  EXPECT_EQ(field_from_string("Text"), std::nullopt);
  EXPECT_EQ(field_from_string(""), std::nullopt);
}

TEST(Field, ClosedAndCreatedAreNotChangedDirectly) {
  for (const Field field : all_fields)
    EXPECT_EQ(is_changeable(field), field != Field::closed && field != Field::created)
        << to_string(field);
}

TEST(Field, EveryChangeIsRecordedUnderTheFieldsName) {
  Store store;
  store.set_today(date(2017, 6, 15));
  const Meeting meeting = store.add_meeting([] {
    Meeting m;
    m.title = "ICANN59";
    m.date = date(2017, 6, 26);
    AgendaItem a;
    a.title = "Opening";
    m.agenda.push_back(a);
    return m;
  }());
  const ActionItem added = store.add(item("Draft the report", {"ICANN Org"}));
  ItemChanges c;
  c.text = "Draft the final report";
  c.details = "Background";
  c.owners = std::vector<std::string>{"Denise Michel"};
  c.due = Due::on(date(2017, 6, 20));
  c.state = State::done;
  c.status_note = "Sent";
  c.tags = std::vector<std::string>{"report"};
  c.meeting = meeting.id;
  c.agenda_item = meeting.agenda.at(0).id;
  c.impact = Rating::high;
  c.effort = Rating::low;
  c.ref = "7";
  store.update(added.id, c);
  std::vector<std::string> fields;
  for (const Event& e : store.history(added.id))
    if (e.kind == EventKind::changed) fields.push_back(e.field);
  std::vector<std::string> expected;
  for (const Field field : all_fields)
    if (field != Field::created) expected.emplace_back(to_string(field));
  EXPECT_EQ(fields, expected);
}
