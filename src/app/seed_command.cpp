#include "app/seed_command.h"

#include <sys/stat.h>

#include <fstream>
#include <sstream>

#include "app/migrated_database.h"
#include "applications/answer_paths.h"
#include "applications/sql_application_store.h"
#include "applications/submission_service.h"
#include "applications/upload_store.h"
#include "forms/sample_dates.h"
#include "identity/audit_log.h"
#include "identity/identity_module.h"
#include "identity/session_store.h"
#include "identity/staff_accounts.h"
#include "jp/postal.h"
#include "platform/crypto.h"
#include "platform/time.h"
#include "procedures/catalogue.h"

namespace madoguchi::app {

namespace {

using identity::Role;

struct DemoPerson {
  const char* name;
  const char* kana;
  const char* address;
};

// Names kept exactly as people write them (髙, 﨑 included); one address per ward.
const DemoPerson kPeople[] = {
    {"髙橋　﨑子", "タカハシ サキコ", "仙台市青葉区国分町三丁目7番1号"},
    {"佐藤　健一", "サトウ ケンイチ", "仙台市宮城野区五輪二丁目12番35号"},
    {"山﨑　翔太", "ヤマザキ ショウタ", "仙台市若林区保春院前丁3番地の1"},
    {"鈴木　花子", "スズキ ハナコ", "仙台市太白区長町南三丁目1番15号"},
    {"グエン　ヴァン　アン", "グエン ヴァン アン", "仙台市泉区泉中央二丁目1番1号"},
    {"伊藤　美咲", "イトウ ミサキ", "仙台市青葉区一番町四丁目11番1号"},
    {"渡邊　大翔", "ワタナベ ヒロト", "仙台市太白区長町五丁目2番10号"},
    {"田中　結衣", "タナカ ユイ", "仙台市泉区将監十丁目1番1号"},
};

struct DemoStaff {
  const char* login;
  const char* name;
  Role role;
  std::vector<std::string> wards;
};

const std::vector<DemoStaff>& demo_staff() {
  static const std::vector<DemoStaff> staff = {
      {"demo.admin", "デモ　管理者", Role::system_admin, {"all"}},
      {"demo.processor", "事務センター　処理担当", Role::processor, {"all"}},
      {"demo.processor.aoba", "青葉区　処理担当", Role::processor, {"aoba"}},
      {"demo.approver", "事務センター　決裁者", Role::approver, {"all"}},
      {"demo.clerk.aoba", "青葉区役所　窓口担当", Role::counter_clerk, {"aoba"}},
      {"demo.auditor", "監査担当", Role::auditor, {"all"}},
  };
  return staff;
}

nlohmann::json read_json(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error("cannot read " + file.string());
  std::stringstream s;
  s << in.rdbuf();
  return nlohmann::json::parse(s.str());
}

void set_string(nlohmann::json& answers, const std::string& path, const std::string& value) {
  if (path.empty()) return;
  applications::for_each_value(answers, path, [&](nlohmann::json& v, const std::string&) {
    if (v.is_string()) v = value;
  });
}

// Every file answer gets a real upload (a one-page PDF), as a citizen's would.
void attach_demo_files(const procedures::Procedure& procedure, applications::UploadStore& uploads, nlohmann::json& answers) {
  static const std::string pdf =
      "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
      "trailer<</Root 1 0 R>>\n%%EOF\n";
  procedure.form.for_each_field([&](const forms::Field& field, const std::string& pattern) {
    if (field.type != forms::FieldType::file) return;
    applications::for_each_value(answers, pattern, [&](nlohmann::json& value, const std::string&) {
      if (!value.is_object()) return;
      auto upload = uploads.save(pdf, field.id + ".pdf", "application/pdf");
      value = {{"upload_id", upload.id}, {"content_type", upload.media_type}, {"size", upload.size},
               {"filename", upload.filename}};
    });
  });
}

// How a demo application comes in, as the procedure allows it: online when
// anyone may apply online; otherwise at the counter, entered by the demo
// clerk, where the procedure offers it; otherwise by post, entered by the
// demo processor. The audit log names the seed as the one who entered them.
struct DemoChannel {
  procedures::Channel channel;
  applications::Submitter submitter;
};

DemoChannel demo_channel(const procedures::Procedure& p) {
  const identity::AuditActor seed{"system", "seed:demo", "", ""};
  if (p.channels.online && !applications::identity_refusal(p, procedures::Channel::online, {})) {
    return {procedures::Channel::online, {}};
  }
  if (p.channels.counter_pre_entry) {
    return {procedures::Channel::counter_pre_entry,
            applications::Submitter::staff("demo.clerk.aoba", {Role::counter_clerk}, seed)};
  }
  return {procedures::Channel::mail, applications::Submitter::staff("demo.processor", {Role::processor}, seed)};
}

std::vector<std::string> create_staff(const identity::StaffAccounts& staff) {
  identity::AuditActor actor{"system", "seed:demo", "", ""};
  std::vector<std::string> lines;
  for (const auto& s : demo_staff()) {
    identity::NewStaff account;
    account.login = s.login;
    account.display_name = s.name;
    account.roles = identity::RoleSet{s.role};
    account.scope = {identity::CodeSet::all(), identity::CodeSet::of(s.wards)};
    account.password = "Demo-" + platform::crypto::random_token(12);
    staff.create(account, actor);
    lines.push_back(std::string(s.login) + "\t" + account.password + "\t" + std::string(identity::role_name(s.role)));
  }
  return lines;
}

// Submits a few applications per procedure through the real service (each by
// a channel its identity assurance allows: demo_channel), then moves
// some along and back-dates others so queues show every state, overdue included.
size_t create_applications(const Settings& settings, platform::db::Database& database,
                           const identity::AuditLog& audit) {
  auto loaded = procedures::load_catalogue(settings.procedures_dir());
  if (!loaded.catalogue) throw std::runtime_error("the procedure catalogue has problems; run check-procedures");
  auto postal = jp::PostalDirectory::load(settings.postal_table());
  applications::SqlApplicationStore store(database);
  applications::UploadStore uploads(database, settings.uploads_dir(), settings.upload_storage);
  applications::SubmissionService service(*loaded.catalogue, store, uploads, postal.ok() ? &postal.value() : nullptr);
  service.audit_entries(audit);
  size_t created = 0;
  size_t n = 0;
  for (const auto& procedure : loaded.catalogue->all()) {
    auto sample_file = settings.source_root / "demo/answers" / (procedure.id + ".json");
    if (!std::filesystem::exists(sample_file)) continue;
    auto sample = forms::resolve_sample_dates(read_json(sample_file), platform::today_in_tokyo());
    for (int i = 0; i < 6; ++i, ++n) {
      const auto& person = kPeople[n % std::size(kPeople)];
      auto answers = sample;
      set_string(answers, procedure.applicant.name, person.name);
      set_string(answers, procedure.applicant.name + "_kana", person.kana);
      set_string(answers, procedure.applicant.address, person.address);
      attach_demo_files(procedure, uploads, answers);
      applications::SubmissionRequest request;
      request.procedure_id = procedure.id;
      request.answers = answers;
      auto channel = demo_channel(procedure);
      request.channel = channel.channel;
      request.submitter = channel.submitter;
      applications::Submitted submitted;
      try {
        submitted = service.submit(request).submitted;
      } catch (const applications::SubmissionRejected& e) {
        std::string why;
        for (const auto& error : e.errors()) why += " " + error.path + ": " + error.message.en;
        throw std::runtime_error("demo answers for " + procedure.id + " were refused:" + why);
      }
      ++created;
      if (i == 1 || i == 4) {
        int version = store.change_status(submitted.id, 1, applications::Status::in_review, "seed:demo", {});
        if (i == 4) {
          store.change_status(submitted.id, version, applications::Status::correction_requested, "seed:demo",
                              {{"fields", {procedure.applicant.name}}, {"message", "氏名の表記をご確認ください。"}});
        }
      }
      if (i % 3 == 2) {
        auto days_ago = static_cast<int>(procedure.processing_days) + 3 + i;
        auto when = platform::Clock::now() - std::chrono::days(days_ago);
        auto due = procedures::due_date(procedure, platform::tokyo_date(when));
        database.write([&](platform::db::Connection& c) {
          c.execute("UPDATE applications SET submitted_at = ?, due_on = ? WHERE id = ?",
                    {platform::iso_timestamp(when), due ? platform::iso_date(*due) : std::string(), submitted.id});
        });
      }
    }
  }
  return created;
}

}  // namespace

int run_seed_demo(const Settings& settings, std::ostream& out, std::ostream& err) {
  auto database = open_migrated_database(settings);
  identity::AuditLog audit(*database, platform::crypto::load_or_create_key(identity::audit_key_path(settings.keys_dir())));
  identity::SessionStore sessions(*database);
  identity::StaffAccounts staff(*database, audit, sessions,
                                platform::crypto::load_or_create_key(identity::totp_key_path(settings.keys_dir())));
  if (staff.find_by_login(demo_staff().front().login)) {
    out << "demo data already present (accounts in " << (settings.data_dir / "demo-accounts.txt").string() << ")\n";
    return 0;
  }
  // Accounts last: they mark the data set as complete.
  size_t applications = create_applications(settings, *database, audit);
  auto accounts = create_staff(staff);
  database->stop();

  auto file = settings.data_dir / "demo-accounts.txt";
  {
    std::ofstream f(file, std::ios::trunc);
    ::chmod(file.c_str(), 0600);
    f << "# madoguchi demo staff accounts (random passwords; sign in at /staff/login)\nlogin\tpassword\trole\n";
    for (const auto& line : accounts) f << line << "\n";
    if (!f) {
      err << "madoguchi: cannot write " << file.string() << "\n";
      return 1;
    }
  }
  out << "seeded " << applications << " demo applications and " << accounts.size() << " staff accounts\n";
  out << "demo staff sign-in (also in " << file.string() << "):\n";
  for (const auto& line : accounts) out << "  " << line << "\n";
  return 0;
}

}  // namespace madoguchi::app
