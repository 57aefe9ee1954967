#include "insight/stats_reader.h"

#include "insight/stats.h"

namespace madoguchi::insight {

using platform::db::Connection;

StatsReader::StatsReader(platform::db::Database& database, const procedures::Catalogue& catalogue,
                         std::chrono::seconds ttl, std::function<platform::Clock::time_point()> clock)
    : db_(database), catalogue_(catalogue), ttl_(ttl), clock_(std::move(clock)) {
  if (!clock_) clock_ = [] { return platform::Clock::now(); };
}

nlohmann::json StatsReader::figures() {
  std::lock_guard lock(mutex_);
  const auto now = clock_();
  if (!cached_at_ || now - *cached_at_ >= ttl_ || now < *cached_at_) {
    cached_ = gather();
    cached_at_ = now;
  }
  return cached_;
}

nlohmann::json StatsReader::gather() {
  const auto now = clock_();
  StatsInput input;
  input.generated_at = platform::iso_timestamp(now);
  input.today = platform::iso_date(platform::tokyo_date(now));
  db_.read([&](Connection& c) {
    for (const auto& r : c.query("SELECT procedure_id, channel, status, count(*) FROM applications "
                                 "GROUP BY procedure_id, channel, status")) {
      input.counts.push_back({r.text(0), r.text(1), r.text(2), r.integer(3)});
    }
    for (const auto& r : c.query("SELECT a.procedure_id, a.submitted_at, d.issued_at "
                                 "FROM casework_documents d JOIN applications a ON a.id = d.application_id")) {
      const auto taken = platform::parse_iso_timestamp(r.text(2)) - platform::parse_iso_timestamp(r.text(1));
      input.durations.push_back({r.text(0), std::chrono::duration<double, std::ratio<86400>>(taken).count()});
    }
    for (const auto& r : c.query("SELECT a.procedure_id, count(*) FROM applications a "
                                 "WHERE a.status IN ('submitted', 'in_review', 'correction_requested', 'resubmitted', "
                                 "'awaiting_approval') AND a.due_on < ? GROUP BY a.procedure_id",
                                 {input.today})) {
      input.overdue[r.text(0)] = r.integer(1);
    }
  });
  return public_stats(catalogue_, std::move(input));
}

}  // namespace madoguchi::insight
