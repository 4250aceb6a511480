#include <gtest/gtest.h>

#include <libtracker/email_address.hpp>
#include <libtracker/error.hpp>

using namespace libtracker;

TEST(EmailAddress, PlainAddressesAreKeptWithoutSurroundingSpace) {
  EXPECT_EQ(parse_email_address("  james.gannon@example.org\t"), "james.gannon@example.org");
  EXPECT_EQ(parse_email_address("gudrun.poulsen+ssr2@ssr2-rt.icann.org"),
            "gudrun.poulsen+ssr2@ssr2-rt.icann.org");
  EXPECT_EQ(parse_email_address("o'brien_{x}@Example.ORG"), "o'brien_{x}@Example.ORG");
}

TEST(EmailAddress, EveryWayToSmuggleAHeaderIsRefusedWithItsPosition) {
  struct Case {
    const char* text;
    std::size_t position;
    const char* reason;
  };
  for (const Case& c : {
           Case{"james@example.org\r\nBcc: all@example.org", 17, "control character"},
           Case{"james@example.org\nBcc: x@y.org", 17, "control character"},
           Case{"James Gannon <james@example.org>", 5, "space"},
           Case{"<james@example.org>", 0, "angle brackets"},
           Case{"guðrun@example.org", 2, "non-ASCII"},
           Case{"danko@jevtović.rs", 13, "non-ASCII"},
           Case{"a,b@example.org", 1, "character ','"},
           Case{"\"quoted\"@example.org", 0, "character '\"'"},
           Case{"james@example.org (work)", 17, "space"},
           Case{"two@at@example.org", 3, "more than one @"},
           Case{"no-at-sign.example.org", 22, "no @"},
           Case{"@example.org", 0, "nothing before"},
           Case{"james@", 6, "no domain"},
           Case{"james@localhost", 6, "needs a dot"},
           Case{"james@example..org", 14, "empty label"},
           Case{"james@-example.org", 6, "hyphen"},
           Case{"james@exa_mple.org", 9, "character '_'"},
           Case{".james@example.org", 0, "dot"},
           Case{"ja..mes@example.org", 2, "two dots"},
           Case{"", 0, "empty"},
       }) {
    try {
      parse_email_address(c.text);
      ADD_FAILURE() << c.text << " was accepted";
    } catch (const ParseError& e) {
      EXPECT_EQ(e.position(), c.position) << c.text << ": " << e.what();
      EXPECT_NE(e.reason().find(c.reason), std::string::npos) << c.text << ": " << e.what();
      EXPECT_EQ(e.source(), "e-mail address");
    }
  }
}

TEST(EmailAddress, LengthLimitsOfRfc5321) {
  const std::string local64(64, 'a');
  EXPECT_NO_THROW(parse_email_address(local64 + "@example.org"));
  EXPECT_THROW(parse_email_address(local64 + "a@example.org"), ParseError);
  const std::string label63(63, 'b');
  EXPECT_NO_THROW(parse_email_address("x@" + label63 + ".org"));
  EXPECT_THROW(parse_email_address("x@" + label63 + "b.org"), ParseError);
  std::string long_domain;
  while (long_domain.size() < 250) long_domain += label63.substr(0, 9) + ".";
  EXPECT_THROW(parse_email_address("x@" + long_domain + "org"), ParseError);
}
