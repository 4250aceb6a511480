#include "read/zip_archive.hpp"

#include <zip.h>

#include <vector>

#include "libtracker/error.hpp"
#include "libtracker/text.hpp"

namespace libtracker::detail {
namespace {

std::string mib(std::size_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

}  // namespace

void ZipArchive::ZipCloser::operator()(zip* z) const noexcept { zip_discard(z); }

ZipArchive::ZipArchive(std::string_view bytes, std::string source, const ReadLimits& limits)
    : source_(std::move(source)), limits_(limits) {
  zip_error_t error;
  zip_error_init(&error);
  // The buffer is not copied: it outlives the archive, which only reads it.
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (src == nullptr) {
    const std::string what = zip_error_strerror(&error);
    zip_error_fini(&error);
    throw ParseError("not a readable ZIP archive (" + what + ")", std::string(), 0, source_);
  }
  zip_t* z = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (z == nullptr) {
    zip_source_free(src);
    const std::string what = zip_error_strerror(&error);
    zip_error_fini(&error);
    throw ParseError("corrupt or truncated ZIP archive (" + what + ")", std::string(), 0, source_);
  }
  zip_error_fini(&error);
  zip_.reset(z);
}

ZipArchive::~ZipArchive() = default;
ZipArchive::ZipArchive(ZipArchive&&) noexcept = default;
ZipArchive& ZipArchive::operator=(ZipArchive&&) noexcept = default;

bool ZipArchive::has(const std::string& name) const {
  return zip_name_locate(zip_.get(), name.c_str(), 0) >= 0;
}

std::string ZipArchive::read(const std::string& name, bool required) {
  const zip_int64_t index = zip_name_locate(zip_.get(), name.c_str(), 0);
  if (index < 0) {
    if (!required) return {};
    throw ParseError("the archive has no member " + name, name, 0, source_);
  }
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(zip_.get(), static_cast<zip_uint64_t>(index), 0, &st) != 0)
    throw ParseError("unreadable ZIP member", name, 0, source_);
  if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
    throw ParseError("encrypted ZIP member (a password-protected document)", name, 0, source_);
  const std::size_t compressed = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;

  zip_file_t* file = zip_fopen_index(zip_.get(), static_cast<zip_uint64_t>(index), 0);
  if (file == nullptr)
    throw ParseError(std::string("unreadable ZIP member (") + zip_strerror(zip_.get()) + ")", name,
                     0, source_);
  std::string out;
  std::vector<char> chunk(std::size_t{64} * 1024);
  try {
    for (;;) {
      const zip_int64_t n = zip_fread(file, chunk.data(), chunk.size());
      if (n < 0)
        throw ParseError(std::string("corrupt ZIP member (") + zip_file_strerror(file) + ")", name,
                         0, source_);
      if (n == 0) break;
      const std::size_t got = static_cast<std::size_t>(n);
      // Counted as it inflates: the sizes in the archive's directory may lie.
      if (out.size() + got > limits_.max_member_bytes)
        throw ParseError(
            "ZIP member inflates past " + mib(limits_.max_member_bytes) + " (a ZIP bomb?)", name, 0,
            source_);
      if (inflated_ + out.size() + got > limits_.max_inflated_bytes)
        throw ParseError("ZIP members inflate past " + mib(limits_.max_inflated_bytes) +
                             " in total (a ZIP bomb?)",
                         name, 0, source_);
      out.append(chunk.data(), got);
      if (out.size() >= limits_.ratio_floor_bytes &&
          out.size() / std::max<std::size_t>(compressed, 1) > limits_.max_ratio)
        throw ParseError("ZIP member inflates more than " + std::to_string(limits_.max_ratio) +
                             " times its compressed size (a ZIP bomb?)",
                         name, 0, source_);
    }
  } catch (...) {
    zip_fclose(file);
    throw;
  }
  zip_fclose(file);
  inflated_ += out.size();
  return out;
}

bool looks_like_zip(std::string_view bytes) noexcept {
  return bytes.size() >= 4 && bytes.compare(0, 4, std::string_view("PK\3\4", 4)) == 0;
}

std::string resolve_part(const std::string& part, const std::string& target) {
  std::vector<std::string> parts;
  std::string path;
  if (!target.empty() && target[0] == '/') {
    path = target.substr(1);
  } else {
    const std::size_t slash = part.rfind('/');
    path = (slash == std::string::npos ? std::string() : part.substr(0, slash + 1)) + target;
  }
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    const std::string piece = path.substr(start, end - start);
    if (piece == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!piece.empty() && piece != ".") {
      parts.push_back(piece);
    }
    start = end + 1;
  }
  return join(parts, "/");
}

}  // namespace libtracker::detail
