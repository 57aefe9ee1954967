#include "platform/metrics.h"

#include <algorithm>
#include <sstream>
#include <stdexcept>

namespace madoguchi::platform {

namespace {

std::string escape_label(const std::string& v) {
  std::string out;
  for (char c : v) {
    if (c == '\\' || c == '"') out.push_back('\\');
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out.push_back(c);
  }
  return out;
}

std::string label_key(const Labels& labels) {
  std::string key;
  for (const auto& [k, v] : labels) {
    if (!key.empty()) key.push_back(',');
    key += k + "=\"" + escape_label(v) + "\"";
  }
  return key;
}

std::string series(const std::string& name, const std::string& labels, const std::string& extra = "") {
  std::string all = labels;
  if (!extra.empty()) all += (all.empty() ? "" : ",") + extra;
  return all.empty() ? name : name + "{" + all + "}";
}

std::string number(double v) {
  std::ostringstream out;
  out.precision(12);
  out << v;
  return out.str();
}

}  // namespace

Histogram::Histogram(std::vector<double> bounds)
    : bounds_(std::move(bounds)), counts_(new std::atomic<uint64_t>[bounds_.size() + 1]) {
  std::sort(bounds_.begin(), bounds_.end());
  for (size_t i = 0; i <= bounds_.size(); ++i) counts_[i] = 0;
}

void Histogram::observe(double v) {
  size_t i = std::lower_bound(bounds_.begin(), bounds_.end(), v) - bounds_.begin();
  counts_[i].fetch_add(1, std::memory_order_relaxed);
  sum_.fetch_add(v, std::memory_order_relaxed);
}

std::vector<uint64_t> Histogram::cumulative_counts() const {
  std::vector<uint64_t> out(bounds_.size() + 1);
  uint64_t running = 0;
  for (size_t i = 0; i <= bounds_.size(); ++i) {
    running += counts_[i].load(std::memory_order_relaxed);
    out[i] = running;
  }
  return out;
}

Metrics::Family& Metrics::family(const std::string& name, const std::string& type, const std::string& help) {
  auto& f = families_[name];
  if (f.type.empty()) {
    f.type = type;
    f.help = help;
  } else if (f.type != type) {
    throw std::logic_error("metric " + name + " registered as " + f.type + " and " + type);
  }
  return f;
}

Counter& Metrics::counter(const std::string& name, const std::string& help, const Labels& labels) {
  std::lock_guard lock(mutex_);
  auto& slot = family(name, "counter", help).counters[label_key(labels)];
  if (!slot) slot = std::make_unique<Counter>();
  return *slot;
}

Gauge& Metrics::gauge(const std::string& name, const std::string& help, const Labels& labels) {
  std::lock_guard lock(mutex_);
  auto& slot = family(name, "gauge", help).gauges[label_key(labels)];
  if (!slot) slot = std::make_unique<Gauge>();
  return *slot;
}

Histogram& Metrics::histogram(const std::string& name, const std::string& help, const std::vector<double>& bounds,
                              const Labels& labels) {
  std::lock_guard lock(mutex_);
  auto& slot = family(name, "histogram", help).histograms[label_key(labels)];
  if (!slot) slot = std::make_unique<Histogram>(bounds);
  return *slot;
}

const std::vector<double>& Metrics::latency_buckets() {
  static const std::vector<double> buckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                              0.05,   0.1,   0.25,   0.5,   1,    2.5, 5, 10};
  return buckets;
}

std::string Metrics::render() const {
  std::lock_guard lock(mutex_);
  std::string out;
  for (const auto& [name, f] : families_) {
    out += "# HELP " + name + " " + f.help + "\n# TYPE " + name + " " + f.type + "\n";
    for (const auto& [labels, c] : f.counters) out += series(name, labels) + " " + number(c->value()) + "\n";
    for (const auto& [labels, g] : f.gauges) out += series(name, labels) + " " + number(g->value()) + "\n";
    for (const auto& [labels, h] : f.histograms) {
      auto counts = h->cumulative_counts();
      for (size_t i = 0; i < h->bounds().size(); ++i) {
        out += series(name + "_bucket", labels, "le=\"" + number(h->bounds()[i]) + "\"") + " " +
               std::to_string(counts[i]) + "\n";
      }
      out += series(name + "_bucket", labels, "le=\"+Inf\"") + " " + std::to_string(counts.back()) + "\n";
      out += series(name + "_sum", labels) + " " + number(h->sum()) + "\n";
      out += series(name + "_count", labels) + " " + std::to_string(counts.back()) + "\n";
    }
  }
  return out;
}

}  // namespace madoguchi::platform
