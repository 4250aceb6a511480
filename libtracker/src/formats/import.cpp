// import_text: read everything first, then write it in one transaction, matching items that
// the tracker already has so that next week's version of a list updates instead of adding.
//
// Matching: an item with a ref (item number, uuid) matches the stored item with that ref, else
// a stored item without a ref that has the same text and owners; an item without a ref
// matches a stored item with the same text (trimmed, case-insensitive) and the same owners
// (in any order). A re-import changes only the fields the list gives a value for: an empty
// cell does not erase what the tracker knows.

#include "libtracker/import.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "extract/extractor.hpp"
#include "formats/csv_format.hpp"
#include "formats/format_util.hpp"
#include "formats/imported_item.hpp"
#include "formats/json_format.hpp"
#include "formats/source_document.hpp"
#include "formats/taskwarrior_format.hpp"
#include "libtracker/agenda.hpp"
#include "libtracker/error.hpp"
#include "libtracker/readers.hpp"
#include "libtracker/store.hpp"
#include "libtracker/text.hpp"
#include "store/item_codec.hpp"
#include "text/text_util.hpp"

namespace libtracker {
namespace detail {

void check_imported_text(const ImportedItem& imported, const std::string& source) {
  auto check = [&](const std::string& value, const char* what) {
    const TextProblem problem = find_text_problem(value);
    if (!problem.found()) return;
    const bool nul = value[problem.position] == '\0';
    throw ParseError(std::string(nul ? "NUL byte" : problem.reason) + " in " + what,
                     excerpt(value, problem.position), excerpt_position(problem.position), source,
                     imported.line);
  };
  const ActionItem& item = imported.item;
  check(item.text, "text");
  check(item.details, "details");
  check(item.status_note, "status note");
  check(item.ref, "ref");
  check(item.due.text(), "due date");
  for (const std::string& o : item.owners) check(o, "owner");
  for (const std::string& t : item.tags) check(t, "tag");
  for (const Note& n : imported.notes) {
    check(n.text, "note");
    check(n.author, "note author");
  }
  for (const Event& e : imported.history) {
    check(e.actor, "history actor");
    check(e.old_value, "history value");
    check(e.new_value, "history value");
  }
  // Names and tags may not hold the line breaks that the store keeps for long texts.
  for (const std::string& o : item.owners)
    if (o.find_first_of("\r\n") != std::string::npos)
      throw ParseError("line break in an owner name", excerpt(o, 0), 0, source, imported.line);
  for (const std::string& t : item.tags)
    if (t.find_first_of("\r\n") != std::string::npos)
      throw ParseError("line break in a tag", excerpt(t, 0), 0, source, imported.line);
}

}  // namespace detail

namespace {

using detail::ImportedItem;

/// Every item of @p text (or of @p document, when it was read already), with the lines it came
/// from; ParseErrors name @p source. The outcome's skipped lines, items to review and reference
/// date go to @p outcome.
std::vector<ImportedItem> read_items(std::string_view text, Format format,
                                     const ExtractOptions& extract, const std::string& source,
                                     ImportOutcome* outcome, const Document* document = nullptr) {
  std::vector<ImportedItem> items;
  ImportOutcome meta;
  meta.reference = extract.reference ? *extract.reference : *extract.today;
  meta.reference_source = extract.reference ? ReferenceSource::caller : ReferenceSource::today;
  try {
    switch (format) {
      case Format::csv: {
        detail::Extraction extraction = detail::extract_items(read_csv_document(text, source), [&] {
          ExtractOptions strict = extract;
          strict.strict = true;
          if (!strict.reference) strict.reference = extract.today;
          return strict;
        }());
        items = std::move(extraction.items);
        meta.unknown_columns = std::move(extraction.outcome.unknown_columns);
        break;
      }
      case Format::json:
        items = detail::parse_json_items(text, source);
        break;
      case Format::taskwarrior:
        items = detail::parse_taskwarrior_items(text, source);
        break;
      case Format::minutes:
      case Format::docx:
      case Format::pptx:
      case Format::xlsx:
      case Format::pdf:
      case Format::html: {
        detail::Extraction extraction = detail::extract_items(
            document ? *document : *detail::read_source_document(text, format, source), extract);
        items = std::move(extraction.items);
        meta = std::move(extraction.outcome);
        break;
      }
      case Format::ics:
        throw ParseError("ics is an export format only; import csv, json, taskwarrior or minutes",
                         std::string(), 0, source);
      case Format::agenda:
        throw ParseError("an agenda holds a meeting, not action items; import it into a store",
                         std::string(), 0, source);
    }
  } catch (const ParseError& e) {
    if (e.source() == source) throw;
    throw e.at_line(source, e.line());  // a field parser's error, placed in the file
  }
  for (const ImportedItem& imported : items) detail::check_imported_text(imported, source);
  if (outcome) *outcome = std::move(meta);
  return items;
}

/// Thrown inside the transaction of a dry run so that nothing it wrote is kept.
struct DryRunRollback {};

/// Gives a new item created before today (the list's request date, the meeting's day) a
/// history that starts then, so that a report as of that day shows it; a closed item is
/// closed on its closing day.
ActionItem backdate(Store& store, const ActionItem& added) {
  using boost::posix_time::ptime;
  std::vector<Event> events;
  Event created;
  created.kind = EventKind::created;
  created.at = ptime(added.created);
  created.actor = store.actor();
  created.new_value = added.text;
  created.version = 1;
  if (is_closed(added.state) && added.closed && *added.closed >= added.created) {
    // Created open; closed on its day.
    Event state;
    state.kind = EventKind::changed;
    state.at = ptime(*added.closed);
    state.actor = store.actor();
    state.field = "state";
    state.old_value = std::string(to_string(State::open));
    state.new_value = std::string(to_string(added.state));
    state.version = 2;
    Event closed = state;
    closed.field = "closed";
    closed.old_value.clear();
    closed.new_value = iso_date(*added.closed);
    closed.version = 3;
    events = {created, state, closed};
  } else {
    events = {created};
  }
  store.import_history(added.id, events, {});
  return store.get(added.id);
}

/// Text and owners as compared for matching: trimmed, case-insensitive, owners in any order.
std::string match_key(const std::string& text, const std::vector<std::string>& owners) {
  std::vector<std::string> names;
  for (const std::string& o : owners) names.push_back(detail::lower(detail::trim(o)));
  std::sort(names.begin(), names.end());
  std::string key = detail::lower(detail::trim(text));
  for (const std::string& n : names) key += '\x1f' + n;
  return key;
}

/// The changes that bring @p current to what @p imported says (only the fields it gives).
ItemChanges changes_for(const ActionItem& current, const ImportedItem& imported,
                        const std::optional<MeetingId>& meeting, bool matched_by_ref) {
  using namespace detail;
  const ActionItem& next = imported.item;
  ItemChanges c;
  auto differs = [&](const char* field) {
    return field_value(current, field) != field_value(next, field);
  };
  // Matched by its text, an item keeps its wording: only a ref match can change the text.
  if (matched_by_ref && imported.has(Field::text) && std::string(trim(next.text)) != current.text)
    c.text = next.text;
  if (imported.has(Field::details) && differs("details")) c.details = next.details;
  // Owners change when the set of names does: not for a new order or spelling ("icann org").
  if (imported.has(Field::owners) && match_key("", next.owners) != match_key("", current.owners))
    c.owners = next.owners;
  if (imported.has(Field::due) && next.due != current.due) c.due = next.due;
  if (imported.has(Field::state) && next.state != current.state) c.state = next.state;
  if (imported.has(Field::status_note) && differs("status_note")) c.status_note = next.status_note;
  if (imported.has(Field::tags) && differs("tags")) c.tags = next.tags;
  if (imported.has(Field::impact) && next.impact != current.impact) c.impact = next.impact;
  if (imported.has(Field::effort) && next.effort != current.effort) c.effort = next.effort;
  if (imported.has(Field::ref) && !next.ref.empty() && next.ref != current.ref) c.ref = next.ref;
  if (meeting && current.meeting != meeting) c.meeting = meeting;
  return c;
}

/// Writes @p meeting: over the stored meeting of the same series (or title) and date, else as
/// a new one. Returns its id; @p added tells which.
MeetingId save_meeting(Store& store, Meeting meeting, bool& added) {
  std::optional<Meeting> existing;
  if (!meeting.date.is_special()) {
    existing = store.find_meeting(meeting.series_name(), meeting.date);
    if (!existing) existing = store.find_meeting(meeting.title, meeting.date);
  } else {
    for (const Meeting& m : store.meetings())
      if (m.date.is_special() && detail::iequals(m.title, meeting.title)) existing = m;
  }
  added = !existing;
  if (!existing) return store.add_meeting(meeting).id;
  meeting.id = existing->id;
  store.update_meeting(meeting);
  return meeting.id;
}

ImportResult import_agenda(Store& store, const Document& document, const ImportOptions& options) {
  AgendaOptions agenda;
  agenda.date = options.reference;
  agenda.time_zone = options.time_zone;
  agenda.series = options.series;
  const ParsedAgenda parsed = parse_agenda(document, agenda);
  ImportResult result;
  result.dry_run = options.dry_run;
  result.skipped = parsed.skipped;
  try {
    store.atomically([&] {
      for (const Meeting& m : parsed.meetings) {
        bool added = false;
        const MeetingId id = save_meeting(store, m, added);
        (added ? result.meetings_added : result.meetings_updated).push_back(id);
      }
      if (options.dry_run) throw DryRunRollback{};
    });
  } catch (const DryRunRollback&) {
  }
  return result;
}

/// The meeting minutes or slides are from: the title and date they state (or the reference
/// day given), with the agenda they hold when there is one.
std::optional<Meeting> named_meeting(const Document& doc, const ImportOptions& options) {
  const DocumentHeading heading = document_heading(doc, options.reference);
  if (heading.title.empty() || !heading.date) return std::nullopt;
  Meeting meeting;
  if (has_agenda(doc)) try {
      AgendaOptions agenda;
      agenda.date = heading.date;
      agenda.time_zone = options.time_zone;
      agenda.series = options.series;
      ParsedAgenda parsed = parse_agenda(doc, agenda);
      if (!parsed.meetings.empty()) meeting = std::move(parsed.meetings.front());
    } catch (const ParseError&) {
      // Minutes without a readable agenda still name their meeting.
    }
  meeting.title = heading.title;
  meeting.date = *heading.date;
  if (meeting.place.empty()) meeting.place = heading.place;
  meeting.series = options.series;
  return meeting;
}

/// The agenda item an action item at @p line was raised under: the nearest heading or
/// paragraph before it that is the title of an agenda item.
std::optional<AgendaItemId> agenda_item_at(const Document& doc, const Meeting& meeting,
                                           std::size_t line) {
  std::optional<AgendaItemId> found;
  for (const Block& b : doc.blocks) {
    if (b.position.line >= line) break;
    if (b.kind == BlockKind::table || b.kind == BlockKind::list_item) continue;
    for (const AgendaItem& a : meeting.agenda)
      if (detail::iequals(detail::trim(b.text), a.title)) found = a.id;
  }
  return found;
}

}  // namespace

std::vector<ActionItem> parse_items(std::string_view text, Format format,
                                    boost::gregorian::date reference, const DateOptions& dates,
                                    const std::string& source) {
  const std::string name = source.empty() ? std::string(to_string(format)) : source;
  ExtractOptions extract;
  extract.reference = reference;
  extract.today = reference;
  extract.dates = dates;
  std::vector<ImportedItem> imported = read_items(text, format, extract, name, nullptr);
  std::vector<ActionItem> out;
  out.reserve(imported.size());
  for (ImportedItem& i : imported) out.push_back(std::move(i.item));
  return out;
}

ImportResult import_text(Store& store, std::string_view text, const ImportOptions& options) {
  const std::string source =
      options.source.empty() ? std::string(to_string(options.format)) : options.source;
  // Read once: the agenda check, the items and the meeting the document names all use it.
  std::optional<Document> document;
  try {
    document = detail::read_source_document(text, options.format, source);
  } catch (const ParseError& e) {
    if (e.source() == source) throw;
    throw e.at_line(source, e.line());
  }
  // A document holding an agenda grid is an agenda, whatever its container.
  if (document && (options.format == Format::agenda || has_agenda_grid(*document)))
    return import_agenda(store, *document, options);
  ExtractOptions extract;
  extract.reference = options.reference;
  extract.today = store.today();
  extract.dates = options.dates;
  if (!extract.dates.event_date) {
    const Store* s = &store;
    extract.dates.event_date = [s](std::string_view name) {
      return s->event_date(std::string(name));
    };
  }
  if (options.format == Format::minutes || is_document_format(options.format))
    for (const Owner& o : store.owners()) extract.known_owners.push_back(o.name);
  ImportResult result;
  result.dry_run = options.dry_run;
  // Everything is read before anything is written: a ParseError leaves the store untouched.
  ImportOutcome outcome;
  std::vector<ImportedItem> items =
      read_items(text, options.format, extract, source, &outcome, document ? &*document : nullptr);
  result.skipped = std::move(outcome.skipped);
  result.needs_review = std::move(outcome.needs_review);
  result.unknown_columns = std::move(outcome.unknown_columns);
  result.reference = outcome.reference;
  result.reference_source = outcome.reference_source;
  if (options.dry_run)
    for (const ImportedItem& i : items) result.items.push_back(i.item);
  std::optional<Meeting> meeting_named;
  if (document && !options.meeting) meeting_named = named_meeting(*document, options);

  try {
    store.atomically([&] {
      std::optional<MeetingId> meeting = options.meeting;
      if (meeting_named) {
        bool added = false;
        const std::optional<Meeting> existing =
            store.find_meeting(meeting_named->title, meeting_named->date);
        if (existing && !existing->agenda.empty() && meeting_named->agenda.empty()) {
          meeting = existing->id;  // an agenda imported before is kept
        } else {
          meeting = save_meeting(store, *meeting_named, added);
          (added ? result.meetings_added : result.meetings_updated).push_back(*meeting);
        }
        const Meeting stored_meeting = store.meeting(*meeting);
        for (ImportedItem& imported : items)
          if (const auto a = agenda_item_at(*document, stored_meeting, imported.line))
            imported.item.agenda_item = a;
      }
      // The stored items, indexed once: by ref, and by text and owners.
      std::unordered_map<ItemId, ActionItem> stored;
      std::unordered_map<std::string, ItemId> by_ref;
      std::unordered_map<std::string, std::vector<ItemId>> by_key;
      auto index = [&](const ActionItem& item) {
        if (!item.ref.empty()) by_ref.emplace(item.ref, item.id);
        auto& ids = by_key[match_key(item.text, item.owners)];
        if (std::find(ids.begin(), ids.end(), item.id) == ids.end()) ids.push_back(item.id);
      };
      if (store.count() > 0) {
        for (ActionItem& item : store.find()) {
          index(item);
          const ItemId id = item.id;
          stored.emplace(id, std::move(item));
        }
      }
      bool by_ref_match = false;
      auto match = [&](const ActionItem& item) -> std::optional<ItemId> {
        by_ref_match = false;
        if (!item.ref.empty()) {
          if (const auto it = by_ref.find(item.ref); it != by_ref.end()) {
            by_ref_match = true;
            return it->second;
          }
        }
        const auto it = by_key.find(match_key(item.text, item.owners));
        if (it == by_key.end()) return std::nullopt;
        for (ItemId id : it->second)
          if (item.ref.empty() || stored.at(id).ref.empty()) return id;
        return std::nullopt;
      };

      const std::size_t total = items.size();
      const std::size_t step = std::max<std::size_t>(1, total / 100);
      std::unordered_set<ItemId> seen;  // each item is counted once
      for (std::size_t i = 0; i < total; ++i) {
        ImportedItem& imported = items[i];
        if (const std::optional<ItemId> id = match(imported.item)) {
          ActionItem& current = stored.at(*id);
          // An item keeps the meeting it was raised at unless one is given: next week's slides
          // that list it again do not move it to next week's call.
          ItemChanges changes = changes_for(current, imported, options.meeting, by_ref_match);
          if (imported.item.agenda_item && current.agenda_item != imported.item.agenda_item &&
              (current.meeting == meeting || (changes.meeting && *changes.meeting == meeting)))
            changes.agenda_item = imported.item.agenda_item;
          bool changed = false;
          if (!changes.empty()) {
            ActionItem after = store.update(*id, changes);
            changed = after.version != current.version;
            current = std::move(after);
            index(current);
          }
          if (!imported.notes.empty()) {
            const std::vector<Note> have = store.notes(*id);
            std::vector<Note> fresh;
            for (const Note& n : imported.notes) {
              const bool known = std::any_of(have.begin(), have.end(), [&](const Note& h) {
                return h.text == detail::trim(n.text) && h.at == n.at;
              });
              if (!known) fresh.push_back(n);
            }
            if (!fresh.empty()) {
              store.import_history(*id, {}, fresh);
              changed = true;
            }
          }
          if (seen.insert(*id).second)
            (changed ? result.updated : result.unchanged).push_back(*id);
          else if (changed) {
            // Named twice in the list: a later row that changes it makes it updated.
            const auto at = std::find(result.unchanged.begin(), result.unchanged.end(), *id);
            if (at != result.unchanged.end()) {
              result.unchanged.erase(at);
              result.updated.push_back(*id);
            }
          }
        } else {
          ActionItem item = imported.item;
          if (meeting) item.meeting = meeting;
          ActionItem added = store.add(item);
          if (!imported.history.empty() || !imported.notes.empty())
            store.import_history(added.id, imported.history, imported.notes);
          else if (added.created < store.today())
            added = backdate(store, added);
          result.added.push_back(added.id);
          seen.insert(added.id);
          index(added);
          stored.emplace(added.id, added);
        }
        if (options.progress && ((i + 1) % step == 0 || i + 1 == total))
          options.progress(i + 1, total);
      }
      if (options.dry_run) throw DryRunRollback{};
    });
  } catch (const DryRunRollback&) {
  }
  return result;
}

}  // namespace libtracker
