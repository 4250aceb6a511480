// Loads a tab-separated action list (action, owners, due) into a tracker and prints the
// open items as of the meeting day, marking the overdue ones, after the library's version.
//
//   open_items LIST.tsv [DATABASE] [YYYY-MM-DD]

#include <boost/date_time/gregorian/gregorian.hpp>
#include <fstream>
#include <iostream>
#include <libtracker/libtracker.hpp>
#include <sstream>
#include <string>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: open_items LIST.tsv [DATABASE] [YYYY-MM-DD]\n";
    return 2;
  }
  std::cout << "libtracker " << libtracker::version << "\n";
  try {
    const std::string database = argc > 2 ? argv[2] : ":memory:";
    const auto today = argc > 3 ? boost::gregorian::from_simple_string(argv[3])
                                : boost::gregorian::date(2017, 6, 15);
    libtracker::Store store(database);
    store.set_today(today);

    std::ifstream in(argv[1]);
    if (!in) throw libtracker::Error(std::string("cannot read ") + argv[1]);
    std::vector<libtracker::ActionItem> items;
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      std::istringstream fields(line);
      std::string text, owners, due;
      std::getline(fields, text, '\t');
      std::getline(fields, owners, '\t');
      std::getline(fields, due, '\t');
      libtracker::ActionItem item;
      item.text = text;
      item.owners = libtracker::parse_owners(owners);
      item.due = libtracker::parse_due(due, today);
      items.push_back(item);
    }
    store.add_all(items);

    libtracker::Query open;
    open.open = true;
    open.order_by = libtracker::OrderBy::due;
    for (const auto& item : store.find(open)) {
      std::cout << (item.is_overdue(today) ? "OVERDUE " : "        ") << "#" << item.id << "  "
                << item.text << "\n          " << libtracker::join(item.owners, ", ") << " | due "
                << (item.due.is_none() ? "-" : item.due.text()) << "\n";
    }
    libtracker::Query overdue;
    overdue.overdue = true;
    std::cout << store.count(open) << " open, " << store.count(overdue) << " overdue on "
              << libtracker::iso_date(today) << "\n";
    return 0;
  } catch (const libtracker::Error& e) {
    std::cerr << "open_items: " << e.what() << "\n";
    return 1;
  }
}
