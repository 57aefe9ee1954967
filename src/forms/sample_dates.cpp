#include "forms/sample_dates.h"

#include "forms/date_rules.h"
#include "jp/wareki.h"

namespace madoguchi::forms {

namespace {

void resolve(nlohmann::json& value, std::chrono::year_month_day today) {
  if (value.is_string()) {
    const auto& text = value.get_ref<const std::string&>();
    if (!text.starts_with("today")) return;
    const auto bound = parse_date_bound(text);
    if (!bound || bound->kind != DateBound::Kind::relative) return;
    value = jp::format_iso(*resolve_date_bound(*bound, today));
  } else if (value.is_structured()) {
    for (auto& item : value) resolve(item, today);
  }
}

}  // namespace

nlohmann::json resolve_sample_dates(nlohmann::json answers, std::chrono::year_month_day today) {
  resolve(answers, today);
  return answers;
}

}  // namespace madoguchi::forms
