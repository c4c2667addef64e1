// The one state machine of an application (STYLE.md §4): a closed list of states, one function
// that applies an event or refuses it.
#pragma once

#include <optional>
#include <string_view>

#include "core/application.h"
#include "core/status.h"

namespace gongkai {

enum class ApplicationState {
  kInProgress,          // 办理中 (received, or corrected and being handled)
  kAwaitingCorrection,  // 待补正
  kInConsultation,      // 征求意见中 (clock paused)
  kAwaitingFee,         // 待缴费
  kClosed,              // 已办结 (answered, lapsed or withdrawn)
};

std::string_view ToCode(ApplicationState s);
std::string_view ToChinese(ApplicationState s);

// Folds the events of `app` in order. Returns the state after the last event, or kConflict
// naming the offending event (1-based index, kind and date) and why it is not allowed, e.g.
// "第3个事件 answered（2019-06-01）早于上一事件（2019-06-03）". Rules:
// - dates never go backwards, and no event precedes received_on;
// - correction_requested only once (Art. 30: ask once for all items), only while in progress
//   and before any answer; correction_received / correction_lapsed only while awaiting it;
// - consultation_started only in progress; consultation_ended only in consultation;
// - extension_approved only in progress or in consultation, at most once, 1..max days (15/20);
// - fee_notified only in progress (2019 rules); fee_paid / fee_lapsed only awaiting the fee;
// - answered needs an answer outcome (IsAnswerOutcome) and an open case; withdrawn needs an
//   open case; nothing follows a closing event.
Result<ApplicationState> ReplayEvents(const Application& app);

// Applies one more event to an application whose events replay to `state`.
Result<ApplicationState> ApplyEvent(const Application& app, ApplicationState state,
                                    const ApplicationEvent& event);

// How the application ended (answered → its outcome; correction_lapsed → kCorrectionLapsed;
// fee_lapsed → kFeeLapsed; withdrawn → kWithdrawn), or nullopt while open.
// REQUIRES: the events replay without error.
std::optional<Closing> ClosingOf(const Application& app);

// True if an extension was approved before the closing (for "延期办结").
bool WasExtended(const Application& app);

}  // namespace gongkai
