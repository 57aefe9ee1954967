// The exceptions case work throws to its web layer: a rule refused the
// action (ActionRefused: 403 for who may act, 409 for the case's state), the
// case changed since the page was drawn (CaseChanged, with the changes since
// then), or the input needs fixing (ActionInvalid, field by field).
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "applications/application.h"
#include "casework/refusal.h"

namespace madoguchi::casework {

class ActionRefused : public std::runtime_error {
 public:
  // forbidden: the person may not do this (403); otherwise the case's state does not allow it now (409).
  ActionRefused(Refusal refusal, bool forbidden)
      : std::runtime_error(refusal.code), refusal_(std::move(refusal)), forbidden_(forbidden) {}
  const Refusal& refusal() const { return refusal_; }
  bool forbidden() const { return forbidden_; }

 private:
  Refusal refusal_;
  bool forbidden_;
};

class CaseChanged : public std::runtime_error {
 public:
  CaseChanged(applications::Application current, std::vector<applications::ApplicationEvent> changes)
      : std::runtime_error("case changed"), current_(std::move(current)), changes_(std::move(changes)) {}
  const applications::Application& current() const { return current_; }
  // The timeline events after the one the page was drawn with.
  const std::vector<applications::ApplicationEvent>& changes() const { return changes_; }

 private:
  applications::Application current_;
  std::vector<applications::ApplicationEvent> changes_;
};

struct InputProblem {
  std::string field;
  std::string code;
};

class ActionInvalid : public std::runtime_error {
 public:
  explicit ActionInvalid(std::vector<InputProblem> problems, std::string message_ja = {}, std::string message_en = {})
      : std::runtime_error("invalid input"),
        problems_(std::move(problems)),
        message_ja_(std::move(message_ja)),
        message_en_(std::move(message_en)) {}
  const std::vector<InputProblem>& problems() const { return problems_; }
  // A message for problems no field explains (a notice that cannot be printed).
  const std::string& message_ja() const { return message_ja_; }
  const std::string& message_en() const { return message_en_; }

 private:
  std::vector<InputProblem> problems_;
  std::string message_ja_;
  std::string message_en_;
};

}  // namespace madoguchi::casework
