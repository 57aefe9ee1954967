#include "procedures/procedure.h"

#include <array>
#include <utility>

#include "jp/holidays.h"

namespace madoguchi::procedures {

namespace {

template <class E, std::size_t N>
std::string_view name_of(const std::array<std::pair<E, std::string_view>, N>& table, E value) {
  for (const auto& [e, name] : table) {
    if (e == value) return name;
  }
  return table.front().second;
}

template <class E, std::size_t N>
std::optional<E> from_name(const std::array<std::pair<E, std::string_view>, N>& table,
                           std::string_view name) {
  for (const auto& [e, n] : table) {
    if (n == name) return e;
  }
  return std::nullopt;
}

constexpr std::array<std::pair<IdentityAssurance, std::string_view>, 4> kIdentity{{
    {IdentityAssurance::none, "none"},
    {IdentityAssurance::account, "account"},
    {IdentityAssurance::mynumber_card_auth, "mynumber_card_auth"},
    {IdentityAssurance::mynumber_card_signature, "mynumber_card_signature"},
}};

constexpr std::array<std::pair<Handling, std::string_view>, 2> kHandling{{
    {Handling::ward_office, "ward_office"},
    {Handling::central, "central"},
}};

constexpr std::array<std::pair<Channel, std::string_view>, 3> kChannels{{
    {Channel::online, "online"},
    {Channel::counter_pre_entry, "counter_pre_entry"},
    {Channel::mail, "mail"},
}};

}  // namespace

std::string_view identity_assurance_name(IdentityAssurance level) { return name_of(kIdentity, level); }
std::optional<IdentityAssurance> identity_assurance_from_name(std::string_view name) {
  return from_name(kIdentity, name);
}
std::string_view handling_name(Handling handling) { return name_of(kHandling, handling); }
std::optional<Handling> handling_from_name(std::string_view name) { return from_name(kHandling, name); }
std::string_view channel_name(Channel channel) { return name_of(kChannels, channel); }
std::optional<Channel> channel_from_name(std::string_view name) { return from_name(kChannels, name); }

bool Channels::allows(Channel channel) const {
  switch (channel) {
    case Channel::online: return online;
    case Channel::counter_pre_entry: return counter_pre_entry;
    case Channel::mail: return mail;
  }
  return false;
}

std::optional<std::chrono::year_month_day> due_date(const Procedure& procedure,
                                                    std::chrono::year_month_day received) {
  auto due = procedure.processing_days == 0
                 ? jp::first_business_day_from(received)
                 : jp::business_days_after(received, procedure.processing_days);
  if (!due.ok()) return std::nullopt;
  return due.value();
}

}  // namespace madoguchi::procedures
