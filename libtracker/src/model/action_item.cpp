#include "libtracker/action_item.hpp"

namespace libtracker {

bool ActionItem::is_overdue(boost::gregorian::date today) const {
  return is_open() && due.has_date() && due.date() < today;
}

bool ItemChanges::empty() const noexcept {
  return !text && !details && !owners && !due && !state && !status_note && !tags && !meeting &&
         !agenda_item && !impact && !effort && !ref;
}

}  // namespace libtracker
