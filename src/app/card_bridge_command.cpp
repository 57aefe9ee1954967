#include "app/card_bridge_command.h"

#include "counter/card_bridge.h"
#include "counter/pcsc_channel.h"
#include "platform/http/server.h"
#include "platform/log.h"
#include "platform/metrics.h"

namespace madoguchi::app {

CardBridgeCommand::CardBridgeCommand(CLI::App& cli) {
  command_ = cli.add_subcommand("card-bridge", "run the My Number card bridge on a counter PC (127.0.0.1 only)");
  command_->add_option("--origin", origin_, "the madoguchi site whose pages may use the bridge, e.g. https://madoguchi.example.jp")
      ->required();
  command_->add_option("--port", port_, "TCP port on 127.0.0.1 (default 47100)")->check(CLI::Range(1, 65535));
  command_->add_option("--reader", reader_, "card reader name (default: the first reader holding a card)");
  command_->add_option("--tokens", tokens_, "file keeping paired pages' token hashes (default: none, pair after each start)");
}

bool CardBridgeCommand::selected() const { return command_->parsed(); }

int CardBridgeCommand::run(std::ostream& out, std::ostream& err) const {
  if (origin_.rfind("http://", 0) != 0 && origin_.rfind("https://", 0) != 0) {
    err << "madoguchi card-bridge: --origin must be an http:// or https:// origin such as https://madoguchi.example.jp\n";
    return 2;
  }
  std::string origin = origin_;
  while (!origin.empty() && origin.back() == '/') origin.pop_back();
  counter::BridgePairing pairing(tokens_.empty() ? std::nullopt : std::optional<std::filesystem::path>(tokens_),
                                 [&out](const std::string& code) { out << "pairing code: " << code << std::endl; });
  counter::BridgeSettings settings{origin, static_cast<uint16_t>(port_),
                                   reader_.empty() ? std::nullopt : std::optional<std::string>(reader_)};
  counter::CardBridge bridge(settings, pairing, [](const std::optional<std::string>& reader) {
    return std::unique_ptr<counter::CardChannel>(std::make_unique<counter::PcscChannel>(reader));
  });
  platform::http::Router router;
  bridge.register_routes(router);
  platform::Metrics metrics;
  platform::http::ServerSettings server_settings;
  server_settings.host = "127.0.0.1";
  server_settings.port = static_cast<uint16_t>(port_);
  server_settings.io_threads = 1;
  server_settings.workers = 2;
  server_settings.max_body_bytes = 16 * 1024;
  platform::http::Server server(server_settings, router, metrics);
  server.use(bridge.guard());
  uint16_t bound = server.start();
  out << "card bridge listening on http://127.0.0.1:" << bound << " for " << origin << std::endl;
  server.run_until_signal();
  return 0;
}

}  // namespace madoguchi::app
