// Test data shared by integration tests: realistic answers for each real
// procedure (tests/fixtures/procedures/samples/ID.json) and small files of
// each accepted type.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace madoguchi::testing {

nlohmann::json sample_answers(const std::string& procedure_id);
// A minimal valid PDF / PNG for upload tests.
std::string tiny_pdf();
std::string tiny_png();
// A multipart/form-data body with one file part; sets boundary.
std::string multipart_file(const std::string& field, const std::string& filename, const std::string& content_type,
                           const std::string& data, const std::string& boundary);

}  // namespace madoguchi::testing
