#include "fixtures.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "forms/sample_dates.h"
#include "harness.h"

namespace madoguchi::testing {

nlohmann::json sample_answers(const std::string& procedure_id, std::chrono::year_month_day today) {
  std::ifstream in("demo/answers/" + procedure_id + ".json");
  if (!in) throw std::runtime_error("no sample answers for " + procedure_id);
  std::stringstream s;
  s << in.rdbuf();
  return forms::resolve_sample_dates(nlohmann::json::parse(s.str()), today);
}

nlohmann::json sample_answers(const std::string& procedure_id) { return sample_answers(procedure_id, test_today()); }

std::string tiny_pdf() {
  return "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
         "trailer<</Root 1 0 R>>\n%%EOF\n";
}

std::string tiny_png() {
  return std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89", 33);
}

std::string multipart_file(const std::string& field, const std::string& filename, const std::string& content_type,
                           const std::string& data, const std::string& boundary) {
  return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + filename +
         "\"\r\nContent-Type: " + content_type + "\r\n\r\n" + data + "\r\n--" + boundary + "--\r\n";
}

}  // namespace madoguchi::testing
