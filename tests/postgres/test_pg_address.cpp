// Which addresses name a PostgreSQL server, and what is taken from them (no server needed).

#include <gtest/gtest.h>

#include <libtracker/error.hpp>

#include "postgres/pg_address.hpp"

using namespace libtracker;
using namespace libtracker::detail::pg;

TEST(ServerAddress, UrisAndLibpqKeywordFormsNameAServerPathsDoNot) {
  for (const char* server :
       {"postgresql://team@db.example.org:5432/tracker", "postgres://localhost/tracker",
        "host=/tmp/pg dbname=tracker", "dbname=tracker", "  user = staff dbname=tracker"})
    EXPECT_TRUE(is_server_address(server)) << server;
  for (const char* file : {"tracker.db", ":memory:", "sqlite:///var/lib/tracker.db",
                           "/home/staff/host=1.db", "hosts.db", "", "postgresql.db"})
    EXPECT_FALSE(is_server_address(file)) << file;
}

TEST(ServerAddress, TheSchemaParameterIsTakenOutOfWhatLibpqSees) {
  const ServerAddress uri = parse_server_address(
      "postgresql://staff@db.example.org:5433/review?schema=ssr2&sslmode=disable");
  EXPECT_EQ(uri.schema, "ssr2");
  EXPECT_EQ(uri.conninfo, "postgresql://staff@db.example.org:5433/review?sslmode=disable");
  EXPECT_EQ(uri.host, "db.example.org");
  EXPECT_EQ(uri.database, "review");
  EXPECT_EQ(uri.user, "staff");
  EXPECT_EQ(uri.describe(), "PostgreSQL at db.example.org, database review");

  const ServerAddress words = parse_server_address("host=/run/pg schema='cc_nso' dbname=teams");
  EXPECT_EQ(words.schema, "cc_nso");
  EXPECT_EQ(words.host, "/run/pg");
  EXPECT_EQ(words.database, "teams");
  EXPECT_EQ(words.conninfo.find("schema"), std::string::npos);

  EXPECT_EQ(parse_server_address("postgresql://localhost/tracker").schema, "");
}

TEST(ServerAddress, BadAddressesAreInvalidArgumentsThatNeverShowThePassword) {
  EXPECT_THROW(parse_server_address("postgresql://localhost/db?schema=Robert');DROP"),
               InvalidArgumentError);
  try {
    parse_server_address("host=localhost password=s3cret-pw nonsense=1");
    FAIL() << "an unknown libpq keyword was accepted";
  } catch (const InvalidArgumentError& e) {
    EXPECT_NE(std::string(e.what()).find("nonsense"), std::string::npos) << e.what();
    EXPECT_EQ(std::string(e.what()).find("s3cret-pw"), std::string::npos) << e.what();
  }
  const ServerAddress with_password =
      parse_server_address("postgresql://staff:s3cret-pw@db.example.org/review");
  EXPECT_EQ(with_password.password, "s3cret-pw");
  EXPECT_EQ(with_password.describe().find("s3cret-pw"), std::string::npos);
}
