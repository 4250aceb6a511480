// Proposals from prose: read the input into a Document, propose; write what a person accepted.
#include <boost/date_time/gregorian/gregorian.hpp>
#include <string>

#include "formats/source_document.hpp"
#include "libtracker/error.hpp"
#include "libtracker/import.hpp"
#include "libtracker/store.hpp"
#include "libtracker/text.hpp"
#include "text/text_util.hpp"

namespace libtracker {

Proposals propose_text(std::string_view text, const ImportOptions& options) {
  const std::string source =
      options.source.empty() ? std::string(to_string(options.format)) : options.source;
  const std::optional<Document> document =
      detail::read_source_document(text, options.format, source);
  if (!document)
    throw InvalidArgumentError(std::string(to_string(options.format)) +
                               " holds no prose to propose from; use minutes or a document");
  ProposeOptions propose_options;
  propose_options.reference = options.reference;
  return propose(*document, propose_options);
}

ImportResult accept_proposals(Store& store, const std::vector<Proposal>& accepted) {
  ImportResult result;
  store.atomically([&] {
    for (const Proposal& p : accepted) {
      for (std::size_t i = 0; i < p.owners.size(); ++i)
        store.add_owner(p.owners[i], i < p.abbreviations.size() ? p.abbreviations[i] : "");
      if (p.kind == ProposalKind::meeting) {
        Meeting m;
        m.title = p.title;
        m.series = join(p.owners, " and ");
        m.date = p.date;
        m.start = p.start;
        m.time_zone = p.time_zone;
        m.place = p.place;
        if (const std::optional<Meeting> existing = store.find_meeting(m.title, m.date)) {
          m.id = existing->id;
          m.agenda = existing->agenda;  // a proposal states no agenda; keep the one imported
          store.update_meeting(m);
          result.meetings_updated.push_back(m.id);
        } else {
          result.meetings_added.push_back(store.add_meeting(m).id);
        }
        continue;
      }
      bool stored = false;
      Query same;
      same.text = p.title;
      for (const ActionItem& item : store.find(same))
        if (detail::iequals(item.text, p.title) && item.owners == p.owners) {
          result.unchanged.push_back(item.id);
          stored = true;
        }
      if (stored) continue;
      ActionItem item;
      item.text = p.title;
      item.owners = p.owners;
      item.due = Due::on(p.date, p.date_text);
      item.details = p.sentence;
      result.added.push_back(store.add(item).id);
    }
  });
  return result;
}

}  // namespace libtracker
