// Writes a tracker of generated items (bench/bench_data.hpp) for the Python and CLI benchmarks.
//
// usage: make_store PATH ITEMS [TODAY]   (TODAY as YYYY-MM-DD, default 2017-06-15; the due
//                                          dates spread around it)

#include <boost/date_time/gregorian/gregorian.hpp>
#include <cstdio>
#include <exception>
#include <libtracker/store.hpp>
#include <string>

#include "bench_data.hpp"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: make_store PATH ITEMS [TODAY]\n");
    return 2;
  }
  try {
    const std::size_t count = std::stoull(argv[2]);
    const bench::bg::date today =
        argc > 3 ? bench::bg::from_simple_string(argv[3]) : bench::bg::date(2017, 6, 15);
    libtracker::StoreOptions options;
    options.synchronous = libtracker::Synchronous::off;
    libtracker::Store store(argv[1], options);
    store.set_today(today);
    store.set_actor("bench");
    const bench::ItemGenerator gen(today);
    constexpr std::size_t batch = 100000;
    for (std::size_t first = 0; first < count; first += batch)
      store.add_all(gen.items(std::min(batch, count - first), first));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "make_store: %s\n", e.what());
    return 1;
  }
  return 0;
}
