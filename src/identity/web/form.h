// Form helpers for the identity pages: read an urlencoded post by field name,
// and word FieldProblems from the identity message catalogue for the error
// summary (links to each field) and the message beside each field.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "identity/field_problem.h"
#include "platform/http/request.h"
#include "platform/http/url.h"
#include "platform/web/language.h"

namespace madoguchi::identity {

class FormInput {
 public:
  explicit FormInput(const platform::http::Request& request);
  // The first value of `name`, "" if absent.
  std::string value(std::string_view name) const;

 private:
  platform::http::FormFields fields_;
};

// The message for a problem: identity.<code>, with {limit} filled in.
std::string problem_text(const platform::web::Messages& messages, platform::web::Language language,
                         const FieldProblem& problem);

class FormErrors {
 public:
  FormErrors(const platform::web::Messages& messages, platform::web::Language language);

  // Listed in the summary and shown beside the field.
  void add(const FieldProblem& problem);
  // Listed in the summary only (a refused sign-in is not one field's fault), linking to `field`.
  void add_summary(std::string field, const std::string& code);
  bool empty() const { return summary_.empty(); }
  // Sets has_errors, errors (the summary: field, message) and error.<field> in a page context.
  void into(nlohmann::json& context) const;

 private:
  const platform::web::Messages& messages_;
  platform::web::Language language_;
  nlohmann::json summary_ = nlohmann::json::array();
  nlohmann::json by_field_ = nlohmann::json::object();
};

}  // namespace madoguchi::identity
