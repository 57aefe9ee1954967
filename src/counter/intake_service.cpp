#include "counter/intake_service.h"

#include "applications/form_state.h"
#include "counter/card_comparison.h"
#include "jp/check_digits.h"
#include "platform/time.h"

namespace madoguchi::counter {

applications::IdempotencyRequest counter_submission_key(int64_t item_id) {
  return {"counter-item:" + std::to_string(item_id), "counter-item"};
}

std::optional<std::string> ward_of_clerk(const identity::StaffUser& clerk) {
  auto codes = clerk.scope.wards.codes();
  if (clerk.scope.wards.is_all() || codes.size() != 1) return std::nullopt;
  return codes.front();
}

bool may_open(const identity::StaffUser& clerk, const Intake& intake) {
  if (intake.clerk == clerk.login) return true;
  if (clerk.scope.wards.is_all()) return true;
  return intake.ward && clerk.scope.wards.contains(*intake.ward);
}

std::variant<Intake, IntakeRefusal> IntakeService::take_in(std::string_view code, const identity::StaffUser& clerk,
                                                           const std::optional<std::string>& visit_reference,
                                                           const identity::AuditActor& actor) {
  TakeResult checked = codes_.check(code);
  IntakeRefusal refusal;
  if (!checked.taken) {
    refusal.problem = checked.problem;
    refusal.expires_at = checked.expires_at;
    return refusal;
  }
  std::vector<applications::Draft> drafts;
  for (int64_t id : checked.taken->draft_ids) {
    auto draft = drafts_.find_by_id(id);
    if (!draft || draft->application_id || !catalogue_.find(draft->procedure_id)) continue;
    drafts.push_back(std::move(*draft));
  }
  if (drafts.empty()) {
    refusal.problem = TakeProblem::unknown;
    return refusal;
  }
  nlohmann::json procedures = nlohmann::json::array();
  for (const auto& d : drafts) procedures.push_back(d.procedure_id);
  auto opened = intakes_.open({ward_of_clerk(clerk), clerk.login, visit_reference}, *checked.taken, drafts,
                              actor.entry("counter_intake_opened", "counter_intake", "",
                                          {{"procedures", procedures}, {"pre_entry", checked.taken->id}}));
  if (!opened) {
    refusal.problem = TakeProblem::used;
    return refusal;
  }
  return std::move(*opened);
}

CorrectionOutcome IntakeService::correct(const Intake& intake, const IntakeItem& item, const std::string& field_id,
                                         const std::string& value, int row_version, const identity::AuditActor& actor,
                                         std::string_view source) {
  CorrectionOutcome out;
  const auto* procedure = catalogue_.find(item.procedure_id);
  const forms::Field* field = procedure ? procedure->form.find_field(field_id) : nullptr;
  if (!field || field->type == forms::FieldType::group || field->type == forms::FieldType::file ||
      field->type == forms::FieldType::checkbox) {
    out.kind = CorrectionOutcome::Kind::unknown_field;
    return out;
  }
  nlohmann::json answers = item.answers.is_object() ? item.answers : nlohmann::json::object();
  if (value.empty()) {
    answers.erase(field_id);
  } else {
    answers[field_id] = value;
  }
  auto result = submissions_.check(*procedure, answers, procedure->form.section_of(field_id)->id);
  for (const auto& e : result.errors) {
    if (e.path == field_id || e.path.rfind(field_id + ".", 0) == 0) out.errors.push_back(e);
  }
  if (!out.errors.empty()) {
    out.kind = CorrectionOutcome::Kind::invalid;
    return out;
  }
  if (result.answers.is_object() && result.answers.contains(field_id)) answers[field_id] = result.answers[field_id];
  bool changed_from_entry = !item.entered_answers.contains(field_id) || item.entered_answers[field_id] != answers[field_id];
  if (!intakes_.correct(item.id, row_version, answers,
                        actor.entry("counter_answer_corrected", "counter_intake", intake.public_id,
                                    {{"procedure", item.procedure_id},
                                     {"field", field_id},
                                     {"source", std::string(source)},
                                     {"differs_from_citizen", changed_from_entry}}))) {
    out.kind = CorrectionOutcome::Kind::stale;
  }
  return out;
}

CardFourItems IntakeService::record_card(const Intake& intake, const nlohmann::json& reading,
                                         const identity::StaffUser& clerk, const identity::AuditActor& actor) {
  auto text = [&](const char* key) -> std::string {
    if (!reading.is_object() || !reading.contains(key) || !reading[key].is_string()) {
      throw CardDataError("missing_item", std::string("カードの読取結果に ") + key + " がありません。",
                          std::string("The card reading has no ") + key + ".");
    }
    return reading[key].get<std::string>();
  };
  // The same checks as for the card's own bytes: rebuild the record and parse it.
  std::string name = text("name"), address = text("address"), birth = text("birth_date");
  std::string compact_birth;
  for (char c : birth) {
    if (c != '-') compact_birth.push_back(c);
  }
  int sex = reading.is_object() && reading.contains("sex_code") && reading["sex_code"].is_number_integer()
                ? reading["sex_code"].get<int>()
                : 0;
  auto tlv = [](unsigned char tag, const std::string& value) {
    std::string out = {static_cast<char>(0xDF), static_cast<char>(tag)};
    if (value.size() < 0x80) {
      out.push_back(static_cast<char>(value.size()));
    } else {
      out += {static_cast<char>(0x82), static_cast<char>(value.size() >> 8), static_cast<char>(value.size() & 0xFF)};
    }
    return out + value;
  };
  std::string body = tlv(0x22, name) + tlv(0x23, address) + tlv(0x24, compact_birth);
  if (sex != 0) body += tlv(0x25, std::to_string(sex));
  std::string record = {static_cast<char>(0xFF), 0x20, static_cast<char>(0x82), static_cast<char>(body.size() >> 8),
                        static_cast<char>(body.size() & 0xFF)};
  CardFourItems items = parse_four_items(record + body);
  std::optional<std::string> number;
  if (reading.contains("individual_number") && reading["individual_number"].is_string()) {
    auto checked = jp::check_my_number(reading["individual_number"].get<std::string>());
    if (!checked.ok()) {
      throw CardDataError("bad_number", "個人番号の検査用数字が合いません。", "The individual number's check digit does not match.");
    }
    number = checked.value();
  }
  intakes_.record_card(intake.id, card_items_json(items), number, clerk.login,
                       actor.entry("counter_card_read", "counter_intake", intake.public_id,
                                   {{"individual_number", number.has_value()},
                                    {"flagged_characters", card_items_json(items)["flagged"].size()}}));
  return items;
}

std::vector<ItemSubmission> IntakeService::submit(const Intake& intake, const identity::StaffUser& clerk,
                                                  const identity::AuditActor& actor) {
  std::vector<ItemSubmission> out;
  for (const auto& item : intake.items) {
    ItemSubmission result;
    result.item_id = item.id;
    if (item.application_id) {
      result.reference = item.reference;
      out.push_back(result);
      continue;
    }
    applications::SubmissionRequest request;
    request.procedure_id = item.procedure_id;
    request.answers = item.answers;
    request.channel = procedures::Channel::counter_pre_entry;
    request.idempotency = counter_submission_key(item.id);
    request.submitter = applications::Submitter::staff(clerk.login, clerk.roles, actor);
    request.entered_answers = item.entered_answers;
    std::optional<int64_t> draft_id = item.draft_id;
    int64_t item_id = item.id;
    std::string public_id = intake.public_id;
    request.within_transaction = [&, draft_id, item_id, public_id](platform::db::Connection& c,
                                                                   const applications::Submitted& s) {
      if (draft_id) applications::DraftStore::link_application(c, *draft_id, s.id);
      IntakeStore::link_application(c, item_id, s.id);
      auto entry = actor.entry("counter_submitted", "application", s.reference,
                               {{"intake", public_id}, {"procedure", item.procedure_id}});
      intakes_.record_audit(c, entry);
    };
    try {
      auto outcome = submissions_.submit(request);
      result.reference = outcome.submitted.reference;
    } catch (const applications::SubmissionRejected& e) {
      if (e.reason() == applications::SubmissionRejected::Reason::invalid_answers) {
        result.errors = e.errors();
      } else {
        result.refused = true;
      }
    }
    out.push_back(std::move(result));
  }
  return out;
}

}  // namespace madoguchi::counter
