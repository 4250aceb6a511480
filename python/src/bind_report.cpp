// The weekly report: Tracker.weekly_report() and WeeklyReport with its renderers.

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <boost/date_time/gregorian/gregorian.hpp>

#include "bindings.hpp"
#include "casters.hpp"
#include "libtracker/meeting_pack.hpp"
#include "libtracker/render.hpp"
#include "libtracker/report_layout.hpp"
#include "libtracker/text.hpp"
#include "libtracker/weekly_report.hpp"
#include "tracker.hpp"
#include "values.hpp"

namespace libtracker::python {
namespace {

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
            for (ReportSection s : all_report_sections)
              if (to_string(s) == key) {
                std::vector<ActionItem> items;
                for (const auto& e : r.section(s)) items.push_back(e.item);
                return items;
              }
            throw ParseError("unknown report section", key, 0, "section");
          },
          "key"_a, "The items of one section (\"open\", \"overdue\", ...) as they were on as_of.")
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
