#include "lifeevents/web/list_model.h"

#include <algorithm>

#include "applications/display_text.h"
#include "applications/draft_rules.h"
#include "applications/form_page.h"
#include "lifeevents/life_events.h"
#include "platform/http/url.h"

namespace madoguchi::lifeevents {

namespace {

using applications::format_date;
using applications::pick;
using nlohmann::json;

std::string replace(std::string text, std::string_view marker, const std::string& value) {
  for (auto at = text.find(marker); at != std::string::npos; at = text.find(marker, at + value.size())) {
    text.replace(at, marker.size(), value);
  }
  return text;
}

std::string period_text(const Deadline& d, Language language) {
  const std::string n = std::to_string(d.amount);
  switch (d.unit) {
    case Deadline::Unit::business_days:
      return language == Language::en     ? n + " business days before"
             : language == Language::easy ? n + "にち まえ（やすみの ひを のぞく）までに"
                                          : n + "開庁日前まで";
    case Deadline::Unit::months:
      return language == Language::en ? "within " + n + (d.amount == 1 ? " month" : " months")
             : language == Language::easy ? n + "かげつ いないに"
                                          : n + "か月以内";
    case Deadline::Unit::years:
      return language == Language::en ? "within " + n + (d.amount == 1 ? " year" : " years")
             : language == Language::easy ? n + "ねん いないに"
                                          : n + "年以内";
    default:
      return language == Language::en     ? "within " + n + " days"
             : language == Language::easy ? n + "にち いないに"
                                          : n + "日以内";
  }
}

const forms::Field* date_field(const LifeEvent& event, const Deadline& d) {
  return event.form.form.find_field(d.from.empty() ? event.event_field : d.from);
}

json bring_list(const std::vector<forms::LocalizedText>& texts, Language language) {
  json out = json::array();
  for (const auto& t : texts) out.push_back(pick(t, language));
  return out;
}

}  // namespace

std::string deadline_rule_text(const LifeEvent& event, const Deadline& deadline, Language language) {
  const auto* field = date_field(event, deadline);
  const std::string from = field ? pick(field->label, language) : std::string();
  std::string out;
  if (language == Language::en) {
    out = period_text(deadline, language) + (deadline.before ? " " : " of ") + "“" + from + "”";
    if (deadline.count_first_day) out += ", counting that day";
  } else if (language == Language::easy) {
    out = from + (deadline.before ? "の " : "から ") + period_text(deadline, language);
  } else {
    out = "「" + from + "」" + (deadline.before ? "の" : "から") + period_text(deadline, language);
    if (deadline.count_first_day) out += "（その日を含む）";
  }
  return out;
}

std::string waiting_text(const LifeEventsWeb& web, const Request& request, const ItemState& item) {
  if (!item.draft) return text(web, request, "item.after_shared");
  if (item.needs_account) return text(web, request, "item.needs_account");
  return replace(text(web, request, item.questions_left == 1 ? "item.one_question_left" : "item.questions_left"), "{n}",
                 std::to_string(item.questions_left));
}

json list_model(const LifeEventsWeb& web, const Request& request, const OpenBundle& open, const BundleState& state) {
  const Language language = applications::language_of(request);
  const auto& event = *open.event;
  const auto& directory = web.apps.catalogue.directory();
  const std::string list_href = BundleService::list_path(open.bundle);
  json model = {{"event_name", pick(event.name, language)},
                {"reference", open.bundle.reference},
                {"list_href", list_href},
                {"print_href", list_href + "/print"},
                {"save_action", list_href + "/save"},
                {"submit_action", list_href + "/submit"},
                {"questions_href", list_href + "/q/" + event.form.form.sections.front().id}};
  if (state.plan.event_date) {
    const auto* field = event.form.form.find_field(event.event_field);
    model["event_date_label"] = field ? pick(field->label, language) : std::string();
    model["event_date"] = format_date(*state.plan.event_date, language);
  }

  json contradictions = json::array();
  for (const auto& c : state.plan.contradictions) {
    json links = json::array();
    for (const auto& field_id : c.check->fields) {
      const auto* section = event.form.form.section_of(field_id);
      const auto* field = event.form.form.find_field(field_id);
      if (!section || !field) continue;
      links.push_back({{"href", list_href + "/q/" + section->id + "#" + applications::field_html_id(field_id)},
                       {"label", pick(field->label, language)}});
    }
    contradictions.push_back({{"question", pick(question_text(c), language)}, {"links", links}});
  }
  model["contradictions"] = contradictions;
  model["has_contradictions"] = !contradictions.empty();

  std::string first_shared;
  for (const auto& section : event.form.form.sections) {
    if (!event.in_questionnaire(section.id)) {
      first_shared = section.id;
      break;
    }
  }
  model["shared_done"] = state.shared_done;
  model["shared_href"] = list_href + "/q/" + (state.open_section ? *state.open_section : first_shared);

  json online = json::array(), counter = json::array(), outside = json::array(), not_needed = json::array();
  json bring_all = json::array();
  int ready = 0, to_answer = 0;
  const auto add_bring = [&](const std::vector<forms::LocalizedText>& texts) {
    for (const auto& t : texts) {
      std::string line = pick(t, language);
      if (std::find(bring_all.begin(), bring_all.end(), line) == bring_all.end()) bring_all.push_back(line);
    }
  };
  for (const auto& planned : state.plan.items) {
    const Item& item = *planned.item;
    const std::string name = planned.procedure ? pick(planned.procedure->name, language) : pick(item.name, language);
    if (!planned.applies) {
      not_needed.push_back(name);
      continue;
    }
    json entry = {{"id", item.id},
                  {"name", name},
                  {"reason", pick(item.reason, language)},
                  {"note", pick(item.note, language)},
                  {"has_deadline", planned.due.has_value()},
                  {"deadline", planned.due ? format_date(*planned.due, language) : std::string()},
                  {"deadline_rule", item.deadline ? deadline_rule_text(event, *item.deadline, language) : std::string()},
                  {"law", item.deadline && !item.deadline->law.empty()
                              ? (language == Language::en ? " (" + pick(item.deadline->law, language) + ")"
                                                          : "（" + pick(item.deadline->law, language) + "）")
                              : std::string()},
                  {"overdue", planned.overdue},
                  {"status", ""},
                  {"status_kind", "todo"},
                  {"action_href", ""},
                  {"action_label", ""},
                  {"reference", ""},
                  {"form_changed", false}};
    if (item.outside()) {
      const Office* office = planned.office;
      entry["office"] = office ? pick(office->name, language) : std::string();
      entry["where"] = office ? pick(office->where, language) : std::string();
      entry["url"] = office ? office->url : std::string();
      entry["bring"] = bring_list(item.bring, language);
      entry["has_bring"] = !item.bring.empty();
      outside.push_back(entry);
      continue;
    }
    const auto& p = *planned.procedure;
    std::vector<forms::LocalizedText> bring = item.bring;
    bring.insert(bring.end(), p.bring.begin(), p.bring.end());
    const auto* department = directory.find_department(p.department);
    entry["department"] = department ? pick(department->name, language) : std::string();
    entry["department_code"] = p.department;
    entry["procedure_href"] = "/procedures/" + p.id;
    const bool at_counter = item.channel == procedures::Channel::counter_pre_entry;
    entry["bring"] = bring_list(at_counter ? bring : item.bring, language);
    entry["has_bring"] = !entry["bring"].empty();
    const auto found = std::find_if(state.items.begin(), state.items.end(),
                                    [&](const ItemState& s) { return s.planned == &planned; });
    if (found != state.items.end()) {
      const ItemState& s = *found;
      entry["form_changed"] = s.form_changed && !s.submitted() && !s.taken_in;
      if (s.submitted()) {
        entry["reference"] = *s.draft->reference;
        entry["status_kind"] = "done";
        if (at_counter) {
          entry["status"] = text(web, request, "item.submitted_at_counter");
        } else {
          entry["status"] = text(web, request, "item.submitted");
          entry["action_href"] = "/status/" + *s.draft->reference;
          entry["action_label"] = text(web, request, "item.see_status");
        }
      } else if (s.taken_in) {
        entry["status_kind"] = "done";
        entry["status"] = text(web, request, "item.taken_in");
      } else if (!s.draft) {
        entry["status"] = waiting_text(web, request, s);
      } else if (s.needs_account) {
        entry["status_kind"] = "account";
        entry["status"] = waiting_text(web, request, s);
        entry["action_href"] = "/account/login?next=" + platform::http::percent_encode(list_href);
        entry["action_label"] = text(web, request, "item.sign_in");
      } else if (s.ready()) {
        entry["status_kind"] = "ready";
        entry["status"] = text(web, request, at_counter ? "item.ready_for_counter" : "item.ready");
        entry["action_href"] = applications::draft_path(s.draft->public_id) + "/check";
        entry["action_label"] = text(web, request, "item.check_answers");
        if (!at_counter) ++ready;
      } else {
        ++to_answer;
        entry["status"] = waiting_text(web, request, s);
        entry["action_href"] = applications::draft_path(s.draft->public_id);
        entry["action_label"] = text(web, request, "item.answer_rest");
      }
    } else {
      entry["status"] = text(web, request, "item.after_shared");
    }
    if (at_counter) {
      add_bring(bring);
      counter.push_back(entry);
    } else {
      online.push_back(entry);
    }
  }
  model["online"] = online;
  model["counter"] = counter;
  model["outside"] = outside;
  model["not_needed"] = not_needed;
  model["has_online"] = !online.empty();
  model["has_counter"] = !counter.empty();
  model["has_outside"] = !outside.empty();
  model["has_not_needed"] = !not_needed.empty();
  model["bring_all"] = bring_all;
  model["has_bring_all"] = !bring_all.empty();
  model["can_submit"] = ready > 0;
  model["has_to_answer"] = to_answer > 0;  // numbers reach the templates as (always true) text
  model["submit_label"] = replace(text(web, request, "list.submit_ready"), "{n}", std::to_string(ready));
  if (event.consultation) {
    model["consultation"] = {{"name", pick(event.consultation->name, language)}, {"kind", event.consultation->kind}};
  }
  model["guide"] = json::array();
  for (const auto& g : event.guide) {
    model["guide"].push_back({{"title", pick(g.title, language)}, {"text", pick(g.text, language)}});
  }
  return model;
}

}  // namespace madoguchi::lifeevents
