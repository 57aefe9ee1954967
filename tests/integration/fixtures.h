// Test data shared by integration tests: realistic answers for each real
// procedure (demo/answers/ID.json) and small files of each accepted type.
#pragma once

#include <chrono>
#include <string>

#include <nlohmann/json.hpp>

namespace madoguchi::testing {

// The demo answers of a procedure, with dates relative to today resolved for
// `today` (by default the tests' timeline, test_today()).
nlohmann::json sample_answers(const std::string& procedure_id, std::chrono::year_month_day today);
nlohmann::json sample_answers(const std::string& procedure_id);
// A minimal valid PDF / PNG for upload tests.
std::string tiny_pdf();
std::string tiny_png();
// A multipart/form-data body with one file part; sets boundary.
std::string multipart_file(const std::string& field, const std::string& filename, const std::string& content_type,
                           const std::string& data, const std::string& boundary);

}  // namespace madoguchi::testing
