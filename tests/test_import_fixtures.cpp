// The lists review teams really keep, each with the items a person reads in it, field by field:
// a Confluence tracking page copied as text, a wiki tracker exported to CSV, Markdown pipe
// tables, minutes with owners in the sentence, and the seed documents. Every extraction also
// keeps the invariants of tests/extraction_invariants.hpp.
//
// With LIBTRACKER_FIDELITY_OUT set, the figures per fixture (items expected, found, found
// exactly) are written to that file; scripts/import_fidelity.py makes docs/import.md's table
// from them.

#include <gtest/gtest.h>

#include <algorithm>
#include <boost/date_time/gregorian/gregorian.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <libtracker/extract.hpp>
#include <libtracker/import.hpp>
#include <libtracker/readers.hpp>
#include <libtracker/store.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "extraction_invariants.hpp"
#include "support.hpp"

using namespace libtracker;
using namespace libtracker::fixtures;
using Names = std::vector<std::string>;

namespace {

/// An item as a person reads it. due: ISO date, "TBD" or ""; created, closed: ISO or "";
/// impact, effort: "low", "medium", "high" or "" (not rated).
/// A text ending in "..." is compared as a prefix (a long cell keeps its first words).
struct Expected {
  std::string text;
  Names owners;
  std::string due;
  State state = State::open;
  std::string ref;
  std::string note;
  std::string created;
  std::string closed;
  std::string impact;
  std::string effort;
};

struct Fixture {
  std::string name;  ///< as shown in docs/import.md
  std::string path;
  std::optional<date> reference;  ///< the caller's reference date, if any
  date expected_reference;
  ReferenceSource expected_source;
  std::vector<Expected> items;
  std::size_t review = 0;  ///< items expected under "needs review"
};

constexpr State open = State::open, done = State::done, in_progress = State::in_progress,
                blocked = State::blocked;

std::string data(const std::string& name) {
  return std::string(LIBTRACKER_DATA_DIR) + "/import/" + name;
}
std::string document(const std::string& name) {
  return std::string(LIBTRACKER_DATA_DIR) + "/documents/" + name;
}
std::string seed(const std::string& name) { return std::string(LIBTRACKER_SEEDS_DIR) + "/" + name; }

const date ssr2_call(2017, 6, 15);

std::vector<Fixture> all_fixtures() {
  std::vector<Fixture> all;
  all.push_back(
      {"Confluence tracking page copied as text",
       data("confluence_tracking_page.txt"),
       std::nullopt,
       date(2018, 9, 12),
       ReferenceSource::document,
       {
           {"Provide the RT with the budget figures for the SSR2 independent examiner contract.",
            {"ICANN org"},
            "2018-09-19",
            open,
            "41",
            "",
            "2018-08-29",
            ""},
           {"Share the list of DNS abuse studies that OCTO has published since 2016.",
            {"OCTO"},
            "TBD",
            open,
            "42",
            "",
            "2018-08-30",
            ""},
           {"Confirm the dates of the next face-to-face meeting with the Co-Chairs.",
            {"Jennifer Bryce"},
            "2018-09-14",
            open,
            "43",
            "",
            "2018-09-05",
            ""},
           {"Circulate the revised work plan for comment.",
            {"Co-Chairs", "Staff"},
            "2018-09-30",
            open,
            "44",
            "",
            "2018-09-05",
            ""},
           {"Send the RT the slides of the compliance briefing.",
            {"ICANN org"},
            "2018-08-08",
            done,
            "35",
            "Slides sent to the list on 7 August.",
            "2018-08-01",
            "2018-08-07"},
           {"Publish the call recordings on the wiki.",
            {"Staff"},
            "2018-08-15",
            done,
            "36",
            "Recordings are on the wiki page of each call.",
            "2018-08-08",
            "2018-08-13"},
           {"Invite the GDD team to brief the RT on registry agreements.",
            {"ICANN org"},
            "TBD",
            done,
            "38",
            "Briefing held on 5 September.",
            "2018-08-22",
            "2018-09-05"},
       }});
  all.push_back({"Wiki tracker exported to CSV (SSR2 header)",
                 data("wiki_tracker_export.csv"),
                 std::nullopt,
                 date(2026, 1, 15),  // a data file states no date of its own: today
                 ReferenceSource::today,
                 {
                     {"Draft the terms of reference for the subteams and circulate to the RT.",
                      {"Co-Chairs"},
                      "2017-06-30",
                      open,
                      "1",
                      "Draft shared with the co-chairs.",
                      "2017-06-14",
                      ""},
                     {"Schedule the briefing on the KSK rollover, with OCTO.",
                      {"ICANN Org"},
                      "TBD",
                      open,
                      "2",
                      "",
                      "2017-06-14",
                      ""},
                     {"Prepare the SSR2 update for the GAC in Johannesburg.",
                      {"Denise Michel", "Žarko Kecić"},
                      "2017-06-26",
                      done,
                      "3",
                      "Update delivered at ICANN59.",
                      "2017-06-20",
                      "2017-06-27"},
                     {"Set up a shared folder for the subteam drafts.",
                      {"Staff"},
                      "",
                      done,
                      "4",
                      "Folder created, access for all RT members.",
                      "2017-06-21",
                      "2017-06-22"},
                     {"Staff to collect the availability of RT members for July.",
                      {"Staff"},
                      "2017-07-07",
                      open,
                      "5",
                      "",
                      "2017-06-21",
                      ""},
                 }});
  all.push_back({"Markdown pipe tables, two pages and a completed table",
                 data("markdown_pipe_tables.md"),
                 std::nullopt,
                 date(2019, 6, 4),
                 ReferenceSource::document,
                 {
                     {"Publish the draft guideline on council elections",
                      {"Secretariat"},
                      "2019-06-14",
                      in_progress,
                      "7",
                      "",
                      "2019-06-04",
                      ""},
                     {"Ask the GNSO for its view on the IANA naming function review",
                      {"Katrina Sataki"},
                      "2019-06-28",
                      open,
                      "8",
                      "",
                      "2019-06-04",
                      ""},
                     {"Prepare the budget comment for the Board",
                      {"Finance committee"},
                      "2019-06-30",
                      blocked,
                      "9",
                      "Waiting on finance data",
                      "2019-06-04",
                      ""},
                     {"Share the survey results with all members",
                      {"Joke Braeken", "Kimberly Carlson"},
                      "TBD",
                      open,
                      "11",
                      "",
                      "2019-06-04",
                      ""},
                     {"Send the meeting invitation for Marrakech",
                      {"Secretariat"},
                      "",
                      done,
                      "4",
                      "",
                      "2019-06-04",
                      "2019-05-20"},
                     {"Confirm the liaison to the ALAC",
                      {"Byron Holland"},
                      "",
                      done,
                      "5",
                      "",
                      "2019-06-04",
                      ""},
                 }});
  all.push_back({"Minutes with owners and due dates in the sentence",
                 data("minutes_owners_in_sentence.txt"),
                 std::nullopt,
                 date(2018, 5, 22),
                 ReferenceSource::document,
                 {
                     {"ICANN org to share the draft charter with the RT.",
                      {"ICANN org"},
                      "",
                      open,
                      "",
                      "",
                      "2018-05-22",
                      ""},
                     {"Denise Michel and Žarko Kecić to draft the scoping note by 3 June",
                      {"Denise Michel", "Žarko Kecić"},
                      "2018-06-03",
                      open,
                      "",
                      "",
                      "2018-05-22",
                      ""},
                     {"Subgroup members to review the text by Monday 4 June",
                      {"Subgroup members"},
                      "2018-06-04",
                      open,
                      "",
                      "",
                      "2018-05-22",
                      ""},
                     {"Laurin to send the notes of the call to the list.",
                      {"Laurin"},
                      "",
                      open,
                      "",
                      "",
                      "2018-05-22",
                      ""},
                     {"circulate the list of abuse data sources before the next call.",
                      {"Eric"},
                      "",
                      open,
                      "",
                      "",
                      "2018-05-22",
                      ""},
                     {"Staff to book a slot for the subgroup at ICANN62",
                      {"Staff"},
                      "",
                      open,
                      "",
                      "",
                      "2018-05-22",
                      ""},
                     {"Somebody to follow up with the registrar stakeholder group.",
                      {},
                      "",
                      open,
                      "",
                      "",
                      "2018-05-22",
                      ""},
                 },
                 1});
  all.push_back(
      {"Seed 004: SSR2 coordination slides",
       seed("004_aef3142de91aa82d.txt"),
       ssr2_call,
       ssr2_call,
       ReferenceSource::caller,
       {
           {"Draft SSR2 progress report for SO/ACs to share ahead of ICANN59 in Johannesburg.",
            {},
            "",
            open,
            "",
            "Confirm OK and next steps from Co-Chairs.",
            "2017-06-15",
            ""},
           {"Schedule a call with Mr. Matogoro regarding connectivity cc. co-chairs.",
            {},
            "",
            in_progress,
            "",
            "Troubleshooting steps provided to Matogoro, copied SSR2-coordination, followed up "
            "6/2.",
            "2017-06-15",
            ""},
           {"Staff to provide language used in the past for statement of work (for specialist "
            "technical writer).",
            {"Staff"},
            "",
            in_progress,
            "",
            "",
            "2017-06-15",
            ""},
           {"Staff to provide list of events recommended for SSR2 to attend during ICANN59 "
            "Johannesburg.",
            {"Staff"},
            "",
            in_progress,
            "",
            "",
            "2017-06-15",
            ""},
           {"Send Co-Chairs table of outstanding briefing requests and corresponding name, "
            "availability of staff.",
            {},
            "",
            in_progress,
            "",
            "",
            "2017-06-15",
            ""},
           {"Send written responses to RT questions asked during the presentation on ICANN's "
            "Global Stakeholder Engagement outreach efforts to SSR technical community.",
            {"ICANN Org"},
            "TBD",
            open,
            "",
            "",
            "2017-06-15",
            ""},
           {"Share thoughts and continue discussion on list regarding presentation of ICANN "
            "Security and SSR1 subtopic work plans.",
            {"SSR2-RT"},
            "TBD",
            open,
            "",
            "",
            "2017-06-15",
            ""},
           {"Share thoughts on list on how to be more open to observer inputs.",
            {"SSR2-RT"},
            "TBD",
            open,
            "",
            "",
            "2017-06-15",
            ""},
           {"Consolidate duplicative items, create subheadings for each topic groups within "
            "volunteer groups.",
            {"SSR2-RT"},
            "2017-05-30",
            open,
            "",
            "",
            "2017-06-15",
            ""},
           {"Draft SSR2 Review Team work plan with key dates, circulate to RT for input.",
            {"Co-Chairs", "James Gannon", "Boban Krsic"},
            "TBD",
            open,
            "",
            "",
            "2017-06-15",
            ""},
           {"Share thoughts on list regarding outreach and engagement, and possible guidelines.",
            {"SSR2-RT"},
            "TBD",
            open,
            "",
            "",
            "2017-06-15",
            ""},
           {"Share thoughts on list regarding Johannesburg agenda topics.",
            {"SSR2-RT"},
            "2017-05-25",
            open,
            "",
            "",
            "2017-06-15",
            ""},
           {"Distribute draft Johannesburg agenda to email list.",
            {"Co-Chairs"},
            "2017-05-30",
            open,
            "",
            "",
            "2017-06-15",
            ""},
           {"Draft note and summary of SSR1 implementation for ICANN to send to SSR1 team members "
            "and invite them to share their assessment with the SSR2-RT.",
            {"Denise Michel"},
            "TBD",
            open,
            "",
            "",
            "2017-06-15",
            ""},
           {"Schedule remainder of briefings related to SSR1.",
            {"ICANN Org"},
            "TBD",
            open,
            "",
            "",
            "2017-06-15",
            ""},
           {"Share links to relevant articles regarding threat mitigation and classification of "
            "threats.",
            {"ICANN Org"},
            "2017-06-22",
            open,
            "",
            "",
            "2017-06-15",
            ""},
           {"Review non-disclosure form with ICANN Legal and report back to RT on any updates or "
            "edits to the circulated form.",
            {"James Gannon", "Emily Taylor", "Kerry-Ann Barrett"},
            "TBD",
            open,
            "",
            "",
            "2017-06-15",
            ""},
           {"Research collaborative tools the RT may use that can be publicly archived.",
            {"ICANN Org"},
            "TBD",
            open,
            "",
            "",
            "2017-06-15",
            ""},
           {"Draft a Statement of Work for specialist technical writer.",
            {"James Gannon", "Cathy Handley", "Denise Michel"},
            "TBD",
            open,
            "",
            "",
            "2017-06-15",
            ""},
           {"Provide the SSR2 RT a timeline of the ITHI project, when they have clarity on next "
            "steps and schedules.",
            {"ICANN Org"},
            "TBD",
            open,
            "",
            "",
            "2017-06-15",
            ""},
       },
       1});
  all.push_back(
      {"Seed 003: SSR2 coordination call minutes",
       seed("003_2b0a52e59fe911a9.txt"),
       std::nullopt,
       ssr2_call,
       ReferenceSource::document,
       {
           {"Draft SSR2 progress report for SO/ACs to share ahead of ICANN59 in Johannesburg.",
            {},
            "",
            in_progress,
            "",
            "Draft with RT for review. Scheduled to publish 6/20.",
            "2017-06-15",
            ""},
           {"Send language to RT for drafting Scope of Work for independent experts.",
            {},
            "",
            in_progress,
            "",
            "Larisa working with team and Co-Chairs on next steps.",
            "2017-06-15",
            ""},
           {"Could we move away from the \"SSR2\" moniker and adopt the title \"Security Review\" "
            "in public communications?",
            {},
            "",
            in_progress,
            "",
            "Further information provided to Co-Chairs via email.",
            "2017-06-15",
            ""},
           {"Provide SSR1 briefings schedule of availability.",
            {},
            "",
            in_progress,
            "",
            "Briefing proposed for Johannesburg, remaining briefings schedule in development",
            "2017-06-15",
            ""},
       },
       1});
  // The native files made from seed 004 (tests/data/make_office_fixtures.py): the same items
  // as its text, read from each file's own structure.
  const Fixture slides =
      all[static_cast<std::size_t>(std::find_if(all.begin(), all.end(),
                                                [](const Fixture& f) {
                                                  return f.name ==
                                                         "Seed 004: SSR2 coordination slides";
                                                }) -
                                   all.begin())];
  for (const auto& [file, producer] : std::vector<std::pair<std::string, std::string>>{
           {"ssr2_slides.pptx", "PowerPoint, python-pptx"},
           {"ssr2_slides_lo.pptx", "PowerPoint, LibreOffice"},
           {"ssr2_slides.docx", "Word, python-docx"},
           {"ssr2_slides_lo.docx", "Word, LibreOffice"},
           {"ssr2_slides.pdf", "PDF of the slides, LibreOffice"},
           {"ssr2_slides_doc.pdf", "PDF of the Word file, LibreOffice"},
           {"ssr2_tables.xlsx", "Excel, openpyxl"},
           {"ssr2_tables_lo.xlsx", "Excel, LibreOffice"}}) {
    Fixture f = slides;
    f.name = "Seed 004 as " + file + " (" + producer + ")";
    f.path = document(file);
    if (file == "ssr2_slides.pdf") {
      // LibreOffice's PDF of the slides clips the text box that overflows its slide: the last
      // three bullets of "Open Action Items/Requests" are not in the PDF at all (pdftotext
      // shows the same), so a person reading it reads 17 items.
      f.items.erase(std::remove_if(f.items.begin(), f.items.end(),
                                   [](const Expected& e) {
                                     return e.text.rfind("Staff to provide", 0) == 0 ||
                                            e.text.rfind("Send Co-Chairs table", 0) == 0;
                                   }),
                    f.items.end());
    }
    if (file.size() > 5 && file.compare(file.size() - 5, 5, ".xlsx") == 0) {
      // The workbook holds the slides' tables only (a sheet each): not the five actions
      // listed on the "Open Action Items/Requests" slide, the first five items of the text.
      f.items.erase(f.items.begin(), f.items.begin() + 5);
      f.review = 0;
    }
    all.push_back(std::move(f));
  }
  // Our own list in every format (the cross-format test's list), dated by its title.
  const std::vector<Expected> cross{
      {"Share the draft charter with the review team.",
       {"ICANN Org"},
       "2018-09-20",
       in_progress,
       "1",
       "",
       "2018-09-12",
       ""},
      {"Circulate the revised work plan for comments.",
       {"Co-Chairs"},
       "2018-09-27",
       open,
       "2",
       "",
       "2018-09-12",
       ""},
      {"Draft the scoping note on abuse reporting, with the questions the subgroup raised on "
       "registrar obligations, the data sources to ask for and a timeline for the study.",
       {"Denise Michel", "Žarko Kecić"},
       "2018-10-03",
       open,
       "3",
       "",
       "2018-09-12",
       ""},
      {"Confirm the venue for the face-to-face meeting.",
       {"Staff"},
       "TBD",
       open,
       "4",
       "",
       "2018-09-12",
       ""},
      {"Send the meeting notes to the list.",
       {"Laurin Weissinger"},
       "",
       done,
       "5",
       "",
       "2018-09-12",
       "2018-09-10"},
  };
  for (const auto& [file, producer] : std::vector<std::pair<std::string, std::string>>{
           {"cross_list.docx", "Word, python-docx"},
           {"cross_list_lo.docx", "Word, LibreOffice"},
           {"cross_list.pptx", "PowerPoint, python-pptx"},
           {"cross_list.xlsx", "Excel, openpyxl"},
           {"cross_list_1904.xlsx", "Excel, 1904 dates"},
           {"cross_list_lo.xlsx", "Excel, LibreOffice"},
           {"cross_list.pdf", "PDF, LibreOffice"},
           {"cross_list_fpdf.pdf", "PDF, fpdf2, centred cells"},
           {"cross_list.html", "HTML, Confluence markup"}})
    all.push_back({"Our list as " + file + " (" + producer + ")", document(file), std::nullopt,
                   date(2018, 9, 12), ReferenceSource::document, cross});
  all.push_back({"Seed 000: ccNSO meeting agenda (no action list)",
                 seed("000_341ab4ae26bd7f1a.txt"),
                 std::nullopt,
                 date(2020, 3, 10),
                 ReferenceSource::document,
                 {}});
  // The break-out rooms' rating table: each statement with its impact and effort (the PDF's
  // letters are Cyrillic look-alikes; "at M" and "re 7000" are broken effort cells, reported).
  // The fourth row's statement cell holds only "doe:" in the source: its words were lost.
  const auto rated = [](std::string text, std::string impact, std::string effort) {
    return Expected{std::move(text),  {}, "", open, "", "", "2020-03-10", "", std::move(impact),
                    std::move(effort)};
  };
  all.push_back({"Seed 001: ccNSO break-out ratings",
                 seed("001_afe45ac73fafc33f.txt"),
                 date(2020, 3, 10),
                 date(2020, 3, 10),
                 ReferenceSource::caller,
                 {rated("Share information to already excelled...", "high", "low"),
                  rated("Consider a best-practice, educational role", "medium", "low"),
                  rated("Do NOT focus all efforts on defining DNS Abuse", "medium", ""),
                  rated("doe:", "high", ""),
                  rated("Do NOT try to solve and the problems of the world", "", "low")}});
  all.push_back({"Seed 002: ccNSO newsletter (no action list)",
                 seed("002_82b849f913068f74.txt"),
                 date(2024, 2, 15),
                 date(2024, 2, 15),
                 ReferenceSource::caller,
                 {}});
  return all;
}

std::string due_text(const Due& due) { return due.to_string(); }
std::string iso(const date& d) {
  return d.is_special() ? "" : boost::gregorian::to_iso_extended_string(d);
}

bool text_matches(const std::string& expected, const std::string& found) {
  if (expected.size() > 3 && expected.compare(expected.size() - 3, 3, "...") == 0)
    return found.rfind(expected.substr(0, expected.size() - 3), 0) == 0;
  return expected == found;
}

/// Every field of @p found that differs from @p want, as "field: found, want".
std::vector<std::string> differences(const Expected& want, const ActionItem& found) {
  std::vector<std::string> out;
  auto check = [&](const char* field, const std::string& got, const std::string& expected) {
    if (got != expected)
      out.push_back(std::string(field) + ": \"" + got + "\", expected \"" + expected + "\"");
  };
  if (!text_matches(want.text, found.text))
    out.push_back("text: \"" + found.text + "\", expected \"" + want.text + "\"");
  std::string owners, want_owners;
  for (const std::string& o : found.owners) owners += o + ";";
  for (const std::string& o : want.owners) want_owners += o + ";";
  check("owners", owners, want_owners);
  check("due", due_text(found.due), want.due);
  check("state", std::string(to_string(found.state)), std::string(to_string(want.state)));
  check("ref", found.ref, want.ref);
  check("status note", found.status_note, want.note);
  check("created", iso(found.created), want.created);
  check("closed", found.closed ? iso(*found.closed) : "", want.closed);
  auto rating = [](const std::optional<Rating>& r) {
    return r ? std::string(to_string(*r)) : std::string();
  };
  check("impact", rating(found.impact), want.impact);
  check("effort", rating(found.effort), want.effort);
  return out;
}

Document read(const Fixture& f) {
  const std::string text = read_file(f.path);
  const std::string name = std::filesystem::path(f.path).filename().string();
  if (const std::optional<DocumentFormat> format = detect_document_format(text))
    return read_document(text, *format, name);
  if (f.path.size() > 4 && f.path.compare(f.path.size() - 4, 4, ".csv") == 0)
    return read_csv_document(text, name);
  return read_text_document(text, name);
}

}  // namespace

TEST(ImportFixtures, EveryItemAsAPersonReadsIt) {
  std::ostringstream figures;
  for (const Fixture& f : all_fixtures()) {
    SCOPED_TRACE(f.name);
    const Document doc = read(f);
    ExtractOptions options;
    options.reference = f.reference;
    options.today = date(2026, 1, 15);  // any day after the documents
    const ImportOutcome out = extract_action_items(doc, options);
    EXPECT_EQ(out.reference, f.expected_reference);
    EXPECT_EQ(out.reference_source, f.expected_source);
    EXPECT_EQ(out.needs_review.size(), f.review);
    EXPECT_EQ(invariants::first_violation(doc, out), "");
    std::size_t exact = 0;
    ASSERT_EQ(out.items.size(), f.items.size());
    for (std::size_t i = 0; i < f.items.size(); ++i) {
      const std::vector<std::string> diff = differences(f.items[i], out.items[i]);
      if (diff.empty()) ++exact;
      for (const std::string& d : diff) ADD_FAILURE() << "item " << i + 1 << ": " << d;
    }
    figures << f.name << '\t' << f.items.size() << '\t' << out.items.size() << '\t' << exact << '\t'
            << out.skipped.size() << '\t' << out.needs_review.size() << '\n';
  }
  if (const char* path = std::getenv("LIBTRACKER_FIDELITY_OUT")) {
    std::ofstream file(path);
    file << figures.str();
  }
}

TEST(ImportFixtures, TheWikiExportImportsAsCsvToo) {
  // The same file through the CSV importer (strict): the same items.
  const std::vector<ActionItem> items =
      parse_items(read_file(data("wiki_tracker_export.csv")), Format::csv, date(2017, 6, 15));
  ASSERT_EQ(items.size(), 5u);
  EXPECT_EQ(items[0].text,
            "Draft the terms of reference for the subteams and circulate to the RT.");
  EXPECT_EQ(items[2].owners, (Names{"Denise Michel", "Žarko Kecić"}));
  EXPECT_EQ(items[2].closed, date(2017, 6, 27));
  EXPECT_EQ(items[4].owners, (Names{"Staff"}));
}

TEST(ImportFixtures, BadDocumentsAreReportedNotImportedAsGarbage) {
  // Documents are never refused for their shape (only for bytes that are not text): every
  // problem is in skipped, with its line, and what is imported keeps the invariants.
  std::size_t cases = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::string(LIBTRACKER_DATA_DIR) + "/bad/minutes")) {
    const std::string name = entry.path().filename().string();
    SCOPED_TRACE(name);
    ++cases;
    const std::string text = read_file(entry.path().string());
    const Document doc = read_text_document(text, name);
    ExtractOptions options;
    options.today = date(2019, 6, 4);
    const ImportOutcome out = extract_action_items(doc, options);
    EXPECT_EQ(invariants::first_violation(doc, out), "");
    ASSERT_FALSE(out.skipped.empty()) << "nothing reported";
    const std::size_t lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
    for (const SkippedLine& s : out.skipped) {
      EXPECT_GE(s.line, 1u) << s.reason;
      EXPECT_LE(s.line, lines) << s.reason;
      EXPECT_FALSE(s.reason.empty());
    }
    Store store;
    store.set_today(date(2019, 6, 4));
    ImportOptions import;
    import.format = Format::minutes;
    import.source = name;
    const ImportResult result = import_text(store, text, import);
    EXPECT_EQ(result.added.size(), out.items.size());
    EXPECT_EQ(static_cast<std::size_t>(store.count()), out.items.size());
    EXPECT_EQ(result.skipped.size(), out.skipped.size());
  }
  EXPECT_GE(cases, 6u);
}
