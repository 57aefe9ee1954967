#include "notify/curl_handles.h"

#include <mutex>
#include <stdexcept>

namespace madoguchi::notify {

CurlEasy make_curl_easy() {
  static std::once_flag global_init;
  std::call_once(global_init, [] {
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) throw std::runtime_error("curl_global_init failed");
  });
  CurlEasy handle(curl_easy_init());
  if (!handle) throw std::runtime_error("curl_easy_init failed");
  return handle;
}

void CurlList::append(const std::string& item) {
  curl_slist* grown = curl_slist_append(list_, item.c_str());
  if (!grown) throw std::runtime_error("curl_slist_append failed");
  list_ = grown;
}

}  // namespace madoguchi::notify
