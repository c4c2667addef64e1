// Deadline throughput (target: ≥ 1M due dates per second on one thread with explain = false).
// Each benchmark reports items_per_second and `x_target` = items per second / 1,000,000.
//
//   build-*/bench/deadline_bench [--benchmark_filter=Fast]
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "core/application/deadline.h"
#include "core/calendar/work_calendar.h"

namespace gongkai {
namespace {

constexpr double kTargetPerSecond = 1'000'000.0;

const WorkCalendar& Calendar() {
  static const WorkCalendar* cal = [] {
    const std::string path = std::string(GONGKAI_SOURCE_DATA_DIR) + "/holidays-cn.csv";
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    Result<WorkCalendar> c = WorkCalendar::FromCsv(text.str(), path);
    if (!c.ok()) {
      std::fprintf(stderr, "%s\n", c.status().message().c_str());
      std::exit(1);
    }
    return new WorkCalendar(std::move(c).value());
  }();
  return *cal;
}

// A realistic mix: receipts spread over 2008-05 … 2025, all channels, some confirmations a few
// days late, one in ten with a consultation pause, one in ten with a 补正, one in eight extended.
std::vector<DeadlineInput> Inputs(size_t n) {
  std::mt19937 rng(42);
  auto uniform = [&](int a, int b) { return std::uniform_int_distribution<int>(a, b)(rng); };
  const int lo = Date::FromYmd(2008, 5, 1).days();
  const int hi = Date::FromYmd(2025, 12, 31).days();
  std::vector<DeadlineInput> v(n);
  for (DeadlineInput& in : v) {
    in.received_on = Date::FromDays(uniform(lo, hi));
    in.channel = static_cast<Channel>(uniform(0, 4));
    if (uniform(0, 1)) in.confirmed_on = in.received_on.AddDays(uniform(0, 3));
    const Date receipt = in.confirmed_on.value_or(in.received_on);
    if (uniform(0, 9) == 0) {
      const Date from = receipt.AddDays(uniform(1, 20));
      in.pauses.push_back({from, from.AddDays(uniform(0, 20))});
    }
    if (uniform(0, 9) == 0) in.correction_received = receipt.AddDays(uniform(1, 15));
    if (uniform(0, 7) == 0) in.extension_days = uniform(1, 15);
  }
  return v;
}

ApplicationEvent Event(EventKind kind, Date on, int extension_days = 0) {
  ApplicationEvent e;
  e.kind = kind;
  e.on = on;
  e.extension_days = extension_days;
  return e;
}

// items_per_second, and x_target: the same rate divided by the target (shown by the library
// with a "/s" suffix; 1.0 = exactly 1M due dates per second).
void Report(benchmark::State& state) {
  state.SetItemsProcessed(state.iterations());
  state.counters["x_target"] = benchmark::Counter(
      static_cast<double>(state.iterations()) / kTargetPerSecond, benchmark::Counter::kIsRate);
}

void BM_ComputeDeadlineFast(benchmark::State& state) {
  const WorkCalendar& cal = Calendar();
  const std::vector<DeadlineInput> inputs = Inputs(4096);
  size_t i = 0;
  for (auto _ : state) {
    Result<Deadline> d = ComputeDeadline(inputs[i++ & 4095], cal, /*explain=*/false);
    benchmark::DoNotOptimize(d);
  }
  Report(state);
}
BENCHMARK(BM_ComputeDeadlineFast);

void BM_ComputeDeadlineExplained(benchmark::State& state) {
  const WorkCalendar& cal = Calendar();
  const std::vector<DeadlineInput> inputs = Inputs(4096);
  size_t i = 0;
  for (auto _ : state) {
    Result<Deadline> d = ComputeDeadline(inputs[i++ & 4095], cal, /*explain=*/true);
    benchmark::DoNotOptimize(d);
  }
  Report(state);
}
BENCHMARK(BM_ComputeDeadlineExplained);

// The bulk path of a report or an "overdue" list: events → input → due date.
void BM_DeadlineOfApplication(benchmark::State& state) {
  const WorkCalendar& cal = Calendar();
  std::vector<Application> apps;
  for (const DeadlineInput& in : Inputs(4096)) {
    Application a;
    a.received_on = in.received_on;
    a.channel = in.channel;
    a.confirmed_on = in.confirmed_on;
    for (const Pause& p : in.pauses) {
      a.events.push_back(Event(EventKind::kConsultationStarted, p.from));
      a.events.push_back(Event(EventKind::kConsultationEnded, p.to));
    }
    if (in.extension_days > 0) {
      a.events.push_back(
          Event(EventKind::kExtensionApproved, in.received_on.AddDays(10), in.extension_days));
    }
    apps.push_back(std::move(a));
  }
  const Date today = Date::FromYmd(2026, 1, 15);
  size_t i = 0;
  for (auto _ : state) {
    Result<Deadline> d = ComputeDeadline(DeadlineInputOf(apps[i++ & 4095], today), cal, false);
    benchmark::DoNotOptimize(d);
  }
  Report(state);
}
BENCHMARK(BM_DeadlineOfApplication);

void BM_WorkingDaysBetween(benchmark::State& state) {
  const WorkCalendar& cal = Calendar();
  const std::vector<DeadlineInput> inputs = Inputs(4096);
  size_t i = 0;
  for (auto _ : state) {
    const Date from = inputs[i++ & 4095].received_on;
    Result<int> n = WorkingDaysBetween(from, from.AddDays(45), cal);
    benchmark::DoNotOptimize(n);
  }
  Report(state);
}
BENCHMARK(BM_WorkingDaysBetween);

}  // namespace
}  // namespace gongkai

BENCHMARK_MAIN();
