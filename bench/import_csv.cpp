// Times a CSV import: reads FILE.csv (see gen_csv.py), imports it into a fresh database, and
// prints items per second for the parse and for the whole import (parse + one transaction).
//
// usage: import_csv FILE.csv [DATABASE]   (default database: a temporary file, removed after)

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <libtracker/import.hpp>
#include <libtracker/store.hpp>
#include <sstream>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: import_csv FILE.csv [DATABASE]\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::cerr << "cannot read " << argv[1] << "\n";
    return 1;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  const std::string db =
      argc > 2 ? argv[2]
               : (std::filesystem::temp_directory_path() / "libtracker-bench-import.db").string();
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix);

  using clock = std::chrono::steady_clock;
  const boost::gregorian::date reference(2017, 6, 15);
  auto t0 = clock::now();
  const auto items = libtracker::parse_items(text, libtracker::Format::csv, reference, {}, argv[1]);
  const double parse_s = std::chrono::duration<double>(clock::now() - t0).count();

  libtracker::Store store(db);
  store.set_today(reference);
  libtracker::ImportOptions options;
  options.format = libtracker::Format::csv;
  options.reference = reference;
  options.source = argv[1];
  t0 = clock::now();
  const libtracker::ImportResult result = libtracker::import_text(store, text, options);
  const double import_s = std::chrono::duration<double>(clock::now() - t0).count();
  t0 = clock::now();
  const libtracker::ImportResult again = libtracker::import_text(store, text, options);
  const double reimport_s = std::chrono::duration<double>(clock::now() - t0).count();

  std::printf("rows: %zu (%.1f MB)\n", items.size(), text.size() / 1e6);
  std::printf("parse only:        %8.3f s  %10.0f items/s\n", parse_s, items.size() / parse_s);
  std::printf("import (new db):   %8.3f s  %10.0f items/s  (%zu added)\n", import_s,
              result.added.size() / import_s, result.added.size());
  std::printf("re-import (same):  %8.3f s  %10.0f items/s  (%zu unchanged)\n", reimport_s,
              again.unchanged.size() / reimport_s, again.unchanged.size());
  if (argc <= 2)
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix);
  return 0;
}
