#include <gtest/gtest.h>

#include <string>

#include "text/escape.hpp"

using namespace libtracker::detail;

TEST(HtmlEscape, EveryMarkupCharacterBecomesAReference) {
  EXPECT_EQ(html_escape("<script>alert('x')</script> & \"quoted\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;");
  EXPECT_EQ(html_escape("Régis Massé 安全"), "Régis Massé 安全");
  EXPECT_EQ(html_escape(""), "");
}

TEST(MarkdownEscape, PunctuationCannotFormatOrBreakTheTable) {
  EXPECT_EQ(markdown_escape("a | b \\ c *stars* _under_ `code` [link] ~x~"),
            "a \\| b \\\\ c \\*stars\\* \\_under\\_ \\`code\\` \\[link\\] \\~x\\~");
  EXPECT_EQ(markdown_escape("Budget $5 to $10"), "Budget \\$5 to \\$10");  // not mathematics
  EXPECT_EQ(markdown_escape("<b>Legal</b> & co"), "&lt;b&gt;Legal&lt;/b&gt; &amp; co");
}

TEST(MarkdownEscape, LineStartsCannotStartABlock) {
  EXPECT_EQ(markdown_escape("# not a heading"), "\\# not a heading");
  EXPECT_EQ(markdown_escape("- item"), "\\- item");
  EXPECT_EQ(markdown_escape("> quote"), "\\&gt; quote");
  EXPECT_EQ(markdown_escape("1. first"), "1\\. first");
  EXPECT_EQ(markdown_escape("2017) year"), "2017\\) year");
  EXPECT_EQ(markdown_escape("2017 is a year"), "2017 is a year");
  EXPECT_EQ(markdown_escape("a # b - c"), "a # b - c");  // only at the start of a line
}

TEST(MarkdownEscape, LineBreaksStayInTheirCellOrHeading) {
  EXPECT_EQ(markdown_escape("First line\nSecond\r\n- third"), "First line<br>Second<br>\\- third");
  EXPECT_EQ(markdown_escape("First line\nSecond", false), "First line Second");
  EXPECT_EQ(markdown_escape("tab\there"), "tab here");
}

TEST(OneLine, ControlCharactersBecomeSingleSpaces) {
  EXPECT_EQ(one_line("First\r\nSecond\nThird\tend"), "First Second Third end");
  EXPECT_EQ(one_line("a\xC2\x85"
                     "b"),
            "a b");  // U+0085, a C1 control
  EXPECT_EQ(one_line("a\xE2\x80\xA8"
                     "b"),
            "a b");                                               // U+2028 line separator
  EXPECT_EQ(one_line("bad \xFF byte"), "bad \xEF\xBF\xBD byte");  // U+FFFD
  EXPECT_EQ(one_line("安全 Régis"), "安全 Régis");
}
