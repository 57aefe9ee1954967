// IntakeService: the counter's use cases. take_in() turns a pre-entry code
// into an intake (refusing expired, used, forged and other installations'
// codes with the reason); correct() changes one answer with the citizen at the
// counter (audited, the citizen's own version kept); record_card() keeps what
// the card reader returned (the four items checked again here, the individual
// number sealed); submit() sends every item into the back office as channel
// `counter`, entered by the signed-in clerk (applications/identity_policy.h),
// each in its own transaction with the draft's link, so an item that fails
// validation leaves the others submitted and itself untouched.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "applications/draft_store.h"
#include "applications/submission_service.h"
#include "counter/card_data.h"
#include "counter/intake_store.h"
#include "counter/pre_entry_store.h"
#include "forms/field_error.h"
#include "identity/audit_entry.h"
#include "identity/staff_user.h"
#include "procedures/catalogue.h"

namespace madoguchi::counter {

struct IntakeRefusal {
  TakeProblem problem = TakeProblem::malformed;
  std::optional<std::string> expires_at;
};

struct CorrectionOutcome {
  enum class Kind { saved, invalid, stale, unknown_field } kind = Kind::saved;
  std::vector<forms::FieldError> errors;  // for invalid: what the form engine says about the field
};

struct ItemSubmission {
  int64_t item_id = 0;
  std::optional<std::string> reference;
  std::vector<forms::FieldError> errors;  // when it could not be submitted
  bool refused = false;                   // the procedure no longer takes counter submissions
};

class IntakeService {
 public:
  IntakeService(const procedures::Catalogue& catalogue, applications::DraftStore& drafts,
                applications::SubmissionService& submissions, PreEntryStore& codes, IntakeStore& intakes)
      : catalogue_(catalogue), drafts_(drafts), submissions_(submissions), codes_(codes), intakes_(intakes) {}

  std::variant<Intake, IntakeRefusal> take_in(std::string_view code, const identity::StaffUser& clerk,
                                              const std::optional<std::string>& visit_reference,
                                              const identity::AuditActor& actor);

  // Sets top-level field `field_id` of the item to `value` (a posted string, or the
  // card's value) and keeps it when the form engine accepts that field.
  CorrectionOutcome correct(const Intake& intake, const IntakeItem& item, const std::string& field_id,
                            const std::string& value, int row_version, const identity::AuditActor& actor,
                            std::string_view source);

  // The posted card reading: {name, address, birth_date, sex_code, individual_number?}. Throws CardDataError.
  CardFourItems record_card(const Intake& intake, const nlohmann::json& reading, const identity::StaffUser& clerk,
                            const identity::AuditActor& actor);

  std::vector<ItemSubmission> submit(const Intake& intake, const identity::StaffUser& clerk,
                                     const identity::AuditActor& actor);

  IntakeStore& intakes() { return intakes_; }

 private:
  const procedures::Catalogue& catalogue_;
  applications::DraftStore& drafts_;
  applications::SubmissionService& submissions_;
  PreEntryStore& codes_;
  IntakeStore& intakes_;
};

// The idempotency key an item is submitted with: its first result (the
// reference and the status code) stays with it, for the receipt the clerk
// hands the citizen.
applications::IdempotencyRequest counter_submission_key(int64_t item_id);

// The intake's ward for a clerk: their one ward, or none when they cover several or all.
std::optional<std::string> ward_of_clerk(const identity::StaffUser& clerk);
// Whether a clerk may open an intake: they took it in, or their wards cover its ward.
bool may_open(const identity::StaffUser& clerk, const Intake& intake);

}  // namespace madoguchi::counter
