#pragma once
// The Store's private state and the helpers its source files share.

#include <algorithm>
#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <boost/date_time/posix_time/posix_time_types.hpp>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <utility>

#include "libtracker/error.hpp"
#include "libtracker/store.hpp"
#include "store/engine.hpp"
#include "text/text_util.hpp"

namespace libtracker {

namespace detail {

inline const boost::gregorian::date& epoch_day() {
  static const boost::gregorian::date epoch(1970, 1, 1);
  return epoch;
}
/// Days since 1970-01-01: how dates are stored.
inline std::int64_t to_days(boost::gregorian::date d) { return (d - epoch_day()).days(); }
inline boost::gregorian::date from_days(std::int64_t days) {
  return epoch_day() + boost::gregorian::days(static_cast<long>(days));
}
/// Microseconds since the epoch (UTC): how timestamps are stored.
inline std::int64_t to_micros(const boost::posix_time::ptime& t) {
  return (t - boost::posix_time::ptime(epoch_day())).total_microseconds();
}
inline boost::posix_time::ptime from_micros(std::int64_t us) {
  return boost::posix_time::ptime(epoch_day()) + boost::posix_time::microseconds(us);
}
inline std::int64_t day_start_micros(boost::gregorian::date d) {
  return to_days(d) * 86400LL * 1000000LL;
}

/// Names the private Store::Impl for the library's own sources (Store befriends it).
struct StoreAccess {
  using Impl = Store::Impl;
  /// The state of @p store, for the library's functions that work on whole stores.
  static Impl& impl(Store& store) { return *store.impl_; }
};
/// The Store's private state.
using StoreImpl = StoreAccess::Impl;

}  // namespace detail

struct Store::Impl {
  std::string path;
  std::unique_ptr<detail::Engine> engine;
  Clock clock;
  std::optional<boost::gregorian::date> fixed_today;
  std::string actor;
  int depth = 0;
  /// Items whose text or details changed in the open transaction, with what the full-text
  /// index holds for them (nothing for new items). Written to the index at commit, on an
  /// engine whose index is a table of its own (Dialect::separate_text_index).
  std::map<ItemId, std::optional<std::pair<std::string, std::string>>> text_index_pending;

  void text_index_touch(ItemId id, std::optional<std::pair<std::string, std::string>> indexed) {
    if (!engine->dialect().separate_text_index) return;
    text_index_pending.emplace(id, std::move(indexed));  // the first touch knows what is indexed
  }
  void flush_text_index();
  /// Owners looked up or added in the open write transaction, by their name in ASCII lower
  /// case (equal there is equal on both engines): id and stored spelling. Cleared when the
  /// transaction ends, so it never outlives what the transaction saw.
  std::unordered_map<std::string, std::pair<OwnerId, std::string>> owners_seen;

  /// A prepared statement, reused between calls, without bindings or rows.
  detail::Statement& stmt(const std::string& sql) { return engine->statement(sql); }
  bool in_transaction() const { return engine->in_transaction(); }

  /// Runs @p body as one operation of the store (a read, or part of a write).
  template <class F>
  auto guarded(F&& body) -> decltype(body()) {
    struct Scope {
      Impl& impl;
      explicit Scope(Impl& i) : impl(i) { ++impl.depth; }
      ~Scope() {
        if (--impl.depth == 0) impl.engine->operation_ended();
      }
    } scope(*this);
    return body();
  }

  /// Runs @p body in one write transaction (or as part of the one already open) and commits.
  /// A transaction that lost a race with another connection (detail::RetryableError) runs
  /// again, up to detail::write_attempts times in all; after that it is a ConflictError.
  template <class F>
  auto write(F&& body) -> decltype(body());
};

namespace detail {

/// How many times a write that keeps losing races is run before it is a ConflictError.
inline constexpr int write_attempts = 10;

/// Waits a little before running a write again: a random part of a span that grows with each
/// attempt, so that writers that collided do not collide again.
void retry_pause(int attempt);

/// A write transaction, or a part of the one already open.
class WriteTransaction {
 public:
  explicit WriteTransaction(StoreImpl& impl) : impl_(impl), owner_(!impl.in_transaction()) {
    if (owner_) impl_.engine->begin();
  }
  ~WriteTransaction() {
    if (owner_) impl_.owners_seen.clear();
    if (owner_ && !done_) {
      impl_.text_index_pending.clear();
      impl_.engine->rollback();
    }
  }
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;
  /// True when this is the outermost transaction (the one that commits).
  bool owner() const noexcept { return owner_; }
  void commit() {
    if (owner_) {
      impl_.flush_text_index();
      impl_.engine->commit();
    }
    done_ = true;
  }

 private:
  StoreImpl& impl_;
  bool owner_;
  bool done_ = false;
};

}  // namespace detail

template <class F>
auto Store::Impl::write(F&& body) -> decltype(body()) {
  return guarded([&]() -> decltype(body()) {
    for (int attempt = 1;; ++attempt) {
      if (attempt > 1) detail::retry_pause(attempt - 1);
      detail::WriteTransaction txn(*this);
      try {
        if constexpr (std::is_void_v<decltype(body())>) {
          body();
          txn.commit();
          return;
        } else {
          auto result = body();
          txn.commit();
          return result;
        }
      } catch (const detail::RetryableError& e) {
        if (!txn.owner()) throw;  // the outermost transaction runs again
        if (attempt >= detail::write_attempts)
          throw ConflictError(engine->describe() + ": gave up after " + std::to_string(attempt) +
                              " attempts: other writers kept changing the same rows (" + e.what() +
                              ")");
      }
    }
  });
}

}  // namespace libtracker
