#include "queue/wait_estimate.h"

#include <algorithm>
#include <cmath>

namespace madoguchi::queue {

double quantile(std::vector<double> values, double q) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  double pos = q * static_cast<double>(values.size() - 1);
  size_t lo = static_cast<size_t>(std::floor(pos));
  size_t hi = std::min(values.size() - 1, lo + 1);
  double frac = pos - static_cast<double>(lo);
  return values[lo] + (values[hi] - values[lo]) * frac;
}

WaitRange estimate_wait(int ahead, int counters, std::vector<double> service_seconds, double default_seconds) {
  if (ahead <= 0) return {0, 0};
  int c = std::max(1, counters);
  double typical = default_seconds;
  double bad = default_seconds * 1.5;
  if (service_seconds.size() >= 3) {
    typical = quantile(service_seconds, 0.5);
    bad = std::max(typical, quantile(service_seconds, 0.9));
  }
  auto minutes = [&](double per_person) {
    return static_cast<int>(std::ceil(static_cast<double>(ahead) * per_person / c / 60.0));
  };
  return {minutes(typical), std::max(minutes(typical), minutes(bad))};
}

}  // namespace madoguchi::queue
