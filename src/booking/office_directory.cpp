#include "booking/office_directory.h"

namespace madoguchi::booking {

std::string_view to_string(ServiceKind kind) {
  switch (kind) {
    case ServiceKind::counter:
      return "counter";
    case ServiceKind::consultation:
      return "consultation";
    case ServiceKind::facility:
      return "facility";
  }
  return "counter";
}

std::optional<ServiceKind> service_kind_from(std::string_view text) {
  for (ServiceKind kind : {ServiceKind::counter, ServiceKind::consultation, ServiceKind::facility}) {
    if (to_string(kind) == text) return kind;
  }
  return std::nullopt;
}

std::string_view to_string(OfficeKind kind) {
  switch (kind) {
    case OfficeKind::ward_office:
      return "ward_office";
    case OfficeKind::branch_office:
      return "branch_office";
    case OfficeKind::facility:
      return "facility";
  }
  return "ward_office";
}

const Line* Office::find_line(std::string_view line_code) const {
  for (const auto& line : lines) {
    if (line.code == line_code) return &line;
  }
  return nullptr;
}

const Service* OfficeDirectory::find_service(std::string_view code) const {
  for (const auto& s : services) {
    if (s.code == code) return &s;
  }
  return nullptr;
}

const Office* OfficeDirectory::find_office(std::string_view code) const {
  for (const auto& o : offices) {
    if (o.code == code) return &o;
  }
  return nullptr;
}

Office* OfficeDirectory::find_office(std::string_view code) {
  for (auto& o : offices) {
    if (o.code == code) return &o;
  }
  return nullptr;
}

std::vector<const Office*> OfficeDirectory::offices_for(std::string_view service) const {
  std::vector<const Office*> out;
  for (const auto& office : offices) {
    for (const auto& line : office.lines) {
      if (line.service == service) {
        out.push_back(&office);
        break;
      }
    }
  }
  return out;
}

const std::string& localized(const LocalizedText& text, std::string_view language) {
  if (language == "en" && !text.en.empty()) return text.en;
  if (language == "easy" && !text.easy.empty()) return text.easy;
  return text.ja;
}

}  // namespace madoguchi::booking
