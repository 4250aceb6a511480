// The pack for a meeting, rebuilt from the seeds of the SSR2 call of 2017-06-15: the agenda of
// its slides, the open items in "Review Open Action Items (k of N)" pages as of that day, the
// actions of the previous call of the series and what became of them, in every report form.
#include <gtest/gtest.h>

#include <libtracker/import.hpp>
#include <libtracker/meeting_pack.hpp>
#include <libtracker/render.hpp>
#include <libtracker/store.hpp>
#include <nlohmann/json.hpp>
#include <set>

#include "support.hpp"

using namespace libtracker;
using boost::gregorian::date;

namespace {

std::string seed(const std::string& name) {
  return fixtures::read_file(std::string(LIBTRACKER_SEEDS_DIR) + "/" + name);
}

ImportResult import_slides(Store& store, const std::string& name, date day) {
  ImportOptions options;
  options.format = Format::minutes;
  options.reference = day;
  options.source = name;
  return import_text(store, seed(name), options);
}

}  // namespace

TEST(MeetingPack, TheCallOfJune15RebuiltFromTheSeeds) {
  Store store = fixtures::test_store();
  const date june15(2017, 6, 15);
  store.set_today(june15);
  import_slides(store, "003_2b0a52e59fe911a9.txt", june15);
  const ImportResult slides = import_slides(store, "004_aef3142de91aa82d.txt", june15);
  // Both documents name the same call: one meeting, updated by the slides.
  ASSERT_EQ(store.meetings().size(), 1u);
  EXPECT_EQ(slides.meetings_updated.size(), 1u);
  const Meeting call = store.meetings().front();
  for (ItemId id : slides.added) EXPECT_EQ(store.get(id).meeting, call.id);

  // The day after, an item closes: the pack as of the call does not show it.
  store.set_today(date(2017, 6, 16));
  std::optional<ItemId> closed;
  for (const ActionItem& it : store.find())
    if (it.text.rfind("Distribute draft Johannesburg agenda", 0) == 0) closed = it.id;
  ASSERT_TRUE(closed);
  store.set_state(*closed, State::done);

  const MeetingPack pack = meeting_pack(store, call.id);
  EXPECT_EQ(pack.as_of, june15);
  std::vector<std::string> agenda;
  for (const AgendaItem& a : pack.meeting.agenda) agenda.push_back(a.title);
  EXPECT_EQ(agenda, (std::vector<std::string>{"ICANN59 Johannesburg share thoughts on agenda",
                                              "Update on requested tools",
                                              "Review open action items/requests", "AOB"}));
  ASSERT_EQ(pack.open_pages.size(), 3u);
  EXPECT_EQ(pack.open_pages[0].title, "Review Open Action Items (1 of 3)");
  EXPECT_EQ(pack.open_pages[2].title, "Review Open Action Items (3 of 3)");
  std::set<std::string> shown;
  std::vector<std::string> order;
  for (const ReportPage& p : pack.open_pages)
    for (const ReportGroup& g : p.groups)
      for (const ReportEntry& e : g.rows) {
        shown.insert(e.item.text.substr(0, 40));
        order.push_back(e.item.due.to_string());
        if (e.item.text.rfind("Consolidate duplicative items", 0) == 0) {
          EXPECT_TRUE(e.overdue);  // due 30 May
          EXPECT_EQ(e.days_overdue, 16);
        }
        if (e.item.text.rfind("Share links to relevant articles", 0) == 0) {
          EXPECT_FALSE(e.overdue);  // due 22 June
          EXPECT_EQ(e.item.owners, std::vector<std::string>{"ICANN Org"});
        }
      }
  // Every action of the three tables of 004 is there, as it was on the day of the call.
  for (const char* text :
       {"Send written responses to RT questions a", "Share thoughts and continue discussion o",
        "Share thoughts on list on how to be more", "Consolidate duplicative items, create su",
        "Draft SSR2 Review Team work plan with ke", "Share thoughts on list regarding outreac",
        "Share thoughts on list regarding Johanne", "Distribute draft Johannesburg agenda to ",
        "Draft note and summary of SSR1 implement", "Schedule remainder of briefings related ",
        "Share links to relevant articles regardi", "Review non-disclosure form with ICANN Le",
        "Research collaborative tools the RT may ", "Draft a Statement of Work for specialist",
        "Provide the SSR2 RT a timeline of the IT"})
    EXPECT_TRUE(shown.count(text)) << text;
  // By due date: dated first, then TBD.
  EXPECT_EQ(order.front(), "2017-05-25");
  EXPECT_EQ(pack.open_count, order.size());
  EXPECT_EQ(pack.overdue_count, 3u);
}

TEST(MeetingPack, ThePreviousCallsActionsAndWhatBecameOfThem) {
  Store store = fixtures::test_store();
  auto call = [&](date d) {
    Meeting m;
    m.title = "SSR2 Plenary";
    m.date = d;
    return store.add_meeting(m);
  };
  const Meeting june8 = call(date(2017, 6, 8));
  const Meeting june15 = call(date(2017, 6, 15));
  store.set_today(date(2017, 6, 8));
  ActionItem a = fixtures::item("Circulate the work plan", {"Co-Chairs"},
                                Due::on(date(2017, 6, 12), "12 June"));
  a.meeting = june8.id;
  a = store.add(a);
  ActionItem b = fixtures::item("Book the Johannesburg rooms", {"ICANN Org"});
  b.meeting = june8.id;
  b = store.add(b);
  store.set_today(date(2017, 6, 14));
  store.set_state(b.id, State::done, "Booked");
  const MeetingPack pack = meeting_pack(store, june15.id);
  ASSERT_TRUE(pack.previous);
  EXPECT_EQ(pack.previous->id, june8.id);
  ASSERT_EQ(pack.previous_actions.size(), 2u);
  EXPECT_TRUE(pack.previous_actions[0].overdue);
  EXPECT_EQ(pack.previous_actions[1].item.state, State::done);
  // Every form shows it; HTML puts each section on its own printed page.
  const std::string md = render_markdown(pack);
  EXPECT_NE(md.find("## Actions from the previous meeting (SSR2 Plenary, 2017-06-08)"),
            std::string::npos);
  EXPECT_NE(md.find("Book the Johannesburg rooms"), std::string::npos);
  const std::string html = render_html(pack);
  std::size_t pages = 0;
  for (std::size_t p = html.find("class=\"page"); p != std::string::npos;
       p = html.find("class=\"page", p + 1))
    ++pages;
  EXPECT_EQ(pages, 3u);  // agenda, previous actions, one page of open items
  EXPECT_NE(html.find("<tr class=\"overdue\">"), std::string::npos);
  const auto json = nlohmann::json::parse(render_json(pack));
  EXPECT_EQ(json["previous"]["date"], "2017-06-08");
  EXPECT_EQ(json["previous_actions"][1]["state"], "done");
  EXPECT_EQ(json["open_pages"][0]["items"][0]["text"], "Circulate the work plan");
  const std::string csv = render_csv(pack);
  EXPECT_NE(csv.find("previous,,2,Book the Johannesburg rooms,ICANN Org,,done,,,false"),
            std::string::npos)
      << csv;
  EXPECT_NE(render_text(pack).find("Review Open Action Items"), std::string::npos);
}
