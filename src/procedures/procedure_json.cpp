#include "procedures/procedure_json.h"

#include "forms/spec_json.h"

namespace madoguchi::procedures {

namespace {

using json = nlohmann::json;

json text_json(const LocalizedText& text) {
  return json{{"ja", text.ja}, {"en", text.en}, {"easy", text.easy}};
}

json coded(const std::string& code, const LocalizedText* name) {
  json out{{"code", code}};
  if (name) out["name"] = text_json(*name);
  return out;
}

}  // namespace

json procedure_to_json(const Procedure& p, bool with_form, const Directory* directory) {
  json out{{"id", p.id},
           {"version", p.version},
           {"name", text_json(p.name)},
           {"summary", text_json(p.summary)},
           {"search",
            {{"readings", p.search.readings},
             {"romaji", p.search.romaji},
             {"keywords", p.search.keywords}}}};
  const Department* department = directory ? directory->find_department(p.department) : nullptr;
  out["department"] = coded(p.department, department ? &department->name : nullptr);
  out["handled_at"] = handling_name(p.handled_at);
  const Term* category = directory ? directory->find_category(p.category) : nullptr;
  out["category"] = coded(p.category, category ? &category->name : nullptr);
  json events = json::array();
  for (const auto& code : p.life_events) {
    const Term* event = directory ? directory->find_life_event(code) : nullptr;
    events.push_back(coded(code, event ? &event->name : nullptr));
  }
  out["life_events"] = std::move(events);
  out["channels"] = {{"online", p.channels.online},
                     {"counter_pre_entry", p.channels.counter_pre_entry},
                     {"mail", p.channels.mail}};
  out["identity_assurance"] = identity_assurance_name(p.identity);
  json fee = json::object();
  fee["amount_yen"] = p.fee.amount_yen ? json(*p.fee.amount_yen) : json();
  if (!p.fee.per.empty()) fee["per"] = text_json(p.fee.per);
  if (!p.fee.note.empty()) fee["note"] = text_json(p.fee.note);
  out["fee"] = std::move(fee);
  out["processing_days"] = p.processing_days;
  if (!p.processing_note.empty()) out["processing_note"] = text_json(p.processing_note);
  json bring = json::array();
  for (const auto& item : p.bring) bring.push_back(text_json(item));
  out["bring"] = std::move(bring);
  json attachments = json::array();
  for (const auto& a : p.attachments) {
    json channels = json::array();
    for (auto c : a.required_for) channels.push_back(channel_name(c));
    json item{{"id", a.id}, {"name", text_json(a.name)}, {"required_for", std::move(channels)}};
    if (!a.field.empty()) item["field"] = a.field;
    attachments.push_back(std::move(item));
  }
  out["attachments"] = std::move(attachments);
  json applicant = json::object();
  const auto put = [&](const char* role, const std::string& path) {
    if (!path.empty()) applicant[role] = path;
  };
  put("name", p.applicant.name);
  put("birth_date", p.applicant.birth_date);
  put("address", p.applicant.address);
  put("phone", p.applicant.phone);
  put("email", p.applicant.email);
  out["applicant"] = std::move(applicant);
  if (with_form) out["form"] = forms::spec_to_json(p.form);
  return out;
}

json directory_to_json(const Directory& directory) {
  json departments = json::array();
  for (const auto& d : directory.departments) departments.push_back(coded(d.code, &d.name));
  json wards = json::array();
  for (const auto& w : directory.wards) {
    json branches = json::array();
    for (const auto& b : w.branches) branches.push_back(coded(b.code, &b.name));
    json ward = coded(w.code, &w.name);
    ward["office"] = text_json(w.office);
    ward["branches"] = std::move(branches);
    wards.push_back(std::move(ward));
  }
  json categories = json::array();
  for (const auto& c : directory.categories) categories.push_back(coded(c.code, &c.name));
  json events = json::array();
  for (const auto& e : directory.life_events) events.push_back(coded(e.code, &e.name));
  return json{{"city", {{"ja", directory.city_ja}, {"en", directory.city_en}}},
              {"departments", std::move(departments)},
              {"wards", std::move(wards)},
              {"categories", std::move(categories)},
              {"life_events", std::move(events)}};
}

json catalogue_to_json(const Catalogue& catalogue) {
  json list = json::array();
  for (const auto& p : catalogue.all()) {
    list.push_back(procedure_to_json(p, false, &catalogue.directory()));
  }
  return json{{"procedures", std::move(list)}};
}

}  // namespace madoguchi::procedures
