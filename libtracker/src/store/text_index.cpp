// The full-text index (items_fts), written once per transaction: FTS5 flushes its pending
// terms at every statement boundary, so one statement per changed row would be slow.

#include <nlohmann/json.hpp>

#include "store/store_impl.hpp"

namespace libtracker {

void Store::Impl::flush_text_index() {
  if (text_index_pending.empty()) return;
  // Two statements for the whole transaction: FTS5 flushes at every statement boundary.
  nlohmann::json removed = nlohmann::json::array();
  nlohmann::json touched = nlohmann::json::array();
  for (const auto& [id, indexed] : text_index_pending) {
    if (indexed) removed.push_back({id, indexed->first, indexed->second});
    touched.push_back(id);
  }
  if (!removed.empty()) {
    auto& del = stmt(
        "INSERT INTO items_fts(items_fts, rowid, text, details) "
        "SELECT 'delete', value ->> 0, value ->> 1, value ->> 2 FROM json_each(?)");
    del.bind(1, removed.dump());
    del.exec();
  }
  auto& add = stmt(
      "INSERT INTO items_fts(rowid, text, details) SELECT id, text, details FROM items "
      "WHERE id IN (SELECT value FROM json_each(?))");
  add.bind(1, touched.dump());
  add.exec();
  text_index_pending.clear();
}

}  // namespace libtracker
