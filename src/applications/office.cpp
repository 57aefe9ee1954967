#include "applications/office.h"

namespace madoguchi::applications {

documents::Office receipt_office(const procedures::Procedure& procedure, const procedures::Directory& directory) {
  documents::Office office;
  office.organization = directory.city_ja.empty() ? "仙台市" : directory.city_ja;
  if (const auto* department = directory.find_department(procedure.department)) office.department = department->name.ja;
  office.contact_lines = {"お問い合わせ: 仙台市総合コールセンター「杜の都おしえてコール」",
                          "電話 022-398-4894（毎日 8時〜20時。土日・祝休日は17時まで）",
                          "〒980-8671 仙台市青葉区国分町三丁目7番1号 仙台市役所"};
  return office;
}

}  // namespace madoguchi::applications
