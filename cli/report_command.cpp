// tracker report weekly: the weekly status report in any of its forms; tracker report meeting:
// the pack for a meeting (agenda, the previous meeting's actions, open items in pages).

#include <boost/date_time/gregorian/gregorian.hpp>
#include <iostream>
#include <libtracker/error.hpp>
#include <libtracker/meeting_pack.hpp>
#include <libtracker/render.hpp>
#include <libtracker/report_layout.hpp>
#include <libtracker/text.hpp>
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

  struct MeetingArgs {
    std::string which, series, format = "text", output;
    std::size_t page_size = 10;
  };
  auto margs = std::make_shared<MeetingArgs>();
  CLI::App* meeting = report->add_subcommand(
      "meeting", "The pack for a meeting: agenda, previous meeting's actions, open items");
  meeting->add_option("meeting", margs->which, "A meeting id, or \"next\" (on or after today)")
      ->required();
  meeting->add_option("--series", margs->series, "With next: the next meeting of this series");
  meeting->add_option("--page-size", margs->page_size, "Rows per page of open items at most");
  meeting->add_option("--format", margs->format, "text, md, html, csv or json")
      ->check(CLI::IsMember({"text", "txt", "md", "markdown", "html", "csv", "json"}));
  meeting->add_option("-o,--output", margs->output, "Write to this file instead of stdout");
  commands.emplace_back(meeting, [&ctx, margs] {
    Store& store = ctx.open(Context::Access::read);
    MeetingId id = 0;
    if (margs->which == "next") {
      const auto next = store.next_meeting(ctx.today, margs->series);
      if (!next)
        throw NotFoundError("no meeting on or after " + iso_date(ctx.today) +
                            (margs->series.empty() ? "" : " in the series " + margs->series));
      id = next->id;
    } else {
      try {
        std::size_t used = 0;
        id = std::stoll(margs->which, &used);
        if (used != margs->which.size()) throw std::invalid_argument("trailing text");
      } catch (const std::exception&) {
        throw ParseError("expected a meeting id or \"next\"", margs->which, 0, "meeting");
      }
    }
    const ReportFormat format = report_format_from_string(margs->format);
    PackLayout layout;
    layout.page_size = margs->page_size;
    RenderOptions options;
    const bool to_stdout = margs->output.empty() || margs->output == "-";
    options.width = to_stdout ? terminal_width() : 100;
    options.show_ids = format == ReportFormat::text;
    write_output(margs->output, render(meeting_pack(store, id, layout), format, options));
  });
}

}  // namespace tracker_cli
