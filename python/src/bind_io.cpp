// Import and export: Tracker.import_text/import_file, export_text/export_file.

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <filesystem>

#include "bindings.hpp"
#include "casters.hpp"
#include "files.hpp"
#include "libtracker/export.hpp"
#include "libtracker/formats.hpp"
#include "libtracker/import.hpp"
#include "query_args.hpp"
#include "tracker.hpp"
#include "values.hpp"

namespace libtracker::python {

namespace {

ImportOptions import_options(Format format, std::optional<boost::gregorian::date> reference,
                             const std::string& source, py::handle meeting, bool day_first,
                             const std::string& time_zone, const std::string& series,
                             bool dry_run) {
  ImportOptions options;
  options.time_zone = time_zone;
  options.series = series;
  options.dry_run = dry_run;
  options.format = format;
  options.reference = reference;
  options.source = source;
  options.meeting = meeting_from_python(meeting);
  options.dates.day_first = day_first;
  return options;
}

/// Fills in event-name lookups from the store unless the caller gave their own.
ImportResult run_import(Store& store, const std::string& text, ImportOptions options) {
  if (!options.dates.event_date) options.dates.event_date = store_date_options(store).event_date;
  return import_text(store, text, options);
}

}  // namespace

void bind_io(py::module_& m) {
  using namespace pybind11::literals;

  py::class_<ImportResult>(m, "ImportResult", "What an import did, by item id.")
      .def_readonly("added", &ImportResult::added)
      .def_readonly("updated", &ImportResult::updated)
      .def_readonly("unchanged", &ImportResult::unchanged)
      .def_readonly("skipped", &ImportResult::skipped,
                    "A SkippedLine for each line of the input that looked like an action but was "
                    "not taken.")
      .def_readonly("needs_review", &ImportResult::needs_review,
                    "A ReviewNote for each item imported without a field its text seems to give.")
      .def_readonly("unknown_columns", &ImportResult::unknown_columns,
                    "Header cells of the input's tables that name nothing the tracker keeps.")
      .def_readonly("reference_date", &ImportResult::reference,
                    "The day relative dates were read against.")
      .def_property_readonly(
          "reference_source",
          [](const ImportResult& r) { return std::string(to_string(r.reference_source)); },
          "Where the reference date came from: \"caller\", \"document\" or \"today\".")
      .def_readonly("dry_run", &ImportResult::dry_run, "True when nothing was written.")
      .def_readonly("items", &ImportResult::items,
                    "The items as read (unsaved), for a dry run; empty otherwise.")
      .def_readonly("meetings_added", &ImportResult::meetings_added,
                    "Ids of the meetings an agenda (or minutes naming their meeting) added.")
      .def_readonly("meetings_updated", &ImportResult::meetings_updated,
                    "Ids of the meetings it updated.")
      .def("__repr__", [](const ImportResult& r) {
        return std::string(r.dry_run ? "ImportResult(dry run, added=" : "ImportResult(added=") +
               std::to_string(r.added.size()) + ", updated=" + std::to_string(r.updated.size()) +
               ", unchanged=" + std::to_string(r.unchanged.size()) +
               ", skipped=" + std::to_string(r.skipped.size()) +
               ", needs_review=" + std::to_string(r.needs_review.size()) + ")";
      });

  auto tracker = py::reinterpret_borrow<py::class_<Tracker>>(m.attr("Tracker"));
  tracker
      .def(
          "import_text",
          [](Tracker& t, const std::string& text, const std::string& format,
             std::optional<boost::gregorian::date> reference_date, const std::string& source,
             py::handle meeting, bool day_first, const std::string& time_zone,
             const std::string& series, bool dry_run) {
            const ImportOptions options =
                import_options(format_from_string(format), reference_date, source, meeting,
                               day_first, time_zone, series, dry_run);
            return t.run([&](Store& s) { return run_import(s, text, options); });
          },
          "text"_a, "format"_a, py::kw_only(), "reference_date"_a = py::none(), "source"_a = "",
          "meeting"_a = py::none(), "day_first"_a = false, "time_zone"_a = "", "series"_a = "",
          "dry_run"_a = false,
          "Imports text in format (\"minutes\", \"agenda\", \"csv\", \"json\", \"taskwarrior\") in "
          "one "
          "transaction; items already stored are updated, not duplicated.")
      .def(
          "import_file",
          [](Tracker& t, const std::filesystem::path& path, std::optional<std::string> format,
             std::optional<boost::gregorian::date> reference_date, py::handle meeting,
             bool day_first, const std::string& time_zone, const std::string& series,
             bool dry_run) {
            // Read as bytes: Word, PowerPoint, Excel and PDF files are binary.
            const std::string content = read_file(path);
            const Format f =
                format ? format_from_string(*format) : format_for_file(content, path.string());
            const ImportOptions options =
                import_options(f, reference_date, path.filename().string(), meeting, day_first,
                               time_zone, series, dry_run);
            return t.run([&](Store& s) { return run_import(s, content, options); });
          },
          "path"_a, "format"_a = py::none(), py::kw_only(), "reference_date"_a = py::none(),
          "meeting"_a = py::none(), "day_first"_a = false, "time_zone"_a = "", "series"_a = "",
          "dry_run"_a = false,
          "Imports a file (text, CSV, JSON, Taskwarrior, or a .docx, .pptx, .xlsx, .pdf or "
          ".html document); the format defaults to what its content, else its extension, says, "
          "and a document holding an agenda grid is an agenda. Minutes are linked to the "
          "meeting given, else to the meeting they name by title and date (created when new).")
      .def(
          "export_text",
          [](Tracker& t, const std::string& format, const py::object& filter,
             const py::kwargs& kwargs) {
            const QueryArgs args(filter, kwargs);
            ExportOptions options;
            options.format = format_from_string(format);
            return t.run(
                [&](Store& s) { return export_items(s, s.find(args.resolve(s)), options); });
          },
          "format"_a, "filter"_a = py::none(),
          "The items matching the filters in format (\"csv\", \"json\", \"taskwarrior\", \"ics\").")
      .def(
          "export_file",
          [](Tracker& t, const std::filesystem::path& path, std::optional<std::string> format,
             const py::object& filter, const py::kwargs& kwargs) {
            const QueryArgs args(filter, kwargs);
            ExportOptions options;
            options.format = format ? format_from_string(*format) : format_for_path(path.string());
            t.run([&](Store& s) {
              write_file(path, export_items(s, s.find(args.resolve(s)), options));
            });
          },
          "path"_a, "format"_a = py::none(), "filter"_a = py::none(),
          "Writes the items matching the filters to path; the format defaults to its extension's.");
}

}  // namespace libtracker::python
