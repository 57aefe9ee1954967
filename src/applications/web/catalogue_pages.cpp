// Home, search, lists of procedures, one procedure, accessibility, contact.
#include <algorithm>
#include <array>

#include "applications/web/web_pages.h"
#include "platform/http/http_error.h"

namespace madoguchi::applications {

using platform::http::Request;
using platform::http::Response;

namespace {

// The procedures most citizens come for, shown first on the home page.
constexpr std::array kFeatured = {"residence_certificate", "moving_out",       "tax_certificate",
                                  "child_allowance",       "bulky_waste_collection", "family_register_certificate"};

// Ward offices' main lines (代表電話), by ward code.
constexpr std::array<std::pair<const char*, const char*>, 5> kWardPhones = {{{"aoba", "022-225-7211"},
                                                                              {"miyagino", "022-291-2111"},
                                                                              {"wakabayashi", "022-282-1111"},
                                                                              {"taihaku", "022-247-1111"},
                                                                              {"izumi", "022-372-3111"}}};

template <class Pred>
nlohmann::json cards_where(const WebDependencies& deps, Language language, Pred pred) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& p : deps.catalogue.all()) {
    if (pred(p)) out.push_back(procedure_card(p, deps.catalogue.directory(), language));
  }
  return out;
}

nlohmann::json terms(const std::vector<procedures::Term>& list, const std::string& base, const WebDependencies& deps,
                     Language language, bool life_event) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& term : list) {
    size_t count = 0;
    for (const auto& p : deps.catalogue.all()) {
      if (life_event ? std::find(p.life_events.begin(), p.life_events.end(), term.code) != p.life_events.end()
                     : p.category == term.code) {
        ++count;
      }
    }
    out.push_back({{"code", term.code}, {"name", pick(term.name, language)}, {"href", base + term.code},
                   {"count", count}});
  }
  return out;
}

Response home(const WebDependencies& deps, Request& request) {
  Language language = language_of(request);
  nlohmann::json featured = nlohmann::json::array();
  for (const char* id : kFeatured) {
    if (const auto* p = deps.catalogue.find(id)) featured.push_back(procedure_card(*p, deps.catalogue.directory(), language));
  }
  nlohmann::json departments = nlohmann::json::array();
  for (const auto& d : deps.catalogue.directory().departments) {
    departments.push_back({{"name", pick(d.name, language)}, {"href", "/departments/" + d.code}});
  }
  const auto& directory = deps.catalogue.directory();
  return render(deps, request, "citizen/home", text(deps, request, "home.title"),
                {{"featured", featured},
                 {"life_events", terms(directory.life_events, "/life-events/", deps, language, true)},
                 {"categories", terms(directory.categories, "/categories/", deps, language, false)},
                 {"departments", departments},
                 {"body_class", "page-home"}});
}

Response search(const WebDependencies& deps, Request& request) {
  Language language = language_of(request);
  std::string query = request.query_param("q").value_or("");
  if (query.size() > 200) query.resize(200);
  nlohmann::json cleaned = query;
  drop_invalid_text(cleaned);
  query = cleaned.get<std::string>();
  nlohmann::json results = nlohmann::json::array();
  for (const auto& hit : deps.search.search(query)) {
    results.push_back(procedure_card(*hit.procedure, deps.catalogue.directory(), language));
  }
  std::string quoted = language == Language::en ? " “" + query + "”" : "「" + query + "」";
  std::string title = query.empty() ? text(deps, request, "search.title") : text(deps, request, "search.results_for") + quoted;
  return render(deps, request, "citizen/search", title,
                {{"query", query},
                 {"has_query", !query.empty()},
                 {"results", results},
                 {"count", results.size()},
                 {"none", !query.empty() && results.empty()},
                 {"life_events", terms(deps.catalogue.directory().life_events, "/life-events/", deps, language, true)}});
}

Response listing(const WebDependencies& deps, Request& request, const std::string& heading, nlohmann::json cards,
                 const std::string& lead) {
  return render(deps, request, "citizen/listing", heading,
                {{"heading", heading}, {"lead", lead}, {"procedures", cards}, {"empty", cards.empty()}});
}

Response life_event(const WebDependencies& deps, Request& request) {
  const auto* term = deps.catalogue.directory().find_life_event(request.param("code"));
  if (!term) throw platform::http::not_found();
  Language language = language_of(request);
  auto cards = cards_where(deps, language, [&](const procedures::Procedure& p) {
    return std::find(p.life_events.begin(), p.life_events.end(), term->code) != p.life_events.end();
  });
  return listing(deps, request, pick(term->name, language), cards, text(deps, request, "listing.life_event_lead"));
}

Response category(const WebDependencies& deps, Request& request) {
  const auto* term = deps.catalogue.directory().find_category(request.param("code"));
  if (!term) throw platform::http::not_found();
  Language language = language_of(request);
  auto cards = cards_where(deps, language, [&](const procedures::Procedure& p) { return p.category == term->code; });
  return listing(deps, request, pick(term->name, language), cards, "");
}

Response department(const WebDependencies& deps, Request& request) {
  const auto* d = deps.catalogue.directory().find_department(request.param("code"));
  if (!d) throw platform::http::not_found();
  Language language = language_of(request);
  auto cards = cards_where(deps, language, [&](const procedures::Procedure& p) { return p.department == d->code; });
  return listing(deps, request, pick(d->name, language), cards, "");
}

Response all_procedures(const WebDependencies& deps, Request& request) {
  Language language = language_of(request);
  auto cards = cards_where(deps, language, [](const procedures::Procedure&) { return true; });
  return listing(deps, request, text(deps, request, "listing.all_title"), cards, "");
}

std::string identity_text(const WebDependencies& deps, const Request& request, procedures::IdentityAssurance level) {
  switch (level) {
    case procedures::IdentityAssurance::none:
      return text(deps, request, "procedure.identity_none");
    case procedures::IdentityAssurance::account:
      return text(deps, request, "procedure.identity_account");
    default:
      return text(deps, request, "procedure.identity_card");
  }
}

Response procedure_page(const WebDependencies& deps, Request& request) {
  const auto* p = deps.catalogue.find(request.param("id"));
  if (!p) throw platform::http::not_found();
  Language language = language_of(request);
  const auto& directory = deps.catalogue.directory();
  const auto* d = directory.find_department(p->department);
  const auto* c = directory.find_category(p->category);
  nlohmann::json bring = nlohmann::json::array();
  for (const auto& item : p->bring) bring.push_back(pick(item, language));
  nlohmann::json attachments = nlohmann::json::array();
  for (const auto& a : p->attachments) {
    std::string when;
    for (auto channel : a.required_for) {
      if (!when.empty()) when += language == Language::en ? ", " : "・";
      when += text(deps, request, std::string("channel.") + (channel == procedures::Channel::online ? "online"
                                                            : channel == procedures::Channel::mail ? "mail"
                                                                                                    : "counter"));
    }
    attachments.push_back({{"name", pick(a.name, language)},
                           {"required_for", when},
                           {"optional", a.required_for.empty()}});
  }
  nlohmann::json events = nlohmann::json::array();
  for (const auto& code : p->life_events) {
    if (const auto* t = directory.find_life_event(code)) {
      events.push_back({{"name", pick(t->name, language)}, {"href", "/life-events/" + code}});
    }
  }
  std::string fee = text(deps, request, "procedure.fee_varies");
  if (p->fee.amount_yen) {
    fee = format_yen(*p->fee.amount_yen, language);
    const std::string& per = pick(p->fee.per, language);
    if (*p->fee.amount_yen > 0 && !per.empty()) fee += language == Language::en ? " " + per : "（" + per + "）";
  }
  std::string period = p->processing_days == 0 ? text(deps, request, "procedure.same_day")
                                               : std::to_string(p->processing_days) +
                                                     text(deps, request, "procedure.business_days") +
                                                     text(deps, request, "procedure.business_days_note");
  bool needs_account = p->identity == procedures::IdentityAssurance::account;
  bool needs_card = online_needs_card(*p);
  return render(deps, request, "citizen/procedure", pick(p->name, language),
                {{"id", p->id},
                 {"name", pick(p->name, language)},
                 {"summary", pick(p->summary, language)},
                 {"department", d ? pick(d->name, language) : std::string()},
                 {"department_href", d ? "/departments/" + d->code : std::string()},
                 {"category", c ? pick(c->name, language) : std::string()},
                 {"category_href", c ? "/categories/" + c->code : std::string()},
                 {"channels", channel_badges(*p, deps, request)},
                 {"online", p->channels.online},
                 {"counter", p->channels.counter_pre_entry},
                 {"mail", p->channels.mail},
                 {"can_start", p->channels.online || p->channels.counter_pre_entry},
                 {"fee", fee},
                 {"fee_note", pick(p->fee.note, language)},
                 {"period", period},
                 {"processing_note", pick(p->processing_note, language)},
                 {"bring", bring},
                 {"has_bring", !bring.empty()},
                 {"attachments", attachments},
                 {"has_attachments", !attachments.empty()},
                 {"identity", identity_text(deps, request, p->identity)},
                 {"needs_account", needs_account},
                 {"online_needs_card", needs_card},
                 {"card_notice", needs_card ? pick(how_to_apply(*p), language) : std::string()},
                 {"signed_in", citizen_id(request).has_value()},
                 {"life_events", events}});
}

Response accessibility(const WebDependencies& deps, Request& request) {
  return render(deps, request, "citizen/accessibility", text(deps, request, "accessibility.title"), {});
}

Response contact(const WebDependencies& deps, Request& request) {
  Language language = language_of(request);
  nlohmann::json wards = nlohmann::json::array();
  for (const auto& ward : deps.catalogue.directory().wards) {
    for (const auto& [code, phone] : kWardPhones) {
      if (ward.code == code) wards.push_back({{"office", pick(ward.office, language)}, {"phone", phone}});
    }
  }
  nlohmann::json departments = nlohmann::json::array();
  for (const auto& d : deps.catalogue.directory().departments) {
    departments.push_back({{"name", pick(d.name, language)}, {"href", "/departments/" + d.code}});
  }
  return render(deps, request, "citizen/contact", text(deps, request, "contact.title"),
                {{"wards", wards}, {"departments", departments}});
}

}  // namespace

void register_catalogue_pages(platform::http::Router& router, const WebDependencies& deps) {
  router.get("/", [&deps](Request& r) { return home(deps, r); });
  router.get("/search", [&deps](Request& r) { return search(deps, r); });
  router.get("/procedures", [&deps](Request& r) { return all_procedures(deps, r); });
  router.get("/procedures/{id}", [&deps](Request& r) { return procedure_page(deps, r); });
  router.get("/life-events/{code}", [&deps](Request& r) { return life_event(deps, r); });
  router.get("/categories/{code}", [&deps](Request& r) { return category(deps, r); });
  router.get("/departments/{code}", [&deps](Request& r) { return department(deps, r); });
  router.get("/accessibility", [&deps](Request& r) { return accessibility(deps, r); });
  router.get("/contact", [&deps](Request& r) { return contact(deps, r); });
}

}  // namespace madoguchi::applications
