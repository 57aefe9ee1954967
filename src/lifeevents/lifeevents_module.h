// LifeEventsModule: the life-event one-stop (ライフイベントのワンストップ) built from its
// dependencies, for the app to wire. It loads the life events beside the procedure catalogue
// (refusing to start on a problem, as the catalogue does), keeps bundles in the database and
// registers the citizen pages (/onestop: the questions, the list, printing, saving, submitting
// the online procedures together, the one pre-entry QR code the counter procedures are taken in
// with) and the staff view of one visit across departments (/staff/onestop). resume() lets the
// citizen web's single resume page open a bundle by its resume code.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "applications/web/web_support.h"
#include "counter/counter_module.h"
#include "identity/identity_module.h"
#include "platform/http/router.h"

namespace madoguchi::lifeevents {

class LifeEvents;
class BundleStore;
class BundleService;
struct LifeEventsWeb;

class LifeEventsModule {
 public:
  // `web`, `identity` and `counter` must outlive the module. Throws std::runtime_error listing the
  // problems when a life event definition under procedures_dir/life_events is wrong.
  LifeEventsModule(const applications::WebDependencies& web, identity::IdentityModule& identity,
                   counter::CounterModule& counter, const std::filesystem::path& procedures_dir);
  ~LifeEventsModule();
  LifeEventsModule(const LifeEventsModule&) = delete;
  LifeEventsModule& operator=(const LifeEventsModule&) = delete;

  void register_routes(platform::http::Router& router);

  // Opens the bundle a resume code belongs to in this browser; nothing when the code is no
  // bundle's (it may be a draft's).
  std::optional<platform::http::Response> resume(const std::string& code, const platform::http::Request& request);

 private:
  std::unique_ptr<LifeEvents> events_;
  std::unique_ptr<BundleStore> bundles_;
  std::unique_ptr<BundleService> service_;
  std::unique_ptr<LifeEventsWeb> web_;
};

}  // namespace madoguchi::lifeevents
