#pragma once
/// @file due.hpp
/// When an action item is due: no date, explicitly "TBD", or a calendar date.

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <string>
#include <string_view>

namespace libtracker {

/// A due date. Keeps the text it was given ("30 May") beside its meaning.
class Due {
 public:
  /// No date, explicitly to be decided, or a calendar date. Stored as its number: never
  /// renumber.
  enum class Kind { none = 0, tbd = 1, date = 2 };

  /// No due date.
  Due() = default;
  /// Explicitly to be decided.
  static Due tbd(std::string text = "TBD");
  /// Due on @p day. @throw InvalidArgumentError if @p day is not a valid date.
  static Due on(boost::gregorian::date day, std::string text = {});

  /// Which of the three it is.
  Kind kind() const noexcept { return kind_; }
  /// No due date at all.
  bool is_none() const noexcept { return kind_ == Kind::none; }
  /// Explicitly to be decided ("TBD", "TBC").
  bool is_tbd() const noexcept { return kind_ == Kind::tbd; }
  /// A calendar date: date() may be called.
  bool has_date() const noexcept { return kind_ == Kind::date; }
  /// The date. @throw InvalidArgumentError unless has_date().
  boost::gregorian::date date() const;
  /// The text the due date was given as; the canonical form when none was given.
  const std::string& text() const noexcept { return text_; }

  /// Canonical form: ISO "2017-06-20", "TBD", or "" for none.
  std::string to_string() const;
  /// Reads the canonical form back. @throw ParseError for anything else.
  static Due from_string(std::string_view canonical);

  /// Equal when they mean the same (the original text is not compared).
  friend bool operator==(const Due& a, const Due& b) noexcept {
    return a.kind_ == b.kind_ && (a.kind_ != Kind::date || a.date_ == b.date_);
  }
  friend bool operator!=(const Due& a, const Due& b) noexcept { return !(a == b); }

 private:
  Kind kind_ = Kind::none;
  boost::gregorian::date date_{boost::date_time::not_a_date_time};
  std::string text_;
};

}  // namespace libtracker
