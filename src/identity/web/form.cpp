#include "identity/web/form.h"

namespace madoguchi::identity {

FormInput::FormInput(const platform::http::Request& request) {
  if (request.has_content_type("application/x-www-form-urlencoded")) fields_ = platform::http::parse_urlencoded(request.body);
}

std::string FormInput::value(std::string_view name) const {
  for (const auto& [key, value] : fields_) {
    if (key == name) return value;
  }
  return {};
}

std::string problem_text(const platform::web::Messages& messages, platform::web::Language language,
                         const FieldProblem& problem) {
  std::string text = messages.text(language, "identity." + problem.code);
  auto at = text.find("{limit}");
  if (at != std::string::npos) text.replace(at, 7, std::to_string(problem.limit));
  return text;
}

FormErrors::FormErrors(const platform::web::Messages& messages, platform::web::Language language)
    : messages_(messages), language_(language) {}

void FormErrors::add(const FieldProblem& problem) {
  std::string text = problem_text(messages_, language_, problem);
  summary_.push_back({{"field", problem.field}, {"message", text}});
  if (!by_field_.contains(problem.field)) by_field_[problem.field] = text;
}

void FormErrors::add_summary(std::string field, const std::string& code) {
  summary_.push_back({{"field", std::move(field)}, {"message", problem_text(messages_, language_, {"", code, 0})}});
}

void FormErrors::into(nlohmann::json& context) const {
  context["has_errors"] = !summary_.empty();
  context["errors"] = summary_;
  context["error"] = by_field_;
}

}  // namespace madoguchi::identity
