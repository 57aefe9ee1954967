// Scope: which cases a staff member may work on, as a set of department codes
// (担当局区, from procedures/_departments.yaml) and a set of ward codes ("aoba",
// "taihaku", …), each of which may be "all". A case is covered when its
// department is in the first set and its ward in the second; a case with no
// ward (outside the city, or not tied to one) is covered only by "all" wards.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace madoguchi::identity {

inline constexpr std::string_view kAllCode = "all";

// True for a code a scope may hold: 1–64 of [a-z0-9_], or "all".
bool is_valid_scope_code(std::string_view code);

class CodeSet {
 public:
  CodeSet() = default;  // empty: covers nothing
  static CodeSet all();
  // "all" among the codes makes the set cover everything.
  static CodeSet of(const std::vector<std::string>& codes);

  bool is_all() const { return all_; }
  bool empty() const { return !all_ && codes_.empty(); }
  bool contains(std::string_view code) const;
  // What is stored and shown: {"all"} or the codes in order.
  std::vector<std::string> codes() const;
  friend bool operator==(const CodeSet&, const CodeSet&) = default;

 private:
  bool all_ = false;
  std::set<std::string, std::less<>> codes_;
};

struct Scope {
  CodeSet departments;
  CodeSet wards;

  bool covers(std::string_view department, const std::optional<std::string>& ward) const;
  friend bool operator==(const Scope&, const Scope&) = default;
};

}  // namespace madoguchi::identity
