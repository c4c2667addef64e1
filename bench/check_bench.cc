// The report checker's speed: read → extract → check, as `gongkai check` runs it. Targets
// (issue 4): ≥ 5 MB/s of report text; the seed checked in ≤ 5 ms, shown also as a ratio to
// `wc -c` of the same file measured in the same run.
//
//   build/bench/check_bench     # Google Benchmark table, then the seed summary
//
// Inputs: each development report alone (tests/fixtures/reports-dev, 7–17 KB), the seed and the
// six reports concatenated into one document, and synthetic long narratives (020's narrative
// repeated to 1 MB and 5 MB, its tables at the end).
#include <benchmark/benchmark.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <vector>

#include "check/check.h"
#include "check/extract.h"
#include "check/reader.h"

extern char** environ;

namespace gongkai {
namespace {

const std::string kSource = GONGKAI_SOURCE_DIR;
const std::string kData = GONGKAI_SOURCE_DATA_DIR;
const std::vector<std::string> kDevReports = {"002.txt", "008.txt", "013.txt",
                                              "015.txt", "020.txt", "021.txt"};

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Checker {
  std::vector<Format> formats;
  std::vector<const Format*> pointers;
  std::vector<check::MiswrittenWord> words;

  Checker() {
    for (const char* id : {"2008", "2019", "2021"}) {
      Result<Format> f = ParseFormat(Slurp(kData + "/formats/" + id + ".json"), id);
      if (!f.ok()) std::abort();
      formats.push_back(std::move(f).value());
    }
    for (const Format& f : formats) pointers.push_back(&f);
    Result<std::vector<check::MiswrittenWord>> w =
        check::ParseMiswrittenList(Slurp(kData + "/check/miswritten.tsv"), "miswritten.tsv");
    if (!w.ok()) std::abort();
    words = std::move(w).value();
  }

  // The whole pipeline on one file's bytes; returns the number of findings.
  size_t Run(const std::string& bytes, const std::string& name) const {
    check::ReadLimits limits;
    limits.max_seconds = 60;
    Result<check::Document> doc = check::ReadDocument(bytes, name, limits);
    if (!doc.ok()) std::abort();
    const check::ExtractedReport r = check::Extract(*doc, pointers);
    check::CheckInput in;
    in.doc = &*doc;
    in.report = &r;
    for (const Format* f : pointers) {
      if (f->id == r.format_id) in.format = f;
    }
    in.formats = pointers;
    in.miswritten = &words;
    return check::RunChecks(in).size();
  }
};

const Checker& TheChecker() {
  static const Checker* c = new Checker;
  return *c;
}

void BM_DevReportsOneByOne(benchmark::State& state) {
  std::vector<std::string> files;
  size_t bytes = 0;
  for (const std::string& f : kDevReports) {
    files.push_back(Slurp(kSource + "/tests/fixtures/reports-dev/" + f));
    bytes += files.back().size();
  }
  for (auto _ : state) {
    for (size_t i = 0; i < files.size(); ++i) {
      benchmark::DoNotOptimize(TheChecker().Run(files[i], kDevReports[i]));
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(bytes));
}
BENCHMARK(BM_DevReportsOneByOne)->Unit(benchmark::kMillisecond);

void BM_SeedAndDevReportsConcatenated(benchmark::State& state) {
  std::string all = Slurp(kSource + "/tests/fixtures/seed-changyi-2018.txt");
  for (const std::string& f : kDevReports) {
    all += "\n" + Slurp(kSource + "/tests/fixtures/reports-dev/" + f);
  }
  for (auto _ : state) benchmark::DoNotOptimize(TheChecker().Run(all, "all.txt"));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(all.size()));
}
BENCHMARK(BM_SeedAndDevReportsConcatenated)->Unit(benchmark::kMillisecond);

// 020's narrative (lines 1–62) repeated to `target` bytes, then its tables.
std::string LongNarrative(size_t target) {
  std::istringstream in(Slurp(kSource + "/tests/fixtures/reports-dev/020.txt"));
  std::string line, head, tail;
  int n = 0;
  while (std::getline(in, line)) {
    (++n <= 62 ? head : tail) += line + "\n";
  }
  std::string narrative = head.substr(0, head.find("一、总体情况"));
  const std::string body = head.substr(head.find("一、总体情况"));
  while (narrative.size() < target) narrative += body;
  return narrative + tail;
}

void BM_LongNarrative(benchmark::State& state) {
  const std::string text = LongNarrative(static_cast<size_t>(state.range(0)) << 20);
  for (auto _ : state) benchmark::DoNotOptimize(TheChecker().Run(text, "long.txt"));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_LongNarrative)->Arg(1)->Arg(5)->Unit(benchmark::kMillisecond);

void BM_Seed(benchmark::State& state) {
  const std::string seed = Slurp(kSource + "/tests/fixtures/seed-changyi-2018.txt");
  for (auto _ : state) benchmark::DoNotOptimize(TheChecker().Run(seed, "seed.txt"));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(seed.size()));
}
BENCHMARK(BM_Seed)->Unit(benchmark::kMicrosecond);

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// Wall time of `wc -c FILE` (spawned, waited for), in milliseconds.
double WcMillis(const std::string& path) {
  const auto start = std::chrono::steady_clock::now();
  std::string wc = "wc", c = "-c", p = path;
  char* argv[] = {wc.data(), c.data(), p.data(), nullptr};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  if (posix_spawnp(&pid, "wc", &actions, nullptr, argv, environ) != 0) std::abort();
  int status = 0;
  waitpid(pid, &status, 0);
  posix_spawn_file_actions_destroy(&actions);
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}

// The seed as `gongkai check` meets it: read from disk, then read → extract → check.
void SeedSummary() {
  const std::string path = kSource + "/tests/fixtures/seed-changyi-2018.txt";
  std::vector<double> check_ms, wc_ms;
  TheChecker().Run(Slurp(path), "seed.txt");  // warm up
  for (int i = 0; i < 51; ++i) {
    const auto start = std::chrono::steady_clock::now();
    benchmark::DoNotOptimize(TheChecker().Run(Slurp(path), "seed.txt"));
    check_ms.push_back(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
            .count());
    wc_ms.push_back(WcMillis(path));
  }
  const double c = Median(check_ms), w = Median(wc_ms);
  std::printf(
      "\nseed (%zu bytes): check %.3f ms (median of 51; target <= 5 ms), `wc -c` %.3f ms, "
      "ratio %.2f\n",
      Slurp(path).size(), c, w, c / w);
}

}  // namespace
}  // namespace gongkai

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  gongkai::SeedSummary();
  return 0;
}
