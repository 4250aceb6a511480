#pragma once
// A ZIP archive read from memory through libzip, with the limits of ReadLimits enforced while
// members inflate (a declared size is never trusted).

#include <memory>
#include <string>
#include <string_view>

#include "libtracker/readers.hpp"

struct zip;

namespace libtracker::detail {

class ZipArchive {
 public:
  /// @throw ParseError naming @p source when @p bytes is not a readable ZIP.
  ZipArchive(std::string_view bytes, std::string source, const ReadLimits& limits);
  ~ZipArchive();
  ZipArchive(ZipArchive&&) noexcept;
  ZipArchive& operator=(ZipArchive&&) noexcept;
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  /// Whether a member of that exact name exists.
  bool has(const std::string& name) const;
  /// The inflated member.
  /// @throw ParseError when it is missing (and @p required), corrupt, encrypted, or inflates
  ///        past the member, total or ratio limits.
  std::string read(const std::string& name, bool required = true);

  const std::string& source() const noexcept { return source_; }

 private:
  struct ZipCloser {
    void operator()(zip* z) const noexcept;
  };
  std::unique_ptr<zip, ZipCloser> zip_;
  std::string source_;
  ReadLimits limits_;
  std::size_t inflated_ = 0;
};

/// Whether @p bytes starts like a ZIP archive ("PK\3\4").
bool looks_like_zip(std::string_view bytes) noexcept;

/// The member @p target of a relationship in @p part ("word/document.xml" + "media/x.png"),
/// resolved as a path: "../" steps up, a leading "/" is the archive root.
std::string resolve_part(const std::string& part, const std::string& target);

}  // namespace libtracker::detail
