// RAII owners of libcurl handles: an easy handle (curl's global setup is done
// once per process before the first) and a string list. Both free themselves.
#pragma once

#include <curl/curl.h>

#include <memory>
#include <string>

namespace madoguchi::notify {

struct CurlEasyDeleter {
  void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
};
using CurlEasy = std::unique_ptr<CURL, CurlEasyDeleter>;

// A new easy handle; throws std::runtime_error if curl cannot make one.
CurlEasy make_curl_easy();

class CurlList {
 public:
  CurlList() = default;
  ~CurlList() { curl_slist_free_all(list_); }
  CurlList(const CurlList&) = delete;
  CurlList& operator=(const CurlList&) = delete;

  // Throws std::runtime_error if curl cannot allocate.
  void append(const std::string& item);
  curl_slist* get() const { return list_; }

 private:
  curl_slist* list_ = nullptr;
};

}  // namespace madoguchi::notify
