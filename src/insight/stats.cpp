#include "insight/stats.h"

#include <cmath>

#include "applications/status.h"
#include "insight/percentile.h"

namespace madoguchi::insight {

namespace {

const char* const kChannels[] = {"online", "counter", "mail"};

nlohmann::json empty_by_status() {
  nlohmann::json out = nlohmann::json::object();
  for (auto s : {applications::Status::submitted, applications::Status::in_review,
                 applications::Status::correction_requested, applications::Status::resubmitted,
                 applications::Status::awaiting_approval, applications::Status::approved,
                 applications::Status::rejected, applications::Status::withdrawn}) {
    out[std::string(applications::to_string(s))] = 0;
  }
  return out;
}

nlohmann::json empty_by_channel() {
  nlohmann::json out = nlohmann::json::object();
  for (const char* c : kChannels) out[c] = 0;
  return out;
}

nlohmann::json optional_days(const std::optional<double>& days) {
  return days ? nlohmann::json(one_decimal(*days)) : nlohmann::json(nullptr);
}

nlohmann::json times(std::vector<double>& days) {
  return {{"decided", days.size()}, {"median_days", optional_days(percentile(days, 50))},
          {"p90_days", optional_days(percentile(days, 90))}};
}

}  // namespace

double one_decimal(double days) { return std::round(days * 10.0) / 10.0; }

nlohmann::json public_stats(const procedures::Catalogue& catalogue, StatsInput input) {
  struct Acc {
    nlohmann::json by_channel = empty_by_channel();
    nlohmann::json by_status = empty_by_status();
    int64_t total = 0;
    std::vector<double> days;
  };
  std::map<std::string, Acc> per;
  Acc all;
  for (const auto& row : input.counts) {
    Acc& acc = per[row.procedure_id];
    for (Acc* a : {&acc, &all}) {
      a->total += row.count;
      if (a->by_channel.contains(row.channel)) a->by_channel[row.channel] = a->by_channel[row.channel].get<int64_t>() + row.count;
      if (a->by_status.contains(row.status)) a->by_status[row.status] = a->by_status[row.status].get<int64_t>() + row.count;
    }
  }
  for (const auto& d : input.durations) {
    per[d.procedure_id].days.push_back(d.days);
    all.days.push_back(d.days);
  }
  int64_t overdue_total = 0;
  nlohmann::json procedures = nlohmann::json::array();
  for (const auto& p : catalogue.all()) {
    Acc& acc = per[p.id];
    int64_t overdue = input.overdue.count(p.id) ? input.overdue.at(p.id) : 0;
    overdue_total += overdue;
    procedures.push_back({{"id", p.id},
                          {"name", {{"ja", p.name.ja}, {"en", p.name.en}, {"easy", p.name.easy}}},
                          {"department", p.department},
                          {"standard_processing_business_days", p.processing_days},
                          {"applications", acc.total},
                          {"by_channel", acc.by_channel},
                          {"by_status", acc.by_status},
                          {"processing_time", times(acc.days)},
                          {"overdue", overdue}});
  }
  return {{"generated_at", input.generated_at},
          {"as_of", input.today},
          {"procedures", procedures},
          {"totals",
           {{"applications", all.total},
            {"by_channel", all.by_channel},
            {"by_status", all.by_status},
            {"processing_time", times(all.days)},
            {"overdue", overdue_total}}}};
}

}  // namespace madoguchi::insight
