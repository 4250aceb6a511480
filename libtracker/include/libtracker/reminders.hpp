#pragma once
/// @file reminders.hpp
/// Reminders before a call: per person, their items as of a day (overdue, due soon, open
/// without a date, open and due later, closed since their last reminder), computed once, as
/// data, from the weekly report. Rendering is in render.hpp, messages and sending in mail.hpp.

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "libtracker/meeting.hpp"
#include "libtracker/weekly_report.hpp"

namespace libtracker {

class Store;

/// What to remind about.
struct ReminderOptions {
  /// Items due from the reminder day to this many days after it count as due soon; unset:
  /// until the next meeting after the day (Store::next_meeting) when one is known, else 7.
  std::optional<int> days;
  /// The series whose next meeting sets the window ("SSR2 Plenary"); empty: any meeting.
  std::string series;
  /// Only these people (names, case-insensitive; a group stands for its members); empty: all.
  std::vector<std::string> owners;
};

/// One person's reminder.
struct Reminder {
  /// The person's name as stored.
  std::string name;
  /// Their e-mail address; empty when none is known (see Reminders::not_reachable).
  std::string address;
  /// Open, due before the day (days_overdue set), by due date.
  std::vector<ReportEntry> overdue;
  /// Open, due from the day to Reminders::due_until, by due date.
  std::vector<ReportEntry> due_soon;
  /// Open, TBD or without a date.
  std::vector<ReportEntry> no_due_date;
  /// Open, due after Reminders::due_until.
  std::vector<ReportEntry> later;
  /// Closed (done or cancelled) after the day of their last reminder (else in the 7 days up
  /// to the day), by closed date.
  std::vector<ReportEntry> closed;
  /// The day of the last reminder recorded for them before this one, if any.
  std::optional<boost::gregorian::date> last_reminder;
  /// True when a reminder for this day was already recorded as sent to them.
  bool already_sent = false;

  /// Every open item of theirs: overdue + due_soon + no_due_date + later.
  std::size_t open_count() const noexcept;
  /// The ids of every item listed, in the order shown.
  std::vector<ItemId> item_ids() const;
};

/// The reminders of one day.
struct Reminders {
  boost::gregorian::date as_of{boost::date_time::not_a_date_time};
  /// The last day of the due-soon window (as_of + days).
  boost::gregorian::date due_until{boost::date_time::not_a_date_time};
  int days = 7;
  /// The meeting that set the window, when the window is "until the next meeting".
  std::optional<Meeting> next_meeting;
  /// One per person with an address and at least one open item, by name.
  std::vector<Reminder> messages;
  /// People with open items and no address (groups without members count as people), by
  /// name: listed, never skipped silently.
  std::vector<Reminder> not_reachable;
};

/// The reminders of @p store for @p as_of, from the weekly report of that day (rebuilt from
/// history for a past day). A group's items go to each of its members (recursively); a group
/// without members is reminded like a person. Items without owners are nobody's.
/// @throw InvalidArgumentError for a special @p as_of or days outside 0..3660; NotFoundError for an
/// unknown name in options.owners; StorageError.
Reminders reminders(const Store& store, boost::gregorian::date as_of,
                    const ReminderOptions& options = {});

}  // namespace libtracker
