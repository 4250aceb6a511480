// tracker report weekly: the weekly status report in any of its forms.

#include <iostream>
#include <libtracker/error.hpp>
#include <libtracker/render.hpp>
#include <libtracker/weekly_report.hpp>

#include "cli.hpp"

namespace tracker_cli {

using namespace libtracker;

void add_report_commands(CLI::App& app, Context& ctx,
                         std::vector<std::pair<CLI::App*, Runner>>& commands) {
  CLI::App* report = app.add_subcommand("report", "Reports");
  report->require_subcommand(1);
  struct WeeklyArgs {
    std::string as_of, group_by = "none", format = "text", output;
    int period = 7;
    std::size_t page_size = 0;
  };
  auto args = std::make_shared<WeeklyArgs>();
  CLI::App* weekly = report->add_subcommand("weekly", "The weekly status report");
  weekly->add_option("--as-of", args->as_of, "The report day (default: today)");
  weekly->add_option("--period", args->period, "Days in the period ending on the report day")
      ->check(CLI::Range(1, 3660));
  weekly->add_option("--group-by", args->group_by, "Group the open table by owner or state")
      ->check(CLI::IsMember({"none", "owner", "state"}));
  weekly->add_option("--page-size", args->page_size,
                     "Rows per page of the open table (0: one page)");
  weekly->add_option("--format", args->format, "text, md, html, csv or json")
      ->check(CLI::IsMember({"text", "txt", "md", "markdown", "html", "csv", "json"}));
  weekly->add_option("-o,--output", args->output, "Write to this file instead of stdout");
  commands.emplace_back(weekly, [&ctx, args] {
    Store& store = ctx.open(Context::Access::read);
    const boost::gregorian::date as_of =
        args->as_of.empty() ? ctx.today : ctx.parse_date(args->as_of);
    const ReportFormat format = report_format_from_string(args->format);
    RenderOptions options;
    options.layout.group_by = group_by_from_string(args->group_by);
    options.layout.page_size = args->page_size;
    const bool to_stdout = args->output.empty() || args->output == "-";
    options.width = to_stdout ? terminal_width() : 100;
    options.show_ids = format == ReportFormat::text;
    const WeeklyReport r = weekly_report(store, as_of, args->period);
    write_output(args->output, render(r, format, options));
  });
}

}  // namespace tracker_cli
