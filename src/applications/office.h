// Where citizens can ask about their application, as printed on receipts and
// written in mails: the department that handles the procedure, the city's
// multilingual call centre (杜の都おしえてコール) and the city hall.
#pragma once

#include <string_view>

#include "documents/content.h"
#include "procedures/catalogue.h"

namespace madoguchi::applications {

inline constexpr std::string_view kCityHallContactJa =
    "仙台市総合コールセンター「杜の都おしえてコール」022-398-4894（毎日 8時〜20時。土日・祝休日は17時まで）";
inline constexpr std::string_view kCityHallContactEn =
    "the Sendai City call centre (Mori no Miyako Oshiete Call), 022-398-4894 (daily 8:00–20:00; weekends and "
    "holidays until 17:00; English available)";

// The office block of a receipt for `procedure`: the city, the department, and the contact lines.
documents::Office receipt_office(const procedures::Procedure& procedure, const procedures::Directory& directory);

}  // namespace madoguchi::applications
