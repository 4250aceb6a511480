// Agendas read from Documents: the two-day grid of the ccNSO members meeting (000), the bullet
// agendas of the SSR2 coordination call (003, 004), and bad agendas refused with their line.
#include <gtest/gtest.h>

#include <libtracker/agenda.hpp>
#include <libtracker/error.hpp>
#include <libtracker/readers.hpp>

#include "support.hpp"

using namespace libtracker;
using boost::gregorian::date;

namespace {

std::string seed(const std::string& name) {
  return fixtures::read_file(std::string(LIBTRACKER_SEEDS_DIR) + "/" + name);
}

Meeting only_meeting(const std::string& text, AgendaOptions options = {}) {
  const ParsedAgenda parsed = parse_agenda(read_text_document(text, "agenda.txt"), options);
  EXPECT_EQ(parsed.meetings.size(), 1u);
  return parsed.meetings.at(0);
}

/// One line per agenda item: day, time, block, title, kind, TBC, level, chairs, presenters.
std::string row(const AgendaItem& a) {
  std::string out = std::to_string(a.day) + " ";
  out += a.start ? time_of_day_text(*a.start) + "-" + time_of_day_text(*a.end) : "-";
  if (a.duration) out += " " + std::to_string(*a.duration) + "min";
  if (!a.block.empty()) out += " [" + a.block + "]";
  out += " " + a.title;
  if (a.kind == AgendaKind::break_time) out += " (break)";
  if (a.to_be_confirmed) out += " (TBC)";
  if (a.engagement) out += " L" + to_string(*a.engagement);
  for (const auto& c : a.chairs) out += " chair:" + c.name + "|" + c.affiliation;
  for (const auto& p : a.presenters) out += " by:" + p.name + "|" + p.affiliation;
  return out;
}

}  // namespace

TEST(AgendaParser, TheTwoDayGridOfTheMembersMeetingAsAPersonReadsIt) {
  const std::string text = seed("000_341ab4ae26bd7f1a.txt");
  const Document doc = read_text_document(text, "000.txt");
  EXPECT_TRUE(has_agenda_grid(doc));
  const Meeting m = only_meeting(text, {std::nullopt, "America/Cancun", ""});
  EXPECT_EQ(m.title, "ccNSO Members Meeting");
  EXPECT_EQ(m.place, "ICANN67 Cancun (MX)");
  EXPECT_EQ(m.date, date(2020, 3, 10));
  EXPECT_EQ(m.end_date, date(2020, 3, 11));
  EXPECT_EQ(m.time_zone, "America/Cancun");
  std::vector<std::string> rows;
  for (const auto& a : m.agenda) rows.push_back(row(a));
  const std::vector<std::string> expected{
      "1 09:00-09:45 45min ccNSO Members Meeting introduction (TBC) L1 chair:Katrina Sataki|.lv "
      "by:Katrina Sataki|.lv by:Barbara Povše|.si",
      "1 09:45-10:15 30min [Block 1] TLD-OPS Session L2 chair:Barbara Povše|.si by:Jacques "
      "Latour|.ca by:Régis Massé|.fr",
      "1 10:15-10:30 Coffee break (break)",
      "1 10:30-11:00 30min [Block 2] Policy Session L1/2 chair:Souleymane Oumtanaga|.ci by:Bart "
      "Boswinkel|ccNSO",
      "1 11:00-12:00 60min Joint meeting: ccNSO & ICANN Board",
      "1 12:00-13:30 Lunch (break)",
      "1 13:30-14:15 45min [Block 3] Joint meeting: ccNSO & GAC (TBC) L1",
      "1 14:25-15:00 35min ccTLD News Session - Part 1 L2 chair:Guðrun Poulsen|.fo",
      "1 15:00-15:15 Coffee break (break)",
      "1 15:15-16:00 45min ccTLD News Session - Part 2 L2 chair:Jenifer Lopez|.pa",
      "1 16:00-16:45 45min [Block 4] ccNSO Council update L2 chair:Nick Wenban-Smith|.uk "
      "by:Katrina Sataki|.lv",
      "1 16:45-17:00 Break (break)",
      "1 17:00-18:00 60min [Block 5] The rules of the ccNSO: discussion & consultation L3 "
      "chair:Pablo Rodriguez|.pr",
      "1 - ccNSO Networking Event",
      "2 09:00-09:55 55min [Block 1] Plenary Session 2: Public Technical Identifiers (PTI) Board "
      "update (TBC) L1",
      "2 09:55-10:15 20min Cyber security and geopolitics in a multistakeholder environment Q&A: "
      "ccNSO appointed ICANN Board members (TBC) L2/3 chair:Jordan Carter|.nz by:Chris "
      "Disspain| by:Nigel Roberts| by:Becky Burr| by:Danko Jevtović| by:Lito Ibarra|",
      "2 10:15-10:30 Coffee Break (break)",
      "2 10:30-11:00 30min [Block 2] TBC (TBC)",
      "2 11:00-12:00 60min DNS Abuse (Part 1) (TBC)",
      "2 12:00-13:30 Lunch break (break)",
      "2 13:30-15:00 90min [Block 3] DNS Abuse (Part 2) (TBC) L3",
      "2 15:00-15:15 Coffee break (break)",
      "2 15:15-16:45 90min [Block 4] Governance models for ccTLD managers L3 chair:Katrina "
      "Sataki|.lv by:Byron Holland|.ca",
      "2 16:45-17:00 Break (break)",
      "2 17:00-18:30 90min [Block 5] ccNSO Council meeting",
  };
  EXPECT_EQ(rows, expected);
  // Remarks and the rest of a session's text are its notes.
  EXPECT_NE(m.agenda.back().notes.find("room change"), std::string::npos);
  EXPECT_NE(m.agenda[1].notes.find("disaster recovery playbook"), std::string::npos);
  // Abbreviations defined in the text are not people: "Customer Standing Committee (CSC)".
  for (const auto& a : m.agenda)
    for (const auto& p : a.presenters) EXPECT_EQ(p.name.find("Committee"), std::string::npos);
}

TEST(AgendaParser, TheCallAgendasOfTheCoordinationSlides) {
  const Meeting call = only_meeting(seed("003_2b0a52e59fe911a9.txt"));
  EXPECT_EQ(call.title, "SSR2 Staff, Co-Chairs Coordination");
  EXPECT_EQ(call.date, date(2017, 6, 15));  // stated in the slides
  std::vector<std::string> titles;
  for (const auto& a : call.agenda) titles.push_back(a.title);
  EXPECT_EQ(titles, (std::vector<std::string>{
                        "ICANN59 Johannesburg",
                        "July plenary schedule: Confirm if there should be a plenary call "
                        "scheduled on Tuesday 4 July?",
                        "Review outstanding actions/requests",
                        "Review proposed agenda for upcoming plenary call", "AOB"}));
  // Sub-points are the notes of their point, a line each.
  EXPECT_EQ(call.agenda[0].notes,
            "Review of agenda topics and proposed briefings\n"
            "Staff to update on sub-team breakout session limitations\n"
            "Do Co-Chairs want to schedule meeting briefing and debriefing sessions with staff?");

  // 004 states no date: the reference day given is the meeting's.
  const Meeting slides =
      only_meeting(seed("004_aef3142de91aa82d.txt"), {date(2017, 6, 15), "", ""});
  EXPECT_EQ(slides.title, "SSR2 Staff, Co-Chairs Coordination");
  EXPECT_EQ(slides.date, date(2017, 6, 15));
  titles.clear();
  for (const auto& a : slides.agenda) titles.push_back(a.title);
  EXPECT_EQ(titles, (std::vector<std::string>{"ICANN59 Johannesburg share thoughts on agenda",
                                              "Update on requested tools",
                                              "Review open action items/requests", "AOB"}));
  EXPECT_NE(slides.agenda[0].notes.find("Proposed priorities: scope, work plan and timeline"),
            std::string::npos);
}

TEST(AgendaParser, BadAgendasAreErrorsNamingTheLine) {
  auto error_of = [](const std::string& text, AgendaOptions options = {}) -> ParseError {
    try {
      parse_agenda(read_text_document(text, "bad.txt"), options);
    } catch (const ParseError& e) {
      return e;
    }
    ADD_FAILURE() << "accepted:\n" << text;
    return ParseError("", "", 0);
  };
  const std::string head = "Plenary – ICANN80 Kigali\n\tTuesday, 11 June 2024\tlevel\n";
  const std::string ok =
      "Block 1\t30 min\t09:00 – 09:30\tOpening Session chair: Ana Lima (.br)\t1\n"
      "\t\t09:30 – 10:00\tWorking session\t2\n"
      "\t\t10:00 – 10:15\tCoffee break\t\n";
  EXPECT_NO_THROW(parse_agenda(read_text_document(head + ok, "ok.txt")));

  ParseError e = error_of(head + ok + "\t\t11:00 – 10:30\tClosing\t1\n");
  EXPECT_EQ(e.source(), "bad.txt");
  EXPECT_EQ(e.line(), 6u);
  EXPECT_NE(e.reason().find("before it starts"), std::string::npos);

  e = error_of(head + ok + "\t\t09:45 – 10:30\tParallel track\t1\n");
  EXPECT_EQ(e.line(), 6u);
  EXPECT_NE(e.reason().find("overlaps"), std::string::npos);
  EXPECT_NE(e.reason().find("Working session"), std::string::npos);

  e = error_of(head + ok + "\t\t10:15 – 11:00\tDeep dive\t4\n");
  EXPECT_EQ(e.line(), 6u);
  EXPECT_NE(e.reason().find("engagement level 4"), std::string::npos);

  e = error_of(head +
               "\t\t09:00 – 09:30 Mars/Olympus\tOpening\t1\n\t\t09:30 – 10:00\tA\t1\n"
               "\t\t10:00 – 10:30\tB\t1\n");
  EXPECT_NE(e.reason().find("unknown time zone"), std::string::npos);

  e = error_of(head + ok, {std::nullopt, "Atlantis/Capital", ""});
  EXPECT_NE(e.reason().find("unknown time zone"), std::string::npos);

  e = error_of("Weekly call\n\nNothing here is an agenda.\n");
  EXPECT_NE(e.reason().find("no agenda"), std::string::npos);
}

TEST(AgendaParser, TimesWithAZoneGiveTheMeetingItsZone) {
  const Meeting m = only_meeting(
      "SSR2 Plenary\n20 June 2017\n\nAgenda\n- 14:00 – 14:10 UTC Welcome, roll call\n"
      "- 14:10 – 14:50 UTC Subtopic updates (TBC)\n- AOB\n");
  EXPECT_EQ(m.time_zone, "UTC");
  ASSERT_EQ(m.agenda.size(), 3u);
  EXPECT_EQ(m.agenda[0].start, 14 * 60);
  EXPECT_EQ(m.agenda[1].end, 14 * 60 + 50);
  EXPECT_TRUE(m.agenda[1].to_be_confirmed);
  EXPECT_EQ(m.agenda[1].title, "Subtopic updates");
}

// The same agenda grid as text, a Word table and an HTML table (tests/data/documents,
// written by make_office_fixtures.py): one meeting, the same agenda items from each.
TEST(AgendaParser, TheSameGridFromTextWordAndHtml) {
  const std::string dir = std::string(LIBTRACKER_DATA_DIR) + "/documents/";
  const std::vector<std::string> expected{
      "1 09:00-09:45 45min Welcome and introduction L1 chair:Alejandra Reynoso|.gt "
      "by:Alejandra Reynoso|.gt",
      "1 09:45-10:45 60min [Block 1] IANA naming function review (TBC) L2 chair:Pierre "
      "Bonis|.fr",
      "1 10:45-11:00 Coffee break (break)",
      "1 11:00-12:00 60min [Block 2] DNS abuse L2/3 chair:Jordan Carter|.nz",
      "1 12:00-13:00 Lunch (break)",
      "1 13:00-14:30 90min [Block 3] Governance models L3 chair:Katrina Sataki|.lv",
  };
  const std::vector<std::pair<std::string, Document>> documents{
      {"txt", read_text_document(fixtures::read_file(dir + "agenda_icann68.txt"), "a.txt")},
      {"docx", read_document(fixtures::read_file(dir + "agenda_icann68.docx"), DocumentFormat::docx,
                             "a.docx")},
      {"html", read_document(fixtures::read_file(dir + "agenda_icann68.html"), DocumentFormat::html,
                             "a.html")},
  };
  for (const auto& [name, doc] : documents) {
    SCOPED_TRACE(name);
    EXPECT_TRUE(has_agenda_grid(doc));
    const ParsedAgenda parsed = parse_agenda(doc, {std::nullopt, "Asia/Kuala_Lumpur", ""});
    ASSERT_EQ(parsed.meetings.size(), 1u);
    const Meeting& m = parsed.meetings.front();
    EXPECT_EQ(m.title, "ccNSO Members Meeting");
    EXPECT_EQ(m.place, "ICANN68 Kuala Lumpur (MY)");
    EXPECT_EQ(m.date, date(2020, 6, 23));
    std::vector<std::string> rows;
    for (const auto& a : m.agenda) rows.push_back(row(a));
    EXPECT_EQ(rows, expected);
  }
}
