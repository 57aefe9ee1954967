// Procedure is one administrative procedure (手続) as the city defines it in
// procedures/<id>.yaml: who handles it, how it may be done (online, pre-entry for the counter,
// mail), what identity it needs, what it costs, how long it takes (標準処理期間), what to bring,
// and the form itself. Plain data; procedure_loader.h builds it, catalogue.h holds them all.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "forms/form_spec.h"
#include "forms/localized_text.h"
#include "procedures/approval.h"

namespace madoguchi::procedures {

using forms::LocalizedText;

// How strongly the online channel must know who applies.
enum class IdentityAssurance {
  none,                     // anyone may apply (e.g. 粗大ごみ収集の申込)
  account,                  // a citizen account with a verified e-mail address
  mynumber_card_auth,       // マイナンバーカードの利用者証明用電子証明書 (JPKI authentication)
  mynumber_card_signature,  // マイナンバーカードの署名用電子証明書 (JPKI signature; as a signed paper form)
};

std::string_view identity_assurance_name(IdentityAssurance level);
std::optional<IdentityAssurance> identity_assurance_from_name(std::string_view name);

// Who processes applications: the office of the ward the applicant lives in, or one central
// section of the department (e.g. the mail processing centre, the bulky waste centre).
enum class Handling { ward_office, central };

std::string_view handling_name(Handling handling);
std::optional<Handling> handling_from_name(std::string_view name);

enum class Channel { online, counter_pre_entry, mail };

std::string_view channel_name(Channel channel);
std::optional<Channel> channel_from_name(std::string_view name);

struct Channels {
  bool online = false;             // complete online (行かない)
  bool counter_pre_entry = false;  // fill in at home, finish at the counter (書かない)
  bool mail = false;               // by post

  bool allows(Channel channel) const;
};

struct Fee {
  std::optional<std::int64_t> amount_yen;  // 0 for free; none when it varies (see note)
  LocalizedText per;                       // 1通につき / per copy
  LocalizedText note;                      // e.g. exemptions, fees per item
};

struct Attachment {
  std::string id;
  LocalizedText name;
  std::vector<Channel> required_for;  // channels on which it must be supplied; empty: optional
  std::string field;                  // the form's file field that carries it online, if any
};

struct SearchTerms {
  std::vector<std::string> readings;  // hiragana readings, e.g. じゅうみんひょう
  std::vector<std::string> romaji;    // lower-case ASCII, e.g. juminhyo
  std::vector<std::string> keywords;  // other words people search with (ja or en)
};

// Which answers identify the applicant, for lists, receipts and notices (dotted field paths).
struct ApplicantFields {
  std::string name;
  std::string birth_date;
  std::string address;
  std::string phone;
  std::string email;
};

struct Procedure {
  std::string id;   // snake_case; equals the file name without .yaml
  int version = 1;  // raised whenever the form changes; submissions record it
  LocalizedText name;
  LocalizedText summary;
  SearchTerms search;
  std::string department;  // a code from _departments.yaml
  Handling handled_at = Handling::ward_office;
  std::string category;                  // a code from _taxonomy.yaml
  std::vector<std::string> life_events;  // codes from _taxonomy.yaml
  Channels channels;
  IdentityAssurance identity = IdentityAssurance::none;
  Fee fee;
  int processing_days = 0;  // 標準処理期間 in business days; 0 = the same day (即日)
  LocalizedText processing_note;
  std::vector<LocalizedText> bring;  // what to bring to the counter (持ち物)
  std::vector<Attachment> attachments;
  ApplicantFields applicant;
  std::vector<ApprovalStep> approval = default_approval_chain();  // 電子決裁: draft … decision
  forms::FormSpec form;
  std::string source_file;  // where it was read from
};

// The day by which the standard processing period ends for an application received on
// `received`: that many city business days later (the same day for 0); nothing outside the
// range of the holiday table.
std::optional<std::chrono::year_month_day> due_date(const Procedure& procedure,
                                                    std::chrono::year_month_day received);

}  // namespace madoguchi::procedures
