// tracker remind: each person's reminder of the day, written as .eml files, sent over SMTP, or
// listed (--dry-run); and tracker config, where the sender of reminders is kept.

#include <boost/date_time/gregorian/gregorian.hpp>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <libtracker/error.hpp>
#include <libtracker/mail.hpp>
#include <libtracker/reminders.hpp>
#include <libtracker/text.hpp>
#include <memory>
#include <optional>
#include <unordered_map>

#include "cli.hpp"

namespace tracker_cli {

using namespace libtracker;

namespace {

/// The settings `tracker config` knows, and how their values are checked.
struct SettingKey {
  const char* key;
  const char* help;
  bool mailbox;
};
constexpr SettingKey setting_keys[] = {
    {"mail.from", "Sender of reminders: \"Name <address>\" or an address", true},
    {"mail.reply_to", "Reply-To of reminders: \"Name <address>\" or an address", true},
    {"mail.subject_prefix", "Put before every reminder's subject (\"[SSR2]\")", false},
};

const SettingKey& setting_key(const std::string& key) {
  for (const SettingKey& k : setting_keys)
    if (key == k.key) return k;
  throw ParseError("unknown setting (mail.from, mail.reply_to, mail.subject_prefix)", key, 0,
                   "setting");
}

std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

/// "2017-06-15-gudrun.poulsen@example.org.eml": addresses are checked ASCII; '/' is the only
/// character of one that a file name cannot hold.
std::string eml_name(const Reminders& all, const MailMessage& m) {
  std::string address = m.to.address;
  for (char& c : address)
    if (c == '/') c = '_';
  return iso_date(all.as_of) + "-" + address + ".eml";
}

std::string counts_line(const Reminder& r) {
  return std::to_string(r.open_count()) + " open, " + std::to_string(r.overdue.size()) +
         " overdue, " + std::to_string(r.due_soon.size()) + " due soon, " +
         std::to_string(r.no_due_date.size()) + " without a date, " +
         std::to_string(r.closed.size()) + " closed";
}

}  // namespace

void add_remind_commands(CLI::App& app, Context& ctx,
                         std::vector<std::pair<CLI::App*, Runner>>& commands) {
  struct RemindArgs {
    std::string as_of, out, smtp, from, reply_to, subject_prefix, ca_file, series;
    std::vector<std::string> owners;
    std::optional<int> days;
    bool dry_run = false, starttls = false, resend = false;
  };
  auto args = std::make_shared<RemindArgs>();
  CLI::App* remind = app.add_subcommand(
      "remind", "Each owner's overdue, due-soon and undated items, as e-mail (one per person)");
  remind->add_option("--as-of", args->as_of, "The day of the reminders (default: today)");
  remind->add_option("--owner", args->owners, "Only these people (a group: its members)");
  remind
      ->add_option("--days", args->days,
                   "Due soon means due within N days (default: until the next meeting, else 7)")
      ->check(CLI::Range(0, 3660));
  remind->add_option("--series", args->series,
                     "The meeting series whose next meeting ends the due-soon window");
  auto* out = remind->add_option("--out", args->out, "Write one .eml file per message into DIR");
  auto* smtp = remind->add_option(
      "--smtp", args->smtp,
      "Send through smtp://host:port or smtps://host:port; user and password from "
      "$TRACKER_SMTP_USER and $TRACKER_SMTP_PASSWORD");
  auto* dry = remind->add_flag("--dry-run", args->dry_run, "List who would get what; send nothing");
  out->excludes(smtp)->excludes(dry);
  smtp->excludes(dry);
  remind->add_flag("--starttls", args->starttls, "smtp://: require STARTTLS");
  remind->add_option("--ca-file", args->ca_file,
                     "Certificates to check the server's against (default: the system's)");
  remind->add_option("--from", args->from, "Sender (default: the mail.from setting)");
  remind->add_option("--reply-to", args->reply_to, "Reply-To (default: mail.reply_to)");
  remind->add_option("--subject-prefix", args->subject_prefix,
                     "Before the subject (default: mail.subject_prefix)");
  remind->add_flag("--resend", args->resend, "Send even to people already reminded that day");
  commands.emplace_back(remind, [&ctx, args] {
    const int modes = !args->out.empty() + !args->smtp.empty() + args->dry_run;
    if (modes != 1) throw Error("give one of --out DIR, --smtp URL or --dry-run");
    Store& store = ctx.open(args->smtp.empty() ? Context::Access::read : Context::Access::write);
    const boost::gregorian::date as_of =
        args->as_of.empty() ? ctx.today : ctx.parse_date(args->as_of);
    ReminderOptions options;
    options.days = args->days;
    options.owners = args->owners;
    options.series = args->series;
    const Reminders all = reminders(store, as_of, options);

    if (all.next_meeting)
      std::cout << "Reminders for " << iso_date(as_of) << ": due soon means by "
                << iso_date(all.due_until) << ", the next meeting (" << all.next_meeting->title
                << ").\n";
    else
      std::cout << "Reminders for " << iso_date(as_of) << ": due soon means within " << all.days
                << " days (by " << iso_date(all.due_until) << ").\n";

    std::vector<const Reminder*> to_send;
    std::size_t skipped = 0;
    for (const Reminder& r : all.messages) {
      if (r.already_sent && !args->resend && !args->smtp.empty()) {
        std::cout << "  already sent: " << r.name << " <" << r.address << ">\n";
        ++skipped;
        continue;
      }
      to_send.push_back(&r);
    }

    MailOptions mail;
    const std::string from =
        !args->from.empty() ? args->from : store.setting("mail.from").value_or("");
    const std::string reply_to =
        !args->reply_to.empty() ? args->reply_to : store.setting("mail.reply_to").value_or("");
    mail.subject_prefix = !args->subject_prefix.empty()
                              ? args->subject_prefix
                              : store.setting("mail.subject_prefix").value_or("");
    if (!to_send.empty() && !args->dry_run) {
      if (from.empty())
        throw Error(
            "reminders need a sender: --from ADDRESS, or tracker config set mail.from ADDRESS");
      mail.from = parse_mailbox(from);
      if (!reply_to.empty()) mail.reply_to = parse_mailbox(reply_to);
    }

    std::vector<MailMessage> messages;
    if (!args->dry_run)
      for (const Reminder* r : to_send)
        messages.push_back(reminder_message(all, *r, mail, store.now()));

    std::size_t sent = 0, failed = 0;
    if (args->dry_run) {
      for (const Reminder* r : to_send)
        std::cout << "  would send to " << r->name << " <" << r->address << ">: " << counts_line(*r)
                  << "\n";
    } else if (!args->out.empty()) {
      std::filesystem::create_directories(args->out);
      for (const MailMessage& m : messages) {
        const std::string path = (std::filesystem::path(args->out) / eml_name(all, m)).string();
        write_output(path, m.data);
        std::cout << "  wrote " << path << "\n";
        ++sent;
      }
    } else {
      SmtpOptions smtp;
      smtp.url = args->smtp;
      smtp.require_tls = args->starttls;
      smtp.ca_file = args->ca_file;
      smtp.user = env("TRACKER_SMTP_USER");
      smtp.password = env("TRACKER_SMTP_PASSWORD");
      std::unordered_map<std::string, const Reminder*> by_id;
      for (std::size_t i = 0; i < messages.size(); ++i) by_id[messages[i].message_id] = to_send[i];
      const std::vector<SendOutcome> outcomes =
          send_messages(smtp, messages, [&](const MailMessage& m) {
            const Reminder& r = *by_id.at(m.message_id);
            SentReminder record;
            record.day = as_of;
            record.recipient = r.name;
            record.address = r.address;
            record.message_id = m.message_id;
            record.items = r.item_ids();
            store.record_reminder(record);
          });
      for (const SendOutcome& o : outcomes) {
        if (o.sent) {
          ++sent;
          std::cout << "  sent to " << o.name << " <" << o.address << ">\n";
        } else {
          ++failed;
          std::cout << "  FAILED " << o.name << " <" << o.address << ">: " << o.error << "\n";
        }
      }
    }
    for (const Reminder& r : all.not_reachable)
      std::cout << "  not reachable (no e-mail address): " << r.name << ", " << counts_line(r)
                << "\n";
    const char* verb = args->dry_run ? "to send" : !args->out.empty() ? "written" : "sent";
    std::cout << (args->dry_run ? to_send.size() : sent) << " " << verb;
    if (!args->smtp.empty())
      std::cout << ", " << failed << " failed, " << skipped << " already sent";
    std::cout << ", " << all.not_reachable.size() << " not reachable.\n";
    std::cout.flush();
    if (failed > 0) throw SendFailed(failed);
  });

  CLI::App* config = app.add_subcommand("config", "Settings kept in the database");
  config->require_subcommand(1);
  struct ConfigArgs {
    std::string key, value;
  };
  auto cfg = std::make_shared<ConfigArgs>();
  CLI::App* get = config->add_subcommand("get", "Print a setting");
  get->add_option("key", cfg->key, "mail.from, mail.reply_to or mail.subject_prefix")->required();
  commands.emplace_back(get, [&ctx, cfg] {
    setting_key(cfg->key);
    Store& store = ctx.open(Context::Access::read);
    const std::optional<std::string> value = store.setting(cfg->key);
    if (!value) throw NotFoundError("the setting " + cfg->key + " is not set");
    std::cout << *value << "\n";
  });
  CLI::App* set = config->add_subcommand("set", "Change a setting (\"\" removes it)");
  set->add_option("key", cfg->key, "mail.from, mail.reply_to or mail.subject_prefix")->required();
  set->add_option("value", cfg->value, "The value")->required();
  commands.emplace_back(set, [&ctx, cfg] {
    const SettingKey& key = setting_key(cfg->key);
    if (!cfg->value.empty()) {
      if (key.mailbox)
        format_mailbox(parse_mailbox(cfg->value));  // checked now, not when mail goes out
      else
        encode_header_text(cfg->value);
    }
    Store& store = ctx.open(Context::Access::write);
    store.set_setting(cfg->key, cfg->value);
  });
  CLI::App* list = config->add_subcommand("list", "Every setting");
  commands.emplace_back(list, [&ctx] {
    Store& store = ctx.open(Context::Access::read);
    for (const SettingKey& k : setting_keys)
      std::cout << k.key << " = " << store.setting(k.key).value_or("") << "\n";
  });
}

}  // namespace tracker_cli
