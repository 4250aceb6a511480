// export_items: one entry point, a writer per format.

#include "libtracker/export.hpp"

#include "formats/csv_format.hpp"
#include "formats/icalendar_format.hpp"
#include "formats/json_format.hpp"
#include "formats/taskwarrior_format.hpp"
#include "libtracker/error.hpp"
#include "libtracker/store.hpp"
#include "store/item_codec.hpp"

namespace libtracker {

std::string export_items(const Store& store, const std::vector<ActionItem>& items,
                         const ExportOptions& options) {
  switch (options.format) {
    case Format::csv:
      return detail::write_csv_items(items);
    case Format::json:
      return detail::write_json_items(store, items);
    case Format::taskwarrior:
      return detail::write_taskwarrior_items(store, items);
    case Format::ics:
      return detail::write_icalendar(store, items, options.calendar_per_owner, options.meetings);
    case Format::minutes:
    case Format::docx:
    case Format::pptx:
    case Format::xlsx:
    case Format::pdf:
    case Format::html:
    case Format::agenda:
      break;
  }
  throw InvalidArgumentError(std::string(to_string(options.format)) +
                             " is an import format only; export as csv, json, taskwarrior or ics");
}

std::string to_json(const ActionItem& item) {
  return detail::item_to_json(item).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace libtracker
