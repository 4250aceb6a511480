// Reminders: Tracker.reminders(), Reminder and Reminders, reminder_message() and MailMessage,
// the record of reminders sent and the database's settings.

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <boost/date_time/gregorian/gregorian.hpp>

#include "bindings.hpp"
#include "casters.hpp"
#include "libtracker/mail.hpp"
#include "libtracker/reminders.hpp"
#include "libtracker/render.hpp"
#include "libtracker/text.hpp"
#include "tracker.hpp"

namespace libtracker::python {
namespace {

std::vector<ActionItem> items_of(const std::vector<ReportEntry>& entries) {
  std::vector<ActionItem> out;
  out.reserve(entries.size());
  for (const ReportEntry& e : entries) out.push_back(e.item);
  return out;
}

/// A Reminder together with the Reminders it belongs to (the day and the window), so that it
/// can render and become a message on its own.
struct PersonReminder {
  std::shared_ptr<const Reminders> all;
  const Reminder* reminder;
};

std::vector<PersonReminder> people(const std::shared_ptr<const Reminders>& all,
                                   const std::vector<Reminder>& list) {
  std::vector<PersonReminder> out;
  for (const Reminder& r : list) out.push_back({all, &r});
  return out;
}

Mailbox mailbox_arg(const std::string& text) {
  return text.empty() ? Mailbox{} : parse_mailbox(text);
}

}  // namespace

void bind_remind(py::module_& m) {
  using namespace pybind11::literals;

  // Before Reminder, whose to_message() returns one: its signature names the Python class.
  py::class_<MailMessage>(m, "MailMessage", "A reminder as an RFC 5322 message.")
      .def_property_readonly("to_name", [](const MailMessage& x) { return x.to.name; })
      .def_property_readonly("to_address", [](const MailMessage& x) { return x.to.address; })
      .def_readonly("sender", &MailMessage::sender)
      .def_readonly("subject", &MailMessage::subject)
      .def_readonly("message_id", &MailMessage::message_id)
      .def_readonly("text", &MailMessage::text)
      .def_readonly("html", &MailMessage::html)
      .def(
          "as_bytes", [](const MailMessage& x) { return py::bytes(x.data); },
          "The whole message (ASCII, CRLF line ends), as smtplib and email.message_from_bytes "
          "take it.")
      .def("__repr__", [](const MailMessage& x) {
        return "MailMessage(to=" + py::repr(py::str(x.to.address)).cast<std::string>() + ")";
      });

  py::class_<PersonReminder>(m, "Reminder",
                             "One person's reminder: their items by section as of the day.")
      .def_property_readonly("name", [](const PersonReminder& p) { return p.reminder->name; })
      .def_property_readonly("address", [](const PersonReminder& p) { return p.reminder->address; })
      .def_property_readonly(
          "overdue", [](const PersonReminder& p) { return items_of(p.reminder->overdue); },
          "Open items due before the day, by due date.")
      .def_property_readonly(
          "days_overdue",
          [](const PersonReminder& p) {
            py::dict out;
            for (const ReportEntry& e : p.reminder->overdue)
              out[py::int_(e.item.id)] = e.days_overdue;
            return out;
          },
          "Days late of each overdue item, by id.")
      .def_property_readonly(
          "due_soon", [](const PersonReminder& p) { return items_of(p.reminder->due_soon); },
          "Open items due from the day to Reminders.due_until.")
      .def_property_readonly(
          "no_due_date", [](const PersonReminder& p) { return items_of(p.reminder->no_due_date); })
      .def_property_readonly(
          "later", [](const PersonReminder& p) { return items_of(p.reminder->later); },
          "Open items due after Reminders.due_until.")
      .def_property_readonly(
          "closed", [](const PersonReminder& p) { return items_of(p.reminder->closed); },
          "Items closed since the last reminder (else in the 7 days up to the day).")
      .def_property_readonly("last_reminder",
                             [](const PersonReminder& p) { return p.reminder->last_reminder; })
      .def_property_readonly("already_sent",
                             [](const PersonReminder& p) { return p.reminder->already_sent; })
      .def_property_readonly("open_count",
                             [](const PersonReminder& p) { return p.reminder->open_count(); })
      .def_property_readonly("item_ids",
                             [](const PersonReminder& p) { return p.reminder->item_ids(); })
      .def(
          "to_text",
          [](const PersonReminder& p, std::size_t width) {
            RenderOptions options;
            options.width = width;
            return render_reminder_text(*p.all, *p.reminder, options);
          },
          py::kw_only(), "width"_a = 100, "The plain-text form (the message's text part).")
      .def(
          "to_html",
          [](const PersonReminder& p) { return render_reminder_html(*p.all, *p.reminder); },
          "The HTML document (the message's HTML part).")
      .def(
          "to_message",
          [](const PersonReminder& p, const std::string& sender, const std::string& reply_to,
             const std::string& subject_prefix, std::optional<boost::posix_time::ptime> date) {
            MailOptions options;
            options.from = parse_mailbox(sender);
            options.reply_to = mailbox_arg(reply_to);
            options.subject_prefix = subject_prefix;
            const boost::posix_time::ptime at =
                date.value_or(boost::posix_time::second_clock::universal_time());
            return reminder_message(*p.all, *p.reminder, options, at);
          },
          "sender"_a, py::kw_only(), "reply_to"_a = "", "subject_prefix"_a = "",
          "date"_a = py::none(),
          "The RFC 5322 message (MailMessage) from sender (\"Name <address>\"); date: the Date "
          "header (UTC, default now).")
      .def("__repr__", [](const PersonReminder& p) {
        const Reminder& r = *p.reminder;
        return "Reminder(name=" + py::repr(py::str(r.name)).cast<std::string>() +
               ", open=" + std::to_string(r.open_count()) +
               ", overdue=" + std::to_string(r.overdue.size()) +
               ", due_soon=" + std::to_string(r.due_soon.size()) + ")";
      });

  py::class_<Reminders, std::shared_ptr<Reminders>>(m, "Reminders",
                                                    "The reminders of one day, by person.")
      .def_readonly("as_of", &Reminders::as_of)
      .def_readonly("due_until", &Reminders::due_until)
      .def_readonly("days", &Reminders::days)
      .def_readonly("next_meeting", &Reminders::next_meeting)
      .def_property_readonly(
          "messages", [](const std::shared_ptr<Reminders>& r) { return people(r, r->messages); },
          "One Reminder per person with an address and at least one open item, by name.")
      .def_property_readonly(
          "not_reachable",
          [](const std::shared_ptr<Reminders>& r) { return people(r, r->not_reachable); },
          "People with open items and no e-mail address.")
      .def("__repr__", [](const Reminders& r) {
        return "Reminders(as_of=" + iso_date(r.as_of) +
               ", messages=" + std::to_string(r.messages.size()) +
               ", not_reachable=" + std::to_string(r.not_reachable.size()) + ")";
      });

  py::class_<SentReminder>(m, "SentReminder", "A reminder recorded as sent.")
      .def_readonly("id", &SentReminder::id)
      .def_readonly("day", &SentReminder::day)
      .def_readonly("sent_at", &SentReminder::sent_at)
      .def_readonly("actor", &SentReminder::actor)
      .def_readonly("recipient", &SentReminder::recipient)
      .def_readonly("address", &SentReminder::address)
      .def_readonly("message_id", &SentReminder::message_id)
      .def_readonly("items", &SentReminder::items);

  m.def("encode_header_text", &encode_header_text, "text"_a,
        "text as a header value: itself when printable ASCII, else RFC 2047 encoded words; "
        "ParseError for line breaks and control characters.");

  auto tracker = py::reinterpret_borrow<py::class_<Tracker>>(m.attr("Tracker"));
  tracker
      .def(
          "reminders",
          [](Tracker& t, std::optional<boost::gregorian::date> as_of,
             std::optional<std::vector<std::string>> owners, std::optional<int> days,
             const std::string& series) {
            ReminderOptions options;
            options.days = days;
            if (owners) options.owners = *owners;
            options.series = series;
            return t.run([&](Store& s) {
              return std::make_shared<Reminders>(reminders(s, as_of.value_or(s.today()), options));
            });
          },
          py::kw_only(), "as_of"_a = py::none(), "owners"_a = py::none(), "days"_a = py::none(),
          "series"_a = "",
          "Each person's reminder as of as_of (default today): overdue, due within days "
          "(default: until the next meeting, else 7), no date, later, closed since their last "
          "reminder.")
      .def(
          "record_reminder",
          [](Tracker& t, const std::string& recipient, const std::string& address,
             boost::gregorian::date day, const std::string& message_id,
             const std::vector<ItemId>& items) {
            SentReminder r;
            r.recipient = recipient;
            r.address = address;
            r.day = day;
            r.message_id = message_id;
            r.items = items;
            return t.run([&](Store& s) { return s.record_reminder(r); });
          },
          "recipient"_a, "address"_a, "day"_a, py::kw_only(), "message_id"_a = "",
          "items"_a = std::vector<ItemId>{}, "Records a reminder as sent (now, by the actor).")
      .def(
          "reminders_sent",
          [](Tracker& t, const std::string& recipient) {
            return t.run([&](Store& s) { return s.reminders_sent(recipient); });
          },
          "recipient"_a = "", "The reminders recorded as sent (to recipient), oldest first.")
      .def(
          "setting",
          [](Tracker& t, const std::string& key) {
            return t.run([&](Store& s) { return s.setting(key); });
          },
          "key"_a, "A setting (\"mail.from\"), or None.")
      .def(
          "set_setting",
          [](Tracker& t, const std::string& key, const std::string& value) {
            t.run([&](Store& s) { s.set_setting(key, value); });
          },
          "key"_a, "value"_a, "Sets a setting; \"\" removes it.");
}

}  // namespace libtracker::python
