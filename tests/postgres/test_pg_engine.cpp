// The server engine's SQL: the store's statements, written once with SQLite's parameters, in
// PostgreSQL's numbering (no server needed).

#include <gtest/gtest.h>

#include "postgres/pg_engine.hpp"

using libtracker::detail::pg::server_sql;

TEST(ServerSql, BareParametersAreNumberedInOrder) {
  const auto out = server_sql("INSERT INTO notes(item_id, at, author, text) VALUES (?, ?, ?, ?)");
  EXPECT_EQ(out.text, "INSERT INTO notes(item_id, at, author, text) VALUES ($1, $2, $3, $4)");
  EXPECT_EQ(out.numbers, (std::vector<int>{0, 1, 2, 3, 4}));
}

TEST(ServerSql, UnusedNumbersAreLeftOutAndTheRestRenumbered) {
  // An UPDATE names only the changed fields' parameters: the server refuses a parameter whose
  // type it cannot tell, so the others are numbered densely.
  const auto out = server_sql("UPDATE items SET version = ?14, state = ?5 WHERE id = ?15");
  EXPECT_EQ(out.text, "UPDATE items SET version = $2, state = $1 WHERE id = $3");
  ASSERT_EQ(out.numbers.size(), 16u);
  EXPECT_EQ(out.numbers[5], 1);
  EXPECT_EQ(out.numbers[14], 2);
  EXPECT_EQ(out.numbers[15], 3);
  EXPECT_EQ(out.numbers[1], 0);
}

TEST(ServerSql, ABareParameterFollowsTheLargestNumberSoFar) {
  EXPECT_EQ(server_sql("SELECT ?2, ?, ?1").text, "SELECT $2, $3, $1");
}

TEST(ServerSql, QuestionMarksInLiteralsAndNamesAreText) {
  const auto out = server_sql("SELECT 'why?', \"odd?name\" FROM t WHERE a = ? AND b = '?1'");
  EXPECT_EQ(out.text, "SELECT 'why?', \"odd?name\" FROM t WHERE a = $1 AND b = '?1'");
  EXPECT_EQ(out.numbers, (std::vector<int>{0, 1}));
}
