#include "counter/counter_module.h"

#include <stdexcept>

#include "counter/form_layout.h"
#include "counter/intake_service.h"
#include "counter/intake_store.h"
#include "counter/number_vault.h"
#include "counter/qr_image.h"
#include "counter/web/counter_web.h"
#include "platform/crypto.h"

namespace madoguchi::counter {

CounterModule::CounterModule(applications::WebDependencies& citizen, identity::IdentityModule& identity,
                             CounterSettings settings)
    : settings_(std::move(settings)) {
  auto loaded = load_form_layouts(settings_.layouts_dir);
  if (!loaded.problems.empty()) {
    std::string message = "the official form layouts have problems:";
    for (const auto& p : loaded.problems) message += "\n" + p;
    throw std::runtime_error(message);
  }
  for (const auto& [procedure, layout] : loaded.by_procedure) {
    if (!citizen.catalogue.find(procedure)) {
      throw std::runtime_error(layout.source_file + ": procedure " + procedure + " is not in the catalogue");
    }
  }
  layouts_ = std::make_unique<std::map<std::string, FormLayout>>(std::move(loaded.by_procedure));
  codes_ = std::make_unique<PreEntryStore>(citizen.database,
                                           platform::crypto::load_or_create_key(settings_.keys_dir / "pre_entry.key"),
                                           settings_.pre_entry_lifetime);
  vault_ = std::make_unique<NumberVault>(citizen.database, platform::crypto::load_or_create_key(
                                                               settings_.keys_dir / "individual_number.key"));
  intakes_ = std::make_unique<IntakeStore>(citizen.database, identity.audit(), *vault_);
  service_ = std::make_unique<IntakeService>(citizen.catalogue, citizen.drafts, citizen.submissions, *codes_, *intakes_);
  web_ = std::make_unique<CounterWeb>(CounterWeb{citizen, identity.access(), identity.audit(), *service_, *codes_,
                                                 *vault_, *layouts_, settings_.bridge_url, settings_.city});
  identity.staff_links().add({"/staff/counter", "counter.nav.counter", "counter.nav.counter_description",
                              identity::RoleSet{identity::Role::counter_clerk}});
}

CounterModule::~CounterModule() = default;

void CounterModule::register_routes(platform::http::Router& router) {
  register_pre_entry_pages(router, *web_);
  register_intake_pages(router, *web_);
}

IssuedPreEntry CounterModule::issue_pre_entry(const std::vector<int64_t>& draft_ids) { return codes_->issue(draft_ids); }

std::optional<IssuedPreEntry> CounterModule::outstanding_pre_entry(int64_t draft_id) const {
  return codes_->outstanding_for_draft(draft_id);
}

std::optional<int64_t> CounterModule::intake_of_draft(int64_t draft_id) const { return codes_->intake_of_draft(draft_id); }

std::string CounterModule::pre_entry_qr_png(const PreEntryCode& code) { return qr_png(code.text); }

}  // namespace madoguchi::counter
