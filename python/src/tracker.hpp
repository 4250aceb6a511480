#pragma once
// The Python Tracker: a Store behind a mutex. Every call releases the GIL and then takes the
// mutex, so two Python threads never use the connection at once and a long call never blocks
// other Python threads.

#include <pybind11/pybind11.h>

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

#include "libtracker/date_parser.hpp"
#include "libtracker/error.hpp"
#include "libtracker/store.hpp"

namespace libtracker::python {

namespace py = pybind11;

class Tracker {
 public:
  /// Opens the store without holding the GIL (a migration may take a while).
  Tracker(const std::string& path, const StoreOptions& options) {
    py::gil_scoped_release nogil;
    store_ = std::make_unique<Store>(path, options);
    path_ = store_->path();
  }

  /// Runs @p work on the store with the GIL released and the connection to itself.
  /// @p work must not touch Python objects. @throw Error when the tracker is closed.
  template <class Work>
  decltype(auto) run(Work&& work) {
    py::gil_scoped_release nogil;
    std::lock_guard<std::mutex> lock(mutex_);
    if (!store_) throw Error("the tracker " + path_ + " is closed");
    return std::forward<Work>(work)(*store_);
  }

  /// Closes the database; later calls raise TrackerError. Closing twice is harmless.
  void close() {
    py::gil_scoped_release nogil;
    std::lock_guard<std::mutex> lock(mutex_);
    store_.reset();
  }

  bool closed() {
    std::lock_guard<std::mutex> lock(mutex_);
    return !store_;
  }

  const std::string& path() const noexcept { return path_; }

 private:
  std::mutex mutex_;
  std::unique_ptr<Store> store_;
  std::string path_;
};

/// Date options that resolve event names ("ICANN59") through the store's meetings.
inline DateOptions store_date_options(const Store& store) {
  DateOptions options;
  options.event_date = [&store](std::string_view name) {
    return store.event_date(std::string(name));
  };
  return options;
}

}  // namespace libtracker::python
