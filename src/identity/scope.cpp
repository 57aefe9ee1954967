#include "identity/scope.h"

namespace madoguchi::identity {

bool is_valid_scope_code(std::string_view code) {
  if (code.empty() || code.size() > 64) return false;
  for (char c : code) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok) return false;
  }
  return true;
}

CodeSet CodeSet::all() {
  CodeSet set;
  set.all_ = true;
  return set;
}

CodeSet CodeSet::of(const std::vector<std::string>& codes) {
  CodeSet set;
  for (const auto& code : codes) {
    if (code == kAllCode) return all();
    set.codes_.insert(code);
  }
  return set;
}

bool CodeSet::contains(std::string_view code) const { return all_ || codes_.find(code) != codes_.end(); }

std::vector<std::string> CodeSet::codes() const {
  if (all_) return {std::string(kAllCode)};
  return {codes_.begin(), codes_.end()};
}

bool Scope::covers(std::string_view department, const std::optional<std::string>& ward) const {
  if (!departments.contains(department)) return false;
  return ward ? wards.contains(*ward) : wards.is_all();
}

}  // namespace madoguchi::identity
