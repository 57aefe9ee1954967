#include "app/commands.h"

#include <iostream>

#include <CLI/CLI.hpp>

#include "app/application.h"
#include "app/audit_command.h"
#include "app/booking_command.h"
#include "app/card_bridge_command.h"
#include "app/check_procedures_command.h"
#include "app/copy_data_command.h"
#include "app/data_dir.h"
#include "app/jp_command.h"
#include "app/seed_command.h"
#include "app/settings.h"
#include "app/user_command.h"
#include "platform/config_source.h"
#include "platform/crypto.h"
#include "platform/db/migrations.h"
#include "platform/log.h"
#include "platform/time.h"

namespace madoguchi::app {

namespace {

void add_common_options(CLI::App* command, CommandLineOverrides& o) {
  command->add_option("--config", o.config_file, "YAML settings file (or MADOGUCHI_CONFIG)");
  command->add_option("--data", o.data_dir, "directory for the database, attachments and keys (default var/)");
}

int migrate(const Settings& settings, std::ostream& out) {
  create_data_dir(settings.data_dir);
  const auto& location = settings.database.location;
  auto connection = platform::db::connect(location, platform::db::Connection::Mode::read_write);
  auto applied = platform::db::apply_migrations(
      *connection, platform::db::load_migrations(settings.source_root, migration_modules(), connection->dialect()));
  for (const auto& m : applied) out << "applied " << m.module << "/" << m.version << "_" << m.name << "\n";
  if (applied.empty()) out << "database is up to date: " << location.describe() << "\n";
  return 0;
}

}  // namespace

int run_command_line(int argc, char** argv, std::ostream& out, std::ostream& err) {
  make_created_files_private();
  platform::crypto::init();
  CLI::App cli{"madoguchi — the digital city hall"};
  cli.require_subcommand(1);
  CommandLineOverrides overrides;

  auto* serve = cli.add_subcommand("serve", "serve the web site and the API");
  add_common_options(serve, overrides);
  serve->add_option("--port", overrides.port, "TCP port (0 picks a free one)")->check(CLI::Range(0, 65535));
  serve->add_option("--host", overrides.host, "address to listen on");

  auto* migrate_cmd = cli.add_subcommand("migrate", "create or upgrade the database");
  add_common_options(migrate_cmd, overrides);

  auto* seed_cmd = cli.add_subcommand("seed", "add demonstration data (staff accounts, applications)");
  add_common_options(seed_cmd, overrides);
  bool demo = false;
  seed_cmd->add_flag("--demo", demo, "the demonstration data set")->required();

  auto* check_cmd = cli.add_subcommand("check-procedures", "check procedure definitions (file:line: message)");
  std::string procedures_dir;
  check_cmd->add_option("DIR", procedures_dir, "directory of procedure YAML files")->required();

  auto* jp_cmd = cli.add_subcommand("jp", "Japanese data tools: date, kana, chars, mynumber, corpnumber, phone, postal, address, holidays, age");
  std::vector<std::string> jp_args;
  jp_cmd->add_option("ARGS", jp_args, "what to check, e.g. date 令和8年11月22日")->required();

  auto* booking_cmd = cli.add_subcommand("booking", "bookings: remind (send the day-before reminders due now)");
  booking_cmd->require_subcommand(1);
  auto* remind_cmd = booking_cmd->add_subcommand("remind", "send the day-before booking reminders due now");
  add_common_options(remind_cmd, overrides);

  // identity: staff accounts and the audit log.
  auto common = [&overrides](CLI::App* command) { add_common_options(command, overrides); };
  UserCommand user_cmd(cli, common);
  AuditCommand audit_cmd(cli, common);
  CopyDataCommand copy_cmd(cli, common);
  CardBridgeCommand bridge_cmd(cli);

  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return cli.exit(e, out, err);
  }

  if (*check_cmd) return run_check_procedures(procedures_dir, out, err);
  if (*jp_cmd) return run_jp_command(jp_args, out, err);
  if (bridge_cmd.selected()) {
    try {
      return bridge_cmd.run(out, err);
    } catch (const std::exception& e) {
      err << "madoguchi card-bridge: " << e.what() << "\n";
      return 1;
    }
  }

  try {
    Settings settings = load_settings(overrides);
    platform::log::configure(settings.log);
    if (settings.clock_start) {
      platform::set_clock_start(*platform::parse_clock_start(*settings.clock_start));
      platform::log::warn("clock_set", {{"message", "the clock is set for testing: now is " + *settings.clock_start},
                                        {"start", *settings.clock_start}});
    }
    if (*serve) {
      Application application(settings);
      return application.serve();
    }
    if (*migrate_cmd) return migrate(settings, out);
    if (*seed_cmd) return run_seed_demo(settings, out, err);
    if (*remind_cmd) return run_booking_remind(settings, out);
    if (user_cmd.selected()) return user_cmd.run(settings, std::cin, out, err);
    if (audit_cmd.selected()) return audit_cmd.run(settings, out, err);
    if (copy_cmd.selected()) return copy_cmd.run(settings, out, err);
  } catch (const platform::ConfigError& e) {
    err << "madoguchi: configuration error: " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    err << "madoguchi: " << e.what() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace madoguchi::app
