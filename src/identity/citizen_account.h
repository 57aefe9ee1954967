// CitizenAccount: an optional citizen account (e-mail and password) as other
// modules see it: its id links applications and drafts to their owner
// (applications.citizen_account_id). Only verified accounts can sign in.
#pragma once

#include <cstdint>
#include <string>

namespace madoguchi::identity {

struct CitizenAccount {
  int64_t id = 0;
  std::string email;  // lower-cased; personal data: never log it in full, never audit it
  bool verified = false;
};

}  // namespace madoguchi::identity
