#include <gtest/gtest.h>

#include <boost/date_time/posix_time/posix_time.hpp>
#include <libtracker/error.hpp>
#include <libtracker/export.hpp>
#include <libtracker/import.hpp>
#include <libtracker/store.hpp>
#include <nlohmann/json.hpp>

#include "support.hpp"

using namespace libtracker;
using namespace libtracker::fixtures;
using boost::posix_time::hours;
using boost::posix_time::ptime;

namespace {

const date june15(2017, 6, 15);

/// Who made the week's changes (see recorded_actor).
struct Actors {
  std::string first, second;
};

/// A store with a week of history: items added on 1 June, changed and noted on later days.
Actors build_history(Store& store) {
  Actors actors;
  ptime now(date(2017, 6, 1), hours(9));
  store.set_clock([&now] { return now; });
  actors.first = recorded_actor(store, "Jennifer Bryce");
  const Meeting m =
      store.add_meeting({0, "SSR2 Staff, Co-Chairs Coordination", june15, "ICANN59 Johannesburg"});
  ActionItem a = item("Send written responses to RT questions", {"ICANN Org", "Denise Michel"},
                      Due::on(date(2017, 6, 20), "6/20"));
  a.details = "(GH) How does GSE work?";
  a.tags = {"gse"};
  a.impact = Rating::high;
  a.ref = "12";
  a.meeting = m.id;
  const ItemId ia = store.add(a).id;
  const ItemId ib = store
                        .add(item("Distribute draft Johannesburg agenda", {"Co-Chairs"},
                                  Due::on(date(2017, 5, 30), "30 May")))
                        .id;
  const ItemId ic = store.add(item("Research collaborative tools", {"ICANN Org"}, Due::tbd())).id;
  now = ptime(date(2017, 6, 5), hours(14));
  actors.second = recorded_actor(store, "Steve Conte");
  store.update(ia, [] {
    ItemChanges c;
    c.due = Due::on(date(2017, 6, 27), "27 June");
    return c;
  }());
  store.set_state(ib, State::done, "Sent to the list");
  now = ptime(date(2017, 6, 12), hours(10));
  store.add_note(ic, "Working with IT for approval on requested tools.");
  store.set_state(ic, State::in_progress);
  store.update(ic, [] {
    ItemChanges c;
    c.status_note = "Potential briefing in Johannesburg";
    return c;
  }());
  store.set_clock(nullptr);
  store.set_today(june15);
  return actors;
}

}  // namespace

TEST(JsonFormat, ExportIsTheDocumentWithNotesAndHistory) {
  Store store = test_store();
  const Actors actors = build_history(store);
  const nlohmann::json doc =
      nlohmann::json::parse(export_items(store, store.find(), {Format::json}));
  EXPECT_EQ(doc["format"], "libtracker");
  EXPECT_EQ(doc["version"], 1);
  ASSERT_EQ(doc["items"].size(), 3u);
  const auto& first = doc["items"][0];
  EXPECT_EQ(first["text"], "Send written responses to RT questions");
  EXPECT_EQ(first["ref"], "12");
  EXPECT_EQ(first["due"], "2017-06-27");
  EXPECT_EQ(first["due_text"], "27 June");
  EXPECT_EQ(first["history"][0]["kind"], "created");
  EXPECT_EQ(first["history"][0]["actor"], actors.first);
  EXPECT_EQ(first["history"][0]["at"], "2017-06-01T09:00:00Z");
  EXPECT_EQ(first["history"][1]["field"], "due");
  EXPECT_EQ(first["history"][1]["old"], "2017-06-20");
  const auto& third = doc["items"][2];
  ASSERT_EQ(third["notes"].size(), 1u);
  EXPECT_EQ(third["notes"][0]["author"], actors.second);
  EXPECT_EQ(third["notes"][0]["text"], "Working with IT for approval on requested tools.");
}

TEST(JsonFormat, RoundTripIsLosslessIncludingHistoryAndNotes) {
  Store store = test_store();
  build_history(store);
  const std::string json = export_items(store, store.find(), {Format::json});

  Store fresh = test_store();
  fresh.set_today(date(2017, 7, 1));
  fresh.set_actor("importer");
  const ImportResult r = import_text(fresh, json, {Format::json, {}, {}, "week.json"});
  ASSERT_EQ(r.added.size(), 3u);
  const auto before = store.find(), after = fresh.find();
  ASSERT_EQ(after.size(), before.size());
  for (std::size_t i = 0; i < before.size(); ++i) {
    SCOPED_TRACE(before[i].text);
    const ActionItem &b = before[i], &a = after[i];
    EXPECT_EQ(a.text, b.text);
    EXPECT_EQ(a.details, b.details);
    EXPECT_EQ(a.owners, b.owners);
    EXPECT_EQ(a.due, b.due);
    EXPECT_EQ(a.due.text(), b.due.text());
    EXPECT_EQ(a.state, b.state);
    EXPECT_EQ(a.status_note, b.status_note);
    EXPECT_EQ(a.tags, b.tags);
    EXPECT_EQ(a.impact, b.impact);
    EXPECT_EQ(a.effort, b.effort);
    EXPECT_EQ(a.created, b.created);
    EXPECT_EQ(a.closed, b.closed);
    EXPECT_EQ(a.ref, b.ref);
    EXPECT_EQ(a.version, b.version);

    const auto hb = store.history(b.id), ha = fresh.history(a.id);
    ASSERT_EQ(ha.size(), hb.size());
    for (std::size_t k = 0; k < hb.size(); ++k) {
      EXPECT_EQ(ha[k].at, hb[k].at);
      EXPECT_EQ(ha[k].actor, hb[k].actor);
      EXPECT_EQ(ha[k].kind, hb[k].kind);
      EXPECT_EQ(ha[k].field, hb[k].field);
      EXPECT_EQ(ha[k].old_value, hb[k].old_value);
      EXPECT_EQ(ha[k].new_value, hb[k].new_value);
      EXPECT_EQ(ha[k].version, hb[k].version);
    }
    const auto nb = store.notes(b.id), na = fresh.notes(a.id);
    ASSERT_EQ(na.size(), nb.size());
    for (std::size_t k = 0; k < nb.size(); ++k) {
      EXPECT_EQ(na[k].at, nb[k].at);
      EXPECT_EQ(na[k].author, nb[k].author);
      EXPECT_EQ(na[k].text, nb[k].text);
    }
    // The replayed history rebuilds the past as the original store does.
    for (const date day : {date(2017, 6, 2), date(2017, 6, 6), date(2017, 6, 13)}) {
      const auto pb = store.get_as_of(b.id, day), pa = fresh.get_as_of(a.id, day);
      ASSERT_EQ(pa.has_value(), pb.has_value());
      if (pb) {
        EXPECT_EQ(pa->due, pb->due);
        EXPECT_EQ(pa->state, pb->state);
        EXPECT_EQ(pa->status_note, pb->status_note);
      }
    }
  }
  // The exported document of the copy is the original's (ids and meetings aside).
  EXPECT_EQ(export_items(fresh, fresh.find(), {Format::csv}),
            export_items(store, store.find(), {Format::csv}));
}

TEST(JsonFormat, ReimportIntoTheSameStoreChangesNothing) {
  Store store = test_store();
  build_history(store);
  const std::string json = export_items(store, store.find(), {Format::json});
  const auto history_before = store.history(3);
  const ImportResult r = import_text(store, json, {Format::json});
  EXPECT_TRUE(r.added.empty());
  EXPECT_TRUE(r.updated.empty());
  EXPECT_EQ(r.unchanged.size(), 3u);
  EXPECT_EQ(store.count(), 3);
  EXPECT_EQ(store.history(3).size(), history_before.size());
  EXPECT_EQ(store.notes(3).size(), 1u);
}

TEST(JsonFormat, ImportUpdatesTheMatchingItem) {
  Store store = test_store();
  store.set_today(june15);
  const ItemId id = store.add(item("Research collaborative tools", {"ICANN Org"}, Due::tbd())).id;
  const std::string doc = R"({"format": "libtracker", "version": 1, "items": [
    {"text": "research collaborative tools ", "owners": ["icann org"], "due": "2017-06-30",
     "state": "in_progress", "notes": [{"at": "2017-06-14T08:00:00Z", "author": "Steve Conte", "text": "IT approved"}]}]})";
  const ImportResult r = import_text(store, doc, {Format::json});
  EXPECT_TRUE(r.added.empty());
  EXPECT_EQ(r.updated, std::vector<ItemId>{id});
  const ActionItem after = store.get(id);
  EXPECT_EQ(after.due, Due::on(date(2017, 6, 30)));
  EXPECT_EQ(after.state, State::in_progress);
  EXPECT_EQ(after.text, "Research collaborative tools");  // matched, not renamed by case
  ASSERT_EQ(store.notes(id).size(), 1u);
  EXPECT_EQ(store.notes(id)[0].author, "Steve Conte");
  // The same document again: the note is known, nothing changes.
  const ImportResult again = import_text(store, doc, {Format::json});
  EXPECT_EQ(again.unchanged, std::vector<ItemId>{id});
  EXPECT_EQ(store.notes(id).size(), 1u);
}

TEST(JsonFormat, AcceptsABareArrayOfItemsAsToJsonWritesThem) {
  ActionItem a =
      item("Share links to relevant articles", {"ICANN Org"}, Due::on(date(2017, 6, 22)));
  a.tags = {"threats"};
  const std::string text = "[" + to_json(a) + "]";
  const auto items = parse_items(text, Format::json, june15);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].text, a.text);
  EXPECT_EQ(items[0].owners, a.owners);
  EXPECT_EQ(items[0].due, a.due);
  EXPECT_EQ(items[0].tags, a.tags);
  const nlohmann::json j = nlohmann::json::parse(to_json(a));
  EXPECT_EQ(j["due"], "2017-06-22");
  EXPECT_EQ(j["state"], "open");
}

TEST(JsonFormat, ErrorsNameTheLineOfTheItem) {
  const std::string doc =
      "{\n  \"format\": \"libtracker\",\n  \"version\": 1,\n  \"items\": [\n"
      "    {\"text\": \"first\"},\n"
      "    {\"text\": \"second\",\n     \"state\": \"finished-ish\"}\n  ]\n}\n";
  try {
    parse_items(doc, Format::json, june15, {}, "week.json");
    FAIL() << "no ParseError";
  } catch (const ParseError& e) {
    EXPECT_EQ(e.source(), "week.json");
    EXPECT_EQ(e.line(), 6u);
    EXPECT_NE(std::string(e.what()).find("week.json:6"), std::string::npos);
  }
  try {
    parse_items("{\"items\": [\n{\"text\": \"x\"}\n,,]}", Format::json, june15, {}, "bad.json");
    FAIL() << "no ParseError";
  } catch (const ParseError& e) {
    EXPECT_EQ(e.line(), 3u);
    EXPECT_NE(e.reason().find("malformed JSON"), std::string::npos);
  }
}
