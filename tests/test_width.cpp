#include <gtest/gtest.h>

#include <libtracker/text.hpp>
#include <string>

#include "text/width.hpp"

using namespace libtracker;
using namespace libtracker::detail;

TEST(Width, CodePointsTakeZeroOneOrTwoColumns) {
  EXPECT_EQ(code_point_width(U'a'), 1);
  EXPECT_EQ(code_point_width(U'\u00E9'), 1);      // é
  EXPECT_EQ(code_point_width(U'\u0301'), 0);      // combining acute
  EXPECT_EQ(code_point_width(U'\u200B'), 0);      // zero-width space
  EXPECT_EQ(code_point_width(U'\uFE0F'), 0);      // variation selector
  EXPECT_EQ(code_point_width(U'\u5B89'), 2);      // 安
  EXPECT_EQ(code_point_width(U'\uAC00'), 2);      // 가
  EXPECT_EQ(code_point_width(U'\uFF46'), 2);      // fullwidth f
  EXPECT_EQ(code_point_width(U'\U0001F600'), 2);  // emoji
  EXPECT_EQ(code_point_width(U'\t'), 0);
  EXPECT_EQ(code_point_width(U'\u0085'), 0);
}

TEST(Width, TruncationEndsInAnEllipsisAndNeverSplitsACharacter) {
  EXPECT_EQ(truncate_to_width("Review Open Action Items", 10), "Review Op\u2026");
  EXPECT_EQ(truncate_to_width("short", 10), "short");
  EXPECT_EQ(truncate_to_width("exactly", 7), "exactly");
  EXPECT_EQ(truncate_to_width("安全安全", 5), "安全\u2026");
  EXPECT_EQ(truncate_to_width("安全安全", 4), "安\u2026");  // a wide character does not fit half
  EXPECT_EQ(truncate_to_width("Re\u0301gis Masse\u0301", 6), "Re\u0301gis\u2026");
  EXPECT_EQ(truncate_to_width("anything", 0), "");
  for (std::size_t w = 1; w < 12; ++w)
    EXPECT_LE(display_width(truncate_to_width("Guðrun 安全审查 Poulsen", w)), w) << w;
}

TEST(Width, FitPadsToTheExactWidth) {
  EXPECT_EQ(fit("ab", 5), "ab   ");
  EXPECT_EQ(fit("42", 5, true), "   42");
  EXPECT_EQ(fit("安全安全", 4), "安\u2026 ");
  EXPECT_EQ(display_width(fit("安全安全", 4)), 4u);
  EXPECT_EQ(fit("Review Open Action Items", 8), "Review \u2026");
}
