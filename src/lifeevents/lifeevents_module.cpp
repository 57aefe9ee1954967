#include "lifeevents/lifeevents_module.h"

#include <stdexcept>

#include "lifeevents/bundle_service.h"
#include "lifeevents/life_event_loader.h"
#include "lifeevents/web/pages.h"

namespace madoguchi::lifeevents {

namespace {

std::unique_ptr<LifeEvents> load(const std::filesystem::path& procedures_dir, const procedures::Catalogue& catalogue) {
  const auto dir = procedures_dir / kLifeEventsDirectory;
  auto loaded = load_life_events(dir, catalogue);
  if (!loaded.events) {
    std::string message = "the life events have problems (run `madoguchi check-procedures " + procedures_dir.string() + "`):";
    for (const auto& p : loaded.problems) message += "\n" + p.to_string();
    throw std::runtime_error(message);
  }
  return std::make_unique<LifeEvents>(std::move(*loaded.events));
}

}  // namespace

LifeEventsModule::LifeEventsModule(const applications::WebDependencies& web, identity::IdentityModule& identity,
                                   counter::CounterModule& counter, const std::filesystem::path& procedures_dir)
    : events_(load(procedures_dir, web.catalogue)),
      bundles_(std::make_unique<BundleStore>(web.database, web.drafts.lifetime())),
      service_(std::make_unique<BundleService>(
          *events_, web.catalogue, *bundles_, web.drafts, web.submissions,
          [&counter](int64_t draft_id) { return counter.intake_of_draft(draft_id).has_value(); })),
      web_(std::make_unique<LifeEventsWeb>(
          LifeEventsWeb{web, *events_, *bundles_, *service_, identity.audit(), counter})) {
  identity.staff_links().add({"/staff/onestop", "lifeevents.staff.find_title", "lifeevents.staff.find_description",
                              identity::RoleSet{identity::Role::counter_clerk, identity::Role::processor,
                                                identity::Role::approver, identity::Role::department_admin}});
}

LifeEventsModule::~LifeEventsModule() = default;

void LifeEventsModule::register_routes(platform::http::Router& router) {
  register_event_pages(router, *web_);
  register_question_pages(router, *web_);
  register_list_pages(router, *web_);
  register_visit_code_pages(router, *web_);
  register_staff_pages(router, *web_);
}

std::optional<platform::http::Response> LifeEventsModule::resume(const std::string& code,
                                                                  const platform::http::Request& request) {
  return resume_bundle(*web_, code, request);
}

}  // namespace madoguchi::lifeevents
