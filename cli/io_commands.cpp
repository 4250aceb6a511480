// Commands that move lists in and out: import and export.

#include <unistd.h>

#include <boost/date_time/gregorian/gregorian.hpp>
#include <fstream>
#include <iostream>
#include <iterator>
#include <libtracker/error.hpp>
#include <libtracker/export.hpp>
#include <libtracker/filter.hpp>
#include <libtracker/formats.hpp>
#include <libtracker/import.hpp>
#include <libtracker/readers.hpp>
#include <libtracker/text.hpp>
#include <optional>
#include <sstream>

#include "cli.hpp"

namespace tracker_cli {

using namespace libtracker;

std::string read_input(const std::string& path) {
  if (path == "-")
    return std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error("cannot read " + path);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

namespace {

std::string where(std::size_t line, const std::string& part) {
  std::string out = part.empty() ? std::string() : part + ", ";
  return out + (line ? "line " + std::to_string(line) : std::string("-"));
}

/// What an import did (or would do): the counts, the reference date and where it came from,
/// the lines skipped, the items to review, the columns ignored.
void print_import(std::ostream& out, const std::string& source, const ImportResult& result) {
  out << (result.dry_run ? "Would import " : "Imported ") << source << ": " << result.added.size()
      << " added, " << result.updated.size() << " updated, " << result.unchanged.size()
      << " unchanged";
  if (!result.skipped.empty()) out << ", " << result.skipped.size() << " lines skipped";
  if (!result.needs_review.empty()) out << ", " << result.needs_review.size() << " to review";
  if (!result.meetings_added.empty())
    out << ", " << result.meetings_added.size() << " meetings added";
  if (!result.meetings_updated.empty())
    out << ", " << result.meetings_updated.size() << " meetings updated";
  out << ".\n";
  if (!result.reference.is_special()) {
    out << "Reference date: " << iso_date(result.reference);
    switch (result.reference_source) {
      case ReferenceSource::caller:
        out << " (given)";
        break;
      case ReferenceSource::document:
        out << " (stated in the document)";
        break;
      case ReferenceSource::today:
        out << " (today: the document states no date)";
        break;
    }
    out << ".\n";
  }
  if (result.dry_run) {
    out << "Items:\n";
    for (const ActionItem& it : result.items) {
      out << "  " << it.text;
      if (!it.owners.empty()) out << " [" << join(it.owners, ", ") << "]";
      if (!it.due.is_none()) out << " due " << it.due.to_string();
      if (it.state != State::open) out << " (" << to_string(it.state) << ")";
      out << "\n";
    }
  }
  if (!result.skipped.empty()) {
    out << "Skipped:\n";
    for (const SkippedLine& s : result.skipped)
      out << "  " << where(s.line, s.part) << ": " << s.text << " -- " << s.reason << "\n";
  }
  if (!result.needs_review.empty()) {
    out << "Needs review:\n";
    for (const ReviewNote& r : result.needs_review)
      out << "  " << where(r.line, r.part) << ": " << r.text << " -- " << r.reason << "\n";
  }
  if (!result.unknown_columns.empty()) {
    out << "Columns ignored:";
    for (const std::string& c : result.unknown_columns) out << " \"" << c << "\"";
    out << "\n";
  }
}

/// The proposals of a document, numbered as --accept takes them, each with its sentence.
void print_proposals(std::ostream& out, const std::string& source, const Proposals& proposals) {
  out << "Proposed from " << source << ": " << proposals.proposals.size()
      << (proposals.proposals.size() == 1 ? " proposal" : " proposals")
      << "; nothing is written. Accept with --accept N,M or --accept all.\n";
  out << "Reference date: " << iso_date(proposals.reference)
      << (proposals.reference_source == ReferenceSource::caller     ? " (given)"
          : proposals.reference_source == ReferenceSource::document ? " (stated in the document)"
                                                                    : " (today)")
      << ".\n";
  for (std::size_t i = 0; i < proposals.proposals.size(); ++i) {
    const Proposal& p = proposals.proposals[i];
    out << "  " << i + 1 << ". " << to_string(p.kind) << " " << iso_date(p.date);
    if (p.start) out << " " << time_of_day_text(*p.start);
    if (!p.time_zone.empty()) out << " " << p.time_zone;
    out << ": " << p.title;
    std::string owners;
    for (std::size_t o = 0; o < p.owners.size(); ++o) {
      owners += (owners.empty() ? "" : ", ") + p.owners[o];
      if (!p.abbreviations[o].empty()) owners += " (" + p.abbreviations[o] + ")";
    }
    out << " [" << owners << "]";
    if (!p.place.empty()) out << " at " << p.place;
    out << "\n     " << where(p.line, {}) << ": \"" << p.sentence << "\"\n";
  }
}

/// "1,3", "2-4", "all": the proposals chosen (1-based), each once, in the document's order.
std::vector<Proposal> chosen(const Proposals& proposals, const std::string& list) {
  const std::size_t n = proposals.proposals.size();
  std::vector<bool> take(n, false);
  if (list == "all") {
    take.assign(n, true);
  } else {
    std::stringstream in(list);
    std::string part;
    while (std::getline(in, part, ',')) {
      std::size_t from = 0, to = 0;
      const std::size_t dash = part.find('-');
      try {
        from = std::stoul(part.substr(0, dash));
        to = dash == std::string::npos ? from : std::stoul(part.substr(dash + 1));
      } catch (const std::exception&) {
        throw InvalidArgumentError("--accept takes numbers such as 1,3 or 2-4, or all: \"" + part +
                                   "\"");
      }
      if (from < 1 || to > n || from > to)
        throw InvalidArgumentError("--accept " + part + ": there are " + std::to_string(n) +
                                   " proposals");
      for (std::size_t i = from; i <= to; ++i) take[i - 1] = true;
    }
  }
  std::vector<Proposal> out;
  for (std::size_t i = 0; i < n; ++i)
    if (take[i]) out.push_back(proposals.proposals[i]);
  return out;
}

}  // namespace

void add_io_commands(CLI::App& app, Context& ctx,
                     std::vector<std::pair<CLI::App*, Runner>>& commands) {
  struct ImportArgs {
    std::string file, format, ref_date, time_zone, series, accept;
    std::optional<MeetingId> meeting;
    bool dry_run = false, propose = false;
  };
  auto im = std::make_shared<ImportArgs>();
  CLI::App* import =
      app.add_subcommand("import", "Import a list: all of it or nothing; re-imports update");
  import->add_option("file", im->file, "The file (\"-\" for standard input)")->required();
  import
      ->add_option("--format", im->format,
                   "minutes, agenda, csv, json, taskwarrior, docx, pptx, xlsx, pdf or html "
                   "(default: from the file's content, else its name; a document holding an "
                   "agenda grid is an agenda)")
      ->check(CLI::IsMember({"minutes", "agenda", "csv", "json", "taskwarrior", "docx", "pptx",
                             "xlsx", "pdf", "html"}));
  import->add_option("--meeting", im->meeting,
                     "Link the items to this meeting (default: the meeting the document names "
                     "by title and date, created when new)");
  import->add_option("--time-zone", im->time_zone,
                     "Agendas: the time zone of times that name none (Europe/Paris, UTC+02:00)");
  import->add_option("--series", im->series, "Agendas: the meeting series");
  import->add_option("--ref-date", im->ref_date,
                     "The meeting day relative dates are read against (default: the date the "
                     "document states in its first lines, else today)");
  import->add_flag("--dry-run", im->dry_run, "Show what would be imported, without writing");
  CLI::Option* propose = import->add_flag(
      "--propose", im->propose,
      "List the meetings and deadlines the document's prose states (numbered), without writing");
  import
      ->add_option("--accept", im->accept,
                   "Write these of the proposals --propose lists: N,M, N-M or all")
      ->excludes(propose);
  commands.emplace_back(import, [&ctx, im] {
    Store& store = ctx.open(Context::Access::write);
    ImportOptions options;
    const std::string text = read_input(im->file);
    // The content says what a file is (a Word file named .txt is still read as Word); the
    // name decides for text formats; --format overrides both.
    if (!im->format.empty())
      options.format = format_from_string(im->format);
    else if (im->file != "-")
      options.format = format_for_file(text, im->file);
    else if (const std::optional<DocumentFormat> document = detect_document_format(text))
      options.format = format_from_string(to_string(*document));
    else
      throw Error("--format is needed to import standard input");
    if (im->meeting) store.meeting(*im->meeting);  // NotFoundError before anything is read
    options.meeting = im->meeting;
    options.time_zone = im->time_zone;
    options.series = im->series;
    if (!im->ref_date.empty()) options.reference = ctx.parse_date(im->ref_date);
    options.dates = ctx.date_options();
    options.source = im->file == "-" ? std::string("stdin") : im->file;
    options.dry_run = im->dry_run;
    ProgressBar bar("Importing");
    if (bar.active())
      options.progress = [&bar](std::size_t done, std::size_t total) { bar.update(done, total); };
    if (im->propose || !im->accept.empty()) {
      const Proposals proposals = propose_text(text, options);
      if (im->propose) {
        print_proposals(std::cout, options.source, proposals);
        return;
      }
      const std::vector<Proposal> accepted = chosen(proposals, im->accept);
      const ImportResult result = accept_proposals(store, accepted);
      std::cout << "Accepted " << accepted.size() << " of " << proposals.proposals.size()
                << " proposals from " << options.source << ": " << result.meetings_added.size()
                << " meetings added, " << result.meetings_updated.size() << " meetings updated, "
                << result.added.size() << " items added, " << result.unchanged.size()
                << " items unchanged.\n";
      return;
    }
    const ImportResult result = import_text(store, text, options);
    bar.finish();
    print_import(std::cout, options.source, result);
  });

  struct ExportArgs {
    std::string format = "csv", output;
    std::vector<std::string> filter;
  };
  auto ex = std::make_shared<ExportArgs>();
  CLI::App* exp = app.add_subcommand(
      "export", "Write items (all, or those matching a filter) to stdout or a file");
  exp->add_option("filter", ex->filter, "A filter, as for list");
  exp->add_option("--format", ex->format, "csv, json, ics or taskwarrior")
      ->check(CLI::IsMember({"csv", "json", "ics", "taskwarrior"}));
  exp->add_option("-o,--output", ex->output, "Write to this file instead of stdout");
  commands.emplace_back(exp, [&ctx, ex] {
    Store& store = ctx.open(Context::Access::read);
    const Query query = parse_filter(join_filter(ex->filter), ctx.today, ctx.date_options());
    ExportOptions options;
    options.format = format_from_string(ex->format);
    const std::vector<ActionItem> items = store.find(query);
    write_output(ex->output, export_items(store, items, options));
    if (!ex->output.empty() && ex->output != "-")
      std::cerr << "Exported " << items.size() << " items to " << ex->output << ".\n";
  });
}

}  // namespace tracker_cli
