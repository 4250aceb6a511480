#include <gtest/gtest.h>

#include <string>

#include "text/utf8.hpp"

using namespace libtracker::detail;

namespace {

/// Every code point of @p s, with U+FFFD for each invalid byte.
std::u32string code_points(std::string_view s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) out += next_code_point(s, i);
  return out;
}

}  // namespace

TEST(Utf8, DecodesOneToFourByteSequences) {
  const std::string s = "a\xC3\xA9\xE5\xAE\x89\xF0\x9F\x98\x80";  // a é 安 😀
  EXPECT_EQ(decode_utf8(s, 0).value, U'a');
  EXPECT_EQ(decode_utf8(s, 0).bytes, 1u);
  EXPECT_EQ(decode_utf8(s, 1).value, U'\u00E9');
  EXPECT_EQ(decode_utf8(s, 1).bytes, 2u);
  EXPECT_EQ(decode_utf8(s, 3).value, U'\u5B89');
  EXPECT_EQ(decode_utf8(s, 3).bytes, 3u);
  EXPECT_EQ(decode_utf8(s, 6).value, U'\U0001F600');
  EXPECT_EQ(decode_utf8(s, 6).bytes, 4u);
  EXPECT_EQ(decode_utf8(s, s.size()).bytes, 0u);  // past the end
}

TEST(Utf8, RejectsEveryKindOfInvalidSequence) {
  const char* invalid[] = {
      "\x80",              // a lone continuation byte
      "\xC3",              // cut after the lead byte
      "\xE5\xAE",          // cut in the middle
      "\xC3\x28",          // a lead byte without its continuation
      "\xC0\xAF",          // overlong "/"
      "\xE0\x80\xAF",      // overlong, three bytes
      "\xF0\x80\x80\xAF",  // overlong, four bytes
      "\xED\xA0\x80",      // a UTF-16 surrogate (U+D800)
      "\xF4\x90\x80\x80",  // beyond U+10FFFF
      "\xFF",              // never a lead byte
      "\xF8\x88\x80\x80\x80",
  };
  for (const char* bytes : invalid) {
    EXPECT_EQ(decode_utf8(bytes, 0).bytes, 0u) << testing::PrintToString(std::string(bytes));
    EXPECT_EQ(invalid_utf8_at(bytes), 0u);
  }
}

TEST(Utf8, InvalidBytesReadAsReplacementCharactersOneByteEach) {
  EXPECT_EQ(code_points("a\xFF"
                        "b"),
            U"a\uFFFDb");
  // A cut sequence: the lead byte is replaced, the bytes after it are read again.
  EXPECT_EQ(code_points("\xE5\xAE"
                        "x"),
            U"\uFFFD\uFFFDx");
  EXPECT_EQ(code_points("\xED\xA0\x80"), U"\uFFFD\uFFFD\uFFFD");
  EXPECT_EQ(code_points("Régis"), U"Régis");
}

TEST(Utf8, EncodingAndDecodingRoundTripEveryScalarValue) {
  for (char32_t c = 0; c <= 0x10FFFF; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    std::string bytes;
    append_utf8(bytes, c);
    const CodePoint back = decode_utf8(bytes, 0);
    ASSERT_EQ(back.value, c);
    ASSERT_EQ(back.bytes, bytes.size());
    ASSERT_EQ(bytes.size(), c < 0x80 ? 1u : c < 0x800 ? 2u : c < 0x10000 ? 3u : 4u);
  }
}

TEST(Utf8, FirstInvalidByteIsFound) {
  EXPECT_EQ(invalid_utf8_at(""), std::string_view::npos);
  EXPECT_EQ(invalid_utf8_at("Gu\xC3\xB0run Poulsen"), std::string_view::npos);
  EXPECT_EQ(invalid_utf8_at("Gu\xF0run"), 2u);  // Latin-1 "ð"
  EXPECT_EQ(invalid_utf8_at("Draft \xC3"), 6u);
}

TEST(Utf8, TextProblemsNameInvalidBytesAndControlCharacters) {
  EXPECT_FALSE(find_text_problem("Draft plan\twith tab\r\nand lines").found());
  const TextProblem bad = find_text_problem("ok \xFF");
  ASSERT_TRUE(bad.found());
  EXPECT_EQ(bad.position, 3u);
  EXPECT_STREQ(bad.reason, "invalid UTF-8");
  const TextProblem control = find_text_problem("bell\x07");
  EXPECT_EQ(control.position, 4u);
  EXPECT_STREQ(control.reason, "control character");
  EXPECT_EQ(find_text_problem("x\xC2\x85").position, 1u);  // U+0085, a C1 control
  EXPECT_EQ(find_text_problem(std::string("a\0b", 3)).position, 1u);
}

TEST(Utf8, ContinuationBytesAreNotPlacesToCut) {
  const std::string s = "\xE5\xAE\x89";
  EXPECT_FALSE(is_continuation_byte(s[0]));
  EXPECT_TRUE(is_continuation_byte(s[1]));
  EXPECT_TRUE(is_continuation_byte(s[2]));
  EXPECT_FALSE(is_continuation_byte('a'));
}
