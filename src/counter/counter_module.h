// CounterModule: 書かない窓口 built from its dependencies, for the app to wire.
// It opens its keys (keys/pre_entry.key for the codes' MAC,
// keys/individual_number.key for the sealed number; created on first start),
// loads the official form layouts (procedures/forms/*.yaml; a bad layout stops
// the start with file:line problems), adds the counter to the staff landing
// page and registers the citizen's pre-entry pages and the clerk's pages.
//
// For other modules (the life-event one-stop): issue_pre_entry() gives one
// code, and so one QR, for a bundle of counter drafts; pre_entry_qr_png()
// draws it; outstanding_pre_entry() and intake_of_draft() say where a draft
// stands (a code to show, or taken in by a clerk). Codes carry no personal data.
#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "applications/web/web_support.h"
#include "counter/pre_entry_store.h"
#include "identity/identity_module.h"
#include "platform/http/router.h"

namespace madoguchi::counter {

struct CounterWeb;
class IntakeStore;
class IntakeService;
class NumberVault;
struct FormLayout;

struct CounterSettings {
  std::filesystem::path keys_dir;
  std::filesystem::path layouts_dir;  // procedures/forms
  std::string bridge_url = "http://127.0.0.1:47100";  // the card bridge on the counter PC
  std::chrono::seconds pre_entry_lifetime{30 * 24 * 3600};
  std::string city = "仙台市";
};

class CounterModule {
 public:
  // Throws std::runtime_error naming the file and line of a bad layout, or a key it cannot open.
  CounterModule(applications::WebDependencies& citizen, identity::IdentityModule& identity, CounterSettings settings);
  ~CounterModule();
  CounterModule(const CounterModule&) = delete;
  CounterModule& operator=(const CounterModule&) = delete;

  void register_routes(platform::http::Router& router);

  // One code for these counter drafts (their ids, in the order the clerk sees
  // them), or the one they already share while unused and unexpired. A code
  // for a different set replaces the unused codes of any of these drafts.
  IssuedPreEntry issue_pre_entry(const std::vector<int64_t>& draft_ids);
  // The code a draft can be shown with (unused, unexpired, not replaced), if any.
  std::optional<IssuedPreEntry> outstanding_pre_entry(int64_t draft_id) const;
  // The intake that took a draft in at the counter, if a clerk did.
  std::optional<int64_t> intake_of_draft(int64_t draft_id) const;
  // The code as a PNG image (for a page or a download).
  static std::string pre_entry_qr_png(const PreEntryCode& code);

 private:
  CounterSettings settings_;
  std::unique_ptr<PreEntryStore> codes_;
  std::unique_ptr<NumberVault> vault_;
  std::unique_ptr<IntakeStore> intakes_;
  std::unique_ptr<IntakeService> service_;
  std::unique_ptr<std::map<std::string, FormLayout>> layouts_;
  std::unique_ptr<CounterWeb> web_;
};

}  // namespace madoguchi::counter
