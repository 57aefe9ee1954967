// Micro-benchmarks of jp's postal lookup, postal table load and kana/width normalisers, each
// beside the machine's own ceiling for the same work measured in the same run:
//   postal lookup      vs  std::unordered_map<std::string,int> lookup of the same keys
//   postal table load  vs  reading the same file into a string
//   kana normalisers   vs  copying the same bytes
// The postal table is the one the build generates (<build>/data/postal.tsv).
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "jp/kana.h"
#include "jp/postal.h"
#include "jp/wareki.h"

namespace {

using madoguchi::jp::PostalDirectory;

const char* table_path() {
  const char* env = std::getenv("MADOGUCHI_POSTAL_TABLE");
  return env != nullptr && *env != '\0' ? env : MADOGUCHI_BUILD_DIR "/data/postal.tsv";
}

std::string read_file(const char* path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

const PostalDirectory& directory() {
  static const PostalDirectory dir = [] {
    auto loaded = PostalDirectory::load(table_path());
    if (!loaded.ok()) {
      std::fprintf(stderr, "%s\n", loaded.error().message_en.c_str());
      std::exit(1);
    }
    return std::move(loaded).value();
  }();
  return dir;
}

// 4096 real codes from the table, in random order, formatted as people type them (980-0811).
const std::vector<std::string>& keys() {
  static const std::vector<std::string> out = [] {
    std::vector<std::string> all;
    std::istringstream lines(read_file(table_path()));
    std::string line;
    while (std::getline(lines, line)) {
      if (line.size() > 8 && line[7] == '\t' && line.find_first_not_of("0123456789") == 7) {
        const std::string code = line.substr(0, 7);
        if (all.empty() || all.back() != code.substr(0, 3) + "-" + code.substr(3)) all.push_back(code.substr(0, 3) + "-" + code.substr(3));
      }
    }
    std::mt19937 random(42);
    std::shuffle(all.begin(), all.end(), random);
    all.resize(4096);
    return all;
  }();
  return out;
}

void postal_lookup(benchmark::State& state) {
  const auto& dir = directory();
  const auto& k = keys();
  std::size_t i = 0;
  for (auto _ : state) {
    auto found = dir.lookup(k[i++ & 4095]);
    benchmark::DoNotOptimize(found);
  }
}
BENCHMARK(postal_lookup);

void postal_lookup_ceiling_unordered_map(benchmark::State& state) {
  std::unordered_map<std::string, int> map;
  const auto& k = keys();
  for (std::size_t i = 0; i < k.size(); ++i) map.emplace(k[i], static_cast<int>(i));
  for (int i = 0; i < 120000; ++i) map.emplace(std::to_string(1000000 + i * 7), i);  // table-sized map
  std::size_t i = 0;
  for (auto _ : state) {
    auto found = map.find(k[i++ & 4095]);
    benchmark::DoNotOptimize(found);
  }
}
BENCHMARK(postal_lookup_ceiling_unordered_map);

void postal_table_load(benchmark::State& state) {
  for (auto _ : state) {
    auto loaded = PostalDirectory::load(table_path());
    if (!loaded.ok()) state.SkipWithError(loaded.error().message_en.c_str());
    benchmark::DoNotOptimize(loaded);
  }
}
BENCHMARK(postal_table_load)->Unit(benchmark::kMillisecond);

void postal_table_load_ceiling_read_file(benchmark::State& state) {
  for (auto _ : state) {
    std::string bytes = read_file(table_path());
    benchmark::DoNotOptimize(bytes);
  }
}
BENCHMARK(postal_table_load_ceiling_read_file)->Unit(benchmark::kMillisecond);

// A furigana/name/address field as pasted from a spreadsheet: half-width kana, full-width
// digits and letters, ideographic spaces (about 200 bytes).
const std::string kFormText = "ﾔﾏﾀﾞ　ﾀﾛｳ　ｶﾞｯｺｳ　ﾎｳｼﾞﾝ　宮城県仙台市青葉区国分町３－７－１　ＡＢＣビル１０１号　ＴＥＬ　０２２－２６１－１１１１";

void normalize_width(benchmark::State& state) {
  for (auto _ : state) {
    auto out = madoguchi::jp::normalize_width(kFormText);
    benchmark::DoNotOptimize(out);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * kFormText.size()));
}
BENCHMARK(normalize_width);

void to_fullwidth_katakana(benchmark::State& state) {
  for (auto _ : state) {
    auto out = madoguchi::jp::to_fullwidth_katakana(kFormText);
    benchmark::DoNotOptimize(out);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * kFormText.size()));
}
BENCHMARK(to_fullwidth_katakana);

void kana_ceiling_byte_copy(benchmark::State& state) {
  for (auto _ : state) {
    std::string out(kFormText);
    benchmark::DoNotOptimize(out);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * kFormText.size()));
}
BENCHMARK(kana_ceiling_byte_copy);

void parse_date(benchmark::State& state) {
  for (auto _ : state) {
    auto out = madoguchi::jp::parse_date("令和8年11月22日");
    benchmark::DoNotOptimize(out);
  }
}
BENCHMARK(parse_date);

}  // namespace

BENCHMARK_MAIN();
