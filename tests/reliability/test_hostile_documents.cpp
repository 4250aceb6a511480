// Hostile documents are normal input: each of these is a ParseError naming the file and what
// was wrong, read within bounded memory (under 256 MiB) and time, and an import of it writes
// nothing. The ZIP-based files are built here with libzip; the PDFs are checked in
// (tests/data/hostile, made by tests/data/make_office_fixtures.py).

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zip.h>

#include <chrono>
#include <cstring>
#include <libtracker/error.hpp>
#include <libtracker/import.hpp>
#include <libtracker/readers.hpp>
#include <libtracker/store.hpp>
#include <map>
#include <string>

#include "support.hpp"

namespace {

using namespace libtracker;
using fixtures::read_file;
using fixtures::TempDir;

const char* const kContentTypes =
    "<?xml version=\"1.0\"?><Types "
    "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>";

/// Writes a ZIP of @p members (name -> content), deflated at @p level.
void write_zip(const std::string& path, const std::map<std::string, std::string>& members,
               int level = 6) {
  int error = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  ASSERT_NE(z, nullptr);
  for (const auto& [name, data] : members) {
    zip_source_t* src = zip_source_buffer(z, data.data(), data.size(), 0);
    ASSERT_NE(src, nullptr);
    const zip_int64_t index = zip_file_add(z, name.c_str(), src, ZIP_FL_OVERWRITE);
    ASSERT_GE(index, 0);
    zip_set_file_compression(z, static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE,
                             static_cast<zip_uint32_t>(level));
  }
  ASSERT_EQ(zip_close(z), 0);
}

std::string docx_body(const std::string& body) {
  return "<?xml version=\"1.0\"?><w:document "
         "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" +
         body + "</w:body></w:document>";
}

/// What reading a file in a child process gave: the error, its peak memory and its time.
struct Outcome {
  bool parse_error = false;
  std::string message;
  long peak_kib = 0;
  double seconds = 0;
};

/// Reads @p path in a fresh child process so that its peak memory is its own.
Outcome read_in_child(const std::string& path, DocumentFormat format) {
  int fds[2];
  EXPECT_EQ(pipe(fds), 0);
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    std::string report;
    try {
      const std::string content = read_file(path);
      read_document(content, format, path);
      report = "0no error";
    } catch (const ParseError& e) {
      report = std::string("1") + e.what();
    } catch (const std::exception& e) {
      report = std::string("0other error: ") + e.what();
    }
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    report = std::to_string(usage.ru_maxrss) + " " + report;
    ssize_t written = write(fds[1], report.data(), report.size());
    (void)written;
    _exit(0);
  }
  close(fds[1]);
  std::string report;
  char buf[4096];
  for (ssize_t n; (n = read(fds[0], buf, sizeof buf)) > 0;) report.append(buf, buf + n);
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  Outcome out;
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const std::size_t space = report.find(' ');
  if (space == std::string::npos || space + 1 >= report.size()) {
    out.message = "the child died: " + report;
    return out;
  }
  out.peak_kib = std::stol(report.substr(0, space));
  out.parse_error = report[space + 1] == '1';
  out.message = report.substr(space + 2);
  return out;
}

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

class HostileDocuments : public ::testing::Test {
 protected:
  /// A ParseError that names the file and says @p reason; under 256 MiB and 20 s; and an import
  /// of the same file leaves the store empty.
  void expect_refused(const std::string& path, DocumentFormat format, const std::string& reason) {
    SCOPED_TRACE(path);
    const Outcome out = read_in_child(path, format);
    EXPECT_TRUE(out.parse_error) << out.message;
    EXPECT_NE(out.message.find(path), std::string::npos) << out.message;
    EXPECT_NE(out.message.find(reason), std::string::npos) << out.message;
    EXPECT_LT(out.seconds, 20.0);
    // AddressSanitizer's shadow memory makes the peak meaningless there.
    if (!kSanitized) EXPECT_LT(out.peak_kib, 256 * 1024) << out.peak_kib << " KiB";

    Store store(dir.file("team.db"));
    ImportOptions options;
    options.format = format_from_string(to_string(format));
    options.source = path;
    EXPECT_THROW(import_text(store, read_file(path), options), ParseError);
    EXPECT_EQ(store.count(), 0u);
  }

  TempDir dir;
};

TEST_F(HostileDocuments, TruncatedAndCorruptZip) {
  const std::string good = dir.file("good.docx");
  write_zip(good, {{"[Content_Types].xml", kContentTypes},
                   {"word/document.xml", docx_body("<w:p><w:r><w:t>Hello</w:t></w:r></w:p>")}});
  const std::string bytes = read_file(good);
  const std::string truncated = dir.file("truncated.docx");
  std::ofstream(truncated, std::ios::binary) << bytes.substr(0, bytes.size() / 2);
  expect_refused(truncated, DocumentFormat::docx, "ZIP");
  std::string corrupt = bytes;
  for (std::size_t i = 40; i < corrupt.size() / 2; ++i) corrupt[i] = static_cast<char>(i * 7);
  const std::string corrupt_path = dir.file("corrupt.docx");
  std::ofstream(corrupt_path, std::ios::binary) << corrupt;
  expect_refused(corrupt_path, DocumentFormat::docx, "ZIP");
}

TEST_F(HostileDocuments, ZipBombByRatio) {
  // 64 MiB of one character: past 200 times its compressed size after its first MiB.
  const std::string path = dir.file("bomb.docx");
  write_zip(
      path,
      {{"[Content_Types].xml", kContentTypes}, {"word/document.xml", std::string(64u << 20, ' ')}},
      9);
  expect_refused(path, DocumentFormat::docx, "times its compressed size");
}

TEST_F(HostileDocuments, ZipBombBySize) {
  // 101 MiB of two letters at random: about 7:1 (the ratio is no help), and the member limit
  // stops it.
  std::string data(101u << 20, 'a');
  std::uint32_t x = 12345;
  for (char& c : data) {
    x = x * 1103515245u + 12345u;
    c = (x >> 16) & 1 ? 'a' : 'b';
  }
  const std::string path = dir.file("big.xlsx");
  write_zip(path, {{"[Content_Types].xml", kContentTypes}, {"xl/workbook.xml", data}}, 1);
  data.clear();
  data.shrink_to_fit();
  expect_refused(path, DocumentFormat::xlsx, "inflates past 100 MiB");
}

TEST_F(HostileDocuments, EntityExpansionAndExternalEntities) {
  std::string laughs = "<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY lol \"lol\">";
  for (int i = 1; i < 10; ++i)
    laughs += "<!ENTITY lol" + std::to_string(i) + " \"" + std::string(10 * 0, ' ') + [&] {
      std::string refs;
      for (int k = 0; k < 10; ++k)
        refs += "&lol" + (i == 1 ? std::string() : std::to_string(i - 1)) + ";";
      return refs;
    }() + "\">";
  laughs += "]>" + docx_body("<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>").substr(21);
  const std::string bomb = dir.file("laughs.docx");
  write_zip(bomb, {{"[Content_Types].xml", kContentTypes}, {"word/document.xml", laughs}});
  expect_refused(bomb, DocumentFormat::docx, "DOCTYPE");

  const std::string xxe =
      "<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY secret "
      "SYSTEM \"file:///etc/passwd\">]>" +
      docx_body("<w:p><w:r><w:t>&secret;</w:t></w:r></w:p>").substr(21);
  const std::string external = dir.file("external.docx");
  write_zip(external, {{"[Content_Types].xml", kContentTypes}, {"word/document.xml", xxe}});
  expect_refused(external, DocumentFormat::docx, "DOCTYPE");
}

TEST_F(HostileDocuments, DeepNesting) {
  std::string deep;
  for (int i = 0; i < 10000; ++i) deep += "<w:sdt><w:sdtContent>";
  for (int i = 0; i < 10000; ++i) deep += "</w:sdtContent></w:sdt>";
  const std::string path = dir.file("deep.docx");
  write_zip(path, {{"[Content_Types].xml", kContentTypes}, {"word/document.xml", docx_body(deep)}});
  expect_refused(path, DocumentFormat::docx, "nested deeper than");

  std::string html = "<html><body>";
  for (int i = 0; i < 10000; ++i) html += "<div>";
  html += "Action";
  const std::string page = dir.file("deep.html");
  std::ofstream(page, std::ios::binary) << html;
  expect_refused(page, DocumentFormat::html, "nested deeper than");
}

TEST_F(HostileDocuments, AMillionEmptyRows) {
  std::string rows;
  rows.reserve(24u << 20);
  for (int r = 1; r <= 1000000; ++r) rows += "<row r=\"" + std::to_string(r) + "\"/>";
  const std::string sheet =
      "<?xml version=\"1.0\"?><worksheet "
      "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" +
      rows + "</sheetData></worksheet>";
  rows.clear();
  rows.shrink_to_fit();
  const std::string workbook =
      "<?xml version=\"1.0\"?><workbook "
      "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
      "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
      "<sheet name=\"Open\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
  const std::string rels =
      "<?xml version=\"1.0\"?><Relationships "
      "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship "
      "Id=\"rId1\" Type=\"worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>";
  const std::string path = dir.file("rows.xlsx");
  write_zip(path, {{"[Content_Types].xml", kContentTypes},
                   {"xl/workbook.xml", workbook},
                   {"xl/_rels/workbook.xml.rels", rels},
                   {"xl/worksheets/sheet1.xml", sheet}});
  expect_refused(path, DocumentFormat::xlsx, "more than 100000 rows");
}

TEST_F(HostileDocuments, EncryptedPdfAndPdfWithoutText) {
  const std::string hostile = std::string(LIBTRACKER_DATA_DIR) + "/hostile/";
  expect_refused(hostile + "encrypted.pdf", DocumentFormat::pdf, "encrypted PDF");
  expect_refused(hostile + "scan.pdf", DocumentFormat::pdf, "PDF without text");
  const std::string pdf = read_file(std::string(LIBTRACKER_DATA_DIR) + "/documents/cross_list.pdf");
  const std::string truncated = dir.file("truncated.pdf");
  std::ofstream(truncated, std::ios::binary) << pdf.substr(0, 600);
  const Outcome out = read_in_child(truncated, DocumentFormat::pdf);
  EXPECT_TRUE(out.parse_error) << out.message;
  EXPECT_NE(out.message.find(truncated), std::string::npos) << out.message;
}

// A trailer or cross-reference section that claims millions of objects in a small file (found
// by fuzz_pdf): poppler sizes its table from the claim, 40 bytes an object, before reading any.
TEST_F(HostileDocuments, PdfClaimingMillionsOfObjects) {
  const std::string pdf = read_file(std::string(LIBTRACKER_DATA_DIR) + "/documents/cross_list.pdf");
  const std::size_t size = pdf.rfind("/Size ");
  ASSERT_NE(size, std::string::npos);
  std::string huge_size = pdf;
  huge_size.insert(pdf.find_first_not_of("0123456789", size + 6), "000000");
  std::ofstream(dir.file("size.pdf"), std::ios::binary) << huge_size;
  expect_refused(dir.file("size.pdf"), DocumentFormat::pdf, "cross-reference claims");

  const std::size_t section = pdf.rfind("xref\n0 ");
  ASSERT_NE(section, std::string::npos);
  std::string huge_section = pdf;
  huge_section.insert(pdf.find_first_not_of("0123456789", section + 7), "000000");
  std::ofstream(dir.file("section.pdf"), std::ios::binary) << huge_section;
  expect_refused(dir.file("section.pdf"), DocumentFormat::pdf, "cross-reference claims");
}

}  // namespace
