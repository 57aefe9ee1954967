#include "notify/address.h"

namespace madoguchi::notify {

namespace {

// Printable ASCII except what could end an address or start another in a header.
bool allowed(char c) {
  return c > ' ' && c < 0x7F && std::string_view("<>()[],;:\"\\").find(c) == std::string_view::npos;
}

}  // namespace

bool is_plausible_address(std::string_view address) {
  if (address.empty() || address.size() > 254) return false;
  for (char c : address) {
    if (c != '@' && !allowed(c)) return false;
  }
  size_t at = address.find('@');
  if (at == std::string_view::npos || address.find('@', at + 1) != std::string_view::npos) return false;
  std::string_view local = address.substr(0, at);
  std::string_view domain = address.substr(at + 1);
  if (local.empty() || local.size() > 64 || domain.empty()) return false;
  return domain.front() != '.' && domain.back() != '.' && domain.find("..") == std::string_view::npos;
}

std::string_view address_domain(std::string_view address) {
  size_t at = address.rfind('@');
  return at == std::string_view::npos ? std::string_view{} : address.substr(at + 1);
}

std::string mask_address(std::string_view address) {
  size_t at = address.rfind('@');
  if (at == std::string_view::npos || at == 0) return "***";
  std::string masked(1, address.front());
  masked += "***@";
  std::string_view domain = address.substr(at + 1);
  if (domain.empty()) return masked + "***";
  masked += domain.front();
  masked += "***";
  size_t dot = domain.rfind('.');
  if (dot != std::string_view::npos && dot > 0) masked += domain.substr(dot);
  return masked;
}

}  // namespace madoguchi::notify
