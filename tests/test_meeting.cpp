// Meetings and agendas: the model's checks, time zones, and how the store keeps them.
#include <gtest/gtest.h>

#include <boost/date_time/posix_time/posix_time.hpp>
#include <libtracker/error.hpp>
#include <libtracker/meeting.hpp>
#include <libtracker/store.hpp>

#include "support.hpp"

using namespace libtracker;
using boost::gregorian::date;
using boost::posix_time::ptime;
using boost::posix_time::time_from_string;

namespace {

AgendaItem session(std::string title, TimeOfDay start, TimeOfDay end, int day = 1) {
  AgendaItem a;
  a.title = std::move(title);
  a.start = start;
  a.end = end;
  a.day = day;
  return a;
}

Meeting cancun() {
  Meeting m;
  m.title = "ccNSO Members Meeting";
  m.series = "ccNSO Members Meeting";
  m.place = "ICANN67 Cancun (MX)";
  m.date = date(2020, 3, 10);
  m.end_date = date(2020, 3, 11);
  m.time_zone = "America/Cancun";
  AgendaItem intro = session("ccNSO Members Meeting introduction", 9 * 60, 9 * 60 + 45);
  intro.chairs = {{"Katrina Sataki", ".lv"}};
  intro.engagement = EngagementLevel{1, 1};
  AgendaItem coffee = session("Coffee break", 10 * 60 + 15, 10 * 60 + 30);
  coffee.kind = AgendaKind::break_time;
  AgendaItem policy = session("Policy Session", 10 * 60 + 30, 11 * 60);
  policy.block = "Block 2";
  policy.chairs = {{"Souleymane Oumtanaga", ".ci"}};
  policy.presenters = {{"Bart Boswinkel", "ccNSO"}};
  policy.engagement = EngagementLevel{1, 2};
  AgendaItem dns = session("DNS Abuse (Part 1)", 11 * 60, 12 * 60, 2);
  dns.to_be_confirmed = true;
  m.agenda = {intro, coffee, policy, dns};
  return m;
}

}  // namespace

TEST(Participants, OneLineWithTheirAffiliations) {
  EXPECT_EQ(participants_text({}), "");
  EXPECT_EQ(participants_text({{"Katrina Sataki", ".lv"}}), "Katrina Sataki (.lv)");
  EXPECT_EQ(participants_text({{"Katrina Sataki", ".lv"}, {"Bart Boswinkel", ""}}),
            "Katrina Sataki (.lv), Bart Boswinkel");
}

TEST(TimeZone, NamesOffsetsAndUtcAreReadAndUnknownNamesRefused) {
  EXPECT_EQ(canonical_time_zone("UTC"), "UTC");
  EXPECT_EQ(canonical_time_zone("gmt"), "UTC");
  EXPECT_EQ(canonical_time_zone("UTC+2"), "UTC+02:00");
  EXPECT_EQ(canonical_time_zone("UTC-03:30"), "UTC-03:30");
  EXPECT_EQ(canonical_time_zone("+05:30"), "UTC+05:30");
  EXPECT_EQ(canonical_time_zone("Europe/Paris"), "Europe/Paris");
  EXPECT_EQ(canonical_time_zone(""), "");
  EXPECT_THROW(canonical_time_zone("Mars/Olympus_Mons"), ParseError);
  EXPECT_THROW(canonical_time_zone("UTC+15"), ParseError);
  EXPECT_THROW(canonical_time_zone("Cancun time"), ParseError);
}

TEST(TimeZone, LocalTimesBecomeUtcWithDaylightSaving) {
  // Paris is UTC+1 in winter and UTC+2 in summer; Cancún has no daylight saving (UTC-5).
  EXPECT_EQ(*to_utc(date(2024, 1, 15), 14 * 60, "Europe/Paris"),
            time_from_string("2024-01-15 13:00:00"));
  EXPECT_EQ(*to_utc(date(2024, 7, 15), 14 * 60, "Europe/Paris"),
            time_from_string("2024-07-15 12:00:00"));
  EXPECT_EQ(*to_utc(date(2020, 3, 10), 9 * 60, "America/Cancun"),
            time_from_string("2020-03-10 14:00:00"));
  EXPECT_EQ(*to_utc(date(2024, 2, 15), 18 * 60, "UTC"), time_from_string("2024-02-15 18:00:00"));
  EXPECT_EQ(*to_utc(date(2024, 2, 15), 1 * 60, "UTC+05:30"),
            time_from_string("2024-02-14 19:30:00"));
  EXPECT_FALSE(to_utc(date(2024, 2, 15), 60, "").has_value());
}

TEST(MeetingValidation, OverlapsEndsBeforeStartsBadLevelsAndZonesAreRefused) {
  EXPECT_NO_THROW(validate(cancun()));
  auto refused = [](Meeting m, const std::string& reason_part) {
    try {
      validate(m);
      ADD_FAILURE() << "accepted: " << reason_part;
    } catch (const ParseError& e) {
      EXPECT_NE(e.reason().find(reason_part), std::string::npos) << e.what();
    }
  };
  Meeting overlap = cancun();
  overlap.agenda.push_back(session("Late intro", 9 * 60 + 30, 10 * 60));
  refused(overlap, "overlap");
  Meeting backwards = cancun();
  backwards.agenda[0].end = 8 * 60;
  refused(backwards, "before it starts");
  Meeting level4 = cancun();
  level4.agenda[0].engagement = EngagementLevel{4, 4};
  refused(level4, "levels are 1 to 3");
  Meeting zone = cancun();
  zone.time_zone = "Cancun/Beach";
  refused(zone, "unknown time zone");
  Meeting day3 = cancun();
  day3.agenda[0].day = 3;
  refused(day3, "day 3");
  // The same times on two days do not overlap.
  Meeting two_days = cancun();
  two_days.agenda.push_back(session("Plenary Session 2", 9 * 60, 9 * 60 + 55, 2));
  EXPECT_NO_THROW(validate(two_days));
}

TEST(StoreMeetings, AMeetingKeepsItsAgendaPeopleAndLevels) {
  Store s = fixtures::test_store();
  const Meeting added = s.add_meeting(cancun());
  const Meeting m = s.meeting(added.id);
  EXPECT_EQ(m.time_zone, "America/Cancun");
  EXPECT_EQ(m.last_day(), date(2020, 3, 11));
  ASSERT_EQ(m.agenda.size(), 4u);
  EXPECT_EQ(m.agenda[0].position, 1);
  EXPECT_EQ(m.agenda[0].duration, 45);
  EXPECT_EQ(m.agenda[0].chairs, (std::vector<Participant>{{"Katrina Sataki", ".lv"}}));
  EXPECT_EQ(m.agenda[1].kind, AgendaKind::break_time);
  EXPECT_FALSE(m.agenda[1].engagement.has_value());
  EXPECT_EQ(m.agenda[2].block, "Block 2");
  EXPECT_EQ(m.agenda[2].engagement, (EngagementLevel{1, 2}));
  EXPECT_EQ(m.agenda[2].presenters, (std::vector<Participant>{{"Bart Boswinkel", "ccNSO"}}));
  EXPECT_EQ(m.agenda[3].day, 2);
  EXPECT_TRUE(m.agenda[3].to_be_confirmed);
  // Chairs and presenters are owners.
  EXPECT_EQ(s.owner("katrina sataki").name, "Katrina Sataki");
  EXPECT_EQ(s.agenda_item(m.agenda[2].id).title, "Policy Session");
}

TEST(StoreMeetings, BadMeetingsWriteNothing) {
  Store s = fixtures::test_store();
  Meeting bad = cancun();
  bad.agenda[2].engagement = EngagementLevel{4, 4};
  EXPECT_THROW(s.add_meeting(bad), ParseError);
  EXPECT_TRUE(s.meetings().empty());
  EXPECT_TRUE(s.owners().empty());
}

TEST(StoreMeetings, UpdatingKeepsAgendaItemsAndTheirActions) {
  Store s = fixtures::test_store();
  const Meeting m = s.add_meeting(cancun());
  ActionItem action = libtracker::fixtures::item("Circulate the DAAR summary");
  action.agenda_item = m.agenda[2].id;
  action = s.add(action);
  EXPECT_EQ(action.meeting, m.id);  // the agenda item's meeting

  Meeting changed = m;
  changed.agenda.erase(changed.agenda.begin() + 1);  // the coffee break is dropped
  changed.agenda[1].notes = "ccPDP4: IDN ccTLD policy update";
  changed.agenda.push_back(session("ccNSO Council meeting", 17 * 60, 18 * 60 + 30, 2));
  const Meeting updated = s.update_meeting(changed);
  const Meeting reread = s.meeting(m.id);
  ASSERT_EQ(reread.agenda.size(), 4u);
  EXPECT_EQ(reread.agenda[1].id, m.agenda[2].id);
  EXPECT_EQ(reread.agenda[1].position, 2);
  EXPECT_EQ(reread.agenda[1].notes, "ccPDP4: IDN ccTLD policy update");
  EXPECT_EQ(reread.agenda[3].title, "ccNSO Council meeting");
  EXPECT_EQ(s.get(action.id).agenda_item, m.agenda[2].id);
  EXPECT_THROW(s.agenda_item(m.agenda[1].id), NotFoundError);
  EXPECT_EQ(s.meetings().size(), 1u);
  // The link is part of the item's history.
  const auto events = s.history(action.id);
  EXPECT_EQ(events.size(), 1u);  // created with it
  ItemChanges unlink;
  unlink.agenda_item = std::optional<AgendaItemId>();
  s.update(action.id, unlink);
  EXPECT_EQ(s.history(action.id).back().field, "agenda_item");
  (void)updated;
}

TEST(StoreMeetings, AnAgendaItemOfAnotherMeetingIsRefused) {
  Store s = fixtures::test_store();
  const Meeting a = s.add_meeting(cancun());
  Meeting other;
  other.title = "SSR2 Plenary";
  other.date = date(2017, 6, 22);
  const Meeting b = s.add_meeting(other);
  ActionItem item = libtracker::fixtures::item("x");
  item.meeting = b.id;
  item.agenda_item = a.agenda[0].id;
  EXPECT_THROW(s.add(item), Error);
  item.agenda_item = 999;
  EXPECT_THROW(s.add(item), NotFoundError);
  EXPECT_EQ(s.count(), 0);
}

TEST(StoreMeetings, NextAndPreviousMeetingsOfASeries) {
  Store s = fixtures::test_store();
  auto call = [&](date d, std::string series, std::optional<TimeOfDay> start = std::nullopt) {
    Meeting m;
    m.title = series + " call";
    m.series = std::move(series);
    m.date = d;
    m.start = start;
    m.time_zone = "UTC";
    return s.add_meeting(m);
  };
  const Meeting june8 = call(date(2017, 6, 8), "SSR2 Staff, Co-Chairs Coordination");
  const Meeting plenary = call(date(2017, 6, 14), "SSR2 Plenary", 14 * 60);
  const Meeting june15 = call(date(2017, 6, 15), "SSR2 Staff, Co-Chairs Coordination");
  EXPECT_EQ(s.next_meeting(date(2017, 6, 9))->id, plenary.id);
  EXPECT_EQ(s.next_meeting(date(2017, 6, 9), "ssr2 staff, co-chairs coordination")->id, june15.id);
  EXPECT_EQ(s.next_meeting(date(2017, 6, 15))->id, june15.id);  // on the day counts
  EXPECT_FALSE(s.next_meeting(date(2017, 6, 16)).has_value());
  EXPECT_EQ(s.previous_meeting(june15)->id, june8.id);
  EXPECT_FALSE(s.previous_meeting(plenary).has_value());
  EXPECT_EQ(s.find_meeting("SSR2 Plenary call", date(2017, 6, 14))->id, plenary.id);
  EXPECT_FALSE(s.find_meeting("SSR2 Plenary", date(2017, 6, 15)).has_value());
}
