// Sending messages over SMTP with libcurl: one handle for the whole run (so the connection is
// kept between messages when the server allows it), one transaction per message, and a
// failure of one message reported without stopping the others.

#include <curl/curl.h>

#include <cstring>
#include <memory>
#include <mutex>

#include "libtracker/error.hpp"
#include "libtracker/mail.hpp"

namespace libtracker {
namespace {

struct Upload {
  const std::string* data;
  std::size_t offset = 0;
};

std::size_t read_message(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* up = static_cast<Upload*>(user);
  const std::size_t room = size * count;
  const std::size_t left = up->data->size() - up->offset;
  const std::size_t n = left < room ? left : room;
  std::memcpy(buffer, up->data->data() + up->offset, n);
  up->offset += n;
  return n;
}

void global_init() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
      throw Error("libcurl could not be initialised");
  });
}

struct CurlDeleter {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct ListDeleter {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

}  // namespace

std::vector<SendOutcome> send_messages(const SmtpOptions& smtp,
                                       const std::vector<MailMessage>& messages,
                                       const std::function<void(const MailMessage&)>& on_sent) {
  const bool plain = smtp.url.rfind("smtp://", 0) == 0;
  const bool tls = smtp.url.rfind("smtps://", 0) == 0;
  if (!plain && !tls)
    throw InvalidArgumentError(
        "an SMTP server is named smtp://host:port or smtps://host:port, not \"" + smtp.url + "\"");
  global_init();
  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) throw Error("libcurl could not make a handle");
  std::vector<SendOutcome> out;
  for (const MailMessage& m : messages) {
    SendOutcome outcome{m.to.name, m.to.address, m.message_id, false, {}};
    CURL* c = curl.get();
    char error[CURL_ERROR_SIZE] = "";
    const std::string from = "<" + m.sender + ">";
    std::unique_ptr<curl_slist, ListDeleter> rcpt(
        curl_slist_append(nullptr, ("<" + m.to.address + ">").c_str()));
    Upload upload{&m.data};
    curl_easy_setopt(c, CURLOPT_URL, smtp.url.c_str());
    curl_easy_setopt(c, CURLOPT_MAIL_FROM, from.c_str());
    curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt.get());
    curl_easy_setopt(c, CURLOPT_READFUNCTION, read_message);
    curl_easy_setopt(c, CURLOPT_READDATA, &upload);
    curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(m.data.size()));
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, smtp.timeout_seconds);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, smtp.timeout_seconds);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    if (plain)
      curl_easy_setopt(c, CURLOPT_USE_SSL,
                       static_cast<long>(smtp.require_tls ? CURLUSESSL_ALL : CURLUSESSL_NONE));
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!smtp.ca_file.empty()) curl_easy_setopt(c, CURLOPT_CAINFO, smtp.ca_file.c_str());
    if (!smtp.user.empty()) {
      curl_easy_setopt(c, CURLOPT_USERNAME, smtp.user.c_str());
      curl_easy_setopt(c, CURLOPT_PASSWORD, smtp.password.c_str());
    }
    const CURLcode result = curl_easy_perform(c);
    if (result == CURLE_OK) {
      outcome.sent = true;
    } else {
      long code = 0;
      curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
      outcome.error = error[0] != '\0' ? error : curl_easy_strerror(result);
      if (code > 0) outcome.error += " (server reply " + std::to_string(code) + ")";
    }
    out.push_back(outcome);
    if (outcome.sent && on_sent) on_sent(m);
  }
  return out;
}

}  // namespace libtracker
