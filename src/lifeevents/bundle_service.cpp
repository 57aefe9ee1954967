#include "lifeevents/bundle_service.h"

#include <algorithm>
#include <set>

#include "applications/draft_rules.h"
#include "applications/form_state.h"
#include "applications/prepared_draft.h"
#include "jp/wareki.h"
#include "lifeevents/prepared_answers.h"

namespace madoguchi::lifeevents {

namespace {

bool contains(const std::vector<std::string>& list, const std::string& id) {
  return std::find(list.begin(), list.end(), id) != list.end();
}

// The answers without top-level fields the form no longer has.
nlohmann::json known_answers(const forms::FormSpec& form, const nlohmann::json& answers) {
  nlohmann::json kept = nlohmann::json::object();
  if (!answers.is_object()) return kept;
  for (const auto& [key, value] : answers.items()) {
    if (form.section_of(key)) kept[key] = value;
  }
  return kept;
}

// A shared answer written again into a draft keeps what the citizen added to it there: the
// child fields of group items (index by index) that the shared answer does not hold.
nlohmann::json keep_additions(nlohmann::json fresh, const nlohmann::json& before) {
  if (fresh.is_object() && before.is_object()) {
    for (const auto& [key, value] : before.items()) {
      if (!fresh.contains(key)) fresh[key] = value;
    }
  } else if (fresh.is_array() && before.is_array()) {
    for (size_t i = 0; i < fresh.size() && i < before.size(); ++i) fresh[i] = keep_additions(fresh[i], before[i]);
  }
  return fresh;
}

int questions_left(const std::vector<forms::FieldError>& errors) {
  std::set<std::string> fields;
  for (const auto& e : errors) fields.insert(applications::top_level_id(e.path));
  return static_cast<int>(fields.size());
}

}  // namespace

bool ItemState::at_counter() const {
  return planned && planned->item->channel == procedures::Channel::counter_pre_entry;
}

bool BundleState::list_ready() const {
  return questionnaire_done && (!date_check || date_confirmed) && plan.contradictions.empty();
}

BundleService::BundleService(const LifeEvents& events, const procedures::Catalogue& catalogue, BundleStore& bundles,
                             applications::DraftStore& drafts, applications::SubmissionService& submissions,
                             TakenIn taken_in)
    : events_(events), catalogue_(catalogue), bundles_(bundles), drafts_(drafts), submissions_(submissions),
      taken_in_(taken_in ? std::move(taken_in) : TakenIn([](int64_t) { return false; })) {}

forms::ValidationContext BundleService::context() const { return submissions_.context(); }

std::string BundleService::list_path(const Bundle& bundle) { return "/onestop/b/" + bundle.public_id; }

BundleState BundleService::state(const Bundle& bundle, std::optional<int64_t> citizen) const {
  BundleState s;
  s.event = events_.find(bundle.event_id);
  if (!s.event) return s;
  const auto& form = s.event->form.form;
  const auto ctx = context();
  const auto today = *ctx.today;
  s.answers = known_answers(form, bundle.answers);
  s.effective = forms::validate(form, s.answers, ctx).answers;
  applications::FormState form_state(form, s.effective, today);
  for (const auto* section : form_state.visible_sections()) {
    bool done = contains(bundle.completed_sections, section->id) &&
                forms::validate_section(form, section->id, s.answers, ctx).ok();
    if (!done) {
      s.open_section = section->id;
      break;
    }
  }
  s.questionnaire_done = !s.open_section || !s.event->in_questionnaire(*s.open_section);
  s.shared_done = !s.open_section;
  if (!s.questionnaire_done) return s;
  s.plan = make_plan(*s.event, events_, catalogue_, s.effective, today);
  if (s.plan.event_date) {
    auto check = check_event_date(s.event->event_date, *s.plan.event_date, today);
    if (check.verdict != DateVerdict::ok) {
      s.date_check = check;
      bool confirmable = check.verdict == DateVerdict::confirm_future || check.verdict == DateVerdict::confirm_past;
      s.date_confirmed = confirmable && bundle.confirmed_event_date == jp::format_iso(*s.plan.event_date);
    }
  }
  if (!s.list_ready()) return s;
  const auto now = drafts_.now();
  for (const auto& planned : s.plan.items) {
    if (!planned.applies || !planned.procedure) continue;
    ItemState item;
    item.planned = &planned;
    const auto& p = *planned.procedure;
    item.needs_account = planned.item->channel == procedures::Channel::online &&
                         p.identity == procedures::IdentityAssurance::account && !citizen;
    if (const auto* link = bundle.draft_for(p.id)) {
      item.draft = drafts_.find(link->draft_public_id);
      item.form_changed = link->form_changed;
    }
    if (item.draft && !item.submitted()) {
      item.taken_in = item.at_counter() && taken_in_(item.draft->id);
      item.expired = applications::draft_expired(item.draft->expires_at, now);
      auto answers = known_answers(p.form, item.draft->answers);
      item.questions_left = questions_left(submissions_.check(p, answers).errors);
      if (item.draft->procedure_version != p.version) item.questions_left = std::max(item.questions_left, 1);
      if (item.draft->citizen_account_id) item.needs_account = false;
    }
    s.items.push_back(std::move(item));
  }
  return s;
}

std::vector<applications::OpenedDraft> BundleService::sync(const Bundle& bundle, std::optional<int64_t> citizen) {
  std::vector<applications::OpenedDraft> created;
  auto s = state(bundle, citizen);
  if (!s.list_ready() || !s.shared_done) return created;
  const auto ctx = context();
  auto prepared = prepare_answers(s.plan, s.effective, *ctx.today);
  for (const auto& item : s.items) {
    if (item.submitted() || item.taken_in) continue;  // a taken-in draft is the clerk's now
    const auto& p = *item.planned->procedure;
    const auto& ready = prepared[p.id];
    if (!item.draft || item.expired) {
      applications::NewDraft n;
      n.procedure_id = p.id;
      n.procedure_version = p.version;
      n.channel = item.planned->item->channel == procedures::Channel::counter_pre_entry ? "counter" : "online";
      n.citizen_account_id = citizen;
      n.answers = ready.answers;
      n.given_fields = ready.given;
      n.completed_sections = applications::sections_asking_nothing(p, ready.answers, ready.given, ctx);
      n.return_to = list_path(bundle);
      auto opened = drafts_.create(n);
      bundles_.link_draft(bundle.id, p.id, opened.draft.public_id, false, ready.answers);
      created.push_back(std::move(opened));
      continue;
    }
    const auto& d = *item.draft;
    const auto* link = bundle.draft_for(p.id);
    const nlohmann::json& before = link->prepared;
    const bool form_changed = d.procedure_version != p.version;
    nlohmann::json answers = known_answers(p.form, d.answers);
    // A shared answer that changed is written again; one that did not keeps whatever the
    // citizen made of it in the draft (an answer the procedure would not accept, corrected).
    for (const auto& old : d.given_fields) {
      if (contains(ready.given, old)) continue;
      if (answers.contains(old) && before.contains(old) && answers[old] == before[old]) answers.erase(old);
    }
    for (const auto& key : ready.given) {
      const auto& fresh = ready.answers.at(key);
      if (before.contains(key) && before[key] == fresh) continue;
      answers[key] = keep_additions(fresh, answers.contains(key) ? answers[key] : nlohmann::json());
    }
    if (!form_changed && answers == d.answers && ready.given == d.given_fields) {
      if (before != ready.answers) bundles_.link_draft(bundle.id, p.id, d.public_id, link->form_changed, ready.answers);
      continue;
    }
    std::vector<std::string> completed = applications::sections_asking_nothing(p, answers, ready.given, ctx);
    for (const auto& section : form_changed ? std::vector<std::string>{} : d.completed_sections) {
      if (!contains(completed, section)) completed.push_back(section);
    }
    if (form_changed) {
      // Keep the citizen's answers and pass over every page still valid on the new form, so
      // that only what changed is asked.
      for (const auto& section : p.form.sections) {
        if (!contains(completed, section.id) && forms::validate_section(p.form, section.id, answers, ctx).ok()) {
          completed.push_back(section.id);
        }
      }
    }
    if (drafts_.rebase(d.id, answers, ready.given, completed, p.version)) {
      bundles_.link_draft(bundle.id, p.id, d.public_id, form_changed || link->form_changed, ready.answers);
    }
  }
  return created;
}

SubmitReport BundleService::submit_ready(const Bundle& bundle, std::optional<int64_t> citizen,
                                         platform::web::Language language) {
  SubmitReport report;
  auto s = state(bundle, citizen);
  if (!s.list_ready()) return report;
  for (const auto& item : s.items) {
    if (item.at_counter() || !item.ready() || item.needs_account) continue;
    const auto& p = *item.planned->procedure;
    const auto& d = *item.draft;
    applications::SubmissionRequest request;
    request.procedure_id = p.id;
    request.procedure_version = d.procedure_version;
    request.answers = known_answers(p.form, d.answers);
    request.channel = procedures::Channel::online;
    if (citizen) request.submitter = applications::Submitter::citizen(*citizen);
    request.citizen_account_id = citizen ? citizen : d.citizen_account_id;
    request.idempotency = applications::IdempotencyRequest{"web-draft:" + d.public_id, "web-draft"};
    request.language = language;
    const int64_t draft_id = d.id;
    request.within_transaction = [draft_id](platform::db::Connection& c, const applications::Submitted& submitted) {
      applications::DraftStore::link_application(c, draft_id, submitted.id);
    };
    try {
      auto outcome = submissions_.submit(request);
      if (outcome.kind == applications::SubmitOutcome::Kind::replayed) {
        drafts_.link_submitted(draft_id, outcome.submitted.id);
      }
      report.submitted.push_back(p.id);
      report.references.push_back(outcome.submitted.reference);
    } catch (const applications::SubmissionRejected&) {
      report.refused.push_back(p.id);
    } catch (const applications::UploadUnavailable&) {
      report.refused.push_back(p.id);
    } catch (const applications::IdempotencyConflict&) {
      report.refused.push_back(p.id);
    }
  }
  return report;
}

std::vector<int64_t> BundleService::ready_counter_drafts(const BundleState& state) {
  std::vector<int64_t> out;
  for (const auto& item : state.items) {
    if (item.at_counter() && item.ready()) out.push_back(item.draft->id);
  }
  return out;
}

}  // namespace madoguchi::lifeevents
