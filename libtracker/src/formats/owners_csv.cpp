// Owners lists as CSV: the directory that gives owners their addresses, initials and groups.

#include "libtracker/owners_csv.hpp"

#include <algorithm>
#include <optional>

#include "formats/csv_format.hpp"
#include "libtracker/email_address.hpp"
#include "libtracker/error.hpp"
#include "libtracker/store.hpp"
#include "libtracker/text.hpp"
#include "text/text_util.hpp"

namespace libtracker {
namespace {

enum class OwnerColumn { name, email, initials, groups, other };

OwnerColumn owner_column(std::string_view header) {
  const std::string h = detail::lower(detail::trim(header));
  if (h == "name" || h == "owner" || h == "owner name") return OwnerColumn::name;
  if (h == "email" || h == "e-mail" || h == "mail" || h == "email address" || h == "e-mail address")
    return OwnerColumn::email;
  if (h == "initials") return OwnerColumn::initials;
  if (h == "groups" || h == "group") return OwnerColumn::groups;
  return OwnerColumn::other;
}

std::vector<std::string> split_groups(std::string_view cell) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = std::min(cell.find_first_of(";,", start), cell.size());
    const std::string name(detail::trim(cell.substr(start, end - start)));
    if (!name.empty()) out.push_back(name);
    if (end == cell.size()) break;
    start = end + 1;
  }
  return out;
}

}  // namespace

std::vector<OwnerRecord> parse_owners_csv(std::string_view text, const std::string& source) {
  const std::vector<detail::CsvRecord> records = detail::read_csv(text, source);
  if (records.empty()) return {};
  std::vector<OwnerColumn> columns;
  std::optional<std::size_t> name_column;
  for (const std::string& header : records.front().fields) {
    columns.push_back(owner_column(header));
    if (columns.back() == OwnerColumn::name && !name_column) name_column = columns.size() - 1;
  }
  if (!name_column) {
    throw ParseError("no \"name\" column (expected name,email,initials,groups)",
                     join(records.front().fields, ","), 0, source, records.front().line);
  }
  std::vector<OwnerRecord> out;
  for (std::size_t r = 1; r < records.size(); ++r) {
    const detail::CsvRecord& record = records[r];
    OwnerRecord owner;
    owner.line = record.line;
    for (std::size_t c = 0; c < record.fields.size(); ++c) {
      const std::string& cell = record.fields[c];
      switch (columns[c]) {
        case OwnerColumn::name:
          if (owner.name.empty()) owner.name = std::string(detail::trim(cell));
          break;
        case OwnerColumn::email:
          if (!detail::trim(cell).empty()) {
            try {
              owner.email = parse_email_address(cell);
            } catch (const ParseError& e) {
              throw e.at_line(source, record.line);
            }
          }
          break;
        case OwnerColumn::initials:
          owner.initials = std::string(detail::trim(cell));
          break;
        case OwnerColumn::groups:
          for (std::string& g : split_groups(cell)) owner.groups.push_back(std::move(g));
          break;
        case OwnerColumn::other:
          break;
      }
    }
    if (owner.name.empty())
      throw ParseError("row without a name", record.fields.at(*name_column), 0, source,
                       record.line);
    for (const std::string& g : owner.groups)
      if (detail::iequals(g, owner.name))
        throw ParseError("an owner cannot be a member of itself", g, 0, source, record.line);
    out.push_back(std::move(owner));
  }
  return out;
}

namespace {

/// True when @p group exists and has @p member among its members.
bool is_member(const Store& store, const std::string& group, const std::string& member) {
  try {
    const Owner g = store.owner(group);
    return std::any_of(g.members.begin(), g.members.end(),
                       [&](const std::string& m) { return detail::iequals(m, member); });
  } catch (const NotFoundError&) {
    return false;
  }
}

}  // namespace

OwnersImportResult import_owners_csv(Store& store, std::string_view text,
                                     const std::string& source) {
  const std::vector<OwnerRecord> records = parse_owners_csv(text, source);
  OwnersImportResult result;
  store.atomically([&] {
    for (const OwnerRecord& record : records) {
      std::optional<Owner> before;
      try {
        before = store.owner(record.name);
      } catch (const NotFoundError&) {
      }
      const bool joins =
          std::any_of(record.groups.begin(), record.groups.end(),
                      [&](const std::string& g) { return !is_member(store, g, record.name); });
      Owner now = store.add_owner(record.name, record.initials);
      if (!record.email.empty()) now = store.set_owner_email(now.name, record.email);
      for (const std::string& group : record.groups) store.add_member(group, now.name);
      if (!before)
        result.added.push_back(now.name);
      else if (before->email != now.email || before->initials != now.initials || joins)
        result.updated.push_back(now.name);
      else
        result.unchanged.push_back(now.name);
    }
  });
  return result;
}

}  // namespace libtracker
