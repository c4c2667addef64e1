#include "core/application/state.h"

#include <string>

namespace gongkai {
namespace {

bool IsClosing(EventKind k) {
  return k == EventKind::kCorrectionLapsed || k == EventKind::kFeeLapsed ||
         k == EventKind::kAnswered || k == EventKind::kWithdrawn;
}

// What the rules need to know about the events before the one being applied.
struct History {
  Date last_date;  // of the previous event, or received_on
  bool correction_requested = false;
  bool extension_approved = false;

  explicit History(const Application& app) : last_date(app.received_on) {}
  void Record(const ApplicationEvent& e) {
    last_date = e.on;
    if (e.kind == EventKind::kCorrectionRequested) correction_requested = true;
    if (e.kind == EventKind::kExtensionApproved) extension_approved = true;
  }
};

// Applies event number `index` (1-based) given the state and history before it.
Result<ApplicationState> Step(const Application& app, ApplicationState state, const History& h,
                              size_t index, const ApplicationEvent& e) {
  const std::string who = "第" + std::to_string(index) + "个事件 " + std::string(ToCode(e.kind)) +
                          "（" + e.on.ToString() + "）";
  auto refuse = [&](const std::string& why) -> Result<ApplicationState> {
    return Conflict(who + why);
  };
  auto refuse_state = [&](std::string_view needed) -> Result<ApplicationState> {
    return Conflict(who + "只能在" + std::string(needed) + "时记录，当前状态为" +
                    std::string(ToChinese(state)));
  };

  if (e.on < app.received_on) {
    return refuse("早于收到申请日期（" + app.received_on.ToString() + "）");
  }
  if (index > 1 && e.on < h.last_date) {
    return refuse("早于上一事件（" + h.last_date.ToString() + "）");
  }
  if (state == ApplicationState::kClosed) {
    return refuse("不能记录：申请已办结，办结后不能再有事件");
  }

  switch (e.kind) {
    case EventKind::kCorrectionRequested:
      // Reg2019 Art. 30: the agency asks once, for every item.
      if (h.correction_requested) return refuse("不能记录：补正只能告知一次（第三十条）");
      if (state != ApplicationState::kInProgress) return refuse_state("办理中");
      return ApplicationState::kAwaitingCorrection;
    case EventKind::kCorrectionReceived:
      if (state != ApplicationState::kAwaitingCorrection) return refuse_state("待补正");
      return ApplicationState::kInProgress;
    case EventKind::kCorrectionLapsed:
      if (state != ApplicationState::kAwaitingCorrection) return refuse_state("待补正");
      return ApplicationState::kClosed;
    case EventKind::kConsultationStarted:
      if (state != ApplicationState::kInProgress) return refuse_state("办理中");
      return ApplicationState::kInConsultation;
    case EventKind::kConsultationEnded:
      if (state != ApplicationState::kInConsultation) return refuse_state("征求意见中");
      return ApplicationState::kInProgress;
    case EventKind::kExtensionApproved: {
      if (state != ApplicationState::kInProgress && state != ApplicationState::kInConsultation) {
        return refuse_state("办理中或征求意见中");
      }
      if (h.extension_approved) return refuse("不能记录：延期只能批准一次");
      const bool r2019 = app.Rules() == RuleSet::k2019;
      const int max = r2019 ? 20 : 15;  // Reg2019 Art. 33 / Reg2008 Art. 24
      if (e.extension_days < 1 || e.extension_days > max) {
        return refuse("延长 " + std::to_string(e.extension_days) + " 个工作日无效：" +
                      (r2019 ? "2019年条例第三十三条" : "2008年条例第二十四条") + "允许 1 至 " +
                      std::to_string(max) + " 个工作日");
      }
      return state;
    }
    case EventKind::kFeeNotified:
      // 信息处理费 exists only under Reg2019 (Art. 42).
      if (app.Rules() != RuleSet::k2019) {
        return refuse("不能记录：信息处理费只适用于2019年条例（第四十二条）");
      }
      if (state != ApplicationState::kInProgress) return refuse_state("办理中");
      return ApplicationState::kAwaitingFee;
    case EventKind::kFeePaid:
      if (state != ApplicationState::kAwaitingFee) return refuse_state("待缴费");
      return ApplicationState::kInProgress;
    case EventKind::kFeeLapsed:
      if (state != ApplicationState::kAwaitingFee) return refuse_state("待缴费");
      return ApplicationState::kClosed;
    case EventKind::kAnswered:
      if (!e.outcome) return refuse("缺少办理结果");
      if (!IsAnswerOutcome(*e.outcome)) {
        return refuse("的办理结果“" + std::string(ToChinese(*e.outcome)) +
                      "”不能用于答复（由相应事件自动得出）");
      }
      return ApplicationState::kClosed;
    case EventKind::kWithdrawn:
      return ApplicationState::kClosed;
  }
  return Internal(who + "未知的事件类型");
}

}  // namespace

std::string_view ToCode(ApplicationState s) {
  switch (s) {
    case ApplicationState::kInProgress:
      return "in_progress";
    case ApplicationState::kAwaitingCorrection:
      return "awaiting_correction";
    case ApplicationState::kInConsultation:
      return "in_consultation";
    case ApplicationState::kAwaitingFee:
      return "awaiting_fee";
    case ApplicationState::kClosed:
      return "closed";
  }
  return "?";
}

std::string_view ToChinese(ApplicationState s) {
  switch (s) {
    case ApplicationState::kInProgress:
      return "办理中";
    case ApplicationState::kAwaitingCorrection:
      return "待补正";
    case ApplicationState::kInConsultation:
      return "征求意见中";
    case ApplicationState::kAwaitingFee:
      return "待缴费";
    case ApplicationState::kClosed:
      return "已办结";
  }
  return "?";
}

Result<ApplicationState> ReplayEvents(const Application& app) {
  ApplicationState state = ApplicationState::kInProgress;
  History h(app);
  for (size_t i = 0; i < app.events.size(); ++i) {
    const ApplicationEvent& e = app.events[i];
    Result<ApplicationState> next = Step(app, state, h, i + 1, e);
    if (!next.ok()) return next;
    state = *next;
    h.Record(e);
  }
  return state;
}

Result<ApplicationState> ApplyEvent(const Application& app, ApplicationState state,
                                    const ApplicationEvent& event) {
  History h(app);
  for (const ApplicationEvent& e : app.events) h.Record(e);
  return Step(app, state, h, app.events.size() + 1, event);
}

std::optional<Closing> ClosingOf(const Application& app) {
  for (const ApplicationEvent& e : app.events) {
    switch (e.kind) {
      case EventKind::kAnswered:
        return Closing{e.on, e.outcome.value_or(Outcome::kOther)};
      case EventKind::kCorrectionLapsed:
        return Closing{e.on, Outcome::kCorrectionLapsed};
      case EventKind::kFeeLapsed:
        return Closing{e.on, Outcome::kFeeLapsed};
      case EventKind::kWithdrawn:
        return Closing{e.on, Outcome::kWithdrawn};
      default:
        break;
    }
  }
  return std::nullopt;
}

bool WasExtended(const Application& app) {
  for (const ApplicationEvent& e : app.events) {
    if (IsClosing(e.kind)) return false;
    if (e.kind == EventKind::kExtensionApproved) return true;
  }
  return false;
}

}  // namespace gongkai
