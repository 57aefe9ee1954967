#include "counter/web/intake_view.h"

#include "applications/answer_summary.h"
#include "applications/display_text.h"
#include "applications/form_state.h"
#include "counter/card_comparison.h"
#include "jp/wareki.h"
#include "platform/time.h"

namespace madoguchi::counter {

using platform::web::Language;

namespace {

std::string wareki_or_iso(const std::string& iso) {
  auto parsed = jp::parse_date(iso);
  if (!parsed.ok()) return iso;
  auto text = jp::format_wareki(parsed.value(), jp::WarekiStyle::kanji_with_western);
  return text.ok() ? text.value() : iso;
}

nlohmann::json answers_json(const procedures::Procedure& procedure, const nlohmann::json& answers,
                            const std::vector<forms::FieldError>& errors, Language language) {
  applications::FormState state(procedure.form, answers, platform::today_in_tokyo());
  nlohmann::json sections = nlohmann::json::array();
  for (const auto& section : applications::summarize(state, answers, errors, language)) {
    nlohmann::json blocks = nlohmann::json::array();
    for (const auto& block : section.blocks) {
      nlohmann::json rows = nlohmann::json::array();
      for (const auto& row : block.rows) {
        rows.push_back({{"label", row.label}, {"value", row.value}, {"empty", row.value.empty()}, {"error", row.error}});
      }
      blocks.push_back({{"title", block.title}, {"rows", rows}});
    }
    sections.push_back({{"title", section.title}, {"blocks", blocks}});
  }
  return sections;
}

// Top-level questions a clerk may correct here: one value each (not groups, files or checkboxes).
nlohmann::json correctable(const procedures::Procedure& procedure, const nlohmann::json& answers, Language language) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& section : procedure.form.sections) {
    for (const auto& field : section.fields) {
      if (field.type == forms::FieldType::group || field.type == forms::FieldType::file ||
          field.type == forms::FieldType::checkbox) {
        continue;
      }
      std::string value = answers.is_object() && answers.contains(field.id) && answers[field.id].is_string()
                              ? answers[field.id].get<std::string>()
                              : "";
      out.push_back({{"id", field.id}, {"label", applications::pick(field.label, language)}, {"value", value}});
    }
  }
  return out;
}

}  // namespace

nlohmann::json intake_view(const CounterWeb& web, const platform::http::Request& request, const Intake& intake,
                           const std::map<int64_t, ItemNotice>& notices) {
  Language language = web.language(request);
  const std::string base = "/staff/counter/intakes/" + intake.public_id;
  nlohmann::json view = {{"intake_href", base},
                         {"visit_reference", intake.visit_reference.value_or("")},
                         {"clerk", intake.clerk},
                         {"bridge_url", web.bridge_url},
                         {"has_number", intake.has_individual_number},
                         {"masked_number", kMaskedNumber},
                         {"all_submitted", intake.all_submitted()}};
  nlohmann::json documents = nlohmann::json::array();
  for (const char* code : {"mynumber_card", "driving_licence", "other"}) {
    documents.push_back({{"value", code},
                         {"label", web.text(request, std::string("identity.") + code)},
                         {"checked", intake.identity_document && *intake.identity_document == code}});
  }
  view["identity_documents"] = documents;
  view["identity_checked"] = intake.identity_document.has_value();
  std::optional<CardFourItems> card;
  if (intake.card_items) {
    card = card_items_from_json(*intake.card_items);
    const auto& c = *intake.card_items;
    view["card"] = {{"name", c.value("name", "")},
                    {"address", c.value("address", "")},
                    {"birth_date", wareki_or_iso(c.value("birth_date", ""))},
                    {"sex", web.text(request, "card.sex_" + std::to_string(c.value("sex_code", 0)))},
                    {"flagged", c.value("flagged", nlohmann::json::array())},
                    {"has_flagged", !c.value("flagged", nlohmann::json::array()).empty()}};
  }
  bool needs_number = false;
  nlohmann::json items = nlohmann::json::array();
  for (const auto& item : intake.items) {
    const auto* procedure = web.citizen.catalogue.find(item.procedure_id);
    if (!procedure) continue;
    auto layout = web.layouts.find(item.procedure_id);
    if (layout != web.layouts.end() && layout->second.individual_number) needs_number = true;
    const std::string item_href = base + "/items/" + std::to_string(item.position);
    auto notice = notices.find(item.id);
    std::vector<forms::FieldError> errors = notice == notices.end() ? std::vector<forms::FieldError>{} : notice->second.errors;
    auto checked = web.citizen.submissions.check(*procedure, item.answers);
    if (!item.application_id && errors.empty()) errors = checked.errors;
    nlohmann::json comparison = nlohmann::json::array();
    if (card && !item.application_id) {
      for (const auto& row : compare_with_card(*procedure, checked.answers, *card)) {
        const auto* field = procedure->form.find_field(row.field_id);
        std::string label = field ? applications::pick(field->label, language) : row.field_id;
        std::string agreement = row.agreement == Agreement::same      ? "same"
                                : row.agreement == Agreement::variant ? "variant"
                                : row.agreement == Agreement::differs ? "differs"
                                                                      : "unanswered";
        nlohmann::json pairs = nlohmann::json::array();
        for (const auto& p : row.variant_pairs) pairs.push_back(p);
        comparison.push_back({{"field", row.field_id},
                              {"label", label},
                              {"card_value", field && field->type == forms::FieldType::date ? wareki_or_iso(row.card_value)
                                                                                           : row.card_value},
                              {"answer_value", field && field->type == forms::FieldType::date
                                                   ? wareki_or_iso(row.answer_value)
                                                   : row.answer_value},
                              {"agreement", agreement},
                              {"agreement_label", web.text(request, "compare." + agreement)},
                              {"same", row.agreement == Agreement::same},
                              {"variant_pairs", pairs},
                              {"has_variant_pairs", !pairs.empty()},
                              {"apply_href", item_href + "/card"}});
      }
    }
    bool differs_from_citizen = item.answers != item.entered_answers;
    std::string status_code;
    if (item.application_id) {
      if (auto first = web.citizen.store.replay(counter_submission_key(item.id))) status_code = first->status_secret;
    }
    items.push_back({{"position", item.position},
                     {"procedure_name", applications::pick(procedure->name, language)},
                     {"submitted", item.application_id.has_value()},
                     {"reference", item.reference.value_or("")},
                     {"case_href", item.reference ? "/staff/cases/" + *item.reference : ""},
                     {"status_code", status_code},
                     {"receipt_href", item_href + "/receipt.pdf"},
                     {"answers", answers_json(*procedure, item.answers, errors, language)},
                     {"has_errors", !errors.empty() && !item.application_id},
                     {"notice", notice == notices.end() ? "" : notice->second.message},
                     {"comparison", comparison},
                     {"has_comparison", !comparison.empty()},
                     {"corrected", differs_from_citizen},
                     {"row_version", item.row_version},
                     {"correctable", correctable(*procedure, item.answers, language)},
                     {"correct_href", item_href + "/answers"},
                     {"print_href", layout == web.layouts.end() ? "" : item_href + "/form.pdf"},
                     {"form_title", layout == web.layouts.end() ? "" : layout->second.title}});
  }
  view["items"] = items;
  bool printable = false;
  for (const auto& item : items) printable = printable || !item["print_href"].get<std::string>().empty();
  view["print_all_href"] = printable ? base + "/forms.pdf" : "";
  view["needs_number"] = needs_number;
  return view;
}

}  // namespace madoguchi::counter
