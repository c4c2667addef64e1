// The notice wording of data/notices/: one template per NoticeKind (<kind>.txt) and the decision
// paragraph with its legal basis per answer outcome (outcomes.txt, "code|decision|basis").
#pragma once

#include <map>
#include <string>

#include "core/application/notice.h"
#include "core/outcome.h"
#include "core/status.h"

namespace gongkai::app {

struct OutcomeWording {
  std::string decision;  // e.g. "你（单位）申请获取的信息属于可以公开的政府信息，…"
  std::string legal_basis;  // e.g. "《中华人民共和国政府信息公开条例》第三十六条第（二）项"
};

class NoticeTemplates {
 public:
  // Loads <dir>/{acceptance,correction,extension,consultation,fee,answer}.txt and
  // <dir>/outcomes.txt. Errors: kNotFound for a missing file, kInvalidInput naming the file and
  // line for a malformed one, an unknown outcome code, or an answer outcome without a line.
  static Result<NoticeTemplates> LoadDir(const std::string& dir);

  const NoticeTemplate& For(NoticeKind kind) const { return templates_.at(kind); }
  // REQUIRES: IsAnswerOutcome(o) (LoadDir guarantees a line for each).
  const OutcomeWording& Wording(Outcome o) const { return outcomes_.at(o); }

 private:
  std::map<NoticeKind, NoticeTemplate> templates_;
  std::map<Outcome, OutcomeWording> outcomes_;
};

}  // namespace gongkai::app
