// Internal to the readers: the time limit of reading one file (ReadLimits::max_seconds).
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>

namespace gongkai::check {

class Deadline {
 public:
  explicit Deadline(double max_seconds)
      : seconds_(Clamp(max_seconds)),
        end_(std::chrono::steady_clock::now() +
             std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                 std::chrono::duration<double>(seconds_))) {}

  bool Expired() const { return std::chrono::steady_clock::now() >= end_; }

  // "读取超时（超过 10 秒）…", the message of the error a reader returns once Expired().
  std::string Message() const {
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%g", seconds_);
    return std::string("读取超时（超过 ") + seconds + " 秒），文件可能过于复杂或已损坏";
  }

 private:
  static double Clamp(double s) { return s > 0 ? std::min(s, 1e7) : 0.0; }  // NaN → 0

  double seconds_;
  std::chrono::steady_clock::time_point end_;
};

}  // namespace gongkai::check
