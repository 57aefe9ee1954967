// The public JSON API against the real server and database: the catalogue,
// submitting with per-field errors and idempotency, status by reference,
// uploads with content sniffing, and hostile input answered with clear 4xx.
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "casework_support.h"
#include "fixtures.h"
#include "harness.h"

using namespace madoguchi::testing;

class Api : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server = new ServerProcess();
    add_staff(*server, "api.clerk", {"counter_clerk"}, {"all"}, {"all"});
    clerk = new StaffBrowser(*server, "api.clerk");
  }
  static void TearDownTestSuite() {
    delete clerk;
    delete server;
  }
  static ServerProcess* server;
  static StaffBrowser* clerk;
  HttpClient http;

  HttpResult submit(const std::string& procedure, const nlohmann::json& body, std::vector<std::string> headers = {}) {
    return http.post_json(server->url("/api/v1/procedures/" + procedure + "/applications"), body, headers);
  }
  // As a counter clerk at the counter (procedures that need more than anyone online, like 児童手当).
  HttpResult submit_at_counter(const std::string& procedure, nlohmann::json body) {
    if (body.is_object()) body["channel"] = "counter";
    return clerk->http().post_json(server->url("/api/v1/procedures/" + procedure + "/applications"), body);
  }
  std::set<std::string> error_paths(const HttpResult& r) {
    std::set<std::string> paths;
    auto body = r.json();
    for (const auto& f : body["error"]["details"]["fields"]) paths.insert(f["path"].get<std::string>());
    return paths;
  }
};
ServerProcess* Api::server = nullptr;
StaffBrowser* Api::clerk = nullptr;

TEST_F(Api, ListsAtLeastTwelveProcedures) {
  auto r = http.get(server->url("/api/v1/procedures"));
  ASSERT_EQ(r.status, 200);
  auto list = r.json()["procedures"];
  EXPECT_GE(list.size(), 12u);
  std::set<std::string> ids;
  for (const auto& p : list) ids.insert(p["id"].get<std::string>());
  for (const char* id : {"residence_certificate", "family_register_certificate", "seal_registration_certificate",
                         "tax_certificate", "moving_in", "moving_within", "health_insurance_enrolment",
                         "child_allowance", "daycare_application", "dog_registration", "bulky_waste_collection",
                         "cancer_screening"}) {
    EXPECT_TRUE(ids.count(id)) << id;
  }
}

TEST_F(Api, ShowsAProcedureWithItsFormSchema) {
  auto r = http.get(server->url("/api/v1/procedures/child_allowance"));
  ASSERT_EQ(r.status, 200);
  auto p = r.json();
  EXPECT_EQ(p["name"]["ja"], "児童手当 認定請求");
  EXPECT_EQ(p["form"]["format"], "madoguchi.form/1");
  EXPECT_FALSE(p["form"]["sections"].empty());
  EXPECT_EQ(http.get(server->url("/api/v1/procedures/no_such_thing")).json()["error"]["code"], "unknown_procedure");
}

TEST_F(Api, SubmitsAndShowsStatusWithTheSecret) {
  auto r = submit_at_counter("child_allowance", {{"answers", sample_answers("child_allowance")}, {"procedure_version", 1}});
  ASSERT_EQ(r.status, 201) << r.body;
  auto created = r.json();
  std::string reference = created["reference"];
  EXPECT_EQ(reference.rfind("MDG-", 0), 0u);
  EXPECT_EQ(r.header("location"), "/api/v1/applications/" + reference);
  EXPECT_FALSE(created["due_on"].is_null());

  auto status = http.get(server->url("/api/v1/applications/" + reference),
                         {"Authorization: Bearer " + created["status_secret"].get<std::string>()});
  ASSERT_EQ(status.status, 200) << status.body;
  EXPECT_EQ(status.json()["status"], "submitted");
  EXPECT_EQ(status.json()["status_label"]["ja"], "受付済み");
  EXPECT_EQ(status.json()["events"].size(), 1u);

  std::string lower = reference;
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  EXPECT_EQ(http.get(server->url("/api/v1/applications/" + lower),
                     {"Authorization: Bearer " + created["status_secret"].get<std::string>()})
                .status,
            200);
}

TEST_F(Api, StatusNeedsTheRightSecretAndDoesNotTellWhy) {
  auto created = submit_at_counter("child_allowance", {{"answers", sample_answers("child_allowance")}}).json();
  std::string url = server->url("/api/v1/applications/" + created["reference"].get<std::string>());
  auto wrong = http.get(url, {"Authorization: Bearer wrong"});
  auto none = http.get(url);
  auto unknown = http.get(server->url("/api/v1/applications/MDG-0000-0000"), {"Authorization: Bearer x"});
  EXPECT_EQ(wrong.status, 404);
  EXPECT_EQ(none.status, 404);
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(wrong.json()["error"]["code"], none.json()["error"]["code"]);
}

TEST_F(Api, PerFieldErrorsInJapaneseAndEnglish) {
  auto answers = sample_answers("child_allowance");
  answers["applicant_name_kana"] = "suzuki";
  answers["children"][0]["birth_date"] = "1970-01-01";
  answers.erase("applicant_phone");
  answers["no_such_field"] = "x";
  auto r = submit_at_counter("child_allowance", {{"answers", answers}});
  ASSERT_EQ(r.status, 422) << r.body;
  EXPECT_EQ(r.json()["error"]["code"], "validation_failed");
  auto paths = error_paths(r);
  EXPECT_TRUE(paths.count("applicant_name_kana"));
  EXPECT_TRUE(paths.count("applicant_phone"));
  EXPECT_TRUE(paths.count("no_such_field"));
  EXPECT_TRUE(paths.count("children[0].birth_date"));
  auto body = r.json();
  for (const auto& f : body["error"]["details"]["fields"]) {
    EXPECT_FALSE(f["message"]["ja"].get<std::string>().empty());
    EXPECT_FALSE(f["message"]["en"].get<std::string>().empty());
  }
}

TEST_F(Api, WrongTypesAreFieldErrorsNotCrashes) {
  auto answers = sample_answers("child_allowance");
  answers["children"] = "not a list";
  answers["applicant_income_yen"] = nlohmann::json::array({1, 2});
  answers["applicant_name"] = 12345;
  auto r = submit_at_counter("child_allowance", {{"answers", answers}});
  ASSERT_EQ(r.status, 422) << r.body;
  auto paths = error_paths(r);
  EXPECT_TRUE(paths.count("children"));
  EXPECT_TRUE(paths.count("applicant_name"));
  EXPECT_EQ(submit_at_counter("child_allowance", {{"answers", "nope"}}).status, 422);
  EXPECT_EQ(submit_at_counter("child_allowance", nlohmann::json::array()).status, 422);
  EXPECT_EQ(submit_at_counter("child_allowance", {{"answers", answers}, {"extra", 1}}).json()["error"]["code"], "unknown_envelope_field");
}

TEST_F(Api, IdempotencyKeyReturnsTheFirstResult) {
  nlohmann::json body = {{"answers", sample_answers("bulky_waste_collection")}};
  auto first = submit("bulky_waste_collection", body, {"Idempotency-Key: key-123"});
  auto second = submit("bulky_waste_collection", body, {"Idempotency-Key: key-123"});
  ASSERT_EQ(first.status, 201) << first.body;
  ASSERT_EQ(second.status, 201);
  EXPECT_EQ(first.json()["reference"], second.json()["reference"]);
  EXPECT_EQ(second.header("idempotent-replayed"), "true");
  body["answers"]["notes"] = "別の内容";
  auto conflict = submit("bulky_waste_collection", body, {"Idempotency-Key: key-123"});
  EXPECT_EQ(conflict.status, 422);
  EXPECT_EQ(conflict.json()["error"]["code"], "idempotency_key_reused");
  EXPECT_EQ(submit("bulky_waste_collection", body, {"Idempotency-Key: " + std::string(300, 'k')}).status, 400);
}

TEST_F(Api, OutdatedVersionAndUnknownProcedureAndChannel) {
  auto outdated = submit_at_counter("child_allowance", {{"answers", sample_answers("child_allowance")}, {"procedure_version", 99}});
  EXPECT_EQ(outdated.status, 409);
  EXPECT_EQ(outdated.json()["error"]["details"]["current_version"], 1);
  EXPECT_EQ(submit("no_such_procedure", {{"answers", nlohmann::json::object()}}).status, 404);
  EXPECT_EQ(submit("child_allowance", {{"answers", sample_answers("child_allowance")}, {"channel", "fax"}}).status, 422);
}

TEST_F(Api, MalformedBodiesAreClear4xx) {
  std::string url = server->url("/api/v1/procedures/child_allowance/applications");
  EXPECT_EQ(http.post(url, "{\"answers\": {", "application/json").json()["error"]["code"], "malformed_json");
  EXPECT_EQ(http.post(url, "{\"answers\": \"\xff\xfe\"}", "application/json").status, 400);
  EXPECT_EQ(http.post(url, std::string(5000, '[') + std::string(5000, ']'), "application/json").json()["error"]["code"],
            "json_too_deep");
  EXPECT_EQ(http.post(url, "answers=1", "application/x-www-form-urlencoded").status, 415);
  EXPECT_EQ(http.post(url, "{\"answers\": {\"applicant_income_yen\": 1e400}}", "application/json").status / 100, 4);
  EXPECT_EQ(http.post(url, std::string(2 * 1024 * 1024, ' '), "application/json").status, 413);
}

TEST_F(Api, NothingHalfWrittenAfterRejectedSubmissions) {
  auto answers = sample_answers("dog_registration");
  answers["owner_phone"] = "000";
  EXPECT_EQ(submit_at_counter("dog_registration", {{"answers", answers}}).status, 422);
  auto [code, out] = ServerProcess::run_command({"jp", "date", "R8.11.22"});
  EXPECT_EQ(code, 0);
}

TEST_F(Api, UploadsAreSniffedAndClaimedOnce) {
  std::string boundary = "----madoguchi-test";
  std::string type = "multipart/form-data; boundary=" + boundary;
  auto ok = http.post(server->url("/api/v1/uploads"), multipart_file("file", "証明書.pdf", "application/pdf", tiny_pdf(), boundary), type);
  ASSERT_EQ(ok.status, 201) << ok.body;
  EXPECT_EQ(ok.json()["content_type"], "application/pdf");
  auto liar = http.post(server->url("/api/v1/uploads"), multipart_file("file", "photo.jpg", "image/jpeg", tiny_pdf(), boundary), type);
  EXPECT_EQ(liar.status, 422);
  EXPECT_EQ(liar.json()["error"]["code"], "content_mismatch");
  auto exe = http.post(server->url("/api/v1/uploads"), multipart_file("file", "a.pdf", "application/pdf", "MZ\x90\x00", boundary), type);
  EXPECT_EQ(exe.json()["error"]["code"], "unsupported_file_type");
  std::string cut = multipart_file("file", "a.pdf", "application/pdf", tiny_pdf(), boundary);
  cut.resize(cut.size() - 30);
  EXPECT_EQ(http.post(server->url("/api/v1/uploads"), cut, type).json()["error"]["code"], "malformed_multipart");
  EXPECT_EQ(http.post(server->url("/api/v1/uploads"), "--x--", "multipart/form-data").status, 400);
}

TEST_F(Api, AnUploadRouteAcceptsMoreThanTheDefaultBodyLimitUpToItsOwn) {
  std::string boundary = "----madoguchi-test";
  std::string type = "multipart/form-data; boundary=" + boundary;
  std::string two_megabytes = tiny_pdf() + std::string(2 * 1024 * 1024, ' ');
  auto ok = http.post(server->url("/api/v1/uploads"), multipart_file("file", "scan.pdf", "application/pdf", two_megabytes, boundary), type);
  EXPECT_EQ(ok.status, 201) << ok.body;
  std::string eleven_megabytes = tiny_pdf() + std::string(11 * 1024 * 1024, ' ');
  auto big = http.post(server->url("/api/v1/uploads"), multipart_file("file", "scan.pdf", "application/pdf", eleven_megabytes, boundary), type);
  EXPECT_EQ(big.status, 413);
  EXPECT_EQ(big.json()["error"]["code"], "payload_too_large");
}

TEST_F(Api, PostalCodeLookupFindsSendaiWards) {
  auto r = http.get(server->url("/api/v1/postal-codes/980-0811"));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["addresses"][0]["city"], "仙台市青葉区");
  EXPECT_EQ(r.json()["addresses"][0]["town"], "一番町");
  EXPECT_EQ(http.get(server->url("/api/v1/postal-codes/%EF%BC%99%EF%BC%98%EF%BC%91%EF%BC%93%EF%BC%91%EF%BC%93%EF%BC%93"))
                .json()["addresses"][0]["city"],
            "仙台市泉区");
  EXPECT_EQ(http.get(server->url("/api/v1/postal-codes/12")).status, 400);
  EXPECT_EQ(http.get(server->url("/api/v1/postal-codes/0000000")).status, 404);
}

TEST_F(Api, OpenApiDocumentDescribesTheRoutes) {
  auto doc = http.get(server->url("/api/v1/openapi.json")).json();
  EXPECT_EQ(doc["openapi"].get<std::string>().substr(0, 2), "3.");
  for (const char* path : {"/api/v1/procedures", "/api/v1/procedures/{id}", "/api/v1/procedures/{id}/applications",
                           "/api/v1/applications/{reference}", "/api/v1/uploads", "/api/v1/postal-codes/{code}",
                           "/api/v1/openapi.json"}) {
    EXPECT_TRUE(doc["paths"].contains(path)) << path;
  }
}

TEST(CheckProcedures, ReportsBrokenDefinitionsWithFileAndLine) {
  auto [good, good_out] = ServerProcess::run_command({"check-procedures", "procedures"});
  EXPECT_EQ(good, 0) << good_out;
  auto [bad, bad_out] = ServerProcess::run_command({"check-procedures", "tests/fixtures/procedures/broken"});
  EXPECT_EQ(bad, 1);
  EXPECT_NE(bad_out.find("tests/fixtures/procedures/broken/"), std::string::npos) << bad_out;
  EXPECT_TRUE(std::regex_search(bad_out, std::regex(R"(broken/\w+\.yaml:\d+: )"))) << bad_out;
}
