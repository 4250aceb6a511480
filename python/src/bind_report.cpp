// The weekly report: Tracker.weekly_report() and WeeklyReport with its renderers.

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <boost/date_time/gregorian/gregorian.hpp>

#include "bindings.hpp"
#include "casters.hpp"
#include "columns.hpp"
#include "libtracker/meeting_pack.hpp"
#include "libtracker/render.hpp"
#include "libtracker/report_layout.hpp"
#include "libtracker/text.hpp"
#include "libtracker/weekly_report.hpp"
#include "tracker.hpp"
#include "values.hpp"

namespace libtracker::python {
namespace {

/// A section's row as Python sees it: the item itself (every ActionItem attribute reads as on
/// the item) with the fields of C++'s ReportEntry beside it and the section it is in.
struct SectionRow : ActionItem {
  SectionRow(ReportSection section, const ReportEntry& entry)
      : ActionItem(entry.item),
        section(section),
        overdue(entry.overdue),
        days_overdue(entry.days_overdue),
        old_due(entry.old_due),
        new_due(entry.new_due) {}

  ReportSection section;
  bool overdue;
  int days_overdue;
  std::optional<boost::gregorian::date> old_due;
  std::optional<boost::gregorian::date> new_due;
};

std::string section_key(ReportSection s) { return std::string(to_string(s)); }

ReportSection section_from_key(const std::string& key) {
  for (ReportSection s : all_report_sections)
    if (to_string(s) == key) return s;
  throw ParseError("unknown report section", key, 0, "section");
}

/// The row's to_dict(): the item's, plus the fields its section has in the report's JSON form.
py::dict row_to_dict(const SectionRow& row) {
  py::dict d = item_to_dict(row);
  d["overdue"] = row.overdue;
  if (row.section == ReportSection::overdue) d["days_overdue"] = row.days_overdue;
  if (row.section == ReportSection::slipped) {
    auto iso = [](const std::optional<boost::gregorian::date>& day) -> py::object {
      return day ? py::object(py::str(iso_date(*day))) : py::object(py::none());
    };
    d["old_due"] = iso(row.old_due);
    d["new_due"] = iso(row.new_due);
  }
  return d;
}

/// Every entry of every section as columns, for WeeklyReport.to_dataframe(): the columns of
/// Tracker._columns() (without copying numbers and dates) plus section, agenda_item, overdue,
/// days_overdue (in the overdue section; 0 elsewhere, as in the CSV form), old_due and new_due.
py::dict report_columns(const WeeklyReport& report) {
  std::size_t rows = 0;
  for (ReportSection s : all_report_sections) rows += report.section(s).size();
  TextColumn section, text, details, owners, due_text, status_note, tags;
  std::vector<std::int64_t> id, due, meeting, agenda_item, created, closed, version, days_overdue,
      old_due, new_due;
  std::vector<std::int8_t> state, impact, effort;
  std::vector<bool> overdue;
  for (auto* column : {&id, &due, &meeting, &agenda_item, &created, &closed, &version,
                       &days_overdue, &old_due, &new_due})
    column->reserve(rows);
  auto joined = [](const std::vector<std::string>& names) {
    std::string out;
    for (const std::string& name : names) out += (out.empty() ? "" : "; ") + name;
    return out;
  };
  auto rating = [](const std::optional<Rating>& r) {
    return static_cast<std::int8_t>(r ? static_cast<int>(*r) : -1);
  };
  for (ReportSection s : all_report_sections) {
    for (const ReportEntry& e : report.section(s)) {
      const ActionItem& item = e.item;
      section.push_back(to_string(s));
      id.push_back(item.id);
      text.push_back(item.text);
      details.push_back(item.details);
      owners.push_back(joined(item.owners));
      due.push_back(item.due.has_date() ? day_number(item.due.date()) : ItemTable::no_date);
      due_text.push_back(item.due.is_none() ? std::string() : item.due.to_string());
      state.push_back(static_cast<std::int8_t>(item.state));
      status_note.push_back(item.status_note);
      tags.push_back(joined(item.tags));
      meeting.push_back(item.meeting ? static_cast<std::int64_t>(*item.meeting) : -1);
      agenda_item.push_back(item.agenda_item ? static_cast<std::int64_t>(*item.agenda_item) : -1);
      impact.push_back(rating(item.impact));
      effort.push_back(rating(item.effort));
      created.push_back(day_number(item.created));
      closed.push_back(day_number(item.closed));
      version.push_back(item.version);
      overdue.push_back(e.overdue);
      days_overdue.push_back(s == ReportSection::overdue ? e.days_overdue : 0);
      old_due.push_back(day_number(e.old_due));
      new_due.push_back(day_number(e.new_due));
    }
  }
  const py::dtype int64("int64"), int8("int8"), day("datetime64[D]");
  py::array_t<bool> overdue_column(static_cast<py::ssize_t>(overdue.size()));
  for (std::size_t i = 0; i < overdue.size(); ++i)
    overdue_column.mutable_at(static_cast<py::ssize_t>(i)) = overdue[i];
  py::dict columns;
  columns["section"] = strings(section, true);
  columns["id"] = adopt(std::move(id), int64);
  columns["text"] = strings(text, false);
  columns["details"] = strings(details, true);
  columns["owners"] = strings(owners, true);
  columns["due"] = adopt(std::move(due), day);
  columns["due_text"] = strings(due_text, true);
  columns["state"] = adopt(std::move(state), int8);
  columns["status_note"] = strings(status_note, true);
  columns["tags"] = strings(tags, true);
  columns["meeting"] = adopt(std::move(meeting), int64);
  columns["agenda_item"] = adopt(std::move(agenda_item), int64);
  columns["impact"] = adopt(std::move(impact), int8);
  columns["effort"] = adopt(std::move(effort), int8);
  columns["created"] = adopt(std::move(created), day);
  columns["closed"] = adopt(std::move(closed), day);
  columns["version"] = adopt(std::move(version), int64);
  columns["overdue"] = std::move(overdue_column);
  columns["days_overdue"] = adopt(std::move(days_overdue), int64);
  columns["old_due"] = adopt(std::move(old_due), day);
  columns["new_due"] = adopt(std::move(new_due), day);
  return columns;
}

py::dict counts_dict(const ReportCounts& counts) {
  py::dict d;
  for (ReportSection s : all_report_sections) {
    const auto key = to_string(s);
    d[py::str(key.data(), key.size())] = counts.of(s);
  }
  return d;
}

RenderOptions render_options(const std::optional<std::string>& group_by, std::size_t page_size,
                             bool show_ids) {
  RenderOptions options;
  if (group_by) options.layout.group_by = group_by_from_string(*group_by);
  options.layout.page_size = page_size;
  options.show_ids = show_ids;
  return options;
}

/// Renders without holding the GIL: a report of thousands of rows takes a while.
template <class Render>
std::string rendered(const WeeklyReport& report, Render&& render) {
  py::gil_scoped_release nogil;
  return render(report);
}

}  // namespace

void bind_report(py::module_& m) {
  using namespace pybind11::literals;

  py::class_<SectionRow, ActionItem>(
      m, "ReportEntry",
      "One row of a report section: the item as it was on the report day (every ActionItem "
      "attribute), with the section's fields overdue, days_overdue, old_due and new_due.")
      .def_property_readonly(
          "section", [](const SectionRow& r) { return section_key(r.section); },
          "The key of the section the row is in (\"open\", \"overdue\", ...).")
      .def_property_readonly(
          "item", [](const SectionRow& r) { return static_cast<const ActionItem&>(r); },
          "The item alone, as an ActionItem (a copy).")
      .def_readonly("overdue", &SectionRow::overdue,
                    "Open with a due date before the report day (in every section).")
      .def_readonly("days_overdue", &SectionRow::days_overdue, "as_of - due when overdue, else 0.")
      .def_readonly("old_due", &SectionRow::old_due,
                    "Slipped rows: the due date before the first move in the period; else None.")
      .def_readonly("new_due", &SectionRow::new_due,
                    "Slipped rows: the due date on as_of; else None.")
      .def("to_dict", &row_to_dict,
           "The item's to_dict() plus its section's fields, as an entry of the report's "
           "to_dict().")
      .def("__repr__", [](const SectionRow& r) {
        std::string out = "ReportEntry(section='" + section_key(r.section) +
                          "', id=" + std::to_string(r.id) +
                          ", text=" + py::repr(py::str(r.text)).cast<std::string>();
        if (r.overdue) out += ", days_overdue=" + std::to_string(r.days_overdue);
        if (r.old_due) out += ", old_due=" + iso_date(*r.old_due);
        if (r.new_due) out += ", new_due=" + iso_date(*r.new_due);
        return out + ")";
      });

  py::class_<WeeklyReport>(
      m, "WeeklyReport",
      "The weekly status report, computed once; to_markdown(), to_html(), "
      "to_text(), to_csv(), to_json(), to_dict() and to_dataframe() render it.")
      .def_readonly("as_of", &WeeklyReport::as_of)
      .def_readonly("period_start", &WeeklyReport::period_start)
      .def_readonly("period_end", &WeeklyReport::period_end)
      .def_readonly("period_days", &WeeklyReport::period_days)
      .def_readonly("next_meeting", &WeeklyReport::next_meeting,
                    "The first meeting on or after as_of, with its agenda, or None.")
      .def_property_readonly(
          "counts", [](const WeeklyReport& r) { return counts_dict(r.counts); },
          "Entries per section, by section key.")
      .def_property_readonly(
          "by_owner",
          [](const WeeklyReport& r) {
            py::dict by_owner;
            for (const OwnerCounts& o : r.by_owner)
              by_owner[py::str(o.owner)] = counts_dict(o.counts);
            return by_owner;
          },
          "Counts per section for each owner (an item of two owners counts for both; \"\" holds "
          "the items without owners), in the report's owner order.")
      .def(
          "section",
          [](const WeeklyReport& r, const std::string& key) {
            const ReportSection s = section_from_key(key);
            std::vector<SectionRow> rows;
            for (const ReportEntry& e : r.section(s)) rows.emplace_back(s, e);
            return rows;
          },
          "key"_a,
          "The rows of one section (\"open\", \"overdue\", ...): each is the item as it was "
          "on as_of (a ReportEntry, so an ActionItem) with days_overdue, old_due and new_due.")
      .def(
          "to_markdown",
          [](const WeeklyReport& r, std::optional<std::string> group_by, std::size_t page_size) {
            const auto options = render_options(group_by, page_size, false);
            return rendered(r, [&](const WeeklyReport& x) { return render_markdown(x, options); });
          },
          py::kw_only(), "group_by"_a = py::none(), "page_size"_a = 0,
          "Markdown with pipe tables; group_by \"owner\" or \"state\", page_size rows per page.")
      .def(
          "to_html",
          [](const WeeklyReport& r, std::optional<std::string> group_by, std::size_t page_size) {
            const auto options = render_options(group_by, page_size, false);
            return rendered(r, [&](const WeeklyReport& x) { return render_html(x, options); });
          },
          py::kw_only(), "group_by"_a = py::none(), "page_size"_a = 0,
          "One self-contained HTML document; overdue rows are marked.")
      .def(
          "to_text",
          [](const WeeklyReport& r, std::size_t width) {
            RenderOptions options;
            options.width = width;
            return rendered(r, [&](const WeeklyReport& x) { return render_text(x, options); });
          },
          py::kw_only(), "width"_a = 100, "Plain text for a terminal of width columns.")
      .def(
          "to_csv",
          [](const WeeklyReport& r) {
            return rendered(r, [](const WeeklyReport& x) { return render_csv(x); });
          },
          "One row per item per section (RFC 4180).")
      .def(
          "to_json",
          [](const WeeklyReport& r) {
            return rendered(r, [](const WeeklyReport& x) { return render_json(x); });
          },
          "The JSON form (as_of, period_start, period_end, counts, sections).")
      .def(
          "to_dict",
          [](const WeeklyReport& r) {
            RenderOptions compact;
            compact.json_indent = -1;
            const std::string json =
                rendered(r, [&](const WeeklyReport& x) { return render_json(x, compact); });
            return py::module_::import("json").attr("loads")(json);
          },
          "The JSON form as Python objects; every entry is the item's to_dict() plus its "
          "section's fields.")
      .def("_columns", &report_columns,
           "Every entry of every section as a dict of numpy arrays, for to_dataframe() (the "
           "codes of Tracker._columns(); agenda_item -1 for none).")
      .def(
          "to_dataframe",
          [](const py::object& self) {
            return py::module_::import("libtracker._report").attr("report_dataframe")(self);
          },
          "One row per item per section, with a \"section\" column (needs pandas).")
      .def("_repr_html_",
           [](const WeeklyReport& r) {
             RenderOptions options;
             options.html_fragment = true;  // the notebook is the page; styles stay scoped
             return rendered(r, [&](const WeeklyReport& x) { return render_html(x, options); });
           })
      .def("__repr__", [](const WeeklyReport& r) {
        return "WeeklyReport(as_of=" + iso_date(r.as_of) +
               ", open=" + std::to_string(r.counts.open) +
               ", overdue=" + std::to_string(r.counts.overdue) + ")";
      });

  py::class_<MeetingPack>(
      m, "MeetingPack",
      "The pack for a meeting: its agenda, the previous meeting's actions and the open items in "
      "pages, as of the meeting's day; to_markdown(), to_html(), to_text(), to_csv(), to_json() "
      "and to_dict() render it, to_pptx() writes slides.")
      .def_readonly("meeting", &MeetingPack::meeting)
      .def_readonly("as_of", &MeetingPack::as_of)
      .def_readonly("previous", &MeetingPack::previous)
      .def_property_readonly(
          "previous_actions",
          [](const MeetingPack& p) {
            std::vector<ActionItem> items;
            for (const auto& e : p.previous_actions) items.push_back(e.item);
            return items;
          },
          "The items raised at the previous meeting, as they are on as_of.")
      .def_property_readonly(
          "pages",
          [](const MeetingPack& p) {
            py::list pages;
            for (const ReportPage& page : p.open_pages) {
              py::list rows;
              for (const ReportGroup& g : page.groups)
                for (const ReportEntry& e : g.rows) rows.append(py::make_tuple(e.item, e.overdue));
              pages.append(py::make_tuple(page.title, rows));
            }
            return pages;
          },
          "(title, [(item, overdue), ...]) for each \"Review Open Action Items (k of N)\" page.")
      .def_readonly("open_count", &MeetingPack::open_count)
      .def_readonly("overdue_count", &MeetingPack::overdue_count)
      .def("to_markdown",
           [](const MeetingPack& p) {
             py::gil_scoped_release nogil;
             return render_markdown(p);
           })
      .def(
          "to_html",
          [](const MeetingPack& p, bool fragment) {
            RenderOptions options;
            options.html_fragment = fragment;
            py::gil_scoped_release nogil;
            return render_html(p, options);
          },
          py::kw_only(), "fragment"_a = false,
          "One HTML document, each section on its own printed page.")
      .def(
          "to_text",
          [](const MeetingPack& p, std::size_t width) {
            RenderOptions options;
            options.width = width;
            py::gil_scoped_release nogil;
            return render_text(p, options);
          },
          py::kw_only(), "width"_a = 100)
      .def("to_csv",
           [](const MeetingPack& p) {
             py::gil_scoped_release nogil;
             return render_csv(p);
           })
      .def("to_json",
           [](const MeetingPack& p) {
             py::gil_scoped_release nogil;
             return render_json(p);
           })
      .def("to_dict",
           [](const MeetingPack& p) {
             RenderOptions compact;
             compact.json_indent = -1;
             std::string json;
             {
               py::gil_scoped_release nogil;
               json = render_json(p, compact);
             }
             return py::module_::import("json").attr("loads")(json);
           })
      .def(
          "to_pptx",
          [](const py::object& self, const py::object& path) {
            return py::module_::import("libtracker._pptx").attr("write_pack")(self, path);
          },
          "path"_a, "Writes the pack as PowerPoint slides (needs the pptx extra: python-pptx).")
      .def("_repr_html_",
           [](const MeetingPack& p) {
             RenderOptions options;
             options.html_fragment = true;
             py::gil_scoped_release nogil;
             return render_html(p, options);
           })
      .def("__repr__", [](const MeetingPack& p) {
        return "MeetingPack(meeting=" + std::to_string(p.meeting.id) +
               ", as_of=" + iso_date(p.as_of) + ", pages=" + std::to_string(p.open_pages.size()) +
               ")";
      });

  auto tracker = py::reinterpret_borrow<py::class_<Tracker>>(m.attr("Tracker"));
  tracker.def(
      "meeting_pack",
      [](Tracker& t, py::handle meeting, std::size_t page_size) {
        const std::optional<MeetingId> id = meeting_from_python(meeting);
        if (!id) throw py::type_error("meeting_pack needs a meeting id or a Meeting");
        PackLayout layout;
        layout.page_size = page_size;
        return t.run([&](Store& s) { return meeting_pack(s, *id, layout); });
      },
      "meeting"_a, py::kw_only(), "page_size"_a = 10,
      "The pack for a meeting (an id or a Meeting) as of its day.");
  tracker.def(
      "weekly_report",
      [](Tracker& t, std::optional<boost::gregorian::date> as_of, int period_days) {
        return t.run(
            [&](Store& s) { return weekly_report(s, as_of.value_or(s.today()), period_days); });
      },
      py::kw_only(), "as_of"_a = py::none(), "period_days"_a = 7,
      "The weekly status report for as_of (default today) over the period_days days ending on "
      "it; a past day gives exactly what the report said then.");
}

}  // namespace libtracker::python
