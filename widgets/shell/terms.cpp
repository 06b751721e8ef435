#include "terms.h"

#include <QCoreApplication>

namespace proda::terms {

namespace {
struct Term {
    const char* code;
    const char* text;
};

template <std::size_t N> QString lookup(const Term (&table)[N], const char* context, const std::string& code) {
    for (const Term& t : table)
        if (code == t.code) return QCoreApplication::translate(context, t.text);
    return QString::fromStdString(code);
}
} // namespace

QString reviewStatus(const std::string& status) {
    static const Term kTerms[] = {
        {"proposed", QT_TRANSLATE_NOOP("proda::ReviewStatus", "proposed")},
        {"accepted", QT_TRANSLATE_NOOP("proda::ReviewStatus", "accepted")},
        {"rejected", QT_TRANSLATE_NOOP("proda::ReviewStatus", "rejected")},
        {"edited", QT_TRANSLATE_NOOP("proda::ReviewStatus", "edited")},
    };
    return lookup(kTerms, "proda::ReviewStatus", status);
}

QString runStatus(const std::string& status) {
    static const Term kTerms[] = {
        {"running", QT_TRANSLATE_NOOP("proda::RunStatus", "running")},
        {"finished", QT_TRANSLATE_NOOP("proda::RunStatus", "finished")},
        {"stopped", QT_TRANSLATE_NOOP("proda::RunStatus", "stopped")},
        {"failed", QT_TRANSLATE_NOOP("proda::RunStatus", "failed")},
    };
    return lookup(kTerms, "proda::RunStatus", status);
}

QString verdict(const std::string& verdict) {
    static const Term kTerms[] = {
        {"concept_gap", QT_TRANSLATE_NOOP("proda::Verdict", "concept_gap")},
        {"reasoning_deficit", QT_TRANSLATE_NOOP("proda::Verdict", "reasoning_deficit")},
    };
    return lookup(kTerms, "proda::Verdict", verdict);
}

} // namespace proda::terms
