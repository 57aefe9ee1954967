#include "casework/web/case_view.h"

#include <map>

#include "applications/answer_paths.h"
#include "applications/answer_summary.h"
#include "applications/display_text.h"
#include "applications/form_state.h"
#include "casework/approval_rules.h"
#include "casework/case_permissions.h"
#include "casework/correction_rules.h"
#include "casework/notice_content.h"
#include "casework/web/labels.h"
#include "platform/time.h"

namespace madoguchi::casework {

using applications::Application;
using applications::Status;

namespace {

std::string value_of(const PostedForm* posted, const std::string& form, std::string_view name,
                     const std::string& fallback) {
  if (!posted || posted->form != form) return fallback;
  for (const auto& [key, value] : posted->values) {
    if (key == name) return clean_text(value);
  }
  return "";
}

// {"summary": [{href, message}], "by_field": {field: message}, "message"} for one form.
nlohmann::json form_errors(const Labels& labels, const PostedForm* posted, const std::string& form) {
  nlohmann::json out = {{"has", false}, {"summary", nlohmann::json::array()}, {"by_field", nlohmann::json::object()}};
  if (!posted || posted->form != form) return out;
  for (const auto& p : posted->problems) {
    std::string message = labels.text("problem." + p.field + "_" + p.code);
    out["summary"].push_back({{"href", "#" + form + "-" + p.field}, {"message", message}});
    out["by_field"][p.field] = message;
  }
  if (!posted->message_ja.empty()) {
    std::string message = labels.language == platform::web::Language::en ? posted->message_en : posted->message_ja;
    out["summary"].push_back({{"href", "#" + form + "-form"}, {"message", message}});
  }
  out["has"] = !out["summary"].empty();
  return out;
}

std::string field_label(const procedures::Procedure* procedure, const std::string& id, const Labels& labels) {
  if (procedure) {
    if (const auto* field = procedure->form.find_field(id)) return applications::pick(field->label, labels.language);
  }
  return id;
}

nlohmann::json field_labels(const procedures::Procedure* procedure, const std::vector<std::string>& ids,
                            const Labels& labels) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& id : ids) out.push_back(field_label(procedure, id, labels));
  return out;
}

std::vector<std::string> top_level_ids(const procedures::Procedure* procedure) {
  std::vector<std::string> ids;
  if (procedure) {
    for (const auto& c : correctable_fields(*procedure)) ids.push_back(c.id);
  }
  return ids;
}

// Concrete answer path → upload id, for every file answer.
std::map<std::string, std::string> file_answers(const procedures::Procedure& procedure, nlohmann::json answers) {
  std::map<std::string, std::string> out;
  procedure.form.for_each_field([&](const forms::Field& field, const std::string& pattern) {
    if (field.type != forms::FieldType::file) return;
    applications::for_each_value(answers, pattern, [&](nlohmann::json& value, const std::string& path) {
      if (value.is_object() && value.contains("upload_id") && value["upload_id"].is_string()) {
        out[path] = value["upload_id"].get<std::string>();
      }
    });
  });
  return out;
}

nlohmann::json answers_json(const procedures::Procedure& procedure, const nlohmann::json& answers,
                            const std::string& reference, const Labels& labels) {
  applications::FormState state(procedure.form, answers, platform::today_in_tokyo());
  auto files = file_answers(procedure, answers);
  nlohmann::json sections = nlohmann::json::array();
  for (const auto& section : applications::summarize(state, answers, {}, labels.language)) {
    nlohmann::json blocks = nlohmann::json::array();
    for (const auto& block : section.blocks) {
      nlohmann::json rows = nlohmann::json::array();
      for (const auto& row : block.rows) {
        nlohmann::json r = {{"label", row.label}, {"value", row.value}, {"empty", row.value.empty()}};
        if (auto it = files.find(row.path); it != files.end()) {
          r["file_href"] = "/staff/cases/" + reference + "/files/" + it->second;
        }
        rows.push_back(r);
      }
      blocks.push_back({{"title", block.title}, {"rows", rows}});
    }
    sections.push_back({{"title", section.title}, {"blocks", blocks}});
  }
  return sections;
}

nlohmann::json steps_json(const DraftRecord& draft, const Labels& labels) {
  nlohmann::json steps = nlohmann::json::array();
  for (size_t i = 0; i < draft.chain.size(); ++i) {
    nlohmann::json step = {{"label", labels.step(draft.chain[i].kind)},
                           {"role", labels.text("role." + std::string(procedures::approval_role_name(draft.chain[i].role)))},
                           {"done", false},
                           {"waiting", draft.state == "pending" && static_cast<int>(i) == draft.next_step_index}};
    for (const auto& act : draft.acts) {
      if (act.step_index != static_cast<int>(i)) continue;
      step["done"] = true;
      step["actor"] = act.actor;
      step["act"] = labels.text("act." + act.act);
      step["returned"] = act.act == "returned";
      step["comment"] = act.comment;
      step["at"] = labels.instant(act.at);
    }
    steps.push_back(step);
  }
  return steps;
}

}  // namespace

nlohmann::json case_view(const CaseworkWeb& web, const platform::http::Request& request, const CaseViewInput& in) {
  const Application& app = in.application;
  const identity::StaffUser& viewer = in.viewer;
  Labels labels{web.pages.messages(), web.language(request), web.catalogue};
  const procedures::Procedure* procedure = web.catalogue.find(app.procedure_id);
  CaseRecord record = web.cases.load(app.id);
  auto events = web.applications.events(app.id);
  auto revisions = web.applications.revisions(app.id);
  const Date today = platform::today_in_tokyo();
  const bool decided = applications::is_final(app.status);
  auto due = app.due_on ? parse_iso_date(*app.due_on) : std::nullopt;
  DueState due_state_now = due_state(due, today, decided);
  const std::string base = "/staff/cases/" + app.reference;

  nlohmann::json view = {
      {"body_class", "staff-wide"},
      {"reference", app.reference},
      {"case_href", base},
      {"procedure", labels.procedure(app.procedure_id)},
      {"department", labels.department(app.department)},
      {"ward", labels.ward(app.ward)},
      {"channel", labels.channel(app.channel)},
      {"status", labels.status(app.status)},
      {"status_code", applications::to_string(app.status)},
      {"submitted_at", labels.instant(app.submitted_at)},
      {"due_on", app.due_on ? applications::format_iso_date(*app.due_on, labels.language) : labels.text("case.no_due")},
      {"due_state", due_state_name(due_state_now)},
      {"due_label", labels.due(due_state_now)},
      {"overdue", due_state_now == DueState::overdue},
      {"due_attention", due_state_now == DueState::overdue || due_state_now == DueState::due_today},
      {"applicant_name", app.applicant_name},
      {"assignee", record.assignee().value_or("")},
      {"has_assignee", record.assignee().has_value()},
      {"row_version", app.row_version},
      {"seen_event", events.empty() ? 0 : events.back().id}};

  // Answers of the revision shown, and every revision with what changed.
  int shown = in.revision > 0 && in.revision <= static_cast<int>(revisions.size()) ? in.revision
                                                                                   : static_cast<int>(revisions.size());
  nlohmann::json shown_answers = app.answers;
  if (shown > 0 && shown < static_cast<int>(revisions.size())) shown_answers = revisions[static_cast<size_t>(shown - 1)].answers;
  view["answers"] = procedure ? answers_json(*procedure, shown_answers, app.reference, labels) : nlohmann::json::array();
  view["shown_revision"] = shown;
  view["showing_old_revision"] = shown > 0 && shown < static_cast<int>(revisions.size());
  view["current_revision_href"] = base;
  nlohmann::json revision_list = nlohmann::json::array();
  const auto ids = top_level_ids(procedure);
  for (size_t i = 0; i < revisions.size(); ++i) {
    nlohmann::json changed = nlohmann::json::array();
    if (i > 0) changed = field_labels(procedure, changed_fields(revisions[i - 1].answers, revisions[i].answers, ids), labels);
    revision_list.push_back({{"number", revisions[i].revision},
                             {"at", labels.instant(revisions[i].created_at)},
                             {"href", base + "?revision=" + std::to_string(revisions[i].revision)},
                             {"shown", static_cast<int>(i) + 1 == shown},
                             {"changed", changed},
                             {"has_changed", !changed.empty()},
                             {"first", i == 0}});
  }
  view["revisions"] = revision_list;
  view["has_revisions"] = revisions.size() > 1;

  nlohmann::json corrections = nlohmann::json::array();
  for (const auto& c : record.corrections) {
    corrections.push_back({{"fields", field_labels(procedure, c.fields, labels)},
                           {"message", c.message},
                           {"requested_by", c.requested_by},
                           {"requested_at", labels.instant(c.requested_at)},
                           {"answered", c.answered_at.has_value()},
                           {"answered_at", c.answered_at ? labels.instant(*c.answered_at) : ""},
                           {"answers_revision", c.answers_revision.value_or(0)}});
  }
  view["corrections"] = corrections;
  view["has_corrections"] = !corrections.empty();

  nlohmann::json drafts = nlohmann::json::array();
  for (auto it = record.drafts.rbegin(); it != record.drafts.rend(); ++it) {
    const auto& d = *it;
    drafts.push_back({{"outcome", labels.text("outcome." + std::string(outcome_name(d.decision.outcome)))},
                      {"reject", d.decision.outcome == Outcome::reject},
                      {"reason", d.decision.reason},
                      {"delivery", labels.text("delivery." + std::string(delivery_name(d.decision.delivery)))},
                      {"posted", d.decision.delivery == Delivery::post},
                      {"postal_code", d.decision.postal_code},
                      {"address", join_lines(d.decision.address_lines)},
                      {"state", labels.text("draft_state." + d.state)},
                      {"pending", d.state == "pending"},
                      {"steps", steps_json(d, labels)}});
  }
  view["drafts"] = drafts;
  view["has_drafts"] = !drafts.empty();

  if (auto document = web.documents.latest_for(app.id, false)) {
    auto code_at = document->notice_model.is_object() ? document->notice_model.value("verification_url", "") : "";
    view["document"] = {{"title", document->title},
                        {"issued_at", labels.instant(document->issued_at)},
                        {"href", base + "/notice.pdf"},
                        {"verification_url", code_at},
                        {"delivery", labels.text("delivery." + std::string(delivery_name(document->delivery)))},
                        {"missing_characters", document->missing_characters},
                        {"has_missing", !document->missing_characters.empty()}};
  }

  nlohmann::json notes = nlohmann::json::array();
  for (const auto& n : record.notes) {
    notes.push_back({{"author", n.author}, {"body", n.body}, {"at", labels.instant(n.created_at)}});
  }
  view["notes"] = notes;
  view["has_notes"] = !notes.empty();

  nlohmann::json timeline = nlohmann::json::array();
  for (const auto& e : events) {
    timeline.push_back({{"at", labels.instant(e.at)},
                        {"kind", labels.event(e.kind)},
                        {"status", labels.status(e.status)},
                        {"actor", e.actor == "citizen" ? labels.text("case.actor_citizen") : e.actor}});
  }
  view["events"] = timeline;

  // The action forms this viewer may use now.
  const CaseFacts facts{app.status, record.assignee()};
  auto may = [&](CaseAction action) { return !check_action(viewer, action, facts).has_value(); };
  const PostedForm* posted = in.posted;
  view["can_claim"] = may(CaseAction::claim);
  view["claim_label"] = labels.text(app.status == Status::in_review ? "claim.take_over" : "claim.take");
  view["can_note"] = may(CaseAction::add_note);
  view["note_errors"] = form_errors(labels, posted, "note");
  view["note_value"] = value_of(posted, "note", "note", "");

  if (may(CaseAction::assign)) {
    nlohmann::json staff = nlohmann::json::array();
    std::string chosen = value_of(posted, "assign", "assignee", record.assignee().value_or(""));
    for (const auto& u : web.service.assignable_staff(app)) {
      staff.push_back({{"login", u.login}, {"label", u.display_name + "（" + u.login + "）"}, {"selected", u.login == chosen}});
    }
    view["can_assign"] = !staff.empty();
    view["assignable"] = staff;
    view["assign_errors"] = form_errors(labels, posted, "assign");
  }

  if (procedure && may(CaseAction::request_correction)) {
    nlohmann::json choices = nlohmann::json::array();
    std::vector<std::string> chosen;
    if (posted && posted->form == "correction") {
      for (const auto& [key, value] : posted->values) {
        if (key == "fields") chosen.push_back(value);
      }
    }
    const forms::Section* last_section = nullptr;
    for (const auto& c : correctable_fields(*procedure)) {
      nlohmann::json item = {{"id", c.id},
                             {"label", applications::pick(c.field->label, labels.language)},
                             {"checked", std::find(chosen.begin(), chosen.end(), c.id) != chosen.end()}};
      if (c.section != last_section) item["section"] = applications::pick(c.section->title, labels.language);
      last_section = c.section;
      choices.push_back(item);
    }
    view["can_correct"] = true;
    view["correction_fields"] = choices;
    view["correction_message"] = value_of(posted, "correction", "message", "");
    view["correction_errors"] = form_errors(labels, posted, "correction");
  }

  if (procedure && may(CaseAction::draft_decision)) {
    auto drafter = check_drafter(viewer, procedure->approval);
    view["can_draft"] = !drafter.has_value();
    auto address = mailing_address(*procedure, app.answers);
    std::string delivery = value_of(posted, "decision", "delivery", std::string(delivery_name(default_delivery(app))));
    std::string outcome = value_of(posted, "decision", "outcome", "approve");
    view["decision"] = {{"approve", outcome == "approve"},
                        {"reject", outcome == "reject"},
                        {"reason", value_of(posted, "decision", "reason", "")},
                        {"electronic", delivery == "electronic"},
                        {"post", delivery == "post"},
                        {"postal_code", value_of(posted, "decision", "postal_code", address.postal_code)},
                        {"address", value_of(posted, "decision", "address", join_lines(address.lines))},
                        {"chain", nlohmann::json::array()}};
    for (const auto& step : procedure->approval) {
      view["decision"]["chain"].push_back(
          {{"label", labels.step(step.kind)},
           {"role", labels.text("role." + std::string(procedures::approval_role_name(step.role)))}});
    }
    view["decision_errors"] = form_errors(labels, posted, "decision");
  }

  if (const DraftRecord* draft = record.pending_draft(); draft && may(CaseAction::take_step)) {
    ApprovalProgress progress = draft->progress();
    auto refusal = check_next_step(viewer, progress);
    auto next = progress.next_index();
    if (next) {
      view["step"] = {{"label", labels.step(draft->chain[static_cast<size_t>(*next)].kind)},
                      {"number", *next + 1},
                      {"of", draft->chain.size()},
                      {"decides", progress.decides(*next)},
                      {"may", !refusal.has_value()},
                      {"refusal", refusal ? (labels.language == platform::web::Language::en ? refusal->message_en
                                                                                         : refusal->message_ja)
                                          : ""},
                      {"comment", value_of(posted, "step", "comment", "")},
                      {"outcome", labels.text("outcome." + std::string(outcome_name(draft->decision.outcome)))},
                      {"reason", draft->decision.reason},
                      {"delivery", labels.text("delivery." + std::string(delivery_name(draft->decision.delivery)))},
                      {"drafted_by", draft->acts.empty() ? std::string() : draft->acts.front().actor}};
      view["has_step"] = true;
      view["step_errors"] = form_errors(labels, posted, "step");
    }
  }
  view["has_actions"] = view.value("can_claim", false) || view.value("can_assign", false) ||
                        view.value("can_correct", false) || view.contains("decision") || view.value("has_step", false);
  return view;
}

}  // namespace madoguchi::casework
